"""What makes an SVG file unsafe to publish, found by parsing it (defusedxml), never by patterns on its text.

A picture needs shapes, text and gradients. It does not need scripts, event
handlers, ``foreignObject`` (HTML inside the picture), animations that rewrite
links, processing instructions (``xml-stylesheet``), a DTD or entities (the
"billion laughs"), nor references to anything outside the file: each of those
lets an SVG opened on its own run code, track its reader or hang the parser.
References within the file (``#gradient``) stay allowed.
"""

from __future__ import annotations

import re

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from xml.etree.ElementTree import ParseError

SAVE_AS_PNG = "remove it from the SVG (in Inkscape: Save As > Optimized SVG), or save the picture as PNG"
FORBIDDEN_ELEMENTS = {"script", "foreignobject", "handler", "iframe", "embed", "object", "audio", "video", "listener"}
ANIMATIONS = {"set", "animate", "animatemotion", "animatetransform", "animatecolor"}
REFERENCE_ATTRIBUTES = {"href", "src", "base"}  # base: xml:base would make every relative reference remote
# Whatever a CSS url() or @import points at; a backslash could hide either (CSS escapes).
_CSS_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _external(value: str) -> bool:
    """Anything but a reference inside this file (#id) or a relative path on this site."""
    target = "".join(ch for ch in value if ch > " ").lower()
    if not target or target.startswith("#"):
        return False
    head = target.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return ":" in head or target.startswith("//") or target.startswith("\\")


def _css_problem(css: str) -> str | None:
    lowered = css.lower()
    if "\\" in css:
        return "CSS escapes (a backslash) in its styles"
    if "@import" in lowered:
        return "a stylesheet imported from elsewhere (@import)"
    if "expression(" in lowered or "javascript:" in lowered:
        return "script in its styles"
    for target in _CSS_URL.findall(css):
        if _external(target):
            return f"a reference to another file or host in its styles (url({target}))"
    return None


class _Inspector:
    """An ElementTree target that notes each problem with the line the parser is on."""

    def __init__(self):
        self.parser = None
        self.found: list[tuple[int | None, str, str]] = []
        self._style_depth = 0
        self._style_text: list[str] = []

    def _add(self, message: str, fix: str = SAVE_AS_PNG) -> None:
        line = self.parser.parser.CurrentLineNumber if self.parser else None
        self.found.append((line, message, fix))

    def start(self, tag, attrib):
        name = _local(tag)
        if name in FORBIDDEN_ELEMENTS:
            self._add(f"this SVG holds a <{tag.rsplit('}', 1)[-1]}> element, which can run code or load other pages")
        for key, value in attrib.items():
            attribute = _local(key)
            if attribute.startswith("on"):
                self._add(f"this SVG has an event handler ({attribute}=...), which runs a script")
            elif attribute in REFERENCE_ATTRIBUTES and _external(value):
                self._add(f"this SVG refers to something outside the file ({attribute}=\"{value[:60]}\")",
                          "draw the picture without links to other files or hosts, or save it as PNG")
            elif attribute == "style" and (problem := _css_problem(value)):
                self._add(f"this SVG has {problem}")
            elif name in ANIMATIONS and attribute == "attributename" and (
                    _local(value) in REFERENCE_ATTRIBUTES or _local(value).startswith("on")):
                self._add(f"this SVG has an animation that changes {value!r}, which can turn into a link or script")
        if name == "style":
            self._style_depth += 1

    def end(self, tag):
        if _local(tag) == "style" and self._style_depth:
            self._style_depth -= 1
            if not self._style_depth:
                problem = _css_problem("".join(self._style_text))
                self._style_text = []
                if problem:
                    self._add(f"this SVG has {problem}")

    def data(self, text):
        if self._style_depth:
            self._style_text.append(text)

    def pi(self, target, text):
        self._add(f"this SVG holds a processing instruction (<?{target} ...?>), which can load a stylesheet")

    def close(self):
        return None


def svg_problems(data: bytes) -> list[tuple[int | None, str, str]]:
    """(line, message, what to do) for each unsafe thing in an SVG file; empty when it is safe."""
    inspector = _Inspector()
    parser = DefusedXMLParser(target=inspector, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    inspector.parser = parser
    try:
        parser.feed(data)
        parser.close()
    except DefusedXmlException:
        line = parser.parser.CurrentLineNumber
        return [(line, "this SVG declares a DTD or entities, which can hang or mislead the programs that read it",
                 "remove the <!DOCTYPE ...> and <!ENTITY ...> lines, or save the picture as PNG")]
    except ParseError as error:
        return [(error.position[0], f"this SVG is not well-formed XML ({error})",
                 "export the picture again from your drawing program, or save it as PNG")]
    return inspector.found
