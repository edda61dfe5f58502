"""News items: content/news/**/<slug>.<lang>.md with front matter.

An item has two dates that say different things: ``date``, the day of what it reports (optional: an
item the sources give no day for has none, and belongs to no newsletter issue), and ``published``, the
day its text was published on this website (required in every language's file: a translation is
published on its own day). Pages, the archive and the cards show the first as the day of what happened;
the feeds, the schema.org data and the link previews say the second. The rules of both are here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .fields import SLUG, Entry
from ..problems import Problems
from ..safety.safe_text import clean, one_line
from ..project import Project
from .sources import rel
from .texts import read_markdown, read_text_sets
from .translations import TextSet, in_language

SOURCE_FIELDS = ("title", "date", "published", "summary", "image", "image_alt", "partners", "phase")
TRANSLATION_FIELDS = ("title", "summary", "published", "image_alt", "translated_from")
PUBLISHED = "published"
# A day that has begun anywhere on Earth is not in the future for whoever writes it there.
_EARLIEST_ZONE = dt.timezone(dt.timedelta(hours=14))


def current_day() -> dt.date:
    """The clock of the publication dates' check: read once per check (tests pass their own day)."""
    return dt.datetime.now(_EARLIEST_ZONE).date()


def publication_date(entry: Entry, today: dt.date, original: tuple[dt.date, str] | None = None) -> dt.date | None:
    """The ``published`` field of a news file: the day this text was published on this website.
    Required, year-month-day, not after ``today``; a translation's is not before its ``original``'s
    (the English file's date and name)."""
    if entry.data.get(PUBLISHED) is None:  # said at the front matter's first line: the field has none
        entry.problems.add(entry.file, f"'{PUBLISHED}' is missing", line=entry.line,
                           where=f"{entry.where}.{PUBLISHED}",
                           fix=f"add a line '{PUBLISHED}: {today.isoformat()}' with the day this text is published on this "
                               "website (year-month-day); for a text already in the repository, the day it was first "
                               "committed: git log --diff-filter=A --follow --format=%as -- <file> | tail -1")
        return None
    day = entry.date(PUBLISHED)
    if day is None:
        return None
    if day > today:
        entry.problem(PUBLISHED, f"the publication date {day.isoformat()} is in the future",
                      f"write the day this text is published on this website, today or earlier, such as "
                      f"'{PUBLISHED}: {today.isoformat()}'; the day of what it reports goes in 'date'")
        return None
    if original and day < original[0]:
        entry.problem(PUBLISHED, f"the translation is dated {day.isoformat()}, before its English text was "
                                 f"published ({original[0].isoformat()}, {original[1]})",
                      f"write the day this translation is published on this website, "
                      f"'{PUBLISHED}: {original[0].isoformat()}' or later")
        return None
    return day


@dataclass(frozen=True)
class NewsText:
    lang: str
    title: str
    summary: str
    body: str
    image_alt: str | None
    file: str
    body_line: int = 1  # the line of the file on which the body's text starts
    published: dt.date | None = None  # the day this text was published on this website (None: the item's)


@dataclass(frozen=True)
class NewsItem:
    slug: str
    date: dt.date | None  # the day of what it reports; None when the sources give no day for it
    published: dt.date  # the day its English text was published on this website
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

    def published_in(self, lang: str, default: str) -> dt.date:
        """The day the text readers of ``lang`` are shown was published on this website."""
        return self.version(lang, default).published or self.published

    @property
    def quarter(self) -> tuple[int, int] | None:
        """The newsletter quarter of what it reports; an item without a date belongs to none."""
        return (self.date.year, (self.date.month - 1) // 3 + 1) if self.date else None


def news_order(item: NewsItem) -> tuple:
    """Newest first (reversed): dated items by the day of what they report, then undated ones by publication."""
    return item.date is not None, item.date or item.published, item.slug


def load_news(project: Project, problems: Problems, folder: Path | None = None,
              today: dt.date | None = None) -> list[NewsItem]:
    folder = folder or project.content_dir / "news"
    today = today or current_day()  # the clock, read once per load
    items: list[NewsItem] = []
    by_slug: dict[str, str] = {}
    for key, text_set in read_text_sets(project, folder, "news", problems).items():
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
        item = _item(project, slug, text_set, file, today, problems)
        if item is not None:
            items.append(item)
    items.sort(key=news_order, reverse=True)
    return items


def _item(project: Project, slug: str, text_set: TextSet, file: str, today: dt.date,
          problems: Problems) -> NewsItem | None:
    """One item: its English file, then each translation; None when the English file lacks what every page needs."""
    default = project.default_language
    meta, body, body_line = read_markdown(text_set.files[default], project, problems)
    entry = Entry(meta, file, "front matter", problems)
    entry.known_keys(SOURCE_FIELDS)
    title = entry.text("title", example="What happened")
    summary = entry.text("summary", example="One or two sentences for the newsletter and the feeds")
    date = entry.date("date", required=False)
    published = publication_date(entry, today)
    image, image_alt = _image(project, entry)
    partners = meta.get("partners") or []
    if not isinstance(partners, list) or not all(isinstance(p, str) for p in partners):
        entry.problem("partners", "'partners' must be a list of partner ids", "write it as 'partners: [cartagena, riga]'")
        partners = []
    phase = entry.text("phase", required=False)
    if not (title and summary and published):
        return None
    versions = {default: NewsText(default, one_line(title), one_line(summary), clean(body.strip()), image_alt, file,
                                  _first_text_line(body, body_line), published)}
    for lang, path in text_set.files.items():
        if lang != default:
            text = _translation(project, lang, path, (published, file), today, problems)
            if text is not None:
                versions[lang] = text
    for text in versions.values():
        if _repeats(text.summary, text.body):
            problems.add(text.file, "the text begins by repeating the summary", line=text.body_line,
                         where="first sentence",
                         fix="readers see the summary just above the text: begin the text with what the "
                             "summary does not say, or shorten the summary")
    return NewsItem(slug, date, published, tuple(partners), phase, image, versions, text_set, file)


def _image(project: Project, entry: Entry) -> tuple[str | None, str | None]:
    """(image, image_alt) of an English file: the image None unless the page can show it."""
    return entry.image(project.docs_dir, noun="image", place_fix="put the image in docs/ and give its path from there")


def _translation(project: Project, lang: str, path: Path, original: tuple[dt.date, str], today: dt.date,
                 problems: Problems) -> NewsText | None:
    """One translation of an item whose English file (``original``: its publication date and name) was read."""
    file = rel(path, project.root)
    meta, body, body_line = read_markdown(path, project, problems)
    entry = Entry(meta, file, "front matter", problems)
    for key in meta:
        if key in SOURCE_FIELDS and key not in TRANSLATION_FIELDS:
            entry.problem(key, f"'{key}' belongs in the English file only",
                          f"delete this line; the {key} is taken from {original[1]}")
        elif key not in TRANSLATION_FIELDS:
            entry.known_keys(TRANSLATION_FIELDS)
    title = entry.text("title", example="the translated title")
    summary = entry.text("summary", example="the translated summary")
    published = publication_date(entry, today, original)
    if not (title and summary and published):
        return None
    return NewsText(lang, one_line(title), one_line(summary), clean(body.strip()),
                    entry.text("image_alt", required=False), file, _first_text_line(body, body_line), published)


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
