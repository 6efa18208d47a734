"""The shared PDF toolkit: fonts embedded, user text literal, pages numbered, stable bytes."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from mentordesk.pdf.toolkit import (
    PdfMeta,
    break_long_words,
    build_pdf,
    data_table,
    para,
    register_fonts,
)

HOSTILE = '<b>fed</b> & <img src="/etc/passwd"/> <font size="40">x</font> =cmd|\' /C calc\'!A0'
META = PdfMeta(title="Prøvedokument", team_name="Team Øst", printed_at=datetime(2026, 11, 23, 9, 5))


def test_user_text_appears_literally_with_foreign_letters(pdf_text):
    pdf = build_pdf([para("Łukasz Şahin og Åse Ærø"), para(HOSTILE + "\nanden linje")], META)
    text = pdf_text(pdf)
    assert "Łukasz Şahin og Åse Ærø" in text
    assert '<b>fed</b> & <img src="/etc/passwd"/> <font size="40">x</font>' in text
    assert "root:" not in text
    lines = [line.strip() for line in text.splitlines()]
    assert "anden linje" in lines


def test_control_characters_are_dropped_not_fatal(pdf_text):
    text = pdf_text(build_pdf([para("før\x00\x07\x1befter")], META))
    assert "førefter" in text


def test_long_table_and_50_kb_note_flow_over_numbered_pages(pdf_text, tmp_path):
    rows = [[f"Række {number}", "I gang"] for number in range(150)]
    story = [data_table(["Delmål", "Status"], rows), para("lang note " * 5000)]
    pdf = build_pdf(story, META)
    text = pdf_text(pdf)
    pages = text.count("\f")
    assert pages >= 5
    assert f"Side 1 af {pages}" in text and f"Side {pages} af {pages}" in text
    # The header row repeats on every page the table spans.
    assert text.count("Delmål") >= 3
    assert "Række 149" in text


def test_fonts_are_embedded_and_metadata_set(tmp_path):
    path = tmp_path / "meta.pdf"
    path.write_bytes(build_pdf([para("Łukasz")], META))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    font_lines = fonts.splitlines()[2:]  # below pdffonts' two header lines
    assert font_lines and all("DejaVuSans" in line for line in font_lines)
    # Every font is embedded: a reader's PC never substitutes (and "Ł" never drops out).
    assert all(line.split()[-5] == "yes" for line in font_lines)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Prøvedokument" in info


def test_same_content_gives_identical_bytes():
    story = lambda: [para("Samme indhold"), data_table(["A"], [["1"]])]  # noqa: E731
    assert build_pdf(story(), META) == build_pdf(story(), META)


def test_a_long_address_in_a_table_cell_breaks_after_at_and_dots(pdf_text):
    address = "mette.kristiansen-hougaard@socialforvaltningen.kommune.example.dk"
    table = data_table(["Navn", "E-mail"], [["Mette", f"Skriv til {address} i dag"]],
                       col_widths=[30 * mm, 45 * mm])
    text = pdf_text(build_pdf([table], META))
    # Each line of the narrow column ends at "@", "." or "-": no part split inside a word.
    broken = r"\s*\n\s*".join((r"mette\.kristiansen-", "hougaard@", r"socialforvaltningen\.",
                                 r"kommune\.example\.dk"))
    assert re.search(broken, text), text


def test_a_word_with_nowhere_to_break_is_left_for_reportlab_to_split():
    register_fonts()
    width = pdfmetrics.stringWidth("abcdefghij", "MentorSans", 9)
    assert break_long_words("abcdefghijklmnop", width, "MentorSans", 9) == "abcdefghijklmnop"
    assert break_long_words("ab.cd ok", width * 10, "MentorSans", 9) == "ab.cd ok"
    assert break_long_words("abcdefgh.ijklmnop@qr.st", width, "MentorSans", 9) == \
        "abcdefgh.\nijklmnop@\nqr.st"
