"""Per-process caches that take the fixed cost out of short PDFs.

reportlab's C helpers come from the ``rl_accel`` package (a dependency). What remains
costly in a batch of short reports is that every document builds and compresses its own
font subset. Here font subsets and large compressed streams are remembered per process,
and ``seed_common_glyphs`` makes nearly every report use the same subset, so it is built
and compressed once. Same input still gives the same bytes.
"""

from __future__ import annotations

_SUBSET_CACHE_LIMIT = 64
_COMPRESS_CACHE_MIN = 8192
# Danish and common typographic letters beyond ASCII (ASCII always has its own codes).
COMMON_GLYPHS = "æøåÆØÅé–•·§"


def _make_cached_subset(slow):
    """Font subsets remembered by their glyph list: documents that use the same letters
    (see ``seed_common_glyphs``) embed the very same subset, so it is built once."""
    cache: dict = {}

    def make_subset(self, subset):
        key = (self, tuple(subset))
        try:
            return cache[key]
        except KeyError:
            if len(cache) >= _SUBSET_CACHE_LIMIT:
                cache.clear()
            data = cache[key] = slow(self, subset)
            return data

    make_subset.rl_speedup = True
    return make_subset


def _make_cached_compress(slow):
    """Flate output remembered for large, repeated streams (the embedded font subsets);
    page contents differ from page to page and are compressed as before."""
    cache: dict = {}

    def encode(self, text):
        if len(text) < _COMPRESS_CACHE_MIN:
            return slow(self, text)
        try:
            return cache[text]
        except KeyError:
            if len(cache) >= _SUBSET_CACHE_LIMIT:
                cache.clear()
            data = cache[text] = slow(self, text)
            return data

    encode.rl_speedup = True
    return encode


def seed_common_glyphs(font, document) -> None:
    """Give the letters most reports use their subset codes up front, in a fixed order.

    reportlab numbers a font's glyphs in the order a document first uses them, so two
    reports with the same letters in a different order would embed different subsets.
    Seeded, nearly every report embeds the same subset (built and compressed once).
    Unused letters cost a few hundred bytes; a font no text uses is still not embedded.
    """
    font.splitString(COMMON_GLYPHS, document)


def install() -> None:
    """Wrap reportlab's subset building and stream compression with the caches; idempotent."""
    from reportlab.pdfbase import pdfdoc, ttfonts

    if not getattr(ttfonts.TTFontFace.makeSubset, "rl_speedup", False):
        ttfonts.TTFontFace.makeSubset = _make_cached_subset(ttfonts.TTFontFace.makeSubset)
    encoder = pdfdoc.PDFStreamFilterZCompress
    if not getattr(encoder.encode, "rl_speedup", False):
        encoder.encode = _make_cached_compress(encoder.encode)
