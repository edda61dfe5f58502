"""A mistake made while previewing shows in the browser, not only in the terminal (issue 20): while the
build fails, every page is the build's messages, as text; the next build that succeeds brings the
site back. Tried on the preview itself, started in a scratch copy and read without a browser."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from mkdocs_adapter.failed_build import FailedBuild

NEWS = "content/news/2020-01-01-epi-starts.en.md"
WAIT = 180  # seconds for a build, on a machine other builds share


def failing_build():
    logging.getLogger("epi-test").error("'<b>2020</b>' is not a date")
    logging.getLogger("epi-test.server").warning('"GET /approach/ HTTP/1.1" code 404')  # not a reason
    raise RuntimeError("Aborted with a BuildError!")


def test_a_failed_build_keeps_its_reasons_and_a_good_one_forgets_them():
    builds = [failing_build, lambda: None]
    failed = FailedBuild(lambda: builds.pop(0)(), "epi-test", ignored=("epi-test.server",))
    failed()
    assert failed.messages == ["'<b>2020</b>' is not a date", "Aborted with a BuildError!"]
    page = failed.page().decode()
    assert "&#x27;&lt;b&gt;2020&lt;/b&gt;&#x27; is not a date" in page and "<b>2020" not in page
    assert all(failed.answers(path) for path in ("/", "/sv/approach/", "/404.html", "/news"))
    assert not any(failed.answers(path) for path in ("/assets/epi.css", "/livereload/1/2", "/cards/a.png"))
    failed()
    assert failed.messages == [] and not failed.answers("/")


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:  # noqa: S310 (an http URL of the test's own)
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def until(url: str, wanted, log: Path) -> tuple[int, str]:
    deadline = time.monotonic() + WAIT
    while True:
        try:
            found = fetch(url)
        except OSError:  # not listening yet
            found = (0, "")
        if wanted(*found):
            return found
        assert time.monotonic() < deadline, f"{url} answered {found[0]}:\n{found[1][:500]}\n{log.read_text()[-3000:]}"
        time.sleep(0.5)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_the_preview_shows_a_broken_files_problems_in_the_page_and_the_site_once_fixed(scratch):
    shutil.copytree(ROOT / "tools", scratch / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    port, log = free_port(), scratch / "preview.log"
    url = f"http://127.0.0.1:{port}/approach/"
    with log.open("wb") as out:
        # As tools/dev.py starts it; in a session of its own, so that its server stops with it.
        preview = subprocess.Popen([sys.executable, "-P", str(scratch / "tools" / "preview.py"), "sv",
                                    "--dev-addr", f"127.0.0.1:{port}"], cwd=scratch, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True,
                                   env={**os.environ, "PYTHONSAFEPATH": "1", "NO_MKDOCS_2_WARNING": "1"})
    try:
        status, page = until(url, lambda status, _: status == 200, log)
        assert "<h1" in page and "Approach" in page
        news = scratch / NEWS
        good = news.read_text(encoding="utf-8")
        assert good.count("\ndate: 2020-01-01\n") == 1
        news.write_text(good.replace("\ndate: 2020-01-01\n", '\ndate: "<b>2020</b>"\n'), encoding="utf-8")
        status, page = until(url, lambda _, page: "could not be built" in page, log)
        assert f"{NEWS}:3 (front matter.date): &#x27;&lt;b&gt;2020&lt;/b&gt;&#x27; is not a date" in page
        assert "<b>2020" not in page
        assert "livereload" in page  # the page reloads itself when the next build is done
        news.write_text(good, encoding="utf-8")
        status, page = until(url, lambda _, page: "could not be built" not in page, log)
        assert status == 200 and "<h1" in page and "Approach" in page
    finally:
        os.killpg(preview.pid, signal.SIGTERM)
        try:
            preview.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(preview.pid, signal.SIGKILL)
            preview.wait()
