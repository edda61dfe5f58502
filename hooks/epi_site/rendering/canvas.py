"""What link-preview cards and infographics share: colours, the EPI wordmark, the EU emblem with its
funding statement, and the PNG encoding.

Images are drawn in RGB, then mapped onto one fixed palette of ramps between the few colours used
(1 ms, against 38 ms for an adaptive quantisation) and written as 8-bit palette PNGs: about a third
of the size of RGB and five times faster to compress. A fixed palette and no dithering keep the
bytes the same from one build to the next.
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

from PIL import Image, ImageDraw

from .emblem import BLUE as EU_BLUE, GOLD, emblem_image
from .raster_text import drawable, fit, font

WHITE = (255, 255, 255)
EPI_BLUE = (11, 61, 145)  # --epi-blue in overrides/assets/epi.css
EPI_BLUE_DARK = (8, 44, 106)
EPI_ORANGE = (181, 61, 11)
GREY = (74, 85, 104)
INK = (20, 24, 31)
# Pillow maps colours to the palette through a cache of 4-level boxes, so no entry may lie within a
# few levels of another that is used: the rule takes a step of the white-grey ramp, not a ramp of its own.
RULE = (232, 234, 236)
# Ramps between the colours that meet in an image (text edges, the emblem's stars).
_PAIRS = ((WHITE, EPI_BLUE_DARK), (WHITE, EPI_BLUE), (WHITE, EU_BLUE), (WHITE, GREY), (WHITE, INK),
          (WHITE, EPI_ORANGE), (EPI_BLUE, WHITE), (EPI_BLUE, GOLD), (EU_BLUE, GOLD), (WHITE, GOLD))
_STEPS = 16
# zlib level 3: 2-4 ms and 24 KB for a card, against 5-10 ms and 19 KB at level 6 and 34 ms and
# 17 KB at level 9 (measured on this machine); a card is fetched once per share, a build makes 250.
COMPRESS_LEVEL = 3


@lru_cache(maxsize=1)
def _palette() -> Image.Image:
    colours: list[tuple[int, int, int]] = []
    for start, end in _PAIRS:
        for step in range(_STEPS + 1):
            t = step / _STEPS
            colour = tuple(round(a + (b - a) * t) for a, b in zip(start, end, strict=True))
            if colour not in colours:
                colours.append(colour)
    palette = Image.new("P", (1, 1))
    flat = [value for colour in colours for value in colour]
    palette.putpalette(flat)
    return palette


def indexed(image: Image.Image) -> Image.Image:
    """The RGB image on the fixed palette: each pixel independently, so parts can be mapped apart."""
    return image.quantize(palette=_palette(), dither=Image.Dither.NONE)


def encode(image: Image.Image) -> bytes:
    """A palette image as PNG: signature, header, palette, data, end, and nothing else (no time or
    software stamp). Written here rather than by Pillow's encoder, which took 6 ms a card against
    2-3 ms for the same zlib level (its per-row work), and whose output may change with its version."""
    width, height = image.size
    # Each row starts with its filter type, 0: one blank column on the left gives exactly that.
    framed = Image.new("L", (width + 1, height), 0)
    framed.paste(Image.frombytes("L", image.size, image.tobytes()), (1, 0))
    rows = framed.tobytes()
    palette = bytes(image.getpalette() or [])
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8 bits, indexed colour
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"PLTE", palette)
            + _chunk(b"IDAT", zlib.compress(rows, COMPRESS_LEVEL)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(image: Image.Image) -> bytes:
    return encode(indexed(image))


def compose(base: Image.Image, part: Image.Image, top: int) -> bytes:
    """The PNG of ``base`` (already indexed, drawn once for many images) with the RGB band ``part``
    laid over it at ``top``: only the part that differs is mapped to the palette. The bytes are those
    of png() on the whole RGB image, since the mapping is per pixel."""
    image = base.copy()
    image.paste(indexed(part), (0, top))
    return encode(image)

def wordmark(draw: ImageDraw.ImageDraw, x: int, y: int, scale: float) -> None:
    """The site's wordmark (overrides/partials/wordmark.html): EPI in a white outline, a gold rule below."""
    def s(value: float) -> int:
        return round(value * scale)
    draw.rounded_rectangle((x + s(1), y + s(1), x + s(91), y + s(39)), radius=s(6), outline=WHITE, width=max(2, s(2)))
    face = font("bold", s(24))
    letters, spacing = "EPI", s(3)
    total = sum(face.getlength(c) for c in letters) + spacing * (len(letters) - 1)
    left = x + s(46) - total / 2
    for char in letters:
        draw.text((left, y + s(28)), char, font=face, fill=WHITE, anchor="ls")
        left += face.getlength(char) + spacing
    draw.rounded_rectangle((x + s(18), y + s(32), x + s(74), y + s(35)), radius=s(1.5), fill=GOLD)


def frame(size: tuple[int, int], band: int, margin: int, wordmark_scale: float, rule_y: int,
          wordmark_top: int = 22) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """What every shared image has: white, a blue band with the wordmark and a gold stripe under it,
    and a grey rule above the footer."""
    width, _ = size
    image = Image.new("RGB", size, WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, band), fill=EPI_BLUE)
    wordmark(draw, margin, wordmark_top, wordmark_scale)
    draw.rectangle((0, band, width, band + 6), fill=GOLD)
    draw.line((margin, rule_y, width - margin, rule_y), fill=RULE, width=2)
    return image, draw


def funding_block(image: Image.Image, x: int, y: int, emblem_height: int, text: str, width: int,
                  size: int, max_lines: int = 1) -> None:
    """The EU emblem with the funding statement beside it, in EU blue (the EU's visibility rules)."""
    emblem = emblem_image(emblem_height)
    image.paste(emblem, (x, y))
    gap = emblem_height // 4
    left = x + emblem.width + gap
    fitted = fit(drawable(text, "semibold"), "semibold", width - emblem.width - gap, emblem_height,
                 range(size, max(10, size * 2 // 3) - 1, -2), leading=1.2, max_lines=max_lines)
    draw = ImageDraw.Draw(image)
    face = font("semibold", fitted.size)
    top = y + (emblem_height - fitted.height) / 2
    for i, line in enumerate(fitted.lines):
        draw.text((left, top + i * fitted.line_height + fitted.line_height * 0.8), line, font=face,
                  fill=EU_BLUE, anchor="ls")
