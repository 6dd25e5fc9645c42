#!/usr/bin/python3
"""Adds an empty, zero-advance glyph for U+200B / U+2060 / U+FEFF to a TrueType font.

Why: Khru inserts U+200B (ZERO WIDTH SPACE) between Thai words so that pdfkit/pdfmake line
wrapping breaks only at word boundaries. Sarabun has no glyph for it, so fontkit draws .notdef
(a visible "tofu" box) at every break opportunity. See docs/adr/0101-thai-pdf-text.md.

Usage: /usr/bin/python3 add_zero_width.py SRC.ttf DST.ttf   (needs Debian python3-fonttools)
The output is a Modified Version under the SIL OFL 1.1 (Sarabun has no Reserved Font Name).
"""
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

ZERO_WIDTH = (0x200B, 0x2060, 0xFEFF)
NAME = "uni200B.khru"


def patch(src: str, dst: str) -> None:
    font = TTFont(src)
    order = list(font.getGlyphOrder())
    if NAME not in order:
        glyf = font["glyf"]
        glyf.glyphs[NAME] = Glyph()  # no contours: draws nothing
        order.append(NAME)
        font.setGlyphOrder(order)
        glyf.glyphOrder = order
        font["hmtx"].metrics[NAME] = (0, 0)
        font["maxp"].numGlyphs = len(order)
        if "post" in font and font["post"].formatType == 2.0:
            font["post"].extraNames = list(getattr(font["post"], "extraNames", []))
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp in ZERO_WIDTH:
                if cp <= 0xFFFF or table.format in (12, 13):
                    table.cmap[cp] = NAME
    names = font["name"]
    for rec in names.names:
        if rec.nameID == 5:
            v = rec.toUnicode()
            if "khru-zw" not in v:
                rec.string = v + "; khru-zw (zero-width glyphs added)"
    font.save(dst)


if __name__ == "__main__":
    patch(sys.argv[1], sys.argv[2])
