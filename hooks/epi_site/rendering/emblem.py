"""The EU emblem as a raster image, drawn from its geometric description.

Mail clients block SVG, and link previews and shareable images are PNG, so
the emblem that ``overrides/assets/eu-emblem.svg`` draws for pages is drawn
here too, with Pillow. The geometry is the official one: a 3:2 blue
rectangle; twelve gold five-pointed stars, each with one point upwards, on an
invisible circle whose radius is a third of the height; each star's points lie
on a circle whose radius is one eighteenth of the height.

Drawn at four times the size and scaled down, so the edges are smooth; the
same input always gives the same pixels, so builds stay byte-identical.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw

PNG_PATH = "assets/eu-emblem.png"  # where the build publishes it, once for every language

BLUE = (0, 51, 153)  # Reflex Blue, #039
GOLD = (255, 204, 0)  # Yellow, #FC0
SUPERSAMPLE = 4


def _star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


@lru_cache(maxsize=8)
def emblem_image(height: int) -> Image.Image:
    """The emblem, ``height`` pixels high and one and a half times as wide (RGB)."""
    big = height * SUPERSAMPLE
    width = big * 3 // 2
    image = Image.new("RGB", (width, big), BLUE)
    draw = ImageDraw.Draw(image)
    cx, cy, ring, outer = width / 2, big / 2, big / 3, big / 18
    for i in range(12):
        angle = math.radians(-90 + 30 * i)
        draw.polygon(_star(cx + ring * math.cos(angle), cy + ring * math.sin(angle), outer), fill=GOLD)
    return image.resize((width // SUPERSAMPLE, height), Image.Resampling.LANCZOS)


def png_bytes(image: Image.Image) -> bytes:
    """PNG without any time or software stamp, so two builds give the same bytes."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=9)
    return buffer.getvalue()


@lru_cache(maxsize=4)
def emblem_png(height: int = 128) -> bytes:
    return png_bytes(emblem_image(height))
