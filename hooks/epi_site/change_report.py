"""What a change does to the site, as a reader sees it: two built sites and two checks compared.

``python3 tools/dev.py changes`` (epi_site/changes.py) builds the site before and after a change and
hands both folders here. This module only reads them and says, per language:

- the pages added, removed and changed, with a short diff of the words a reader sees (the page's
  main text, and the parts every page shares, such as the menu and the footer, when those changed),
  and changes to the title, the description and the link preview (og:title, og:description, og:image);
- the entries added to, removed from or changed in the news and newsletter feeds, and the email
  editions of the newsletter;
- the cards, chart images and data files redrawn, by name;
- the translations the change makes outdated, and those it brings up to date (from the check's own
  translation status, computed on both trees);
- the problems and glossary warnings the change adds or removes.

Builds are byte-identical, so a file whose bytes did not change is never mentioned. A change that
appears on several pages (a template's or a catalog's string) is shown once, with every page it
touches. Nothing here imports MkDocs, and every function is pure: folders and data in, data out.
"""

from __future__ import annotations

import difflib
import html
import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .problems import Problem
from .content.translations import MISSING, OUTDATED, TRANSLATED

# What a reader does not see, so what never makes a page "changed" in words.
_UNSEEN = {"script", "style", "template", "head", "meta", "link"}
# Elements that start a line of their own: the text diff compares lines a reader would call paragraphs.
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
    "tr", "ul", "button", "label", "title", "text", "desc",
}
# What a page tells a search engine and a link preview, in the order the report names them.
META = (("title", "title"), ("description", "description"), ("og:title", "link preview title"),
        ("og:description", "link preview description"), ("og:image", "link preview image"))
IMAGE_SUFFIXES = (".png", ".svg", ".jpg", ".jpeg", ".webp", ".gif", ".avif")
DATA_SUFFIXES = (".csv", ".json", ".pdf")
FEED_SUFFIX = ".xml"
MAX_LINES = 12  # of one diff, before "and N more"
LONG_LINE = 200  # characters of an added or removed line shown
GROUP_FROM = 3  # pages with the same change before it is shown once for all of them
_TOKEN = re.compile(r"\s+|\S+")
_CONTEXT = 6  # words kept on each side of a change within a line


# --- reading one built page ---------------------------------------------------------------------

@dataclass(frozen=True)
class PageText:
    """What a reader (and a link preview) sees of one page."""

    meta: dict  # name (see META) -> value, only those the page has
    main: tuple[str, ...]  # the lines of the page's own content (its outermost <article>, else <main>)
    shared: tuple[str, ...]  # the lines of everything else in <body>: header, menu, footer

    @property
    def title(self) -> str:
        return self.meta.get("og:title") or self.meta.get("title", "")


def page_text(data: bytes) -> PageText:
    from lxml import html as lxml_html

    if not data.strip():
        return PageText({}, (), ())
    # MkDocs writes every page in UTF-8: read as such, whatever a page declares or lacks.
    root = lxml_html.document_fromstring(data.decode("utf-8", "replace"))
    meta = {}
    title = root.find(".//title")
    if title is not None:
        meta["title"] = _one_line(title.text_content())
    for element in root.iter("meta"):
        name = element.get("name") or element.get("property")
        if name in dict(META) and name != "title" and name not in meta:
            meta[name] = _one_line(element.get("content") or "")
    body = root.find("body")
    if body is None:
        return PageText(meta, (), ())
    found = body.xpath(".//article[not(ancestor::article)]") or body.xpath(".//main")
    own = found[0] if found else body
    return PageText(meta, tuple(_lines(own)), tuple(_lines(body, leave_out=own)) if own is not body else ())


def _lines(element, leave_out=None) -> list[str]:
    parts: list[str] = []
    _walk(element, parts, leave_out)
    return [line for line in (_one_line(text) for text in "".join(parts).split("\n")) if line]


