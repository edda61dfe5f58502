"""Which text is translated, missing or outdated in which language."""

from __future__ import annotations

from dataclasses import dataclass

from .loading import Content
from .sources import rel
from .translations import MISSING, OUTDATED, TRANSLATED, TextSet

KINDS = ("page", "news", "partner", "newsletter", "data")


@dataclass(frozen=True)
class Row:
    kind: str
    key: str
    source: str  # the English file, from the repository's root
    fingerprint: str
    statuses: dict
    unmarked: tuple = ()  # languages whose new translation records no English text yet


def every_text_set(content: Content) -> list[TextSet]:
    sets = [page.text_set for page in content.docs.values()]
    sets += [item.text_set for item in content.news if item.text_set]
    sets += [partner.text_set for partner in content.partners if partner.text_set]
    sets += [issue.text_set for issue in content.issues if issue.text_set]
    sets += [labels.text_set for labels in (content.timeline.labels, content.chart_labels) if labels.text_set]
    if content.places and content.places.labels.text_set:
        sets.append(content.places.labels.text_set)
    return sets


def status_rows(content: Content) -> list[Row]:
    project = content.project
    default = project.default_language
    rows = []
    for text_set in every_text_set(content):
        source = text_set.files.get(default)
        if source is None:
            continue
        statuses = {lang: text_set.status(lang, default) for lang in project.other_languages}
        unmarked = tuple(lang for lang in project.other_languages if text_set.unmarked(lang, default))
        rows.append(Row(text_set.kind, text_set.key, rel(source, project.root), text_set.source_fingerprint(default),
                        statuses, unmarked))
    return sorted(rows, key=lambda r: (KINDS.index(r.kind), r.key))


def summary(rows: list[Row], lang: str) -> dict[str, int]:
    counts = {TRANSLATED: 0, MISSING: 0, OUTDATED: 0}
    for row in rows:
        counts[row.statuses[lang]] += 1
    return counts


def table(rows: list[Row], languages: tuple[str, ...]) -> str:
    """The status as a plain-text table, for the check command."""
    marks = {TRANSLATED: "ok", MISSING: "MISSING", OUTDATED: "OUTDATED"}
    width = max((len(r.source) for r in rows), default=10)
    lines = ["Translation status (ok = translated; MISSING = readers see English; "
             "OUTDATED = the English text changed since)",
             "file".ljust(width) + "  " + "  ".join(f"{lang:<8}" for lang in languages)]
    for row in rows:
        lines.append(row.source.ljust(width) + "  " + "  ".join(f"{marks[row.statuses[lang]]:<8}" for lang in languages))
    totals = []
    for lang in languages:
        counts = summary(rows, lang)
        totals.append(f"{lang}: {counts[TRANSLATED]}/{len(rows)} translated, {counts[MISSING]} missing, "
                      f"{counts[OUTDATED]} outdated")
    return "\n".join([*lines, "", *totals])


def outdated(rows: list[Row]) -> dict[tuple[str, str], set[str]]:
    """(kind, key) -> the languages whose translation is older than its English text, for the readers' notice."""
    return {(row.kind, row.key): {lang for lang, status in row.statuses.items() if status == OUTDATED}
            for row in rows}


def outdated_hints(rows: list[Row], content: Content) -> list[str]:
    """For each outdated or new translation: what to do about it, in the words of someone who edits."""
    default = content.project.default_language
    hints = []
    for row in rows:
        langs = [lang for lang, status in row.statuses.items() if status == OUTDATED]
        for lang in langs:
            target = row.source.replace(f".{default}.", f".{lang}.")
            hints.append(f"{target}: the English text changed since this translation was made; readers see a notice "
                         f"with a link to the English. Update the translation, then run "
                         f"'python3 tools/dev.py check --mark-translated {target}'.")
        if len(langs) > 1:
            hints.append(f"{row.source}: this English edit left {len(langs)} translations outdated "
                         f"({', '.join(langs)}). That is expected: you need not translate them yourself. "
                         f"If your edit changed no meaning (a typo, a link), mark them all up to date with "
                         f"'python3 tools/dev.py check --mark-translated "
                         + " ".join(row.source.replace(f".{default}.", f".{lang}.") for lang in langs)
                         + "'; otherwise say in the pull request that they need translating "
                         "('python3 tools/dev.py check' lists them for the translators).")
        for lang in row.unmarked:
            target = row.source.replace(f".{default}.", f".{lang}.")
            hints.append(f"{target}: a new translation. When it is complete, record that it matches the English with "
                         f"'python3 tools/dev.py check --mark-translated {target}'.")
    return hints
