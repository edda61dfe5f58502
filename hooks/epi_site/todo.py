"""``python3 tools/dev.py todo LANG``: a translator's work list for one language.

It lists everything that language lacks or has let fall behind, each with the file to write:
texts whose translation is missing or outdated (pages, news items, partner texts, newsletter
introductions, the timeline's, charts' and place names' files), entries missing from those YAML
files, interface strings of the catalog and glossary terms. For an outdated text it shows, word by
word, what changed in the English since the translation was last marked up to date, so that the
translator changes what changed and nothing else.

"Up to date" is what the rest of the site means by it (content/translations.py): a translation
records the fingerprint of the English text it was made from (``translated_from``). The English
text with that fingerprint is looked up in the repository's history; where the history does not
hold it (a shallow clone, a file made outside Git), the list says so and gives the whole file.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .content.i18n import check_catalogs
from .content.loading import Content, load_content
from .problems import Problems
from .content.translation_status import status_rows
from .content.translations import MISSING, OUTDATED, fingerprint, recorded_fingerprint
from .project import Project, load_project

_KIND_NAMES = {"page": "page", "news": "news item", "partner": "partner text",
               "newsletter": "newsletter introduction", "data": "labels"}
_HISTORY_LIMIT = 500  # commits of one file looked at, at most
_CONTEXT = 6  # words shown on each side of a change


@dataclass
class Change:
    line: int  # in the current English file
    before: str
    removed: str
    added: str
    after: str

    def plain(self) -> str:
        removed = f"[-{self.removed}-]" if self.removed else ""
        added = f"{{+{self.added}+}}" if self.added else ""
        return f"line {self.line}: {self.before}{removed}{added}{self.after}".replace("\n", "⏎")


@dataclass
class Item:
    section: str  # "outdated", "missing" or "other"
    target: str  # the file to write
    what: str
    source: str = ""  # the English file
    changes: list[Change] | None = None  # for an outdated text: None when its history is not found
    done: str = ""  # the command that records the work as done
    details: list[str] = field(default_factory=list)
    line: int | None = None  # where in ``target``, when it is one entry of the file

    @property
    def place(self) -> str:
        return f"{self.target}:{self.line}" if self.line else self.target


def work_list(project: Project, content: Content, warnings, lang: str) -> list[Item]:
    default = project.default_language
    items: list[Item] = []
    for row in status_rows(content):
        target = row.source.replace(f".{default}.", f".{lang}.")
        status = row.statuses.get(lang)
        kind = _KIND_NAMES.get(row.kind, row.kind)
        if status == MISSING:
            items.append(Item("missing", target, f"translate the {kind} {row.source} (readers see the English "
                              "with a notice until then)", row.source))
        elif status == OUTDATED:
            changes = english_changes(project, row.source, project.root / target)
            items.append(Item("outdated", target, f"the English {kind} changed since this translation was marked "
                              "up to date", row.source, changes,
                              done=f"python3 tools/dev.py check --mark-translated {target}"))
    for labels in _label_files(content):
        english, own = labels.data.get(default), labels.data.get(lang)
        if english is None or own is None:
            continue  # a missing file is listed above, with the texts
        missing = [where for where in _paths(english) if _get(own, where) is None]
        if missing:
            items.append(Item("missing", labels.file(lang), f"{len(missing)} entr{'y' if len(missing) == 1 else 'ies'} "
                              f"of {labels.file(default)} {'is' if len(missing) == 1 else 'are'} not translated",
                              labels.file(default), details=[".".join(where) for where in missing]))
    for warning in warnings:
        if _concerns(warning, lang):
            items.append(Item("other", warning.file, warning.message + (f" ({warning.where})" if warning.where else ""),
                              details=[f"What to do: {warning.fix}"] if warning.fix else [], line=warning.line))
    return items


def _label_files(content: Content):
    found = [content.timeline.labels if content.timeline else None, content.chart_labels,
             content.places.labels if content.places else None]
    return [labels for labels in found if labels is not None]


def _paths(data, prefix=()):
    """Every leaf of a YAML mapping, as a tuple of keys."""
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _paths(value, (*prefix, key))
        elif value not in (None, ""):
            yield (*prefix, key)


def _get(data, where):
    for key in where:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data if data not in ("",) else None


def _concerns(warning, lang: str) -> bool:
    """Catalog strings and glossary terms of ``lang``, and advice about its files."""
    name = warning.file.rsplit("/", 1)[-1]
    return (warning.file == f"locales/{lang}.po" or f".{lang}." in name
            or (warning.file.endswith("glossary.yml") and warning.where.endswith(f".{lang}")))


# --- what changed in the English --------------------------------------------------------------

def english_changes(project: Project, source: str, translation: Path) -> list[Change] | None:
    """The word-level changes from the English text the translation was made from to today's;
    None when the repository's history does not hold that text."""
    recorded = recorded_fingerprint(translation.read_text(encoding="utf-8-sig")) if translation.exists() else None
    current = (project.root / source).read_text(encoding="utf-8-sig")
    old = _text_with_fingerprint(project.root, source, recorded) if recorded else None
    return None if old is None else word_diff(_normal(old), _normal(current))


def _normal(text: str) -> str:
    return text.replace("\r\n", "\n")