def _walk(element, parts: list[str], leave_out) -> None:
    tag = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
    if element is leave_out or not tag or tag in _UNSEEN or element.get("hidden") is not None:
        parts.append(element.tail or "")
        return
    block = tag in _BLOCKS
    if tag in ("td", "th") and element.getprevious() is not None:
        parts.append(" | ")  # a table's row is one line, its cells apart
    if block:
        parts.append("\n")
    if tag == "img" and element.get("alt"):
        parts.append(f" [image: {element.get('alt')}] ")
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts, leave_out)
    if block:
        parts.append("\n")
    parts.append(element.tail or "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- differences in words -----------------------------------------------------------------------

def word_change(old: str, new: str) -> str:
    """One line's change, word by word: ``…words [-removed-]{+added+} words…``."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    codes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    keep = 2 * _CONTEXT  # tokens: words and the spaces between them
    pieces = []
    for number, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag != "equal":
            removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
            pieces.append((f"[-{removed}-]" if removed.strip() else "") + (f"{{+{added}+}}" if added.strip() else ""))
            continue
        same = b[j1:j2]
        if number == 0:
            pieces.append(("…" if len(same) > keep else "") + "".join(same[-keep:]))
        elif number == len(codes) - 1:
            pieces.append("".join(same[:keep]) + ("…" if len(same) > keep else ""))
        else:
            pieces.append("".join(same) if len(same) <= 2 * keep else
                          "".join(same[:keep]) + "…" + "".join(same[-keep:]))
    return "".join(pieces).strip() or "(only spaces changed)"


def text_diff(old: Sequence[str], new: Sequence[str]) -> tuple[str, ...]:
    """The lines that changed: ``~`` a line changed (word by word), ``-`` removed, ``+`` added."""
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed, added = list(old[i1:i2]), list(new[j1:j2])
        while removed and added:
            lines.append("~ " + word_change(removed.pop(0), added.pop(0)))
        lines += [f"- {_short(line)}" for line in removed]
        lines += [f"+ {_short(line)}" for line in added]
    return _limited(lines)


def _short(line: str) -> str:
    return line if len(line) <= LONG_LINE else line[:LONG_LINE - 1].rstrip() + "…"


def _limited(lines: list[str]) -> tuple[str, ...]:
    if len(lines) <= MAX_LINES:
        return tuple(lines)
    return (*lines[:MAX_LINES - 1], f"… and {len(lines) - MAX_LINES + 1} more changed lines")


def value_change(old: str | None, new: str | None) -> tuple[str, ...]:
    if old and new and not old.startswith("http"):
        return ("~ " + word_change(old, new),)
    return (f"was: {_short(old) if old else '(none)'}", f"now: {_short(new) if new else '(none)'}")


# --- comparing two built sites ------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """One difference on a page; the same finding on several pages is shown once for all of them."""

    part: str  # "text", "shared parts", "markup", or a name of META
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageChange:
    path: str  # the page's address in the site: /sv/news/2020-01-01-epi-starts/
    status: str  # "added", "removed" or "changed"
    title: str = ""
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class EntryChange:
    status: str  # "added", "removed" or "changed"
    title: str
    link: str
    fields: tuple[str, ...] = ()  # for a changed entry: what changed (title, summary, text, date)
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedChange:
    files: tuple[str, ...]  # the feed's RSS and Atom files, from the site's root
    kind: str  # "news" or "newsletter"
    status: str  # "added", "removed" or "changed"
    entries: tuple[EntryChange, ...] = ()


@dataclass(frozen=True)
class FileChange:
    path: str  # from the site's root
    status: str  # "added", "removed" or "redrawn"/"changed"
    kind: str  # "card", "chart image", "chart data", "image", "document", "email edition", "file"
    lines: tuple[str, ...] = ()  # for an email edition's plain text: what changed


@dataclass
class LanguageChanges:
    pages: list[PageChange] = field(default_factory=list)
    feeds: list[FeedChange] = field(default_factory=list)
    files: list[FileChange] = field(default_factory=list)
    translations: list[TranslationChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.pages or self.feeds or self.files or self.translations)


@dataclass
class SiteChanges:
    languages: dict  # lang -> LanguageChanges, in the site's order of languages
    site_wide: list[FileChange] = field(default_factory=list)  # files of no language: styles, scripts, sitemap
    search_index: bool = False  # the search index was made again
    base_built: bool = True


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def _language_of(path: str, languages: Sequence[str], default: str, localised: set[str]) -> str | None:
    first = path.split("/", 1)[0]
    if first in languages and first != default and "/" in path:
        return first
    return default if first in localised else None


def compare_sites(base: Path, head: Path, languages: Sequence[str], default: str) -> SiteChanges:
    """Every difference between two built sites, sorted into the languages they concern."""
    before, after = _files(base), _files(head)
    changes = SiteChanges({lang: LanguageChanges() for lang in languages})
    # A folder or file at the root is the default language's when another language has it too
    # (news/, cards/, index.html); the rest (assets/, sitemap.xml) belongs to no language.
    localised = {path.split("/", 2)[1] for path in (*before, *after)
                 if path.split("/", 1)[0] in languages and path.count("/") >= 1}
    feeds: dict[tuple[str | None, str], list[tuple[str, EntryChangeSet]]] = {}
    for path in sorted(set(before) | set(after)):
        old, new = before.get(path), after.get(path)
        old_bytes = old.read_bytes() if old else None
        new_bytes = new.read_bytes() if new else None
        if old_bytes == new_bytes:
            continue
        status = "added" if old is None else "removed" if new is None else "changed"
        lang = _language_of(path, languages, default, localised)
        name = PurePosixPath(path).name
        if lang is None and name.endswith((".html", FEED_SUFFIX)) and name != "sitemap.xml":
            lang = default  # the default language's pages and feeds are at the root, all of them
        if path.startswith("pagefind/") or "/pagefind/" in path:
            changes.search_index = True
            continue
        target = changes.languages[lang] if lang else None
        if name.endswith(".html") and name != "email.html" and target is not None:
            target.pages.append(_page_change(path, status, old_bytes, new_bytes))
        elif name.endswith(FEED_SUFFIX) and _is_feed(old_bytes or new_bytes) and target is not None:
            family = re.sub(r"(^|[./])(rss|atom)\.xml$", "", path)
            feeds.setdefault((lang, family), []).append((path, _entry_changes(old_bytes, new_bytes)))
        elif target is not None:
            target.files.append(_file_change(path, status, old_bytes, new_bytes))
        else:
            changes.site_wide.append(_file_change(path, status, old_bytes, new_bytes))
    for (lang, family), found in feeds.items():
        changes.languages[lang].feeds.append(_feed_change(family, found))
    for language in changes.languages.values():
        language.pages.sort(key=lambda page: page.path)
    return changes


def _page_address(path: str) -> str:
    if path == "index.html":
        return "/"
    return "/" + (path[: -len("index.html")] if path.endswith("/index.html") else path)


def _page_change(path: str, status: str, old: bytes | None, new: bytes | None) -> PageChange:
    before = page_text(old) if old is not None else None
    after = page_text(new) if new is not None else None
    title = (after or before).title
    if before is None or after is None:
        return PageChange(_page_address(path), status, title)
    findings = [Finding(name, value_change(before.meta.get(name), after.meta.get(name)))
                for name, _ in META if before.meta.get(name) != after.meta.get(name)]
    if before.main != after.main:
        findings.append(Finding("text", text_diff(before.main, after.main)))
    if before.shared != after.shared:
        findings.append(Finding("shared parts", text_diff(before.shared, after.shared)))
    if not findings:
        findings.append(Finding("markup"))
    return PageChange(_page_address(path), status, title, tuple(findings))


def _file_change(path: str, status: str, old: bytes | None, new: bytes | None) -> FileChange:
    name = PurePosixPath(path)
    suffix = name.suffix.lower()
    parts = name.parts
    if name.name in ("email.html", "email.txt"):
        kind = "email edition"
    elif "cards" in parts[:2] and suffix in IMAGE_SUFFIXES:
        kind = "card"
    elif "data" in parts[:2] and suffix in IMAGE_SUFFIXES:
        kind = "chart image"
    elif "data" in parts[:2] and suffix in DATA_SUFFIXES:
        kind = "chart data"
    elif suffix in IMAGE_SUFFIXES:
        kind = "image"
    elif suffix in DATA_SUFFIXES:
        kind = "document"
    else:
        kind = "file"
    if status == "changed":
        status = "redrawn" if kind in ("card", "chart image", "image") else "changed"
    lines: tuple[str, ...] = ()
    if status == "changed" and suffix in (".txt", ".csv") and old is not None and new is not None:
        lines = text_diff(_text_lines(old), _text_lines(new))
    return FileChange(path, status, kind, lines)


def _text_lines(data: bytes) -> list[str]:
    return [line for line in (_one_line(x) for x in data.decode("utf-8", "replace").split("\n")) if line]


# --- feeds --------------------------------------------------------------------------------------

def _is_feed(data: bytes | None) -> bool:
    head = (data or b"")[:500]
    return b"<rss" in head or b"<feed" in head


@dataclass(frozen=True)
class EntryChangeSet:
    status: str
    entries: tuple[EntryChange, ...]


def _feed_entries(data: bytes) -> dict[str, dict]:
    import feedparser

    parsed = feedparser.parse(data)
    entries = {}
    for entry in parsed.entries:
        key = entry.get("link") or entry.get("id") or entry.get("title", "")
        content = " ".join(part.get("value", "") for part in entry.get("content", []))
        entries[key] = {"title": _one_line(entry.get("title", "")),
                        "summary": _html_text(entry.get("summary", "")),
                        "text": _html_text(content),
                        "date": entry.get("published") or entry.get("updated") or ""}
    return entries


def _html_text(fragment: str) -> str:
    if "<" not in fragment:
        return _one_line(html.unescape(fragment))
    from lxml import html as lxml_html

    try:
        return " ".join(_lines(lxml_html.fragment_fromstring(fragment, create_parent="div")))
    except (ValueError, TypeError):
        return _one_line(fragment)


def _entry_changes(old: bytes | None, new: bytes | None) -> EntryChangeSet:
    status = "added" if old is None else "removed" if new is None else "changed"
    before = _feed_entries(old) if old is not None else {}
    after = _feed_entries(new) if new is not None else {}
    found = []
    for link in [*after, *(key for key in before if key not in after)]:
        a, b = before.get(link), after.get(link)
        if a is None:
            found.append(EntryChange("added", b["title"], link))
        elif b is None:
            found.append(EntryChange("removed", a["title"], link))
        elif a != b:
            names = tuple(name for name in ("title", "summary", "text", "date") if a[name] != b[name])
            lines = tuple(f"{name}: " + value_change(a[name], b[name])[0] if a[name] and b[name] and name != "date"
                          else f"{name}: was {a[name] or '(none)'}, now {b[name] or '(none)'}" for name in names)
            found.append(EntryChange("changed", b["title"], link, names, lines))
    return EntryChangeSet(status, tuple(found))


def _feed_change(family: str, found: list[tuple[str, EntryChangeSet]]) -> FeedChange:
    """The RSS and Atom files of one feed carry the same entries: their changes are told once."""
    entries: dict[tuple[str, str], EntryChange] = {}
    for _, changes in found:
        for entry in changes.entries:
            key = (entry.status, entry.link)
            if key in entries:
                known = entries[key]
                fields = tuple(dict.fromkeys((*known.fields, *entry.fields)))
                lines = tuple(dict.fromkeys((*known.lines, *entry.lines)))
                entries[key] = EntryChange(known.status, known.title, known.link, fields, lines)
            else:
                entries[key] = entry
    statuses = {changes.status for _, changes in found}
    status = statuses.pop() if len(statuses) == 1 else "changed"
    kind = "newsletter" if PurePosixPath(family).name.startswith("newsletter") else "news"
    return FeedChange(tuple(path for path, _ in found), kind, status, tuple(entries.values()))


# --- comparing two checks -----------------------------------------------------------------------

@dataclass(frozen=True)
class CheckResult:
    """What the check found in one tree: its problems, its warnings and every translation's status."""

    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    # (kind, key) -> (the English file, {lang: translated, missing or outdated})
    statuses: dict = field(default_factory=dict)
    read: bool = True  # False when the content could not be read, so no status is known


def check_result(rows: Iterable | None, problems: Iterable[Problem], warnings: Iterable[Problem],
                 root: str = "") -> CheckResult:
    """From the check's own results: ``status_rows(content)`` (None when the content could not be
    read), the problems and the warnings. ``root``, the tree's folder, is taken out of messages."""
    def plain(problem: Problem) -> Problem:
        if not root:
            return problem
        return Problem(problem.file, problem.line, problem.where, problem.message.replace(root + "/", ""),
                       problem.fix.replace(root + "/", ""), problem.category)
    statuses = {(row.kind, row.key): (row.source, dict(row.statuses)) for row in rows or ()}
    return CheckResult(tuple(map(plain, problems)), tuple(map(plain, warnings)), statuses, rows is not None)


@dataclass(frozen=True)
class TranslationChange:
    file: str  # the translation's file
    source: str  # its English file
    change: str  # "outdated", "up to date", "added" or "removed"


@dataclass
class CheckChanges:
    problems_added: list[Problem] = field(default_factory=list)
    problems_removed: list[Problem] = field(default_factory=list)
    warnings_added: list[Problem] = field(default_factory=list)
    warnings_removed: list[Problem] = field(default_factory=list)
    translations: dict = field(default_factory=dict)  # lang -> [TranslationChange]
    unknown: str = ""  # why the translations could not be compared

    def __bool__(self) -> bool:
        return bool(self.problems_added or self.problems_removed or self.warnings_added or self.warnings_removed
                    or any(self.translations.values()))


def _key(problem: Problem) -> tuple:
    """A problem is the same after a change that moved it to another line."""
    return (problem.file, problem.where, problem.message, problem.fix)


def _difference(before: Sequence[Problem], after: Sequence[Problem]) -> tuple[list[Problem], list[Problem]]:
    old, new = Counter(map(_key, before)), Counter(map(_key, after))
    added, removed = new - old, old - new
    return _take(after, added), _take(before, removed)


def _take(problems: Sequence[Problem], wanted: Counter) -> list[Problem]:
    taken, left = [], Counter(wanted)
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0, p.where, p.message)):
        if left[_key(problem)] > 0:
            left[_key(problem)] -= 1
            taken.append(problem)
    return taken


