"""A generated page's HTML as Python-Markdown would have handed it back, and the ids it offers to
links (``page.md#id``), read from its HTML only when asked."""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from html.parser import HTMLParser

_BLANK_LINE = re.compile(r"(?<=\n) +\n")


def as_python_markdown_returns(html: str) -> str:
    """What Python-Markdown gives back for raw HTML: its whitespace normalised as its first step does
    (tabs expanded to four columns, carriage returns made line breaks, blank lines emptied, its own
    placeholder characters removed), so that skipping it changes no byte of a page."""
    text = html.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
    return _BLANK_LINE.sub("\n", text.expandtabs(4)).strip()


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "id" or (name == "name" and tag == "a")):  # what a fragment can name, as MkDocs reads it
                self.ids.add(value)

    handle_startendtag = handle_starttag


def element_ids(html: str) -> set[str]:
    collector = _IdCollector()
    collector.feed(html)
    collector.close()
    return collector.ids


class LazyIds(Set):
    """A page's ids, parsed on the first question: few links point into a generated page, and
    parsing every page's HTML for them would cost more than the rest of handing it over."""

    def __init__(self, html: str) -> None:
        self._html = html
        self._ids: set[str] | None = None

    def _found(self) -> set[str]:
        if self._ids is None:
            self._ids = element_ids(self._html)
        return self._ids

    def __contains__(self, value: object) -> bool:
        return value in self._found()

    def __iter__(self) -> Iterator[str]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())
