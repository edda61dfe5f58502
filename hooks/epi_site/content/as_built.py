"""A contributor's text read as the build renders it: converted by the build's own Markdown
configuration (converters.py), and its HTML read by a real HTML parser.

What the check reports then follows from what the build makes, not from a reading of the source
by hand: a link, an image or an attribute is one the page would have; raw HTML is what the build's
converter passes on as HTML, or shows as text outside code; code is what the converter made code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown
from markdown.treeprocessors import Treeprocessor

from ..safety.safe_text import direction_controls

_CODE = frozenset({"code", "pre"})
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")  # Python-Markdown's stand-in for what it stashed


@dataclass
class Rendered:
    links: list[str] = field(default_factory=list)  # each <a>'s href, as a browser reads it
    images: list[str] = field(default_factory=list)  # each <img>'s src
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, name, value) of every element
    markup: list[str] = field(default_factory=list)  # raw HTML passed on, and markup shown as text outside code
    references: dict[str, str] = field(default_factory=dict)  # label: address of each reference definition
    direction_controls: int = 0  # written as character references (&#x202E;), outside code


class Reader:
    """One converter, observed as it converts: its output is the build's, unchanged."""

    def __init__(self, md: markdown.Markdown):
        self.md = md
        self._raw: list[str] = []
        self._tree = None
        md.treeprocessors.register(_Keep(md, self), "epi_keep", -100)  # after every other one
        if "html_block" in md.preprocessors:
            self._record(md.preprocessors["html_block"], "run")
        if "html" in md.inlinePatterns:
            self._record(md.inlinePatterns["html"], "handleMatch")

    def _record(self, processor, method: str) -> None:
        """Note what ``processor`` stashes: the raw HTML the converter passes on untouched."""
        original = getattr(processor, method)

        def recorded(*args, **kwargs):
            before = len(self.md.htmlStash.rawHtmlBlocks)
            result = original(*args, **kwargs)
            self._raw.extend(str(raw) for raw in self.md.htmlStash.rawHtmlBlocks[before:])
            return result

        setattr(processor, method, recorded)

    def read(self, text: str) -> Rendered:
        self.md.reset()
        self._raw, self._tree = [], None
        html = self.md.convert(text)
        rendered = Rendered(markup=list(self._raw))
        if self._tree is not None:
            rendered.markup += [piece for piece in _prose(self._tree) if "<" in piece]
        rendered.references = {label: target for label, (target, _) in self.md.references.items()}
        _HtmlReader(rendered).feed(html)
        return rendered


class _Keep(Treeprocessor):
    def __init__(self, md, reader: Reader):
        super().__init__(md)
        self.reader = reader

    def run(self, root):
        self.reader._tree = root  # read only: the converter goes on with the tree as it is


def _prose(element, in_code: bool = False):
    """The text of the tree outside code, without what the converter stashed."""
    code = in_code or element.tag in _CODE
    if not code and element.text:
        yield _PLACEHOLDER.sub(" ", element.text)
    for child in element:
        yield from _prose(child, code)
        if not code and child.tail:
            yield _PLACEHOLDER.sub(" ", child.tail)


class _HtmlReader(HTMLParser):
    def __init__(self, rendered: Rendered):
        super().__init__(convert_charrefs=True)
        self.rendered = rendered
        self.code = 0

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if tag == "a" and name == "href":
                self.rendered.links.append(value)
            elif tag == "img" and name == "src":
                self.rendered.images.append(value)
            self.rendered.attributes.append((tag, name, value))
            self.rendered.direction_controls += len(direction_controls(value))  # a title, an alt text
        if tag in _CODE:
            self.code += 1

    def handle_endtag(self, tag):
        if tag in _CODE and self.code:
            self.code -= 1

    def handle_data(self, data):
        if not self.code:
            self.rendered.direction_controls += len(direction_controls(data))
