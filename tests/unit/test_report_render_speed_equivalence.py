"""The fast path for escaped plain text (``plain_paragraph``: fragments built without the
markup parser) shows exactly what the parsed paragraph shows, for ordinary and hostile
user text: same fragments, same extracted text, same PDF bytes."""

from __future__ import annotations

import re
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from mentordesk.pdf.toolkit import (
    PdfMeta,
    build_pdf,
    data_table,
    para,
    paragraph_text,
    plain_paragraph,
    styles,
)

META = PdfMeta(title="Prøve", team_name="Team Øst", printed_at=datetime(2026, 11, 23, 9, 5))
SAMPLES = [
    "Åse går på værksted – § 85",
    "<b>fed</b> & <i>kursiv</i> &amp; &lt;br/&gt;",
    '<img src="/etc/passwd"/> <font color=red>rød</font>',
    "Linje et\nLinje to\r\n\r\nefter tom linje\rsidste",
    "  mange   mellemrum\t\tog tabulator  ",
    "\x00styre\x07tegn\x1f og DEL\x7f",
    "",
    "   ",
    "\n\n",
    "&",
    "<br/>",
    "Łukasz Şahin ‏ עברית",
    "1.234,56 kr. · uge 47 · 23-11-2026",
]
STYLE_NAMES = ["body", "small", "cell", "cell_bold", "title", "heading", "subheading"]


def _parsed(text: str, style_name: str) -> Paragraph:
    """The normal path: the escaped markup through reportlab's parser."""
    return Paragraph(paragraph_text(text), styles()[style_name])


def _frag_dicts(paragraph: Paragraph) -> list[dict]:
    return [dict(vars(frag)) for frag in paragraph.frags]


def test_fast_fragments_equal_parsed_fragments_for_samples():
    for style_name in STYLE_NAMES:
        for text in SAMPLES:
            fast = plain_paragraph(text, styles()[style_name])
            assert _frag_dicts(fast) == _frag_dicts(_parsed(text, style_name)), (text,
                                                                                  style_name)
            assert fast.style is styles()[style_name]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab &<>;/\n\r\t\x00\xa0æø–", "<br/>", "&amp;", "&lt;",
                                 "<b>", "&#65;"])).map("".join),
       st.sampled_from(STYLE_NAMES))
def test_fast_fragments_equal_parsed_fragments_for_any_text(text, style_name):
    fast = plain_paragraph(text, styles()[style_name])
    assert _frag_dicts(fast) == _frag_dicts(_parsed(text, style_name))


def test_fast_path_gives_the_same_pdf_and_text(pdf_text):
    fast_story = [para(text, style) for style in ("body", "cell") for text in SAMPLES]
    parsed_story = [_parsed(text, style) for style in ("body", "cell") for text in SAMPLES]
    fast_pdf, parsed_pdf = build_pdf(fast_story, META), build_pdf(parsed_story, META)
    assert fast_pdf == parsed_pdf
    shown = pdf_text(fast_pdf)
    assert shown == pdf_text(parsed_pdf)
    # What the reader sees: markup and entities literally, never interpreted.
    assert "<b>fed</b> & <i>kursiv</i> &amp; &lt;br/&gt;" in shown
    assert '<img src="/etc/passwd"/> <font color=red>rød</font>' in shown
    assert re.search(r"Linje et *\n *Linje to", shown)  # line breaks kept
    assert "Side 1 af" in shown


def test_data_table_on_the_fast_path_matches_parsed_cells_over_a_page_split(pdf_text):
    header = ["Navn", "Bemærkning <b>", "Beløb"]
    rows = [[f"Borger {n} & Co", f"<i>note</i> {n}\nanden linje", f"{n}.234,56 kr."]
            for n in range(120)]
    fast_pdf = build_pdf([data_table(header, rows, align_right=(2,))], META)

    parsed = data_table(header, rows, align_right=(2,))
    for row_index, row in enumerate([header, *rows]):
        for column, text in enumerate(row):
            cell = parsed._cellvalues[row_index][column]
            reparsed = Paragraph(paragraph_text(text), cell.style)
            assert _frag_dicts(cell) == _frag_dicts(reparsed)
    shown = pdf_text(fast_pdf)
    assert shown.count("Bemærkning <b>") >= 2  # the header repeats on the next page
    assert "Borger 119 & Co" in shown and "<i>note</i> 119" in shown
    assert "Side 2 af" in shown
