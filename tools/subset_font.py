"""Make the site's web fonts: Source Sans Pro, cut down to the letters of the site's eight languages (issue 17).

    python3 tools/subset_font.py                 # writes overrides/assets/fonts/
    python3 tools/subset_font.py --out DIR       # somewhere else (the tests compare the two)

The outlines come from the pinned PyPI package ``font-source-sans-pro``, the same files that draw the
link-preview cards and chart images (rendering/raster_text.py), so the pages and the pictures show one
design. Nothing is drawn or added: glyphs are only left out (and hinting dropped, which browsers on
high-density screens ignore anyway), the web optimisation the OFL's paper "Webfonts and Reserved Font
Names" counts as functionally equivalent for the texts served. The output is the same bytes on every run:
the fonts' own timestamps are kept, never the time of the run, and WOFF2's Brotli has no clock in it.

It also writes fonts.css: the @font-face rules, with ``font-display: swap`` and, for the moment before the
font arrives, a local Arial / Helvetica / Liberation Sans face scaled and given Source Sans Pro's vertical
metrics, so the text does not move when the font takes over.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
from pathlib import Path

import font_source_sans_pro
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "overrides" / "assets" / "fonts"
SOURCE = Path(font_source_sans_pro.font_directory)
FAMILY = "Source Sans Pro"
FALLBACK_FAMILY = "Source Sans Pro Fallback"
# The weights the stylesheets use: 400 and 700 (Material's 300 resolves to 400, 600 to 700).
WEIGHTS = {400: ("SourceSansPro-Regular.ttf", "source-sans-pro-regular.woff2"),
           700: ("SourceSansPro-Bold.ttf", "source-sans-pro-bold.woff2")}

# Letters of Latin Extended-A that English, Swedish, Romanian, Italian, Spanish, German, Polish and
# Latvian use (the rest of Latin-1 is kept whole), with their capitals; Romanian's comma-below letters
# (U+0218-U+021B) and, for old texts, the cedilla forms ş ţ.
EXTENDED = "ăâîșțşţąćęłńśźżāčēģīķļņšūž"
LETTERS = EXTENDED + EXTENDED.upper() + "ŞŢ"
# The punctuation and spaces the texts and the typography rules use: dashes, the languages' quotation
# marks (English and Latvian ‘’ “”, Polish and Romanian „” «», German „“ ‚‘, Swedish ”’,
# Italian and Spanish «»), ellipsis, middle dot, the breadcrumbs' ›, degree, euro, minus, bullet, and the no-break
# spaces (U+00A0 is in Latin-1; U+202F narrow, U+2007 figure). The font has no thin space (U+2009): the
# browser takes it from the next font in the list, a space looks the same in any.
PUNCTUATION = "–—‘’‚“”„‹›«»…·•°€−\u202f\u2007"
RANGES = [(0x20, 0x7E), (0xA0, 0xFF)]


def codepoints() -> list[int]:
    points = {c for start, end in RANGES for c in range(start, end + 1)}
    points |= {ord(c) for c in LETTERS + PUNCTUATION}
    return sorted(points)


def unicode_range(points: list[int]) -> str:
    """The CSS unicode-range of a sorted list of code points, in runs."""
    runs: list[list[int]] = []
    for point in points:
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in runs)


def options() -> subset.Options:
    opts = subset.Options()
    opts.flavor = "woff2"
    opts.hinting = False  # about a third of the bytes; high-density and Mac screens ignore it
    # Kerning, ligatures, marks and Romanian's and Polish's local forms: the features text needs.
    opts.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, the licence and its address
    opts.name_languages = [0x409]
    opts.glyph_names = False
    opts.notdef_outline = True
    opts.recalc_timestamp = False  # the file says when the font was made, not when it was cut
    opts.recalc_bounds = True
    opts.drop_tables += ["DSIG", "BASE"]
    return opts


def subset_font(source: Path, points: list[int]) -> bytes:
    font = TTFont(source, recalcTimestamp=False, lazy=False)
    subsetter = subset.Subsetter(options())
    subsetter.populate(unicodes=points)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff2"
    font.save(out, reorderTables=True)
    return out.getvalue()


# Arial's advance widths (units of a 2048 em), as Liberation Sans 2 has them: Liberation Sans is made
# metric-compatible with Arial, and Helvetica's widths are within a few units of both. Written here, not
# read from a system font, so the script gives the same CSS on a machine without either.
FALLBACK_WIDTHS = {
    400: {" ": 569, "a": 1139, "b": 1139, "c": 1024, "d": 1139, "e": 1139, "f": 569, "g": 1139, "h": 1139,
          "i": 455, "j": 455, "k": 1024, "l": 455, "m": 1706, "n": 1139, "o": 1139, "p": 1139, "q": 1139,
          "r": 682, "s": 1024, "t": 569, "u": 1139, "v": 1024, "w": 1479, "x": 1024, "y": 1024, "z": 1024},
    700: {" ": 569, "a": 1139, "b": 1251, "c": 1139, "d": 1251, "e": 1139, "f": 682, "g": 1251, "h": 1251,
          "i": 569, "j": 569, "k": 1139, "l": 569, "m": 1821, "n": 1251, "o": 1251, "p": 1251, "q": 1251,
          "r": 797, "s": 1139, "t": 682, "u": 1251, "v": 1139, "w": 1593, "x": 1139, "y": 1139, "z": 1024},
}
FALLBACK_EM = 2048
FALLBACK_FACES = {400: ["Arial", "ArialMT", "Helvetica", "Liberation Sans", "LiberationSans", "Arimo"],
                  700: ["Arial Bold", "Arial-BoldMT", "Helvetica Bold", "Helvetica-Bold", "Liberation Sans Bold",
                        "LiberationSans-Bold", "Arimo Bold"]}
# How often each letter and the space occur in running text, per thousand characters: the eight
# languages' texts of the site averaged (December 2026), each accented letter counted with its base letter.
# A width that is right on average in every language, not only English's.
FREQUENCY = {" ": 142, "e": 106, "a": 90, "i": 79, "t": 71, "r": 62, "n": 60, "o": 53, "s": 53, "l": 35,
             "d": 31, "c": 31, "u": 31, "p": 26, "m": 20, "g": 18, "h": 14, "b": 12, "k": 12, "z": 10, "v": 10,
             "f": 9, "w": 9, "j": 8, "y": 7, "q": 1, "x": 1}


def average_width(widths: dict[str, int], em: int) -> float:
    return sum(widths[c] * n for c, n in FREQUENCY.items()) / sum(FREQUENCY.values()) / em


def metrics(source: Path) -> dict[str, float]:
    """The font's vertical metrics (as the browsers read them: hhea) and average width, in ems."""
    font = TTFont(source, lazy=True)
    em, hhea, cmap, hmtx = font["head"].unitsPerEm, font["hhea"], font.getBestCmap(), font["hmtx"]
    widths = {c: hmtx[cmap[ord(c)]][0] for c in FREQUENCY}
    return {"ascent": hhea.ascent / em, "descent": -hhea.descent / em, "line_gap": hhea.lineGap / em,
            "width": average_width(widths, em)}


