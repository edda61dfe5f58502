"""The raster EU emblem (for email editions, link previews and shareable images)."""

from __future__ import annotations

import io

from PIL import Image

from epi_site.rendering.emblem import BLUE, GOLD, emblem_image, emblem_png


def near(pixel, colour) -> bool:
    return sum(abs(a - b) for a, b in zip(pixel, colour, strict=False)) < 60


def test_the_emblem_has_the_official_proportions_and_colours():
    image = emblem_image(180)
    assert image.size == (270, 180)
    assert image.getpixel((135, 90)) == BLUE  # the centre of the circle of stars is empty
    assert image.getpixel((5, 5)) == BLUE
    # The top star's centre lies a third of the height above the centre, its point upwards:
    # gold below the point, blue beside it.
    assert near(image.getpixel((135, 30)), GOLD)
    assert near(image.getpixel((135, 22)), GOLD)
    assert near(image.getpixel((127, 22)), BLUE)
    # Twelve stars of outer radius h/18 = 10 px: each about 38 % of its circle, 120 px².
    pixels = image.tobytes()
    golds = sum(1 for i in range(0, len(pixels), 3) if near(pixels[i:i + 3], GOLD))
    assert 12 * 90 < golds < 12 * 150


def test_the_emblem_png_is_the_same_bytes_every_time():
    first = emblem_png(64)
    emblem_png.cache_clear()
    emblem_image.cache_clear()
    assert emblem_png(64) == first
    assert Image.open(io.BytesIO(first)).format == "PNG"


def test_the_built_site_publishes_the_png_emblem_once(site):
    png = site / "assets" / "eu-emblem.png"
    with Image.open(png) as image:
        assert image.format == "PNG" and image.size == (192, 128)
    assert not (site / "sv" / "assets" / "eu-emblem.png").exists()