_TRANSITIONS = {(TRANSLATED, OUTDATED): "outdated", (MISSING, OUTDATED): "outdated",
                (OUTDATED, TRANSLATED): "up to date", (MISSING, TRANSLATED): "added",
                (TRANSLATED, MISSING): "removed", (OUTDATED, MISSING): "removed"}


def compare_checks(base: CheckResult, head: CheckResult, languages: Sequence[str], default: str) -> CheckChanges:
    changes = CheckChanges(translations={lang: [] for lang in languages if lang != default})
    changes.problems_added, changes.problems_removed = _difference(base.problems, head.problems)
    changes.warnings_added, changes.warnings_removed = _difference(base.warnings, head.warnings)
    if not (base.read and head.read):
        changes.unknown = ("the content of the base could not be read" if not base.read
                           else "the content could not be read")
        return changes
    keys = sorted(set(base.statuses) | set(head.statuses), key=lambda k: (head.statuses.get(k) or base.statuses[k])[0])
    for key in keys:
        source, after = head.statuses.get(key) or (base.statuses[key][0], {})
        before = base.statuses.get(key, ("", {}))[1]
        for lang in changes.translations:
            old, new = before.get(lang, MISSING), after.get(lang, MISSING)
            change = _TRANSITIONS.get((old, new))
            if change:
                target = source.replace(f".{default}.", f".{lang}.")
                changes.translations[lang].append(TranslationChange(target, source, change))
    return changes


