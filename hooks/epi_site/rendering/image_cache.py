"""Drawn images cached by their content, so a rebuild redraws only the cards and charts that changed.

The key is a hash of everything drawn, the drawing code, the font files and the versions of Pillow and
zlib (a different encoder could give other bytes). The cache lives in ``.cache/images/`` at the
project's root (ignored by git), never in docs/ or content/; a hit returns the very bytes a fresh
drawing gives, and a damaged or missing entry is simply drawn again.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Callable

import PIL

from .raster_text import fonts_digest

_PNG_START = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"
_DRAWING_CODE = ("canvas.py", "cards.py", "emblem.py", "infographics.py", "raster_text.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    for name in _DRAWING_CODE:
        digest.update((folder / name).read_bytes())
    digest.update(fonts_digest().encode())
    digest.update(f"{PIL.__version__} {zlib.ZLIB_RUNTIME_VERSION}".encode())
    return digest.hexdigest()


class ImageCache:
    def __init__(self, folder: Path | None):
        self.folder = folder
        self.drawn = 0

    def get(self, kind: str, content: str, draw: Callable[[], bytes]) -> bytes:
        key = hashlib.sha256(f"{code_version()}\n{kind}\n{content}".encode()).hexdigest()
        path = self.folder / key[:2] / f"{key}.png" if self.folder else None
        if path is not None:
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
            if data.startswith(_PNG_START) and data.endswith(_PNG_END):
                return data
        data = draw()
        self.drawn += 1
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside, then renamed: a build stopped midway never leaves half a file under the key.
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)
        return data
