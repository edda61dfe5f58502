"""Finding the language versions of texts named ``name.<lang>.md``."""

from __future__ import annotations

from pathlib import Path

from ..problems import Problems
from ..project import Project
from .sources import language_of, read_text, rel, split_front_matter
from .translations import TextSet


def read_text_sets(project: Project, folder: Path, kind: str, problems: Problems, ext: str = "md") -> dict[str, TextSet]:
    """Group ``folder/**/name.<lang>.<ext>`` by name; report files with a wrong suffix."""
    sets: dict[str, TextSet] = {}
    if not folder.is_dir():
        return sets
    for path in sorted(folder.rglob(f"*.{ext}")):
        parsed = language_of(path, list(project.languages), project.root, problems)
        if not parsed:
            continue
        stem, lang = parsed
        key = (path.parent.relative_to(folder) / stem).as_posix()
        sets.setdefault(key, TextSet(kind, key)).files[lang] = path
    for key, found in sets.items():
        if project.default_language not in found.files:
            some = next(iter(found.files.values()))
            problems.add(
                rel(some, project.root),
                f"there is no English version of '{key}', so this translation has nothing to translate",
                fix=f"add {rel(some.with_name(f'{Path(key).name}.{project.default_language}.{ext}'), project.root)}, "
                "or check the spelling of this file's name",
            )
    return sets


def read_markdown(path: Path, project: Project, problems: Problems):
    """Return (front matter, body, body's first line) of a Markdown file."""
    text = read_text(path, project.root, problems)
    if text is None:
        return {}, "", 1
    return split_front_matter(text, rel(path, project.root), problems)
