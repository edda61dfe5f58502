"""Drawn images cached by their content, so a rebuild redraws only the cards and charts that changed.

The key is a hash of everything drawn, the drawing code, the font files and the versions of Pillow and
zlib (a different encoder could give other bytes). The cache lives outside the repository, in the
user's cache folder (``$XDG_CACHE_HOME/epi-site/images/``, else ``~/.cache/epi-site/images/``), where
a pull request cannot put a file: a PNG committed under the key would otherwise be published in
place of the drawn one. A hit returns the very bytes a fresh drawing gives, and a damaged or missing
entry is simply drawn again. An entry no build has used for
a week is removed (``prune``): each change of a title or of the drawing code leaves old images behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from collections.abc import Callable

import PIL

from .raster_text import fonts_digest

_PNG_START = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"
# The modules whose code draws: a change in any of them changes every key. A test keeps the list whole
# (every module of the package they import is here, or prepares only the data the key already holds);
# typography.py was missing, and a cache kept Spanish cards drawn before its rules changed.
_DRAWING_CODE = ("canvas.py", "cards.py", "emblem.py", "infographics.py", "raster_text.py", "typography.py")
# Imported by a drawing module, but only to make the text drawn, which is part of each key.
DATA_ONLY = ("chart_view.py", "language.py")


@lru_cache(maxsize=1)
def code_version() -> str:
    digest = hashlib.sha256()
    folder = Path(__file__).parent
    for name in _DRAWING_CODE:
        digest.update((folder / name).read_bytes())
    digest.update(fonts_digest().encode())
    digest.update(f"{PIL.__version__} {zlib.ZLIB_RUNTIME_VERSION}".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Drawing:
    """One image to find in the cache or draw: ``draw(argument)`` gives its PNG bytes. Both must
    pickle (a module-level function and plain data), to be drawn in a helper process."""
    kind: str
    content: str
    draw: Callable[[Any], bytes]
    argument: Any


# Fewer missing images are drawn in the build's own process: starting the helper processes costs
# about 0.3 s, the time of some thirty drawings (a title edited in eight languages is eight).
PARALLEL_FROM = 32
_helpers: ProcessPoolExecutor | None = None


def _cores() -> int:
    """The cores this process may use, up to 8: a language's 32 images keep no more busy."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(cores, 8)


def _draw(job: tuple[Callable[[Any], bytes], Any]) -> bytes:
    draw, argument = job
    return draw(argument)


def draw_all(jobs: list[tuple[Callable[[Any], bytes], Any]]) -> list[bytes]:
    """Draw on every core when there are many (a first build, a new font): one helper process per
    core, started at most once per build (see ``stop_helpers``), spawned rather than forked
    because the build has threads."""
    global _helpers
    if len(jobs) < PARALLEL_FROM or _cores() < 2:
        return [_draw(job) for job in jobs]
    if _helpers is None:
        _helpers = ProcessPoolExecutor(max_workers=_cores(), mp_context=multiprocessing.get_context("spawn"))
    try:
        return list(_helpers.map(_draw, jobs, chunksize=max(1, len(jobs) // (4 * _cores()))))
    except BrokenProcessPool:
        # A helper could not start, as when the build runs from a script without a __main__ guard:
        # draw here, slower but the same bytes.
        stop_helpers()
        return [_draw(job) for job in jobs]


def stop_helpers() -> None:
    """At the end of a build, or after a failed one: no helper outlives the build that needed it."""
    global _helpers
    helpers, _helpers = _helpers, None
    if helpers is not None:
        helpers.shutdown(wait=True, cancel_futures=True)


UNUSED_FOR = 7 * 24 * 3600  # seconds: a week, so that switching branches or languages redraws nothing


def cache_folder() -> Path:
    """The user's cache folder for drawn images (XDG's rule: a relative XDG_CACHE_HOME is ignored)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "epi-site" / "images"


class ImageCache:
    def __init__(self, folder: Path | None):
        self.folder = folder
        self.drawn = 0
        self.used: set[Path] = set()

    def _path(self, kind: str, content: str) -> Path | None:
        key = hashlib.sha256(f"{code_version()}\n{kind}\n{content}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.png" if self.folder else None

    def _read(self, path: Path | None) -> bytes | None:
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if not (data.startswith(_PNG_START) and data.endswith(_PNG_END)):
            return None
        if path not in self.used:
            self.used.add(path)
            with contextlib.suppress(OSError):
                os.utime(path)  # its last use, for ``prune``
        return data

    def _keep(self, path: Path | None, data: bytes) -> None:
        self.drawn += 1
        if path is not None:
            self.used.add(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside, then renamed: a build stopped midway never leaves half a file under the key.
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)

    def get(self, kind: str, content: str, draw: Callable[[], bytes]) -> bytes:
        path = self._path(kind, content)
        data = self._read(path)
        if data is None:
            data = draw()
            self._keep(path, data)
        return data

    def get_all(self, drawings: list[Drawing]) -> list[bytes]:
        """The images in order: cached ones read, missing ones drawn together (see ``draw_all``)."""
        paths = [self._path(d.kind, d.content) for d in drawings]
        found = [self._read(path) for path in paths]
        missing = [i for i, data in enumerate(found) if data is None]
        for i, data in zip(missing, draw_all([(drawings[i].draw, drawings[i].argument) for i in missing]), strict=True):
            self._keep(paths[i], data)
            found[i] = data
        return found

    def prune(self, now: float | None = None) -> int:
        """Remove the entries no build has used for ``UNUSED_FOR``, and leftovers of stopped builds;
        return how many. Entries this build used are never removed."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        limit = (time.time() if now is None else now) - UNUSED_FOR
        removed = 0
        for path in sorted(self.folder.glob("*/*")):
            if path in self.used or not path.is_file() or path.is_symlink():
                continue
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                pass  # another build removed it first
        return removed
