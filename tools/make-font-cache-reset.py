#!/usr/bin/python3
"""Writes resources/fonts/hivemind-font-cache-reset.ttf.

A one-glyph TrueType font the console never draws with. Adding it to Qt's
font database and removing it again is the public way to make Qt drop its
cached font engines, which a language switch needs (see
app/shell/FontCacheReset.cpp). Run with Debian's python3-fonttools; the
output is committed, so building needs neither.
"""
import os
import sys

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

FAMILY = "HiveMind Font Cache Reset"


def notdef():
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0))
    pen.lineTo((0, 100))
    pen.lineTo((100, 100))
    pen.lineTo((100, 0))
    pen.closePath()
    return pen.glyph()


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "resources", "fonts", "hivemind-font-cache-reset.ttf")
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder([".notdef"])
    # U+E000 (private use): nothing the console shows maps to this font.
    fb.setupCharacterMap({0xE000: ".notdef"})
    fb.setupGlyf({".notdef": notdef()})
    fb.setupHorizontalMetrics({".notdef": (600, 0)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": FAMILY, "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    fb.font["head"].created = fb.font["head"].modified = 3786912000  # 2024-01-01, reproducible
    fb.save(out)


if __name__ == "__main__":
    main()