# --- the whole report ---------------------------------------------------------------------------

@dataclass
class Report:
    base: str  # how the base is named to the reader: "main (1a2b3c4)"
    head: str  # "the working tree"
    site: SiteChanges
    check: CheckChanges
    names: dict  # lang -> "Svenska (sv)"
    notes: list[str] = field(default_factory=list)  # a side that could not be built, and why
    elapsed: float = 0.0  # seconds the builds and checks took

    def __post_init__(self) -> None:
        for lang, found in self.check.translations.items():
            self.site.languages.setdefault(lang, LanguageChanges()).translations = list(found)


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _groups(pages: list[PageChange]) -> tuple[list[PageChange], list[tuple[Finding, list[str]]]]:
    """Findings on GROUP_FROM or more pages are told once, with the pages; the rest page by page."""
    counts = Counter(finding for page in pages for finding in page.findings)
    shared = [finding for finding, count in counts.items() if count >= GROUP_FROM]
    groups = [(finding, [page.path for page in pages if finding in page.findings]) for finding in shared]
    own = []
    for page in pages:
        findings = tuple(finding for finding in page.findings if finding not in shared)
        if findings or page.status != "changed":
            own.append(PageChange(page.path, page.status, page.title, findings))
    return own, groups


_PART_NAMES = {"text": "text", "shared parts": "the parts every page shares (header, menu, footer)",
               "markup": "only the markup (no words, title or description)", **dict(META)}
