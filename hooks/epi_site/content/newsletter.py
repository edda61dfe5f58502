"""The quarterly newsletter: one issue per calendar quarter that has news items.

An issue is composed by this website from its news items (each says so: rendering/templates); it does
not reproduce a newsletter sent at the time. An item without a date belongs to no quarter, so to no issue.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .news import NewsItem
from ..problems import Problems
from ..project import Project
from .sources import rel
from .texts import read_markdown, read_text_sets
from .translations import TextSet

_KEY = re.compile(r"^(\d{4})-q([1-4])$")


@dataclass(frozen=True)
class Intro:
    title: str | None
    body: str


@dataclass(frozen=True)
class Issue:
    year: int
    quarter: int
    items: tuple[NewsItem, ...]
    intros: dict = field(compare=False, hash=False)
    text_set: TextSet | None = field(default=None, compare=False, hash=False)

    @property
    def key(self) -> str:
        return f"{self.year}-q{self.quarter}"

    @property
    def page_key(self) -> str:
        return f"news/{self.key}"

    @property
    def first_day(self) -> dt.date:
        """The quarter's first day."""
        return dt.date(self.year, 3 * self.quarter - 2, 1)

    def published(self, lang: str, default: str) -> dt.date:
        """When this website published the issue in ``lang``: the day its last item's text was published."""
        return max(item.published_in(lang, default) for item in self.items)


def compose_issues(project: Project, items: list[NewsItem], problems: Problems) -> list[Issue]:
    """Group items by quarter (newest issue first), with each quarter's introduction."""
    intros = load_intros(project, problems)
    by_quarter: dict[tuple[int, int], list[NewsItem]] = {}
    for item in items:
        if item.quarter:
            by_quarter.setdefault(item.quarter, []).append(item)
    issues = []
    for (year, quarter), quarter_items in sorted(by_quarter.items(), reverse=True):
        texts, text_set = intros.pop(f"{year}-q{quarter}", ({}, None))
        ordered = tuple(sorted(quarter_items, key=lambda i: (i.date, i.slug)))
        issues.append(Issue(year, quarter, ordered, texts, text_set))
    # An item left out for a mistake in its file (its date, its title) is reported there, once: its
    # quarter's introduction is not reported again as introducing nothing.
    news_folder = rel(project.content_dir / "news", project.root) + "/"
    if any(problem.file.startswith(news_folder) for problem in problems.items):
        return issues
    for key, (_, text_set) in intros.items():
        some = next(iter(text_set.files.values()))
        problems.add(rel(some, project.root), f"there are no news items in the quarter {key}, so there is no issue to introduce",
                     fix="check the year and quarter in the file name, or add news items dated in that quarter")
    return issues


def load_intros(project: Project, problems: Problems) -> dict[str, tuple[dict, TextSet]]:
    result = {}
    for key, text_set in read_text_sets(project, project.content_dir / "newsletter", "newsletter", problems).items():
        some = next(iter(text_set.files.values()))
        if not _KEY.match(key):
            problems.add(rel(some, project.root), f"'{key}' does not name a quarter",
                         fix="name the introduction after its quarter, such as 2020-q1.en.md for January to March 2020")
            continue
        texts = {}
        for lang, path in text_set.files.items():
            meta, body, _ = read_markdown(path, project, problems)
            title = meta.get("title")
            if title is not None and not isinstance(title, (str, int, float)):
                # A list or mapping would be shown as Python writes it ("['a']") in pages, feeds and emails.
                problems.add(rel(path, project.root), "'title' must be text", line=meta.line_of("title"),
                             where="front matter.title", fix="write it as 'title: The issue's title'")
                title = None
            texts[lang] = Intro(str(title).strip() if title else None, body.strip())
        result[key] = (texts, text_set)
    return result
