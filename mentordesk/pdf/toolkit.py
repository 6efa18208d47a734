"""The shared PDF toolkit: embedded fonts, escaped user text, A4 pages with a header and
"Side x af y", document metadata.

Every MentorDesk PDF (handleplan, progression report, economy overview, recovery sheet)
is built with ``build_pdf`` so they look alike and share the same safety rules:

* User text goes through ``paragraph_text`` (or ``para``): reportlab's Paragraph parses
  markup, so ``<b`` crashes it and ``<img src=…>`` would read local files. Escaping makes
  every character appear literally; line breaks are kept.
* The DejaVu Sans TTF is embedded (Helvetica cannot show "Ł" or "Ş", and text would not
  extract), registered once per process.
* Output is deterministic (``invariant``): the same content gives the same bytes, so a
  frozen report can be compared and reprinted.
* A draft is marked: ``PdfMeta.watermark`` prints a large, light grey word up the right
  margin of every page, beside the content so it never hides text.
* Table cells break an over-long word (an e-mail or web address) after "@", ".", "/"
  or "-" rather than mid-word (``BreakableParagraph``).
* Speed: reportlab's C helpers come from ``rl_accel``; ``speedups`` seeds common
  letters into every font subset so documents share one embedded subset, built and
  compressed once per process.

reportlab costs ~150 ms to import: callers import this module inside export actions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag

from mentordesk.domain.dates import format_date
from mentordesk.pdf import speedups

# reportlab's C accelerators are not installed: swap in faster, byte-identical helpers.
speedups.install()

FONT = "MentorSans"
FONT_BOLD = "MentorSans-Bold"
FONT_ITALIC = "MentorSans-Oblique"
PAGE_SIZE = A4
MARGIN = 18 * mm
HEADER_COLOUR = colors.HexColor("#1F4E79")
GRID_COLOUR = colors.HexColor("#B7C4D1")
SHADE_COLOUR = colors.HexColor("#E8EEF4")
WATERMARK_COLOUR = colors.HexColor("#E2E2E2")
WATERMARK_SIZE = 40

# C0 controls except tab and newline, and the DEL: reportlab cannot draw them, and they
# mean nothing on paper. Right-to-left marks and other format characters are kept.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class PdfMeta:
    """What goes in the document's properties and on every page's header and footer."""

    title: str
    team_name: str
    printed_at: datetime
    subject: str = ""
    author: str = "MentorDesk"
    logo_png: bytes | None = None
    watermark: str = ""  # e.g. "KLADDE": printed across every page of the section


@cache
def register_fonts() -> None:
    """Register the embedded DejaVu family once per process."""
    folder = resources.files(__package__).joinpath("fonts")
    for name, file_name in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf"),
                            (FONT_ITALIC, "DejaVuSans-Oblique.ttf")):
        with resources.as_file(folder.joinpath(file_name)) as font_path:
            pdfmetrics.registerFont(TTFont(name, str(font_path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC,
                                  boldItalic=FONT_BOLD)


def paragraph_text(text: str) -> str:
    """User text as Paragraph markup that shows every character literally."""
    printable = _UNPRINTABLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(printable).replace("\t", "    ").replace("\n", "<br/>")


@cache
def styles() -> StyleSheet1:
    register_fonts()
    sheet = StyleSheet1()
    sheet.add(ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5,
                             alignment=TA_LEFT, spaceAfter=4))
    sheet.add(ParagraphStyle("small", parent=sheet["body"], fontSize=8.5, leading=11))
    sheet.add(ParagraphStyle("cell", parent=sheet["body"], fontSize=9, leading=11.5,
                             spaceAfter=0))
    sheet.add(ParagraphStyle("cell_bold", parent=sheet["cell"], fontName=FONT_BOLD))
    sheet.add(ParagraphStyle("title", parent=sheet["body"], fontName=FONT_BOLD, fontSize=17,
                             leading=21, spaceAfter=8, textColor=HEADER_COLOUR))
    sheet.add(ParagraphStyle("heading", parent=sheet["body"], fontName=FONT_BOLD,
                             fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4,
                             textColor=HEADER_COLOUR, keepWithNext=True))
    sheet.add(ParagraphStyle("subheading", parent=sheet["body"], fontName=FONT_BOLD,
                             fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2,
                             keepWithNext=True))
    return sheet


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of user (or any) plain text, escaped."""
    return plain_paragraph(text, styles()[style])