_TRANSLATION_WORDS = {
    "outdated": "made outdated (the English changed; readers see a notice until it is translated again)",
    "up to date": "brought up to date", "added": "translated for the first time",
    "removed": "removed (readers see the English)"}


def totals(report: Report) -> str:
    site = report.site
    pages = sum(len(c.pages) for c in site.languages.values())
    langs = sum(1 for c in site.languages.values() if c.pages)
    files = [*site.site_wide, *(f for c in site.languages.values() for f in c.files)]
    images = sum(1 for f in files if f.kind in ("card", "chart image", "image") and f.status == "redrawn")
    entries = sum(len(feed.entries) for c in site.languages.values() for feed in c.feeds)
    outdated = sum(1 for found in report.check.translations.values() for t in found if t.change == "outdated")
    updated = sum(1 for found in report.check.translations.values() for t in found if t.change == "up to date")
    check = report.check
    parts = [f"{_plural(pages, 'page')} in {_plural(langs, 'language')}",
             _plural(entries, "feed entry", "feed entries"),
             _plural(images, "image") + " redrawn"] if site.base_built else ["pages, feeds and images not compared"]
    if not check.unknown:
        parts += [_plural(outdated, "translation") + " made outdated", f"{updated} brought up to date"]
    parts += [f"{_plural(len(check.problems_added), 'problem')} added and {len(check.problems_removed)} removed",
              f"{_plural(len(check.warnings_added), 'warning')} added and {len(check.warnings_removed)} removed"]
    return ", ".join(parts)


