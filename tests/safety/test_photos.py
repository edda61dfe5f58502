"""Photos as editors upload them. What a phone puts in a photo beside the picture (GPS
position, serial number, author) never reaches the site, and no image is too large to build or read."""

from __future__ import annotations

import io
import time
import zlib
import struct
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from conftest import LANGUAGES, build, check
from hostile import build_unchecked

XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Anna Svensson"/></rdf:RDF></x:xmpmeta>')


def _exif(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = "Anna Svensson"  # Artist
    exif[0x010F] = "Phonemaker"
    exif[0x0110] = "Model 7"
    if orientation:
        exif[0x0112] = orientation
    exif.get_ifd(0x8825).update({1: "N", 2: (58.0, 24.0, 36.0), 3: "E", 4: (15.0, 37.0, 12.0)})
    exif.get_ifd(0x8769).update({0xA431: "SN-4471-2209", 0x9003: "2021:05:04 10:11:12"})
    return exif


def _picture(size=(64, 32), mode="RGB") -> Image.Image:
    image = Image.new(mode, size, (200, 40, 40) if mode == "RGB" else (200, 40, 40, 128))
    for x in range(size[0] // 2):
        for y in range(size[1]):
            image.putpixel((x, y), (20, 90, 200) if mode == "RGB" else (20, 90, 200, 255))
    return image


def _jpeg(orientation: int | None = 6) -> bytes:
    out = io.BytesIO()
    _picture().save(out, "JPEG", exif=_exif(orientation), xmp=XMP, comment=b"taken at Storgatan 5")
    return out.getvalue()


def _png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Anna Svensson")
    info.add_text("Comment", "Storgatan 5, Linkoping", zip=True)  # zTXt
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    _picture(mode="RGBA").save(out, "PNG", pnginfo=info, exif=_exif())
    return out.getvalue()


def _webp() -> bytes:
    out = io.BytesIO()
    _picture().save(out, "WEBP", exif=_exif(), xmp=XMP, quality=90)
    return out.getvalue()


def _png_chunks(data: bytes) -> list[bytes]:
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunks.append(kind)
        at += 12 + length
    return chunks


def _assert_bare(data: bytes, where: str) -> None:
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif(), where
        assert "xmp" not in image.info and "exif" not in image.info and "comment" not in image.info, where
        assert "icc_profile" not in image.info, where
        assert not getattr(image, "text", {}), where
    for secret in (b"Anna", b"Svensson", b"SN-4471", b"Storgatan", b"Phonemaker", b"xmpmeta"):
        assert secret not in data, (where, secret)
    if data.startswith(b"\x89PNG"):
        assert not {b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP"} & set(_png_chunks(data)), where


def _published(site: Path, lang: str, path: str) -> Path:
    return site / ("" if lang == "en" else lang) / path


def _add_news_image(scratch: Path, image: str) -> None:
    item = scratch / "content/news/2020-01-01-epi-starts.en.md"
    text = item.read_text(encoding="utf-8")
    item.write_text(text.replace("phase: reviews\n", f"phase: reviews\nimage: {image}\nimage_alt: The partners meet\n", 1),
                    encoding="utf-8")


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    """A project with a phone's JPEG, PNG and WebP in docs/assets/, the PNG also a news item's image."""
    from synthetic import copy_project
    root = copy_project(tmp_path_factory.mktemp("photos") / "project")
    assets = root / "docs/assets"
    assets.mkdir(exist_ok=True)
    (assets / "photo.jpg").write_bytes(_jpeg())
    (assets / "meeting.png").write_bytes(_png())
    (assets / "street.webp").write_bytes(_webp())
    _add_news_image(root, "assets/meeting.png")
    site = root.parent / "site"
    result = build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, site


@pytest.mark.parametrize("name", ["photo.jpg", "meeting.png", "street.webp"])
def test_every_copy_of_the_photo_is_published_without_its_metadata(photo_site, name):
    """The languages share docs/assets/ (each language's pages link to the one copy): every copy
    the site holds, wherever it is, is bare."""
    _, site = photo_site
    copies = sorted(site.rglob(name))
    assert site / "assets" / name in copies
    for published in copies:
        _assert_bare(published.read_bytes(), str(published.relative_to(site)))


def test_the_photo_is_published_upright_and_keeps_its_format(photo_site):
    _, site = photo_site
    with Image.open(site / "assets/photo.jpg") as image:
        assert image.format == "JPEG" and image.size == (32, 64)  # EXIF orientation 6 applied: turned
        top, bottom = image.getpixel((16, 4)), image.getpixel((16, 60))
    assert top[2] > 150 and bottom[0] > 150  # the blue half, turned clockwise, is now at the top
    with Image.open(site / "assets/meeting.png") as image:
        assert image.format == "PNG" and image.mode == "RGBA" and image.getpixel((60, 5))[3] == 128
    with Image.open(site / "assets/street.webp") as image:
        assert image.format == "WEBP" and image.size == (64, 32)


@pytest.mark.slow
def test_two_builds_write_the_same_photos(photo_site, tmp_path):
    root, first = photo_site
    second = tmp_path / "site"
    result = build(root, second)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("photo.jpg", "meeting.png", "street.webp"):
        assert (first / "assets" / name).read_bytes() == (second / "assets" / name).read_bytes(), name


def test_the_news_items_image_is_the_bare_photo_in_every_language(photo_site):
    _, site = photo_site
    from lxml import html
    for lang in LANGUAGES:
        folder = _published(site, lang, "news/2020-01-01-epi-starts")
        page = html.fromstring((folder / "index.html").read_bytes())
        sources = [s for s in page.xpath("//img/@src") if "meeting.png" in s]
        assert sources, lang
        _assert_bare((folder / sources[0]).resolve().read_bytes(), f"{lang}: news image")


@pytest.mark.parametrize("name,maker,held", [
    ("photo.jpg", _jpeg, ["a GPS position", "a camera serial number", "an author's name", "XMP data", "a comment"]),
    ("meeting.png", _png, ["a GPS position", "an author's name", "text notes (Comment)", "XMP data"]),
    ("street.webp", _webp, ["a GPS position", "a camera serial number", "an author's name", "XMP data"]),
])
def test_the_check_warns_what_the_build_leaves_out(scratch, name, maker, held):
    (scratch / "docs/assets").mkdir(exist_ok=True)
    (scratch / "docs/assets" / name).write_bytes(maker())
    result = check(scratch)
    assert result.returncode == 0, result.stdout  # a warning, not a problem
    line = next(line for line in result.stdout.splitlines() if f"docs/assets/{name}" in line)
    assert "the site publishes the photo without them" in line, line
    for what in held:
        assert what in line, (what, line)


def test_a_bare_photo_gets_no_warning(scratch):
    (scratch / "docs/assets").mkdir(exist_ok=True)
    out = io.BytesIO()
    _picture().save(out, "JPEG")
    (scratch / "docs/assets/plain.jpg").write_bytes(out.getvalue())
    result = check(scratch)
    assert result.returncode == 0 and "plain.jpg" not in result.stdout, result.stdout


# --- size limits ---------------------------------------------------------------------------------

def _huge_png(width: int, height: int) -> bytes:
    """A PNG of ``width`` x ``height`` black pixels, a few hundred KB, written by hand: Pillow would
    need the pixels in memory to write it."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # 1-bit greyscale
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(0, height)) + compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _huge_png(50_000, 50_000)


def test_a_decompression_bomb_is_refused_without_being_decoded(scratch, bomb):
    assert len(bomb) < 1_000_000
    (scratch / "docs/assets").mkdir(exist_ok=True)
    (scratch / "docs/assets/map.png").write_bytes(bomb)
    started = time.monotonic()
    result = check(scratch)
    assert time.monotonic() - started < 30  # 2.5 billion pixels decoded would take minutes and 2.5 GB
    assert result.returncode == 1, result.stdout
    assert "docs/assets/map.png" in result.stdout and "megapixels" in result.stdout, result.stdout
    assert "resize it to 2000 px wide" in result.stdout, result.stdout


def test_the_build_never_publishes_nor_decodes_a_bomb(scratch, tmp_path, bomb):
    (scratch / "docs/assets").mkdir(exist_ok=True)
    (scratch / "docs/assets/map.png").write_bytes(bomb)
    site = tmp_path / "site"
    result = build_unchecked(scratch, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not list(site.rglob("map.png"))


def test_just_over_the_pixel_limit_is_refused_with_the_width_to_resize_to(scratch):
    (scratch / "docs/assets").mkdir(exist_ok=True)
    (scratch / "docs/assets/wide.png").write_bytes(_huge_png(8000, 5100))  # 40.8 megapixels
    result = check(scratch)
    assert result.returncode == 1 and "8,000 x 5,100 pixels" in result.stdout, result.stdout
    assert "resize it to 2000 px wide" in result.stdout


def test_a_file_over_the_byte_limit_is_refused(scratch):
    (scratch / "docs/assets").mkdir(exist_ok=True)
    noise = Image.frombytes("RGB", (1900, 1900), __import__("os").urandom(1900 * 1900 * 3))
    out = io.BytesIO()
    noise.save(out, "PNG", compress_level=0)
    assert len(out.getvalue()) > 10_000_000
    (scratch / "docs/assets/scan.png").write_bytes(out.getvalue())
    result = check(scratch)
    assert result.returncode == 1, result.stdout
    assert "docs/assets/scan.png" in result.stdout and "MB; the limit is 10 MB" in result.stdout, result.stdout
    assert "resize it to 1900 px wide" in result.stdout


def test_a_damaged_image_is_refused(scratch):
    (scratch / "docs/assets").mkdir(exist_ok=True)
    (scratch / "docs/assets/broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    result = check(scratch)
    assert result.returncode == 1 and "docs/assets/broken.jpg" in result.stdout
    assert "cannot be read as an image" in result.stdout, result.stdout


def test_a_large_legitimate_photo_is_published_at_a_page_width(scratch, tmp_path):
    (scratch / "docs/assets").mkdir(exist_ok=True)
    out = io.BytesIO()
    _picture((4800, 3200)).save(out, "JPEG", quality=95, exif=_exif())
    (scratch / "docs/assets/big.jpg").write_bytes(out.getvalue())
    assert check(scratch).returncode == 0
    site = tmp_path / "site"
    assert build(scratch, site).returncode == 0
    for published in site.rglob("big.jpg"):
        with Image.open(published) as image:
            assert image.size == (2000, 1333), published
    assert (site / "assets/big.jpg").is_file()
