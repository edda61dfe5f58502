"""Each language's typography, in one place: the spaces that bind, and the quotation marks.

Contributors and translators write ordinary spaces; a line break there reads as a mistake: "1." at
the end of a line and "janvārī" on the next, "2020" and "r." apart, "26 809 473" and "personas", a
Polish one-letter word ending a line. ``bind`` gives text the generator makes (dates, numbers with
their units, the funding line) a no-break space there, by rules per language; ``bind_html`` does the
same to every text node of a page, an email or a feed entry, in the language its element declares,
and never inside a tag, an attribute, code or a script. The source files keep their ordinary spaces.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

# Each language's quotation marks, where the generator writes quotes around text (locales/*.po): the
# marks the language's own texts in docs/ and content/ use, as the EU's Interinstitutional Style Guide
# allows them (Latvian's texts write „…”, which the Style Guide gives as “…”).
QUOTES = {"en": ("“", "”"), "sv": ("”", "”"), "ro": ("„", "”"), "it": ("«", "»"), "es": ("«", "»"),
          "de": ("„", "“"), "pl": ("„", "”"), "lv": ("„", "”")}

_LETTER = r"(?=[^\W\d_])"
_COMMON = (
    # A day, a number or an ordinal and the word it counts: "1 January", "1. Januar", "1° gennaio",
    # "13 partners", "26 809 473 personas", "4,5 miljoni". A year ("2020 the") or a number inside a
    # word, an address or a code ("ES-27", "page/3") is left breakable.
    re.compile(rf"(?<![\w/=#&?@+-])(\d{{1,3}}(?:[.°º])?) {_LETTER}"),
    re.compile(r"(\d) (?=%|‰|€)"),  # a number and its unit sign ("5,8 %" in German, Latvian, Swedish)
    # A grant's number and its abbreviation: "No 863614", "n. 863614", "Nr. 863614", "n.º 863614".
    re.compile(r"(?<!\w)(No|Nr\.|nr\.?|n\.º?|núm\.) (?=\d)"),
)
_BY_LANGUAGE = {
    # "2020. gada", "2. ceturksnis", "6. panta": an ordinal year or number and its word.
    "lv": (re.compile(rf"(\d+\.) {_LETTER}"),),
    # "2020 r.", "II kwartał": the year's abbreviation, and a quarter's Roman numeral, stay with their word.
    # A one-letter word (a, i, o, u, w, z) never ends a line, as Polish typesetting requires, even
    # where the next word begins the next element ("w <a>informacji</a>").
    "pl": (re.compile(r"(\d) (?=r\.)"), re.compile(r"\b([IVX]{1,4}) (?=kwarta)"),
           re.compile(r"(?<!\w)([aiouwzAIOUWZ]) (?=\S|$)(?!https?:|www\.)")),
    # "2.º trimestre", "1.er trimestre", "1.ª edición".
    "es": (re.compile(rf"(\d\.(?:[ºª]|er)) {_LETTER}"),),
}


_DIGIT = re.compile(r"\d")
_BOUND = r"\1" + NBSP  # what a rule found before the space, and a no-break space


def bind(text: str, lang: str) -> str:
    """``text`` with a no-break space wherever ``lang`` keeps two words on one line."""
    own = _BY_LANGUAGE.get(lang.split("-")[0].lower(), ())
    if own or _DIGIT.search(text):  # every common rule binds a number: most text has none
        for rule in (*_COMMON, *own):
            text = rule.sub(_BOUND, text)
    return text


# A script's or style's whole text (it may hold "<" that is no tag), a comment, or a tag with its
# attributes (a quoted value may hold ">").
_MARKUP = re.compile(r"<(script|style|textarea)\b.*?</\1\s*>|<!--.*?-->"
                     r"|<(/?)([A-Za-z][\w:-]*)?[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*>", re.S | re.I)
_LANG = re.compile(r"\slang\s*=\s*[\"']?([A-Za-z-]+)")
# Their text is code, a drawing or a form's value, never prose to set; a page's <title> never wraps,
# and stays as its link preview (og:title, an attribute) writes it.
_UNTOUCHED = frozenset({"code", "pre", "kbd", "samp", "var", "svg", "math", "script", "style", "textarea",
                        "title"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"})


def bind_html(html: str, lang: str) -> str:
    """``html`` with each text node bound in its element's language (``lang`` where none says)."""
    parts, done, text_start = [], 0, 0
    open_elements = [("", lang, False)]  # (name, language, untouched): what each text node is inside
    for tag in _MARKUP.finditer(html):
        start = tag.start()
        if start - text_start > 2 and not open_elements[-1][2]:
            text = html[text_start:start]
            bound = bind(text, open_elements[-1][1]) if " " in text and not text.isspace() else text
            if bound != text:
                parts += (html[done:text_start], bound)
                done = start
        text_start = tag.end()
        closing, name = tag.group(2, 3)
        if closing and name:
            _close(open_elements, name.lower())
        elif name and (name := name.lower()) not in _VOID and html[text_start - 2] != "/":
            markup = tag.group()
            declared = _LANG.search(markup) if "lang" in markup else None
            _, language, untouched = open_elements[-1]
            open_elements.append((name, declared.group(1) if declared else language, untouched or name in _UNTOUCHED))
    _, language, untouched = open_elements[-1]
    tail = html[text_start:]
    parts += (html[done:text_start], tail if untouched else bind(tail, language))
    return "".join(parts)


def _close(open_elements: list, name: str) -> None:
    """Closes ``name`` and whatever it left open (HTML closes a <p> or <li> that has no end tag)."""
    for index in range(len(open_elements) - 1, 0, -1):
        if open_elements[index][0] == name:
            del open_elements[index:]
            return