def nothing_changes(report: Report) -> bool:
    site = report.site
    return not (any(site.languages.values()) or site.site_wide or site.search_index or report.check)


def _language_lines(changes: LanguageChanges) -> list[str]:
    """The body of one language's section, as lists and indented diffs (shared by both forms)."""
    out: list[str] = []
    own, groups = _groups(changes.pages)
    if changes.pages:
        counts = Counter(page.status for page in changes.pages)
        out.append(f"Pages: {', '.join(f'{count} {status}' for status, count in counts.items())}")
    for page in own:
        marker = {"added": "added", "removed": "removed", "changed": "changed"}[page.status]
        out.append(f"- {marker}: {page.path}" + (f" «{page.title}»" if page.title else ""))
        for finding in page.findings:
            out += _finding_lines(finding, "    ")
    for finding, paths in groups:
        out += _wrapped(f"- the same change on {_plural(len(paths), 'page')}: {', '.join(paths)}")
        out += _finding_lines(finding, "    ")
    for feed in changes.feeds:
        name = f"{feed.kind} feed ({', '.join(feed.files)})"
        if feed.status != "changed":
            out.append(f"- {name}: {feed.status}, with {_plural(len(feed.entries), 'entry', 'entries')}")
            continue
        if not feed.entries:
            out.append(f"- {name}: changed, but no entry's title, summary, text or date")
        for entry in feed.entries:
            out.append(f"- {name}: entry {entry.status}: «{entry.title}» {entry.link}"
                       + (f" ({', '.join(entry.fields)})" if entry.fields else ""))
            out += [f"    {line}" for line in entry.lines]
    out += _file_lines(changes.files)
    by_change: dict[str, list[TranslationChange]] = {}
    for change in changes.translations:
        by_change.setdefault(change.change, []).append(change)
    for change, found in by_change.items():
        out.append(f"- {_plural(len(found), 'translation')} {_TRANSLATION_WORDS[change]}: "
                   + ", ".join(t.file for t in found))
    return out


