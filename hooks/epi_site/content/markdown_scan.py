"""Finding links, images, raw HTML and attribute lists in one line of Markdown, in linear time.

What a text holds is read from the HTML the build's converter makes of it (as_built.py); these
scanners find the line that wrote it, and a page's links to check. They read without regular
expressions that backtrack: a line of 50,000 unclosed links costs as much as its length, not its square.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    image: bool
    text: str
    target: str
    how: str  # "inline", "reference" or "autolink"


def without_code(line: str) -> str:
    """``line`` with its code spans (`…`, ``…``) blanked out, so that code is not read as markup.

    A run of n backticks opens a span that the next run of exactly n backticks closes; an opener
    without a closer is text (as in CommonMark). Each run is looked at once or twice."""
    runs = [(m.start(), m.end()) for m in re.finditer(r"`+", line)]
    if len(runs) < 2:
        return line
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    cursor = {length: 0 for length in by_length}
    pieces, kept_from, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        length = end - start
        same = by_length[length]
        while cursor[length] < len(same) and same[cursor[length]] <= index:
            cursor[length] += 1
        if cursor[length] < len(same):
            closer = same[cursor[length]]
            close_end = runs[closer][1]
            pieces.append(line[kept_from:start])
            pieces.append(" " * (close_end - start))
            kept_from = close_end
            index = closer + 1
        else:
            index += 1
    pieces.append(line[kept_from:])
    return "".join(pieces)


_STOP = frozenset(" \t)>")


def inline_links(line: str):
    """Each ``[text](target)`` and ``![alt](target)`` of the line."""
    opened = -1
    i, n = 0, len(line)
    while i < n:
        char = line[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            opened = i
        elif char == "]" and opened >= 0 and i + 1 < n and line[i + 1] == "(":
            j = i + 2
            while j < n and line[j] in " \t":
                j += 1
            if j < n and line[j] == "<":
                j += 1
            start = j
            while j < n and line[j] not in _STOP:
                j += 1
            target = line[start:j]
            k = j + 1 if j < n and line[j] == ">" else j
            while k < n and line[k] in " \t":
                k += 1
            if target and k < n and line[k] in ")\"'(":
                yield Link(opened > 0 and line[opened - 1] == "!", line[opened + 1:i], target, "inline")
            opened = -1
            i = max(j, i + 1)
            continue
        elif char == "]":
            opened = -1
        i += 1


_REFERENCE = re.compile(r" {0,3}\[([^\]]{1,999})\]:[ \t]*<?([^\s>]*)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)|<!|<\?")
_ATTR_LIST = re.compile(r"\{(:?)([^{}\n]*)\}")


def reference(line: str) -> tuple[str, str] | None:
    """(label, target) of a reference definition ``[label]: target``; the target may be "" when
    it is on the next line."""
    match = _REFERENCE.match(line)
    return (match.group(1), match.group(2)) if match else None


def autolinks(line: str) -> list[str]:
    return _AUTOLINK.findall(line)


def html_tags(line: str) -> list[str]:
    """The raw HTML of the line, by name ('script', '/div', '!' for a comment or declaration)."""
    found = []
    for match in _TAG.finditer(line):
        if match.group(2):
            found.append(match.group(1) + match.group(2).lower())
        else:
            found.append(match.group(0)[1])
    return found


def attribute_lists(line: str):
    """(text as written, [(name, value)]) of each ``{: … }`` that sets attributes: '#x' is
    ('id', 'x'), '.x' is ('class', 'x'). Braces of plain prose ("{see below}") are not returned."""
    for match in _ATTR_LIST.finditer(line):
        colon, inside = match.groups()
        tokens = _tokens(inside)
        if not tokens:
            continue
        if not (colon or any(t[0] in "#." or "=" in t for t in tokens)):
            continue
        pairs = []
        for token in tokens:
            if token.startswith("#"):
                pairs.append(("id", token[1:]))
            elif token.startswith("."):
                pairs.append(("class", token[1:]))
            else:
                name, _, value = token.partition("=")
                pairs.append((name.strip().lower(), value.strip("\"'")))
        yield match.group(0), pairs


_TOKEN = re.compile(r"""[^\s=]+=(?:"[^"]*"|'[^']*'|\S*)|\S+""")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)
