"""Shared fixtures: the real site, built once per test session, and scratch copies of the project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "sv", "ro", "it", "es", "de", "pl", "lv")
SOURCES = ("docs", "content", "locales", "overrides", "hooks", "mkdocs.yml")


def copy_project(target: Path) -> Path:
    """A scratch copy of everything a build reads, to break or extend without touching the repository."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def build(root: Path, site: Path, *, strict: bool = True) -> subprocess.CompletedProcess:
    # Not --quiet: MkDocs then drops warnings before --strict can count them.
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, capture_output=True, text=True, cwd=root,
                          env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})


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