_KIND_PLURALS = {"chart data": "chart data files", "email edition": "email editions"}


def _file_lines(files: Sequence[FileChange]) -> list[str]:
    """Files by kind and what happened to them: each named; a text file's changed lines shown."""
    out = []
    groups: dict[tuple[str, str], list[FileChange]] = {}
    for file in files:
        groups.setdefault((file.kind, file.status), []).append(file)
    for (kind, status), found in groups.items():
        plural = _KIND_PLURALS.get(kind, kind + "s")
        out += _wrapped(f"- {len(found)} {kind if len(found) == 1 else plural} {status}: "
                        + ", ".join(file.path for file in found))
        for file in found:
            if file.lines:
                out += [f"    {file.path}:", *(f"      {line}" for line in file.lines)]
    return out


def _wrapped(line: str) -> list[str]:
    """A long list of names on several lines, the names whole."""
    return textwrap.wrap(line, width=118, subsequent_indent="    ", break_long_words=False,
                         break_on_hyphens=False) or [line]


def _finding_lines(finding: Finding, indent: str) -> list[str]:
    name = _PART_NAMES.get(finding.part, finding.part)
    if not finding.lines:
        return [f"{indent}{name}"]
    return [f"{indent}{name}:", *(f"{indent}  {line}" for line in finding.lines)]


def _check_lines(check: CheckChanges) -> list[str]:
    out = []
    for title, found in (("Problems added (the build stops until they are fixed)", check.problems_added),
                         ("Problems removed", check.problems_removed),
                         ("Warnings added (advice; the build goes on)", check.warnings_added),
                         ("Warnings removed", check.warnings_removed)):
        if found:
            out.append(f"{title}:")
            out += [f"- {problem.location()}: {problem.message}" for problem in found]
    if check.unknown:
        out.append(f"Translations were not compared: {check.unknown}.")
    return out


