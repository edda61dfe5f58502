"""A preview whose build fails says why in the browser, not only in the terminal.

``python3 tools/dev.py preview`` and ``serve`` rebuild the site when a file is saved. When that build
fails, the live-reload server would keep every request waiting for a site that never comes. Instead,
the builds run through a ``FailedBuild``: it keeps what the failed build said (the check's problems,
a strict build's warnings, an error's message) and the server answers every page with those words,
as text, until a build succeeds; the page reloads itself then, as the site's pages do.
"""

from __future__ import annotations

import html
import logging
import threading
import traceback
from collections.abc import Callable
from pathlib import PurePosixPath


class _Said(logging.Handler):
    """What a build logs at WARNING or above: a failing build's reasons (MkDocs logs the check's report)."""

    def __init__(self, ignored: tuple[str, ...]) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.ignored = ignored

    def emit(self, record: logging.LogRecord) -> None:
        if record.name not in self.ignored:
            self.messages.append(record.getMessage())


class FailedBuild:
    """Runs the preview's builds; ``messages`` holds why the last one failed, and is empty after one
    that succeeded. ``logger`` is the generator's, whose records say why, except those of the loggers
    ``ignored`` (the server's, which logs requests)."""

    def __init__(self, build: Callable, logger: str, ignored: tuple[str, ...] = ()) -> None:
        self._build, self._logger, self._ignored = build, logger, ignored
        self._idle = threading.Event()
        self._idle.set()
        self.messages: list[str] = []

    def __call__(self, *args, **kwargs) -> None:
        said = _Said(self._ignored)
        logging.getLogger(self._logger).addHandler(said)
        self._idle.clear()
        try:
            self._build(*args, **kwargs)
        except Exception as error:  # any failure: the server serves its reasons, and does not wait
            if not said.messages:  # nothing said in the terminal yet: an error of the code, with its traceback
                traceback.print_exc()
            self.messages = list(dict.fromkeys([*said.messages, str(error)]))
            logging.getLogger(self._logger).error("The build failed: the preview shows why in the browser "
                                                  "until a build succeeds.")
        else:
            self.messages = []
        finally:
            logging.getLogger(self._logger).removeHandler(said)
            self._idle.set()

    def answers(self, path: str) -> bool:
        """Whether a request for ``path`` gets the failure's page: a page's, while the build fails. Asked
        during a build, it answers once the build is done, as the server waits to serve the new site."""
        self._idle.wait()
        if not self.messages or path.startswith("/livereload/"):
            return False
        name = PurePosixPath(path).name
        return path.endswith("/") or name.endswith(".html") or "." not in name

    def page(self) -> bytes:
        messages = "\n\n".join(self.messages)
        return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The build failed</title>'
                '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
                '<body style="font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; '
                'padding: 0 1rem">'
                "<h1>The site could not be built</h1>"
                "<p>Fix what is said below and save the file: this page shows the site again as soon as it "
                "builds. The terminal running the preview says the same.</p>"
                f'<pre style="white-space: pre-wrap">{html.escape(messages)}</pre>'
                "</body></html>").encode()
