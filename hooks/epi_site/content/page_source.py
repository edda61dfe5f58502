"""What MkDocs takes as a page's settings and what as its text, read as MkDocs reads a page of docs/.

MkDocs reads front matter by rules of its own (mkdocs/utils/meta.py, mirrored here and compared with
it by a test): YAML between '---' lines that it cannot read is shown as the page's text, its links
live; and without '---', first lines such as 'Template: x' are read as settings, not shown. The check
reads a page's text where MkDocs does, and says when MkDocs would read it otherwise than an editor
meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_YAML = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_KEY = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the loader MkDocs uses


@dataclass(frozen=True)
class PageSource:
    body: str  # the text MkDocs converts
    first: int  # the line of the file on which it starts
    unread: str = ""  # why MkDocs shows a front matter written between '---' lines as text
    settings: tuple[str, ...] = ()  # the keys MkDocs reads from first lines without '---'


def as_mkdocs_reads(text: str) -> PageSource:
    """The page ``text`` (its newlines already '\\n') as MkDocs splits it."""
    match = _YAML.match(text)
    if match:
        try:
            data = yaml.load(match.group(1), Loader=_Loader)  # noqa: S506 - a safe loader
        except Exception as error:  # MkDocs catches every error alike, and shows the text
            return PageSource(text, 1, unread=str(getattr(error, "problem", "") or error).split("\n")[0])
        if not isinstance(data, dict):
            return PageSource(text, 1, unread="it is not a list of 'key: value' lines")
        return _suffix(text, text[match.end():].lstrip("\n"))
    if text.startswith("---"):
        return PageSource(text, 1, unread="its closing '---' is not on a line of its own followed by a line break")
    return _multimarkdown(text)


def _multimarkdown(text: str) -> PageSource:
    """MkDocs's other kind of settings: 'Key: value' lines at the very top, up to the first empty line."""
    lines, keys = text.split("\n"), []
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        key = _KEY.match(line)
        if key:
            keys.append(key.group("key").lower().strip())
        elif not (_MORE.match(line) and keys):
            lines.insert(0, line)
            break
    page = _suffix(text, "\n".join(lines).lstrip("\n"))
    return PageSource(page.body, page.first, settings=tuple(dict.fromkeys(keys)))


def _suffix(text: str, body: str) -> PageSource:
    return PageSource(body, text[:len(text) - len(body)].count("\n") + 1)
