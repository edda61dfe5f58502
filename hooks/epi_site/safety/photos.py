"""Photos as an editor uploads them: what they hold beside the picture, and how large they are.

A phone photo carries its GPS position, the camera's serial number, the owner's name and the time
it was taken (EXIF, XMP, PNG text chunks, JPEG comments, the text of an ICC profile). Published as
it is, all of it reaches every reader in eight languages. The build therefore never copies a raster
image: it decodes it (turned upright first, as its EXIF orientation says), and encodes the pixels
alone again, with fixed settings, so that two builds write the same bytes. The check tells the
editor what the build leaves out, as a warning: publishing the photo without it is what the editor
meant.

Size: a 50,000 x 50,000-pixel PNG of 0.3 MB decodes to 10 GB of memory. Pixels and bytes have
limits the check refuses with the width to resize to; the header is read (never the pixels) before
the size is known to be within them, and Pillow's own decompression-bomb guard is set to the limit.
A legitimate large photo is published at a width a screen can use.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

RASTER = (".jpg", ".jpeg", ".png", ".webp")
MAX_PIXELS = 40_000_000  # a 40-megapixel camera; nothing a page shows needs more
MAX_BYTES = 10_000_000
PUBLISHED_WIDTH = 2000  # wider than any screen shows a photo in a page; the rest is download weight
JPEG_QUALITY = 85
WEBP_QUALITY = 85

# Pillow refuses to decode more than twice this and warns above it: the limit is ours.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

_GPS_IFD, _EXIF_IFD = 0x8825, 0x8769
_AUTHOR_TAGS = (0x013B, 0x8298, 0x9C9D)  # Artist, Copyright, XPAuthor
_SERIAL_TAGS = (0xA431, 0xA435)  # BodySerialNumber, LensSerialNumber
_CAMERA_TAGS = (0x010F, 0x0110)  # Make, Model
_TAKEN_TAGS = (0x9003, 0x9004)  # DateTimeOriginal, DateTimeDigitized
_AUTHOR_TEXT_KEYS = ("author", "artist", "copyright", "creator", "owner")


class PhotoError(Exception):
    """A file that is not an image Pillow can read, or one beyond the limits; str() says which."""


@dataclass(frozen=True)
class Photo:
    format: str
    width: int
    height: int
    held: tuple[str, ...]  # what the file holds beside the picture, in words: "a GPS position", …


def resize_fix(width: int, height: int) -> str:
    """How to bring an image within the limits, with the width to resize it to."""
    scale = min(1.0, (MAX_PIXELS / max(1, width * height)) ** 0.5, PUBLISHED_WIDTH / max(1, width))
    target = max(1, int(width * scale))
    return (f"resize it to {target} px wide (or less) in a photo editor, and save it as JPEG at about 85% quality; "
            f"the site shows photos at most {PUBLISHED_WIDTH} px wide")


def _open(data: bytes) -> Image.Image:
    """The image's header, read without decoding any pixel; refused beyond the pixel limit."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise PhotoError(f"this image has more than {2 * MAX_PIXELS:,} pixels; the limit is {MAX_PIXELS:,} "
                         f"({MAX_PIXELS // 1_000_000} megapixels)") from None
    except Exception as error:  # Pillow raises many kinds for a damaged file
        raise PhotoError(f"this file cannot be read as an image ({type(error).__name__})") from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise PhotoError(f"this image is {width:,} x {height:,} pixels ({width * height / 1e6:,.0f} megapixels); "
                         f"the limit is {MAX_PIXELS // 1_000_000} megapixels")
    return image


def inspect(data: bytes) -> Photo:
    """What a raster image is and holds, or PhotoError; reads metadata, never the pixels."""
    if len(data) > MAX_BYTES:
        raise PhotoError(f"this image is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB")
    image = _open(data)
    return Photo(image.format or "", image.width, image.height, _held(image))


def _held(image: Image.Image) -> tuple[str, ...]:
    held: list[str] = []
    try:
        exif = image.getexif()
    except Exception:
        exif = None
    if exif:
        try:
            gps = exif.get_ifd(_GPS_IFD)
            details = exif.get_ifd(_EXIF_IFD)
        except Exception:
            gps, details = {}, {}
        if gps:
            held.append("a GPS position")
        if any(details.get(tag) for tag in _SERIAL_TAGS) or 0x927C in details:
            held.append("a camera serial number" if any(details.get(tag) for tag in _SERIAL_TAGS)
                        else "the camera maker's notes")
        if any(exif.get(tag) for tag in _AUTHOR_TAGS):
            held.append("an author's name")
        if any(exif.get(tag) for tag in _CAMERA_TAGS):
            held.append("the camera's make and model")
        if any(details.get(tag) for tag in _TAKEN_TAGS):
            held.append("the time it was taken")
        if not held:
            held.append("camera data (EXIF)")
    text = getattr(image, "text", None) or {}
    xmp = image.info.get("xmp") or text.get("XML:com.adobe.xmp")
    if any(key.casefold() in _AUTHOR_TEXT_KEYS for key in text) and "an author's name" not in held:
        held.append("an author's name")
    notes = [key for key in text if key != "XML:com.adobe.xmp" and key.casefold() not in _AUTHOR_TEXT_KEYS]
    if notes:
        held.append("text notes (" + ", ".join(sorted(notes)[:5]) + ")")
    if xmp:
        held.append("XMP data (which may name the author and the place)")
    if image.info.get("comment"):
        held.append("a comment")
    if image.info.get("icc_profile"):
        held.append("a colour profile with its own text")
    return tuple(dict.fromkeys(held))


def said(held: tuple[str, ...]) -> str:
    """'a GPS position, a camera serial number and an author's name'."""
    return held[0] if len(held) == 1 else ", ".join(held[:-1]) + " and " + held[-1]


def _in_srgb(image: Image.Image) -> Image.Image:
    """The picture in sRGB, its colour profile applied rather than carried (a profile holds text)."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if "A" in image.mode else "RGB"
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=mode)
        return converted if converted is not None else image
    except Exception:  # a damaged profile: the pixels as they are
        return image


def published(data: bytes) -> bytes:
    """The image to publish: upright, in sRGB, at most ``PUBLISHED_WIDTH`` wide, with nothing but
    its pixels (and transparency), in its own format, encoded the same way in every build.
    Raises PhotoError for what the check refuses."""
    inspect(data)
    image = _open(data)
    kind = image.format
    image.load()
    image = ImageOps.exif_transpose(image)  # before the EXIF that says how goes
    image = _in_srgb(image)
    if kind == "JPEG":
        image = image.convert("L" if image.mode in ("L", "1") else "RGB")
    elif image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.mode or "transparency" in image.info else "RGB")
    if image.width > PUBLISHED_WIDTH:
        if image.mode == "P":
            image = image.convert("RGBA")
        height = max(1, round(image.height * PUBLISHED_WIDTH / image.width))
        image = image.resize((PUBLISHED_WIDTH, height), Image.Resampling.LANCZOS)
    transparency = image.info.get("transparency")
    image.info = {"transparency": transparency} if transparency is not None and kind == "PNG" else {}
    out = io.BytesIO()
    if kind == "JPEG":
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, subsampling="4:2:0")
    elif kind == "WEBP":
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=6)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


_PUBLISHED: dict[tuple[str, int, int], bytes] = {}


def published_file(path: Path) -> bytes:
    """``published`` for a file of docs/, encoded once for the eight languages that each copy it."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _PUBLISHED:
        _PUBLISHED[key] = published(path.read_bytes())
    return _PUBLISHED[key]
