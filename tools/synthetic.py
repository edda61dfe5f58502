"""Synthetic news items for scale tests and the benchmark: written into a scratch copy, never
into the repository, and plainly marked as test data."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from epi_site.project import load_project

# mkdocs.yml is the one source of the language list.
ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = load_project(ROOT).languages
PUBLISHED = dt.date(2026, 11, 23)  # a day in the past, the same in every language's file
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


def write_news(folder: Path, count: int, languages=LANGUAGES, first=dt.date(2020, 1, 6)) -> list[Path]:
    """``count`` items, one file per language each, spread over the project's 30 months."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    span = 900  # days
    for n in range(count):
        day = first + dt.timedelta(days=(n * span) // max(count, 1))
        slug = f"{day.isoformat()}-synthetic-{n:05d}"
        for lang in languages:
            head = f"title: Synthetic item {n} ({lang})\nsummary: Test data number {n}, not a real event.\n"
            head += f"published: {PUBLISHED.isoformat()}\n"
            if lang == languages[0]:
                head += f"date: {day.isoformat()}\npartners: [riga]\nphase: reviews\n"
            body = "\n\n".join(f"Paragraph {p} of synthetic item {n}, with [a link](approach.md)." for p in range(4))
            path = folder / f"{slug}.{lang}.md"
            path.write_text(f"---\n{head}---\n\n{body}\n", encoding="utf-8")
            written.append(path)
    return written


def multiply_pages(docs: Path, factor: int) -> None:
    """Copy every hand-written page ``factor - 1`` more times, to measure how the build grows."""
    for page in sorted(docs.glob("*.md")):
        stem, lang = page.name[:-3].rsplit(".", 1)
        if stem == "index":
            continue
        for n in range(1, factor):
            text = page.read_text(encoding="utf-8").replace("template: home.html\n", "")
            (docs / f"{stem}-copy{n}.{lang}.md").write_text(text, encoding="utf-8")


# The 24 official languages of the EU (Council Regulation No 1/1958, as amended), for the scale test of languages.
EU_LANGUAGES = ("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
                "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv")


def add_languages(root: Path, codes) -> None:
    """Give a scratch copy more build languages with nothing but their entries in mkdocs.yml: no catalog, no glossary
    renderings, no place names, no translated text (each falls back to English, as a new language does)."""
    from babel import Locale

    config = root / "mkdocs.yml"
    entries = "".join(f"        - locale: {code}\n          name: {Locale.parse(code).get_display_name(code).title()}\n"
                      "          build: true\n" for code in codes)
    text = config.read_text(encoding="utf-8")
    last = f"        - locale: {LANGUAGES[-1]}\n"
    if last not in text:
        raise SystemExit(f"mkdocs.yml has no entry '{last.strip()}' to add languages before")
    config.write_text(text.replace(last, entries + last), encoding="utf-8")
