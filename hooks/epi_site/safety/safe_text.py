"""Text that is safe in XML 1.0 and HTML, whatever a contributor typed."""

from __future__ import annotations

import re
import unicodedata

# XML 1.0 allows tab, newline and carriage return, and no other C0 control,
# nor lone surrogates or the two non-characters U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


# Bidirectional embeddings, overrides and isolates: invisible, they make text display in another
# order than it is stored ("Trojan Source"). None of the site's eight languages needs them.
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def direction_controls(text: str) -> list[tuple[int, str]]:
    """(line, character) of each direction control, lines counted from 1."""
    if not _DIRECTION_CONTROLS.search(text):
        return []
    return [(number, match.group()) for number, line in enumerate(text.split("\n"), start=1)
            for match in _DIRECTION_CONTROLS.finditer(line)]


def without_direction_controls(text: str) -> str:
    return _DIRECTION_CONTROLS.sub("", text)


def unshown(character: str) -> bool:
    """A control, an invisible formatting character, or a byte that was not UTF-8 (read by Python as
    a lone surrogate): what a name may not hold, and what a report writes out."""
    return unicodedata.category(character) in ("Cc", "Cf", "Cs")


def shown_name(name: str) -> str:
    """A name as a report can print it: each invisible character or undecodable byte written out."""
    def show(c: str) -> str:
        if not unshown(c):
            return c
        return f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else f"\\u{ord(c):04x}"
    return "".join(map(show, name))


def clean(text: str) -> str:
    return _FORBIDDEN.sub("", text)


def one_line(text: str) -> str:
    """A title or summary on one line: every run of white space becomes one space."""
    return " ".join(clean(text).split())
