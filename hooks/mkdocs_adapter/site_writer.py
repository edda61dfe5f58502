"""Writes the build's generated files on a second thread while the pages are rendered.

A build writes several hundred images, data files and feeds into new folders. That is the
kernel's work (folders, inodes, pages), during which Python releases the GIL, so one writer
thread does it on the machine's other core while the build goes on rendering.
One thread, in order: a later write to the same path wins, as it would without it.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path


def _write(path: Path, content: bytes) -> None:
    os.makedirs(path.parent, exist_ok=True)
    with open(path, "wb") as output:
        output.write(content)


class SiteWriter:
    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[tuple[Path, Future]] = []

    def write(self, path: Path, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="epi-site-writer")
        self._pending.append((path, self._pool.submit(_write, path, data)))

    def finish(self) -> None:
        """Wait for every write; raise the first failure, naming its file."""
        pending, self._pending = self._pending, []
        pool, self._pool = self._pool, None
        try:
            for path, future in pending:
                error = future.exception()
                if error is not None:
                    raise OSError(f"could not write {path}: {error}") from error
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def cancel(self) -> None:
        """After a failed build: drop what has not started, and wait for what has."""
        pending, self._pending = self._pending, []
        pool, self._pool = self._pool, None
        for _, future in pending:
            future.cancel()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
