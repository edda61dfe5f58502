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


def check_message(catalog: Catalog, message: Message, file: str, problems: Problems) -> None:
    """One translated entry: Babel's checks, then placeholders, formatting and markup."""
    label = message.id if isinstance(message.id, str) else message.id[0]
    line = message.lineno
    ids = _forms(message.id)
    strings = [s for s in _forms(message.string) if s]
    if message.pluralizable and len(_forms(message.string)) != catalog.num_plurals:
        count = catalog.num_plurals
        problems.add(file, f"{label!r} has {len(_forms(message.string))} plural forms; this language has {count}",
                     line=line, fix="write one line for each: " + ", ".join(f"msgstr[{i}]" for i in range(count)))
        return
    # Babel checks formats only when the entry carries the python-format flag, which a translator may delete.
    flagged = Message(message.id, message.string, flags={"python-format"}, lineno=line)
    for checker in (num_plurals, python_format):
        try:
            checker(catalog, flagged)
        except TranslationError as error:
            problems.add(file, f"the translation of {label!r} does not fit its placeholders: {error}", line=line,
                         fix=f"keep exactly the placeholders of the English text: {_show(set().union(*map(_names, ids)))}")
            return
    for text in strings:
        for _, character in direction_controls(text)[:1]:
            problems.add(file, f"the translation of {label!r} holds an invisible direction control (U+{ord(character):04X}), "
                         "which shows the text in another order than it is written", line=line, fix=DIRECTION_FIX,
                         category="unsafe content")
            return
    wanted = set().union(*map(_names, ids))
    markup_in_id = any(_MARKUP.search(i) for i in ids)
    one_line = not any(LINE_BREAKS.search(i) for i in ids)
    for text in strings:
        sized = next((m for m in PYTHON_FORMAT.finditer(text) if m.group(2)), None)
        if sized:
            problems.add(file, f"the translation of {label!r} gives the placeholder {sized.group(0)} a width or "
                         "precision, which would pad the page with spaces (or stop the build)", line=line,
                         fix=f"write it as {_bare(sized)}, exactly as in the English text", category="unsafe content")
            return
        if one_line and LINE_BREAKS.search(text):
            problems.add(file, f"the translation of {label!r} breaks the line, and the English text is one line "
                         "(a title, a label or an email's subject)", line=line,
                         fix="write the translation on one line: replace the \\n (or the line break) with a space",
                         category="unsafe content")
            return
        have = _names(text)
        if have != wanted:
            missing, extra = wanted - have, have - wanted
            what = "; ".join(part for part in (
                f"{_show(missing)} is missing" if missing else "",
                f"{_show(extra)} is not in the English text" if extra else "") if part)
            problems.add(file, f"the translation of {label!r} changes its placeholders: {what}", line=line,
                         fix=f"copy the placeholders exactly as in the English text: {_show(wanted)} "
                             "(translate the words around them, never the names in brackets)")
            return
        try:
            text % {name: "" for name in wanted}
        except (ValueError, TypeError, KeyError) as error:
            problems.add(file, f"the translation of {label!r} has a % sign that is not a placeholder ({error})",
                         line=line, fix="write a percent sign as %% (two of them), or use the word 'percent'")
            return
        if not markup_in_id and _MARKUP.search(text):
            problems.add(file, f"the translation of {label!r} holds HTML markup, which the English text has not",
                         line=line, fix="write plain text: no <tags> and no &entities; (write & < > as they are)",
                         category="unsafe content")
            return
