"""Per-language text files of data collections (timeline.<lang>.yml, charts.<lang>.yml)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problems
from ..project import Project
from .sources import LineDict, language_of, read_yaml, rel
from .translations import TextSet


@dataclass
class LabelFiles:
    """``content/<name>.<lang>.yml`` of every language that has one."""

    name: str
    data: dict[str, LineDict] = field(default_factory=dict)
    text_set: TextSet | None = None

    def file(self, lang: str) -> str:
        return f"content/{self.name}.{lang}.yml"

    def texts(self, section: str | None, key: str, fields: tuple[str, ...], project: Project,
              problems: Problems) -> dict[str, dict]:
        """The texts of one entry in every language; the English ones must be complete."""
        result: dict[str, dict] = {}
        for lang, data in self.data.items():
            block = data.get(section) if section else data
            where = f"{section}.{key}" if section else key
            if not isinstance(block, dict) or not isinstance(block.get(key), dict):
                if lang == project.default_language:
                    problems.add(self.file(lang), f"the texts of '{key}' are missing", where=where,
                                 fix=f"add '{key}:' with {', '.join(fields)} under '{section or 'the top level'}'")
                continue
            value = block[key]
            result[lang] = {f: value[f] if isinstance(value[f], dict) else str(value[f]).strip()
                            for f in fields if value.get(f) is not None}
            missing = [f for f in fields if f not in result[lang]]
            if missing and lang == project.default_language:
                problems.add(self.file(lang), f"'{key}' has no {', '.join(missing)}", line=value.line, where=where,
                             fix=" and ".join(f"add '{f}: ...'" for f in missing))
        # A translation that lacks a field shows the English one, as a missing translation does: every
        # language's entry then has every field the templates read. The translation status lists the
        # field as work to do (content/translation_status.py), so no warning of its own here.
        english = result.get(project.default_language, {})
        for lang in result:
            result[lang] = {**english, **result[lang]}
        return result

    def unknown(self, section: str | None, known: set[str], problems: Problems) -> None:
        for lang, data in self.data.items():
            block = data.get(section) if section else data
            if not isinstance(block, dict):
                continue
            for key in block:
                if key not in known:
                    problems.add(self.file(lang), f"'{key}' is not an id of content/{self.name}.yml",
                                 line=block.line_of(key), fix=f"use one of: {', '.join(sorted(known))}")


def load_label_files(project: Project, name: str, problems: Problems) -> LabelFiles:
    labels = LabelFiles(name, text_set=TextSet("data", name))
    for path in sorted(project.content_dir.glob(f"{name}.*.yml")):
        parsed = language_of(path, list(project.languages), project.root, problems)
        if not parsed or parsed[0] != name:
            continue
        data = read_yaml(path, project.root, problems)
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.add(rel(path, project.root), "this file should hold 'id: texts' entries", line=1)
            continue
        data.pop("translated_from", None)
        labels.data[parsed[1]] = data
        labels.text_set.files[parsed[1]] = path
    if project.default_language not in labels.data:
        problems.add(labels.file(project.default_language), "the English texts are missing",
                     fix=f"create {labels.file(project.default_language)}")
    return labels
