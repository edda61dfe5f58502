"""News items: content/news/**/<slug>.<lang>.md with front matter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .fields import SLUG, Entry
from .problems import Problems
from ..safety.safe_text import clean, one_line
from ..safety.urls import is_plain_path
from ..project import Project
from .sources import rel
from .texts import read_markdown, text_sets
from .translations import TextSet, in_language

SOURCE_FIELDS = ("title", "date", "summary", "image", "image_alt", "partners", "phase")
TRANSLATION_FIELDS = ("title", "summary", "image_alt", "translated_from")


@dataclass(frozen=True)
class NewsText:
    lang: str
    title: str
    summary: str
    body: str
    image_alt: str | None
    file: str
    body_line: int = 1  # the line of the file on which the body's text starts


@dataclass(frozen=True)
class NewsItem:
    slug: str
    date: dt.date
    partners: tuple[str, ...]
    phase: str | None
    image: str | None
    versions: dict = field(compare=False, hash=False)
    text_set: TextSet | None = field(default=None, compare=False, hash=False)
    file: str = ""

    @property
    def page_key(self) -> str:
        """The item's page (its address: rendering/urls.py)."""
        return f"news/{self.slug}"

    def version(self, lang: str, default: str) -> NewsText:
        """The item in ``lang``; in ``default`` when it is not translated yet."""
        return in_language(self.versions, lang, default)[0]

    @property
    def quarter(self) -> tuple[int, int]:
        return self.date.year, (self.date.month - 1) // 3 + 1


def load_news(project: Project, problems: Problems, folder: Path | None = None) -> list[NewsItem]:
    folder = folder or project.content_dir / "news"
    items: list[NewsItem] = []
    by_slug: dict[str, str] = {}
    for key, text_set in text_sets(project, folder, "news", problems).items():
        source_path = text_set.files.get(project.default_language)
        if source_path is None:
            continue
        slug = Path(key).name
        file = rel(source_path, project.root)
        if not SLUG.match(slug):
            problems.add(file, f"'{slug}' cannot be used in a web address",
                         fix="rename the file with lower-case letters, digits and hyphens, such as 2020-01-01-epi-starts.en.md")
            continue
        if slug in by_slug:
            problems.add(file, f"another news item has the same name '{slug}' ({by_slug[slug]})",
                         fix="give one of the two files another name; each item needs its own web address")
            continue
        by_slug[slug] = file
        meta, body, body_line = read_markdown(source_path, project, problems)
        entry = Entry(meta, file, "front matter", problems)
        entry.known_keys(SOURCE_FIELDS)
        title = entry.text("title", example="What happened")
        summary = entry.text("summary", example="One or two sentences for the newsletter and the feeds")
        date = entry.date("date")
        image = entry.text("image", required=False)
        image_alt = entry.text("image_alt", required=False)
        if image and not image_alt:
            entry.problem("image", "the image has no alternative text",
                          "add a line 'image_alt: ...' that says what the image shows, for readers who cannot see it")
        if image and not is_plain_path(image):
            image = None  # refused by the check of unsafe content; the build shows no image rather than a link out
        elif image and not (project.docs_dir / image).is_file():
            entry.problem("image", f"there is no image docs/{image}", "put the image in docs/ and give its path from there")
            image = None
        partners = meta.get("partners") or []
        if not isinstance(partners, list) or not all(isinstance(p, str) for p in partners):
            entry.problem("partners", "'partners' must be a list of partner ids", "write it as 'partners: [cartagena, riga]'")
            partners = []
        phase = entry.text("phase", required=False)
        if not (title and summary and date):
            continue
        versions = {project.default_language: NewsText(project.default_language, one_line(title), one_line(summary),
                                                        clean(body.strip()), image_alt, file,
                                                        _first_text_line(body, body_line))}
        for lang, path in text_set.files.items():
            if lang == project.default_language:
                continue
            tfile = rel(path, project.root)
            tmeta, tbody, tbody_line = read_markdown(path, project, problems)
            tentry = Entry(tmeta, tfile, "front matter", problems)
            for key in tmeta:
                if key in SOURCE_FIELDS and key not in TRANSLATION_FIELDS:
                    tentry.problem(key, f"'{key}' belongs in the English file only",
                                   f"delete this line; the {key} is taken from {file}")
                elif key not in TRANSLATION_FIELDS:
                    tentry.known_keys(TRANSLATION_FIELDS)
            ttitle = tentry.text("title", example="the translated title")
            tsummary = tentry.text("summary", example="the translated summary")
            if ttitle and tsummary:
                versions[lang] = NewsText(lang, one_line(ttitle), one_line(tsummary), clean(tbody.strip()),
                                          tentry.text("image_alt", required=False), tfile,
                                          _first_text_line(tbody, tbody_line))
        for text in versions.values():
            if _repeats(text.summary, text.body):
                problems.add(text.file, "the text begins by repeating the summary", line=text.body_line,
                             where="first sentence",
                             fix="readers see the summary just above the text: begin the text with what the "
                                 "summary does not say, or shorten the summary")
        items.append(NewsItem(slug, date, tuple(partners), phase, image, versions, text_set, file))
    items.sort(key=lambda item: (item.date, item.slug), reverse=True)
    return items


def _first_text_line(body: str, body_line: int) -> int:
    """The file's line of the body's first text, after the blank lines that ``strip()`` removes."""
    return body_line + body[: len(body) - len(body.lstrip())].count("\n")


# A sentence ends at a full stop before a capital or a number, but not after a day of the month
# ("1. Januar", "30. jūnijā") or a year that a lower-case word follows ("2020. gada").
_SENTENCE_END = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?](?=\s+[A-ZÀ-ÞĀ-Ž0-9]|\s*$)")
_WORD = re.compile(r"\w+")


def _repeats(summary: str, body: str) -> bool:
    """Whether the body's first sentence says again what the summary says (the page shows the summary
    right above the body): most of the sentence's words are the summary's, in the same order."""
    paragraph = body.lstrip().split("\n\n", 1)[0]
    match = _SENTENCE_END.search(paragraph)
    sentence = _WORD.findall((paragraph[:match.start()] if match else paragraph).lower())
    words = _WORD.findall(summary.lower())
    if not sentence or not words:
        return False
    blocks = SequenceMatcher(None, words, sentence, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) >= 0.7 * len(sentence)