def plain_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """``Paragraph(paragraph_text(text), style)`` without running the markup parser.

    Escaped plain text holds only three entities and ``<br/>``, so its fragments can be
    made directly from the parser's own output for that style; parsing costs most of the
    time of building a report. The fragments equal the parsed ones (a test compares them),
    so layout and drawing are unchanged.
    """
    cleaned, frags = _plain_frags(text, style)
    return Paragraph(cleaned, style, frags=frags)


def cell_paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A table cell's plain text: like ``plain_paragraph``, and an over-long word breaks
    at a sensible point once the cell's width is known."""
    cleaned, frags = _plain_frags(text, style)
    cell = BreakableParagraph(cleaned, style, frags=frags)
    cell.plain_text = text
    return cell


class BreakableParagraph(Paragraph):
    """A paragraph that breaks a word too wide for its column after "@", ".", "/" or "-".

    reportlab breaks lines only at spaces and splits a longer word at whatever letter
    reaches the edge ("kommu|ne.dk"). An address broken after its dots and "@" still
    reads, and is copied, as one address. Only ``cell_paragraph`` sets ``plain_text``;
    the halves reportlab makes when it splits a paragraph keep their lines as they are.
    """

    plain_text: str | None = None
    _broken_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self.plain_text is not None:
            self._break_long_words(availWidth - self.style.leftIndent - self.style.rightIndent)
        return super().wrap(availWidth, availHeight)

    def _break_long_words(self, width: float) -> None:
        if width == self._broken_for:
            return
        self._broken_for = width
        self.text, self.frags = _plain_frags(
            break_long_words(self.plain_text or "", width, self.style.fontName,
                             self.style.fontSize), self.style)


_BREAK_AFTER = re.compile(r"(?<=[@./-])(?=.)")


def break_long_words(text: str, width: float, font_name: str, font_size: float) -> str:
    """``text`` with a line break inside each word wider than ``width``, placed after the
    last "@", ".", "/" or "-" that still fits. A piece too wide by itself is left whole
    (reportlab then splits it where it must)."""
    if pdfmetrics.stringWidth(text, font_name, font_size) <= width:
        return text  # the common case: nothing can be too wide

    def fits(piece: str) -> bool:
        return pdfmetrics.stringWidth(piece, font_name, font_size) <= width

    def break_word(word: str) -> str:
        if fits(word):
            return word
        lines = [""]
        for piece in _BREAK_AFTER.split(word):
            if lines[-1] and not fits(lines[-1] + piece):
                lines.append("")
            lines[-1] += piece
        return "\n".join(lines)

    return "\n".join(" ".join(break_word(word) for word in line.split(" "))
                     for line in text.split("\n"))


def _plain_frags(text: str, style: ParagraphStyle) -> tuple[str, list[ParaFrag]]:
    """The cleaned markup and the fragments the parser would make of plain ``text``."""
    cleaned = cleanBlockQuotedText(paragraph_text(text))
    text_frag, break_frag = _frag_templates(style)
    shared: dict[str, list] = {"link": [], "us_lines": []}  # the parser shares these lists too
    frags = []
    for token in _PLAIN_TOKENS.split(cleaned):
        if token == "<br/>":
            frags.append(break_frag.clone(**shared))
        elif token:
            frags.append(text_frag.clone(text=_ENTITIES.get(token, token), **shared))
    return cleaned, frags


