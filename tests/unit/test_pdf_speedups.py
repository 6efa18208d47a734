"""PDF speed: reportlab runs on its C accelerators, and reports share one embedded font
subset (built and compressed once per process) without changing what they show."""

from __future__ import annotations

import re
from datetime import datetime

from reportlab.lib import rl_accel

from mentordesk.pdf.toolkit import PdfMeta, build_pdf, para


def test_reportlab_uses_its_c_accelerators():
    # rl_accel is a dependency: without it reportlab silently falls back to Python
    # versions of its hottest helpers and a report batch takes a quarter longer.
    assert {"fp_str", "instanceStringWidthTTF", "escapePDF", "calcChecksum"} <= set(
        rl_accel._c_funcs)
    assert rl_accel.fp_str is rl_accel._c_funcs["fp_str"]


def _streams(pdf: bytes) -> list[bytes]:
    return re.findall(rb"\nstream\r?\n(.*?)endstream", pdf, re.S)


def test_reports_with_the_same_letters_embed_the_same_font_subset(pdf_text):
    meta = PdfMeta(title="Prøve", team_name="Team Øst", printed_at=datetime(2026, 11, 23, 9, 5))
    first = build_pdf([para("Åse går på værksted – § 85")], meta)
    second = build_pdf([para("Ærø: møde i uge 47 · værested")], meta)
    assert "Åse går på værksted – § 85" in pdf_text(first)
    assert "Ærø: møde i uge 47 · værested" in pdf_text(second)
    # Letters first used in a different order still get the same codes, so the large
    # font subset stream is byte-identical (built and compressed once, then reused).
    first_font = max(_streams(first), key=len)
    assert len(first_font) > 5000
    assert first_font in _streams(second)
    # A letter outside the common set still embeds and extracts.
    assert "Łukasz Şahin" in pdf_text(build_pdf([para("Łukasz Şahin")], meta))
    assert build_pdf([para("Åse")], meta) == build_pdf([para("Åse")], meta)
