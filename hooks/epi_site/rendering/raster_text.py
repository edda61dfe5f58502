"""Text drawn into images (link-preview cards, infographics): the pinned font, and fitting text in a box.

The font comes from the pinned ``font-source-sans-pro`` package, never from the machine, and Pillow's
basic layout is used even where libraqm is installed, so the same text gives the same pixels on every
machine. Contributors' titles are untrusted: control and formatting characters (bidirectional
overrides, zero-width joiners) are removed, characters the font has no glyph for are left out rather
than drawn as empty boxes, and a text that cannot fit is shrunk within bounds, then cut with an ellipsis.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import font_source_sans_pro
from PIL import ImageFont

FONT_DIR = Path(font_source_sans_pro.font_directory)
WEIGHTS = {"regular": "SourceSansPro-Regular.ttf", "semibold": "SourceSansPro-Semibold.ttf",
           "bold": "SourceSansPro-Bold.ttf"}
ELLIPSIS = "…"
HYPHEN = "-"
# Far outside any script the font covers: its rendering is the font's .notdef glyph.
_NO_GLYPH = "\U0010fffd"
NBSP = "\u00a0"  # a space where a line must not break (rendering/typography.py)
_NO_BREAK = {"\u00a0", "\u2007", "\u202f"}  # the no-break spaces, drawn as one


@lru_cache(maxsize=64)
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / WEIGHTS[weight]), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=1)
def fonts_digest() -> str:
    """A fingerprint of the font files, part of every cached image's key."""
    digest = hashlib.sha256()
    for name in sorted(WEIGHTS.values()):
        digest.update((FONT_DIR / name).read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=4096)
def has_glyph(weight: str, char: str) -> bool:
    """True when the font draws ``char`` with a glyph of its own (not the .notdef box)."""
    if char.isspace():
        return char in (" ", NBSP)
    probe = font(weight, 40)
    mask, missing = probe.getmask(char), probe.getmask(_NO_GLYPH)
    return not (mask.size == missing.size and bytes(mask) == bytes(missing)
                and probe.getlength(char) == probe.getlength(_NO_GLYPH))


def drawable(text: str, weight: str) -> str:
    """The text as it can be drawn: composed letters, no control characters, one space between words
    (a no-break space stays one: lines never break there)."""
    text = unicodedata.normalize("NFC", str(text))
    kept = []
    for char in text:
        if char in _NO_BREAK:
            kept.append(NBSP)
        elif char.isspace() or unicodedata.category(char) in ("Zl", "Zp"):
            kept.append(" ")
        elif unicodedata.category(char)[0] == "C" or not has_glyph(weight, char):
            continue
        else:
            kept.append(char)
    words = "".join(kept).split(" ")
    words = (re.sub(f"{NBSP}+", NBSP, word).strip(NBSP) for word in words)
    return " ".join(word for word in words if word)


MAX_LETTERS_PER_LINE = 400  # more than a 1,200-pixel line holds even of "i" at the smallest size


@dataclass(frozen=True)
class Fitted:
    lines: tuple[str, ...]
    size: int
    line_height: int

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


def _split_long_word(word: str, face, width: float) -> list[str]:
    """A word wider than the line, cut where the line ends, each cut marked with a hyphen."""
    parts, current = [], ""
    for char in word:
        if current and face.getlength(current + char + HYPHEN) > width:
            parts.append(current + HYPHEN)
            current = char
        else:
            current += char
    return parts + ([current] if current else [])


def wrap(text: str, face, width: float, break_words: bool) -> list[str] | None:
    """Lines of at most ``width`` pixels, as measured by the font; None when a word alone is too wide."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if face.getlength(word) > width:
            if not break_words:
                return None
            pieces = _split_long_word(word, face, width)
            if current:
                lines.append(current)
            lines += pieces[:-1]
            current = pieces[-1]
            continue
        candidate = f"{current} {word}" if current else word
        if current and face.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def balance(text: str, face, width: float, lines: list[str]) -> list[str]:
    """The same number of lines, as even as they go (CSS's ``text-wrap: balance``): the narrowest
    measure that still needs no more lines, so no last line holds a lone word that could have company."""
    if len(lines) < 2:
        return lines
    low, high = max(face.getlength(word) for word in text.split(" ")), float(width)
    best = lines
    while high - low > 1:
        middle = (low + high) / 2
        trial = wrap(text, face, middle, break_words=False)
        if trial is not None and len(trial) <= len(lines):
            best, high = trial, middle
        else:
            low = middle
    return best


def _ellipsise(line: str, face, width: float) -> str:
    while line and face.getlength(line.rstrip() + ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


def fit(text: str, weight: str, width: int, height: int, sizes: range, leading: float = 1.15,
        max_lines: int = 4) -> Fitted:
    """The largest size in ``sizes`` (largest first) at which ``text`` fits the box, wrapped at words;
    at the smallest size, long words are broken and what still does not fit ends with an ellipsis."""
    sizes = list(sizes)
    # Measuring is the cost of drawing, and a label or title has no length limit of its own: a
    # 30,000-letter word in a chart label took the build 25 seconds to cut. No line of an image
    # holds MAX_LETTERS_PER_LINE letters, so cutting there first changes no picture that fits.
    limit = MAX_LETTERS_PER_LINE * max_lines
    if len(text) > limit:
        text = text[:limit].rstrip() + ELLIPSIS
    for size in sizes:
        face = font(weight, size)
        line_height = round(size * leading)
        rows = max(1, min(max_lines, height // line_height))
        lines = wrap(text, face, width, break_words=size == sizes[-1])
        if lines is not None and len(lines) <= rows:
            return Fitted(tuple(balance(text, face, width, lines)), size, line_height)
    kept = lines[:rows]
    kept[-1] = _ellipsise(kept[-1], face, width)
    return Fitted(tuple(kept), size, line_height)