def as_text(report: Report) -> str:
    took = f" (built, checked and compared in {report.elapsed:.1f} s)" if report.elapsed else ""
    out = [f"What the change does to the site: {report.head} compared with {report.base}{took}"]
    out += [f"Note: {note}" for note in report.notes]
    if nothing_changes(report):
        out.append("Nothing a reader sees changes: every page, feed, image and translation is as before.")
        return "\n".join(out)
    out.append(f"In all: {totals(report)}.")
    for lang, changes in report.site.languages.items():
        name = report.names.get(lang, lang)
        if not changes:
            if report.site.base_built:
                out += ["", f"{name}: nothing changes."]
            else:
                out += ["", f"{name}: the pages were not compared"
                        + ("." if report.check.unknown else "; no translation changed status.")]
            continue
        out += ["", f"{name}:"]
        out += [f"  {line}" for line in _language_lines(changes)]
    site_wide = _site_wide_lines(report.site)
    if site_wide:
        out += ["", "The whole site:", *(f"  {line}" for line in site_wide)]
    check = _check_lines(report.check)
    if check:
        out += ["", "The check:", *(f"  {line}" for line in check)]
    else:
        out += ["", "The check: no problem or warning added or removed."]
    return "\n".join(out)


def _site_wide_lines(site: SiteChanges) -> list[str]:
    out = _file_lines(site.site_wide)
    if site.search_index:
        out.append("- the search index was made again (its words changed)")
    return out


# --- Markdown, for GitHub's job summary ---------------------------------------------------------

MARKDOWN_LIMIT = 900_000  # characters: a step's summary holds at most 1 MiB


def _inline(text: str) -> str:
    """Contributors' words shown as words: nothing in them becomes a link, a mention, HTML or markup."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~@&])", r"\\\1", text)


def _fence(lines: Sequence[str]) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`+", "\n".join(lines))), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *lines, fence]


def as_markdown(report: Report, look: str = "") -> str:
    """The report for a pull request's job summary; ``look`` is a command to look at the built site."""
    out = ["## What this change does to the site", "",
           f"{_inline(report.head[:1].upper() + report.head[1:])} compared with {_inline(report.base)}."]
    for note in report.notes:  # a side that could not be built, with the end of its build's log
        first, _, rest = note.partition("\n")
        out += ["", f"**Note:** {_inline(first)}"] + (["", *_fence(rest.split("\n"))] if rest else [])
    if look:
        out += ["", "To look at the built site on your computer, run this and open the address it prints:", "",
                *_fence([look])]
    if nothing_changes(report):
        out += ["", "Nothing a reader sees changes: every page, feed, image and translation is as before."]
        return "\n".join(out) + "\n"
    out += ["", f"**In all:** {totals(report)}."]
    quiet = [report.names.get(lang, lang) for lang, changes in report.site.languages.items() if not changes]
    for lang, changes in report.site.languages.items():
        if not changes:
            continue
        pages = len(changes.pages)
        summary = html.escape(f"{report.names.get(lang, lang)}: {_plural(pages, 'page')} changed"
                              + (f", {_plural(len(changes.translations), 'translation')} changed status"
                                 if changes.translations else ""))
        out += ["", f"<details open><summary><b>{summary}</b></summary>", "", *_fence(_language_lines(changes)), "",
                "</details>"]
    if quiet and report.site.base_built:
        out += ["", "Nothing changes in " + ", ".join(quiet) + "."]
    site_wide = _site_wide_lines(report.site)
    if site_wide:
        out += ["", "### The whole site", "", *_fence(site_wide)]
    check = _check_lines(report.check)
    out += ["", "### The check", ""]
    out += _fence(check) if check else ["No problem or warning added or removed."]
    text = "\n".join(out) + "\n"
    if len(text) > MARKDOWN_LIMIT:
        cut = text[:MARKDOWN_LIMIT].rsplit("\n", 1)[0]
        fences = re.findall(r"^(`{3,})", cut, re.M)
        cut += ("\n" + fences[-1]) if len(fences) % 2 else ""
        text = cut + ("\n\n… the report is cut here (a job summary holds 1 MiB); "
                      "run the command locally for all of it.\n")
    return text