def percent(value: float) -> str:
    return f"{value * 100:.2f}%"


def stylesheet(points: list[int]) -> str:
    lines = ["/* Made by tools/subset_font.py: do not edit, run it again. Source Sans Pro, SIL Open Font",
             "   License 1.1 (LICENSE.txt beside this file). The fallback faces are the reader's own Arial,",
             "   Helvetica or Liberation Sans, scaled to Source Sans Pro's average letter width and given its",
             "   ascent and descent, so that nothing moves when the web font arrives (font-display: swap). */"]
    span = unicode_range(points)
    for weight, (source, target) in WEIGHTS.items():
        m = metrics(SOURCE / source)
        lines += ["@font-face {", f'  font-family: "{FAMILY}"; font-style: normal; font-weight: {weight};',
                  "  font-display: swap;", f'  src: url("{target}") format("woff2");',
                  f"  ascent-override: {percent(m['ascent'])}; descent-override: {percent(m['descent'])};"
                  f" line-gap-override: {percent(m['line_gap'])};",
                  f"  unicode-range: {span};", "}"]
    for weight, (source, _target) in WEIGHTS.items():
        m = metrics(SOURCE / source)
        adjust = m["width"] / average_width(FALLBACK_WIDTHS[weight], FALLBACK_EM)
        local = ", ".join(f'local("{name}")' for name in FALLBACK_FACES[weight])
        lines += ["@font-face {", f'  font-family: "{FALLBACK_FAMILY}"; font-style: normal; font-weight: {weight};',
                  f"  src: {local};", f"  size-adjust: {percent(adjust)};",
                  f"  ascent-override: {percent(m['ascent'] / adjust)};"
                  f" descent-override: {percent(m['descent'] / adjust)};"
                  f" line-gap-override: {percent(m['line_gap'] / adjust)};", "}"]
    return "\n".join(lines) + "\n"


def write(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    points = codepoints()
    written = []
    for source, target in WEIGHTS.values():
        (out / target).write_bytes(subset_font(SOURCE / source, points))
        written.append(out / target)
    (out / "fonts.css").write_text(stylesheet(points), encoding="utf-8", newline="\n")
    shutil.copyfile(SOURCE / "LICENSE.txt", out / "LICENSE.txt")
    return [*written, out / "fonts.css", out / "LICENSE.txt"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="the folder to write (default: %(default)s)")
    args = parser.parse_args(argv)
    for path in write(args.out):
        print(f"{path.stat().st_size:>7} bytes  {path}")
    print(stylesheet(codepoints()), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
