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


from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message, TranslationError
from babel.messages.checkers import num_plurals, python_format
from babel.messages.plurals import get_plural

from .problems import Problems
from .sources import DIRECTION_FIX, MARKUP
from ..safety.safe_text import direction_controls

_MARKUP = MARKUP


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
    for text in strings:
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
                         line=line, fix="write plain text: no <tags> and no &entities; (write & < > as they are)")
            return
