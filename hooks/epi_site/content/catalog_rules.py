"""What a translated catalog must respect beyond being complete: placeholders, plurals, no markup.

Every template formats every string (Jinja's newstyle gettext applies ``%``
even without values), so a stray ``%`` or an unknown ``%(name)s`` would stop
the build with a traceback, and a dropped placeholder would silently lose a
number or a name from the page. Markup in a msgstr would be shown as text (the
templates escape it), so it is a mistake either way. A wrong Plural-Forms line
picks the wrong form for every count. Babel's own checkers run first; the rest
says the same things in words a translator can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message, TranslationError
from babel.messages.checkers import num_plurals, python_format
from babel.messages.plurals import get_plural

from ..problems import Problems
from .sources import BROWSER_MARKUP, DIRECTION_FIX
from ..safety.safe_text import direction_controls

# A msgstr is read as a browser reads it: Python code puts some strings in HTML and feeds itself.
_MARKUP = BROWSER_MARKUP
# What str.splitlines() takes for the end of a line: a title, a button or an email's subject is one line,
# and a break there would put "Bcc: ..." on a line of its own in a mail's headers or a feed's title.
LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")


def _bare(match: re.Match) -> str:
    name = match.group(1)
    return "%" + (f"({name})" if name is not None else "") + match.group(3)


def publishable(msgid: str, string: str) -> bool:
    """False for a msgstr with markup where its English text has none (no msgid has any): such a
    string could reach a page, a feed or an email as a tag, so the build leaves it out."""
    return not _MARKUP.search(string) or bool(_MARKUP.search(msgid))


def published(msgid: str, string: str) -> str:
    """A msgstr as the build uses it, whatever the check said: on one line where its English text is,
    and each placeholder without width or precision (``%(quarter)3000000s`` would write three million
    spaces into a page; a larger width exhausts the memory). The check refuses both; the real
    catalogs hold neither, so this changes nothing they publish."""
    if not LINE_BREAKS.search(msgid):
        string = LINE_BREAKS.sub(" ", string)
    return PYTHON_FORMAT.sub(lambda m: _bare(m) if m.group(2) else m.group(0), string)


def _forms(value) -> list[str]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _names(text: str) -> set[str]:
    return {match.group(1) for match in PYTHON_FORMAT.finditer(text) if match.group(1)}


def _show(names) -> str:
    return ", ".join(f"%({name})s" for name in sorted(names)) or "none"


def plural_count(lang: str) -> int:
    return get_plural(lang).num_plurals


def check_plural_forms(catalog: Catalog, lang: str, file: str, text: str, problems: Problems) -> None:
    wanted = get_plural(lang)
    expected = f"nplurals={wanted.num_plurals}; plural={wanted.plural_expr};"
    found = f"nplurals={catalog.num_plurals}; plural={catalog.plural_expr};"
    if "".join(found.split()) != "".join(expected.split()):
        line = next((n for n, row in enumerate(text.splitlines(), 1) if row.startswith('"Plural-Forms:')), 1)
        problems.add(file, f"the Plural-Forms line is not the rule of this language ({found})", line=line,
                     fix=f'write in the header: "Plural-Forms: {expected}\\n"')


# A rule's finding: the message, what to do, the category ("" or "unsafe content").
_Found = tuple[str, str, str]


@dataclass(frozen=True)
class _English:
    """What a translated entry is held to: its English text (both forms, for a plural)."""

    label: str
    placeholders: set[str]
    markup: bool
    one_line: bool

    @classmethod
    def of(cls, message: Message) -> _English:
        ids = _forms(message.id)
        return cls(message.id if isinstance(message.id, str) else message.id[0], set().union(*map(_names, ids)),
                   any(_MARKUP.search(i) for i in ids), not any(LINE_BREAKS.search(i) for i in ids))


def check_message(catalog: Catalog, message: Message, file: str, problems: Problems) -> None:
    """One translated entry: Babel's checks, then placeholders, formatting and markup. One message
    per entry, for the first rule it breaks: what a translator fixes first."""
    found = _first_found(catalog, message, _English.of(message))
    if found:
        text, fix, category = found
        problems.add(file, text, line=message.lineno, fix=fix, category=category)


def _first_found(catalog: Catalog, message: Message, english: _English) -> _Found | None:
    for entry_rule in (_plural_count, _babel_checks, _direction_control):
        found = entry_rule(catalog, message, english)
        if found:
            return found
    for text in _translations(message):
        for rule in _STRING_RULES:
            found = rule(english, text)
            if found:
                return found
    return None


def _translations(message: Message) -> list[str]:
    return [s for s in _forms(message.string) if s]


def _plural_count(catalog: Catalog, message: Message, english: _English) -> _Found | None:
    count, forms = catalog.num_plurals, len(_forms(message.string))
    if not message.pluralizable or forms == count:
        return None
    return (f"{english.label!r} has {forms} plural forms; this language has {count}",
            "write one line for each: " + ", ".join(f"msgstr[{i}]" for i in range(count)), "")


def _babel_checks(catalog: Catalog, message: Message, english: _English) -> _Found | None:
    # Babel checks formats only when the entry carries the python-format flag, which a translator may delete.
    flagged = Message(message.id, message.string, flags={"python-format"}, lineno=message.lineno)
    for checker in (num_plurals, python_format):
        try:
            checker(catalog, flagged)
        except TranslationError as error:
            return (f"the translation of {english.label!r} does not fit its placeholders: {error}",
                    f"keep exactly the placeholders of the English text: {_show(english.placeholders)}", "")
    return None


def _direction_control(catalog: Catalog, message: Message, english: _English) -> _Found | None:
    for text in _translations(message):
        for _, character in direction_controls(text)[:1]:
            return (f"the translation of {english.label!r} holds an invisible direction control "
                    f"(U+{ord(character):04X}), which shows the text in another order than it is written",
                    DIRECTION_FIX, "unsafe content")
    return None


def _sized_placeholder(english: _English, text: str) -> _Found | None:
    sized = next((m for m in PYTHON_FORMAT.finditer(text) if m.group(2)), None)
    if not sized:
        return None
    return (f"the translation of {english.label!r} gives the placeholder {sized.group(0)} a width or "
            "precision, which would pad the page with spaces (or stop the build)",
            f"write it as {_bare(sized)}, exactly as in the English text", "unsafe content")


def _line_break(english: _English, text: str) -> _Found | None:
    if not (english.one_line and LINE_BREAKS.search(text)):
        return None
    return (f"the translation of {english.label!r} breaks the line, and the English text is one line "
            "(a title, a label or an email's subject)",
            "write the translation on one line: replace the \\n (or the line break) with a space", "unsafe content")


def _changed_placeholders(english: _English, text: str) -> _Found | None:
    have, wanted = _names(text), english.placeholders
    if have == wanted:
        return None
    missing, extra = wanted - have, have - wanted
    what = "; ".join(part for part in (
        f"{_show(missing)} is missing" if missing else "",
        f"{_show(extra)} is not in the English text" if extra else "") if part)
    return (f"the translation of {english.label!r} changes its placeholders: {what}",
            f"copy the placeholders exactly as in the English text: {_show(wanted)} "
            "(translate the words around them, never the names in brackets)", "")


def _stray_percent(english: _English, text: str) -> _Found | None:
    try:
        text % {name: "" for name in english.placeholders}
    except (ValueError, TypeError, KeyError) as error:
        return (f"the translation of {english.label!r} has a % sign that is not a placeholder ({error})",
                "write a percent sign as %% (two of them), or use the word 'percent'", "")
    return None


def _markup(english: _English, text: str) -> _Found | None:
    if english.markup or not _MARKUP.search(text):
        return None
    return (f"the translation of {english.label!r} holds HTML markup, which the English text has not",
            "write plain text: no <tags> and no &entities; (write & < > as they are)", "unsafe content")


# Each translated form is held to these in turn; the first it breaks is reported.
_STRING_RULES = (_sized_placeholder, _line_break, _changed_placeholders, _stray_percent, _markup)
