"""The shared PDF toolkit: fonts embedded, user text literal, pages numbered, stable bytes."""

from __future__ import annotations

import subprocess
from datetime import datetime

from mentordesk.pdf.toolkit import PdfMeta, build_pdf, data_table, para

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