_PLAIN_TOKENS = re.compile("(&amp;|&lt;|&gt;|<br/>)")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
_FRAG_TEMPLATES: dict[int, tuple[ParagraphStyle, ParaFrag, ParaFrag]] = {}


def _frag_templates(style: ParagraphStyle) -> tuple[ParaFrag, ParaFrag]:
    """The parser's text and line-break fragments for ``style``, parsed once per style."""
    entry = _FRAG_TEMPLATES.get(id(style))
    if entry is None or entry[0] is not style:
        text_frag, break_frag, _ = Paragraph("x<br/>y", style).frags
        entry = _FRAG_TEMPLATES[id(style)] = (style, text_frag, break_frag)
    return entry[1], entry[2]


def markup(trusted_markup: str, style: str = "body") -> Paragraph:
    """A paragraph of the program's own markup; user text inside must be ``paragraph_text``."""
    return Paragraph(trusted_markup, styles()[style])


# Every table's first style command: even when its cells are Paragraphs with their own font,
# a table sets its cell font on the canvas, and reportlab's default (Helvetica) would then
# be referenced, unembedded, by the PDF.
TABLE_FONT = ("FONTNAME", (0, 0), (-1, -1), FONT)


def data_table(header: Sequence[str], rows: Sequence[Sequence[str]],
               col_widths: Sequence[float] | None = None,
               align_right: Sequence[int] = ()) -> Table:
    """A table that splits across pages and repeats its header row; cells are escaped.

    Cells are Paragraphs, so long text wraps inside its column instead of overflowing,
    and a long address breaks after its "@" and dots (``cell_paragraph``).
    A single cell taller than a page cannot split: put long free text in ``para`` instead.
    """
    cell, cell_bold = styles()["cell"], styles()["cell_bold"]
    body = [[cell_paragraph(text, cell_bold) for text in header]]
    body += [[cell_paragraph(text, cell) for text in row] for row in rows]
    table = Table(body, colWidths=col_widths, repeatRows=1)
    commands = [
        TABLE_FONT,
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_COLOUR),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    table.setStyle(TableStyle(commands))
    for column in align_right:
        for row in body[1:]:
            row[column].style = ParagraphStyle("cell_right", parent=cell, alignment=2)
    return table


def content_width() -> float:
    return PAGE_SIZE[0] - 2 * MARGIN


class SectionStart(Flowable):
    """Invisible marker: the page it lands on starts a new section (e.g. one report in a
    combined batch file) with its own header title and its own "Side x af y"."""

    def __init__(self, section_meta: PdfMeta) -> None:
        super().__init__()
        self.section_meta = section_meta
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.start_section(self.section_meta)


def build_pdf(story: list[Flowable], meta: PdfMeta) -> bytes:
    """Lay out ``story`` on A4 pages with header and "Side x af y"; return the PDF bytes.

    ``SectionStart`` markers in the story (each after a PageBreak) split the document into
    sections that are numbered separately; pages before the first marker use ``meta``.
    """
    register_fonts()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=PAGE_SIZE, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + 12 * mm, bottomMargin=MARGIN + 4 * mm,
        title=meta.title, author=meta.author, subject=meta.subject, creator="MentorDesk",
        lang="da-DK",
        # Otherwise each canvas starts in Helvetica, a font then referenced unembedded.
        initialFontName=FONT,
    )
    previous = rl_config.invariant, rl_config.useA85
    # Invariant output: no creation timestamp or random document id, so identical content
    # gives identical bytes (the printed-at time on the page is part of the content).
    # Binary streams: reportlab's pure-Python ASCII85 encoder costs about a tenth of a
    # report's time, and a PDF is a binary file anyway.
    rl_config.invariant, rl_config.useA85 = 1, 0
    try:
        document.build(list(story), canvasmaker=_page_canvas_class(meta))
    finally:
        rl_config.invariant, rl_config.useA85 = previous
    return buffer.getvalue()


