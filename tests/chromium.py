"""Debian's Chromium driven by Playwright, and a local server of the built site: the fixtures and helpers
every browser test shares. A test module imports the fixtures it names (``from chromium import browser,
server``); importing this module skips the importing one where Playwright is missing."""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = os.environ.get("EPI_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-quic", "--no-first-run", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no browser at {CHROMIUM}: run the tests with python3 tools/dev.py test, which installs it")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def url(server, lang, path):
    return server + ("" if lang == "en" else f"{lang}/") + path


def run_search(page, server, lang, query):
    page.goto(url(server, lang, "search/"))
    page.fill("#epi-search-input", query)
    page.keyboard.press("Enter")
    page.wait_for_function("() => { const s = document.querySelector('[data-epi-search-status]'); "
                           "return s.textContent && !s.textContent.includes('…'); }")
    return page.eval_on_selector_all("[data-epi-search-results] a", "els => els.map(e => e.href)")
