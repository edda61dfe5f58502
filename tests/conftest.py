"""Shared fixtures: the real site, built once per test session, and scratch copies of the project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Every interpreter a test starts imports no file of its working directory (a scratch copy's nh3.py
# must not replace the sanitiser), as tools/dev.py runs them: with -P, and PYTHONSAFEPATH for the rest.
os.environ["PYTHONSAFEPATH"] = "1"
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tools"))

from epi_site.project import load_project  # noqa: E402  (hooks/ and tools/ are put on the path just above)
from synthetic import copy_project  # noqa: E402  (tests import it from here)

LANGUAGES = load_project(ROOT).languages  # mkdocs.yml is the one source of the language list


def build(root: Path, site: Path, *, strict: bool = True) -> subprocess.CompletedProcess:
    # Not --quiet: MkDocs then drops warnings before --strict can count them.
    command = [sys.executable, "-P", "-m", "mkdocs", "build", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, capture_output=True, text=True, cwd=root,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def check(root: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess:
    """The check, as contributors run it, without the translation status it prints on success
    (killed after ``timeout`` seconds, if given: a hang then fails the test)."""
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(root), "--no-status", *args],
                          capture_output=True, text=True, timeout=timeout)


def cpu_seconds(code: str, timeout: int = 120) -> float:
    """CPU seconds ``code`` takes in a fresh interpreter (killed after ``timeout``: a hang fails)."""
    wrapped = f"import time\nt = time.process_time()\n{code}\nprint(time.process_time() - t)"
    result = subprocess.run([sys.executable, "-P", "-c", wrapped], capture_output=True, text=True, timeout=timeout,
                            env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    return float(result.stdout.split()[-1])


def problems_of(output: str, file: str) -> list[str]:
    """The problems (not the warnings) the check's output lists for ``file``, each with its "What to do:" line:
    a test that plants several mistakes in one scratch copy still sees which file each message is about."""
    listed = output.split("\nFix the ")[0]
    return [entry for entry in listed.split("\n- ")[1:] if entry.startswith(file + ":")]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items) -> None:
    # A test that asks for Chromium is a browser test, marked or not: `-m "not browser"` leaves it out.
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site built from the repository, exactly as the README's build command makes it."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture
def scratch(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def page_path(site: Path, lang: str, path: str = "") -> Path:
    prefix = "" if lang == "en" else f"{lang}/"
    return site / prefix / path / "index.html"


def html_pages(site: Path) -> list[Path]:
    """Every page a reader can open (email editions are files for mailing tools, not pages)."""
    return sorted(p for p in site.rglob("*.html") if p.name != "email.html" and "pagefind" not in p.parts)


def declared_pages(*, listed_only: bool = False) -> list[str]:
    """The keys of the pages each language has: docs/ pages and every generated page kind declares.
    Tests count the output against this, not against a number that goes stale with the content."""
    from epi_site.content.loading import load_content
    from epi_site.content.page_kinds import generated_pages

    content, _ = load_content(load_project(ROOT))
    hand_written = sorted({path.name.split(".")[0] for path in (ROOT / "docs").glob("*.md")})
    generated = [key for key, (kind, _) in generated_pages(content).items() if kind.listed or not listed_only]
    return hand_written + generated