def _page_canvas_class(meta: PdfMeta) -> type[Canvas]:
    """A canvas that knows the page count when it draws each page's header and footer."""

    class PageCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            for font_name in (FONT, FONT_BOLD, FONT_ITALIC):
                speedups.seed_common_glyphs(pdfmetrics.getFont(font_name), self._doc)
            self._pages: list[dict] = []
            self._sections: list[tuple[int, PdfMeta]] = [(0, meta)]

        def start_section(self, section_meta: PdfMeta) -> None:
            first_page = len(self._pages)
            if self._sections[-1][0] == first_page:
                self._sections.pop()  # nothing printed under the previous heading yet
            self._sections.append((first_page, section_meta))

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            ends = [first for first, _meta in self._sections[1:]] + [len(self._pages)]
            for (first, section_meta), end in zip(self._sections, ends, strict=True):
                for index in range(first, end):
                    self.__dict__.update(self._pages[index])
                    if section_meta.watermark:
                        _draw_beneath_content(self, section_meta.watermark)
                    _draw_page_furniture(self, section_meta, index - first + 1, end - first)
                    super().showPage()
            super().save()

    return PageCanvas


def _draw_page_furniture(canvas: Canvas, meta: PdfMeta, number: int, total: int) -> None:
    width, height = PAGE_SIZE
    top = height - MARGIN
    canvas.saveState()
    text_left = MARGIN
    if meta.logo_png:
        logo = ImageReader(BytesIO(meta.logo_png))
        logo_width, logo_height = logo.getSize()
        scale = min(10 * mm / logo_height, 30 * mm / logo_width)
        canvas.drawImage(logo, MARGIN, top - 8 * mm, width=logo_width * scale,
                         height=logo_height * scale, mask="auto")
        text_left = MARGIN + logo_width * scale + 3 * mm
    canvas.setFont(FONT_BOLD, 9)
    canvas.setFillColor(HEADER_COLOUR)
    canvas.drawString(text_left, top - 4 * mm, _single_line(meta.team_name))
    canvas.setFont(FONT, 8.5)
    canvas.setFillColor(colors.black)
    canvas.drawRightString(width - MARGIN, top - 4 * mm, _single_line(meta.title))
    canvas.setStrokeColor(GRID_COLOUR)
    canvas.line(MARGIN, top - 9 * mm, width - MARGIN, top - 9 * mm)
    canvas.setFont(FONT, 8)
    printed = f"Udskrevet {format_date(meta.printed_at.date())} kl. {meta.printed_at:%H.%M}"
    canvas.drawString(MARGIN, MARGIN, printed)
    canvas.drawRightString(width - MARGIN, MARGIN, f"Side {number} af {total}")
    canvas.restoreState()


def _draw_beneath_content(canvas: Canvas, watermark: str) -> None:
    """The watermark, upright in the right margin and beneath what is already drawn.

    In the margin, not diagonally across the text: it hides nothing, and text extraction
    (copying, screen readers) gets it as one word instead of letters scattered through
    the lines. Pages are finished before their furniture is drawn (the page count must
    be known), so the watermark's commands move to the start of the page's content
    stream, as one balanced saveState/restoreState block that leaves nothing behind.
    """
    first_command = len(canvas._code)
    width, height = PAGE_SIZE
    canvas.saveState()
    canvas.setFillColor(WATERMARK_COLOUR)
    canvas.setFont(FONT_BOLD, WATERMARK_SIZE)
    canvas.translate(width - MARGIN / 2, height / 2)
    canvas.rotate(90)
    canvas.drawCentredString(0, -WATERMARK_SIZE * 0.35, _single_line(watermark))
    canvas.restoreState()
    commands = canvas._code[first_command:]
    del canvas._code[first_command:]
    canvas._code[0:0] = commands


def _single_line(text: str) -> str:
    return " ".join(_UNPRINTABLE.sub("", text).split())[:120]
