"""Where a line must not break, as each language's typography says: the spaces that bind.

Contributors write ordinary spaces; in the images the generator draws (cards, chart images) a line
break there reads as a mistake ("1." at the end of a line and "janvārī" on the next, "2020" and "r."
apart). Dates the generator formats already carry these spaces (rendering/render.py, DATE_PATTERNS);
this gives contributors' titles the same, by rules per language. Pages leave line breaking to the
browser, where the same rules would need the text itself rewritten, which is the translators' call.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

# A day, or a short ordinal, and the word it counts: "1 January", "1. Januar", "1° gennaio",
# "13 partners". Every language the site has writes these together.
_COMMON = (
    re.compile(r"(?<!\d)(\d{1,3}(?:[.°º])?) (?=[^\W\d_])"),
    re.compile(r"(\d) (?=%|‰|€)"),  # a number and its unit sign ("5,8 %" in German, Latvian, Swedish)
)
_BY_LANGUAGE = {
    # "2020. gada", "2. ceturksnis": an ordinal year or number and its word, as the dates write them.
    "lv": (re.compile(r"(\d+\.) (?=[^\W\d_])"),),
    # "2020 r.", "II kwartał": the year's abbreviation, and a quarter's Roman numeral, stay with their word.
    # A one-letter word (a, i, o, u, w, z) never ends a line, as Polish typesetting requires.
    "pl": (re.compile(r"(\d) (?=r\.)"), re.compile(r"\b([IV]{1,3}) (?=kwarta)"),
           re.compile(r"(?<!\w)([aiouwzAIOUWZ]) (?=\S)")),
    # "2.º trimestre", "1.ª edición".
    "es": (re.compile(r"(\d\.[ºª]) (?=[^\W\d_])"),),
}


def bind(text: str, lang: str) -> str:
    """``text`` with a no-break space wherever ``lang`` keeps two words on one line."""
    for rule in (*_COMMON, *_BY_LANGUAGE.get(lang, ())):
        text = rule.sub(lambda match: match.group(1) + NBSP, text)
    return text