def _text_with_fingerprint(root: Path, source: str, wanted: str) -> str | None:
    try:
        log = subprocess.run(["git", "-C", str(root), "log", "--follow", f"-n{_HISTORY_LIMIT}", "--format=%x00%H",
                              "--name-only", "--", source], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None  # not a Git repository, or Git is not installed
    for record in log.split("\0")[1:]:
        lines = [line for line in record.split("\n") if line.strip()]
        if len(lines) < 2:
            continue
        commit, path = lines[0], lines[-1]
        shown = subprocess.run(["git", "-C", str(root), "show", f"{commit}:{path}"], capture_output=True)
        if shown.returncode:
            continue
        text = shown.stdout.decode("utf-8", errors="replace").removeprefix("\ufeff")
        if fingerprint(text) == wanted:
            return text
    return None


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[Change]:
    """The changes from ``old`` to ``new``, word by word, each with a few words around it."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    changes = []
    line_of = _line_numbers(b)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = "".join(b[max(0, j1 - 2 * _CONTEXT):j1])
        after = "".join(b[j2:j2 + 2 * _CONTEXT])
        before = before.split("\n")[-1] if "\n" in before else before
        after = after.split("\n")[0] if "\n" in after else after
        changes.append(Change(line_of[min(j1, len(b) - 1)] if b else 1, before, "".join(a[i1:i2]), "".join(b[j1:j2]),
                              after))
    return changes


def _line_numbers(tokens: list[str]) -> list[int]:
    numbers, line = [], 1
    for token in tokens:
        # A change that starts with a line break belongs to the line after it.
        numbers.append(line + (1 if token.startswith("\n") else 0))
        line += token.count("\n")
    return numbers


# --- the two forms of the list ----------------------------------------------------------------

_SECTIONS = (("outdated", "Outdated: the English changed since the translation was last marked up to date"),
             ("missing", "Missing: readers see the English"),
             ("other", "Catalog strings, glossary terms and other advice"))


def as_text(project: Project, lang: str, items: list[Item]) -> str:
    name = f"{project.language_name(lang)} ({lang})"
    if not items:
        return f"{name}: nothing to translate; every text is translated and up to date."
    out = [f"{name}: {len(items)} thing{'s' if len(items) != 1 else ''} to do"]
    for section, title in _SECTIONS:
        chosen = [item for item in items if item.section == section]
        if not chosen:
            continue
        out += ["", title + ":"]
        for item in chosen:
            out.append(f"- {item.place}: {item.what}")
            if item.section == "outdated":
                if item.changes is None:
                    out.append(f"    The English text it was made from is not in the repository's history: compare "
                               f"the translation with the whole of {item.source}.")
                elif not item.changes:
                    out.append("    Only the layout of the English changed (no words).")
                else:
                    out.append(f"    What changed in {item.source} ([-removed-] {{+added+}}):")
                    out += [f"    {change.plain()}" for change in item.changes]
            out += [f"    {detail}" for detail in item.details]
            if item.done:
                out.append(f"    When it is done: {item.done}")
    return "\n".join(out)


def as_markdown(project: Project, lang: str, items: list[Item]) -> str:
    """For an issue or a pull request description: a task list; the English's words in code."""
    name = f"{project.language_name(lang)} ({lang})"
    if not items:
        return f"## {name}\n\nNothing to translate: every text is translated and up to date.\n"
    out = [f"## {name}: {len(items)} thing{'s' if len(items) != 1 else ''} to do"]
    for section, title in _SECTIONS:
        chosen = [item for item in items if item.section == section]
        if not chosen:
            continue
        out += ["", f"### {title}", ""]
        for item in chosen:
            out.append(f"- [ ] {_code(item.place)}: {_inline(item.what)}")
            lines = []
            if item.section == "outdated":
                if item.changes is None:
                    lines.append(f"The English text it was made from is not in the history: compare with {item.source}.")
                else:
                    lines += [change.plain() for change in item.changes] or ["Only the layout of the English changed."]
            lines += item.details
            if lines:
                fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", "\n".join(lines))), default=0))
                out += ["", f"  {fence}text", *(f"  {line}" for line in lines), f"  {fence}", ""]
            if item.done:
                out.append(f"  When it is done: {_code(item.done)}")
    return "\n".join(out) + "\n"


def _code(text: str) -> str:
    return f"`{text}`" if "`" not in text else f"`` {text} ``"


def _inline(text: str) -> str:
    """Contributors' words, shown as words: nothing in them becomes a link, a mention or markup."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~@])", r"\\\1", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 tools/dev.py todo", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lang", help="the language's code, such as sv")
    parser.add_argument("--markdown", action="store_true", help="write the list in Markdown, for an issue or a pull request")
    parser.add_argument("--root", default=".", help="the repository's folder (default: the current one)")
    args = parser.parse_args(argv)
    project = load_project(Path(args.root))
    if args.lang not in project.other_languages:
        print(f"'{args.lang}' is not a translated language of the site; write one of: "
              f"{', '.join(project.other_languages)}", file=sys.stderr)
        return 2
    content, problems = load_content(project, catalogs=False)
    catalog = Problems()
    check_catalogs(project, catalog)
    if content is None:
        print(problems.report())
        print("\nFix these problems first (python3 tools/dev.py check); then the list can be made.")
        return 1
    items = work_list(project, content, problems.warning_list(), args.lang)
    # The catalog's untranslated, fuzzy and missing strings, and a missing catalog.
    items += [Item("other", p.file, p.message, details=[f"What to do: {p.fix}"] if p.fix else [],
                   line=p.line) for p in [*catalog, *catalog.warning_list()]
              if p.file == f"locales/{args.lang}.po"]
    print(as_markdown(project, args.lang, items) if args.markdown else as_text(project, args.lang, items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
