"""Interface strings: gettext catalogs in locales/, read with Babel.

English is the source language: the msgids of ``locales/messages.pot`` are the
English strings, and each other language has ``locales/<lang>.po``.
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from .catalog_rules import check_message, check_plural_forms, plural_count, publishable, published
from ..problems import Problems
from ..project import Project
from ..safety.safe_text import without_direction_controls

TEMPLATE = "messages.pot"


def po_path(project: Project, lang: str) -> Path:
    return project.locales_dir / f"{lang}.po"


_BOM = b"\xef\xbb\xbf"


def po_bytes(path: Path) -> io.BytesIO:
    """A catalog's bytes without the byte-order mark some editors write first (Babel would read it as
    an unknown keyword on line 0; YAML and Markdown files may start with one too)."""
    data = path.read_bytes()
    return io.BytesIO(data[len(_BOM):] if data.startswith(_BOM) else data)


def read_catalog(path: Path, lang: str | None = None) -> Catalog:
    return read_po(po_bytes(path), locale=lang, abort_invalid=True)


@lru_cache(maxsize=32)
def _compiled(path: str, mtime: float, lang: str) -> Translations:
    catalog = read_catalog(Path(path), lang)
    unsafe = []
    for message in catalog:  # refused by the check; never published, should the check be bypassed
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        msgid = "\n".join(i for i in ids if i)
        forms = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        if not all(publishable(msgid, s) for s in forms if s):
            unsafe.append(message)  # markup where the English has none: readers get the English words instead
        elif isinstance(message.string, (list, tuple)):
            message.string = tuple(published(msgid, without_direction_controls(s)) if s else s for s in message.string)
        elif message.string:
            message.string = published(msgid, without_direction_controls(message.string))
    for message in unsafe:
        catalog.delete(message.id, context=message.context)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain="messages")


def interface_catalog(project: Project, lang: str) -> NullTranslations:
    """The gettext translations of one language (English returns the msgids)."""
    if lang == project.default_language:
        return NullTranslations()
    path = _po_file(project, lang)
    try:
        mtime = os.stat(path).st_mtime
    except FileNotFoundError:  # a language being added: its interface falls back to English until translated
        return NullTranslations()
    return _compiled(path, mtime, lang)


@lru_cache(maxsize=64)
def _po_file(project: Project, lang: str) -> str:
    # Templates ask for a language's strings thousands of times a build; the path is computed once,
    # the file's time is still read each time, so an edited catalog is picked up by the preview.
    return str(po_path(project, lang))


def check_catalogs(project: Project, problems: Problems) -> None:
    """Every language has every string of the template, translated, none fuzzy."""
    template_path = project.locales_dir / TEMPLATE
    if not template_path.exists():
        problems.add(f"locales/{TEMPLATE}", "the template of interface strings is missing",
                     fix="run: python3 tools/dev.py extract")
        return
    template = read_catalog(template_path)
    wanted = {message.id for message in template if message.id}
    for lang in project.other_languages:
        file = f"locales/{lang}.po"
        catalog = _checked_catalog(project, lang, file, problems)
        if catalog is None:
            continue
        for message in catalog:
            if message.id:
                _check_entry(project, lang, catalog, message, file, wanted, problems)
        present = {message.id for message in catalog if message.id}
        for missing in sorted(wanted - present, key=str):
            label = missing if isinstance(missing, str) else missing[0]
            problems.add(file, f"the string {label!r} is missing from this catalog",
                         fix=f"run: python3 tools/dev.py extract, then translate it in {file}")


def _checked_catalog(project: Project, lang: str, file: str, problems: Problems) -> Catalog | None:
    """A language's catalog with its Plural-Forms line checked; None, and why, when there is none to read."""
    path = po_path(project, lang)
    if not path.exists():
        # A warning, not a problem: a team adds a language and translates it step by step (English until then).
        problems.warn(file, f"the {project.language_name(lang)} catalog of interface strings is missing, "
                            "so the site's menus, buttons and notices are shown in English",
                      fix=f"run: python3 tools/dev.py extract, then translate every msgstr in {file}")
        return None
    try:
        catalog = read_catalog(path, lang)
    except (PoFileError, ValueError) as error:
        _unreadable(project, lang, path, file, error, problems)
        return None
    check_plural_forms(catalog, lang, file, path.read_text(encoding="utf-8-sig", errors="replace"), problems)
    return catalog


def _unreadable(project: Project, lang: str, path: Path, file: str, error: Exception, problems: Problems) -> None:
    if "num_plurals" not in str(error):
        problems.add(file, f"this catalog cannot be read: {error}", fix="compare the file with locales/messages.pot")
        return
    # Often the header's Plural-Forms is what is wrong: say that rather than blame the entry.
    lenient = read_po(po_bytes(path), locale=lang, abort_invalid=False)
    before = len(problems)
    check_plural_forms(lenient, lang, file, path.read_text(encoding="utf-8-sig", errors="replace"), problems)
    if len(problems) > before:
        return
    count = plural_count(lang)
    problems.add(file, f"an entry has more plural forms than {project.language_name(lang)} has ({count})",
                 line=getattr(error, "lineno", None) or None,
                 fix="keep one line for each: " + ", ".join(f"msgstr[{i}]" for i in range(count)))


def _check_entry(project: Project, lang: str, catalog: Catalog, message: Message, file: str, wanted: set,
                 problems: Problems) -> None:
    """One entry of a catalog: still used, checked by its translator, every form translated, then its rules."""
    label = message.id if isinstance(message.id, str) else message.id[0]
    line = message.lineno
    if message.id not in wanted:  # an obsolete ('#~') entry is not among them: Babel keeps those apart
        problems.add(file, f"the string {label!r} is no longer used by the site", line=line,
                     fix="delete this entry (or run: python3 tools/dev.py extract)")
        return
    if message.fuzzy:
        problems.add(file, f"the translation of {label!r} is marked fuzzy (unchecked)", line=line,
                     fix="check the translation, then delete the '#, fuzzy' line above it")
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    empty = [i for i, s in enumerate(strings) if not (s and s.strip())]
    if message.pluralizable and 0 < len(empty) < len(strings):
        problems.add(file, f"{label!r} lacks plural form{'s' if len(empty) > 1 else ''} "
                     f"{', '.join(f'msgstr[{i}]' for i in empty)} ({project.language_name(lang)} has "
                     f"{len(strings)} forms)", line=line,
                     fix="write one line for each: " + ", ".join(f"msgstr[{i}]" for i in range(len(strings))))
    elif empty:
        problems.add(file, f"{label!r} is not translated", line=line,
                     fix="write the translation in the msgstr line(s) under it")
    else:
        check_message(catalog, message, file, problems)
