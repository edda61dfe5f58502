"""What makes an SVG file unsafe to publish, found by parsing it (defusedxml), never by patterns on its text.

A picture needs shapes, text and gradients. It does not need scripts, event
handlers, ``foreignObject`` (HTML inside the picture), animations that rewrite
links, processing instructions (``xml-stylesheet``), a DTD or entities (the
"billion laughs"), nor references to anything outside the file: each of those
lets an SVG opened on its own run code, track its reader or hang the parser.
References within the file (``#gradient``) stay allowed.

The rules are an allow-list, as nh3's are for HTML: an element or attribute not
named here is refused, because the next trick will use one nobody thought to
forbid (``fill``, ``filter``, ``cursor`` and ``mask`` all take ``url(...)``).
Any value that names a resource (``url(``, ``src(``, ``image-set(`` ...) may
only point inside the file. Inkscape's and the metadata vocabularies' own
elements and attributes are kept: browsers ignore them.
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
SVG_NS = "http://www.w3.org/2000/svg"
# Vocabularies a drawing program writes beside the drawing; a browser renders none of them.
INERT_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/",
    "http://creativecommons.org/ns#", "http://web.resource.org/cc/", "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/Extensibility/1.0/", "http://ns.adobe.com/Graphs/1.0/", "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/Variables/1.0/", "http://ns.adobe.com/ImageReplacement/1.0/", "http://ns.adobe.com/GenericCustomNamespace/1.0/",
    "http://ns.adobe.com/XPath/1.0/", "http://www.bohemiancoding.com/sketch/ns",
}
XML_NS = "http://www.w3.org/XML/1998/namespace"
XLINK_NS = "http://www.w3.org/1999/xlink"
# SVG's static drawing elements (lower case), with the animations that only move or recolour.
ALLOWED_ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "view", "a", "style",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "image",
    "text", "tspan", "textpath", "tref",
    "lineargradient", "radialgradient", "stop", "pattern", "clippath", "mask", "marker", "solidcolor",
    "filter", "feblend", "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix",
    "fediffuselighting", "fedisplacementmap", "fedistantlight", "fedropshadow", "feflood", "fefunca", "fefuncb",
    "fefuncg", "fefuncr", "fegaussianblur", "feimage", "femerge", "femergenode", "femorphology", "feoffset",
    "fepointlight", "fespecularlighting", "fespotlight", "fetile", "feturbulence",
    *ANIMATIONS, "mpath",
}
# Geometry, presentation and text attributes (lower case); no event handler is among them.
_ATTRIBUTE_WORDS = """
id class style lang tabindex role focusable version baseprofile viewbox preserveaspectratio x y x1 y1 x2 y2 cx cy r rx ry
fx fy fr width height d points pathlength transform gradienttransform gradientunits patterntransform patternunits
patterncontentunits spreadmethod offset clippathunits maskunits maskcontentunits maskcontenttype markerunits markerwidth
markerheight refx refy orient filterunits primitiveunits result in in2 mode type values tablevalues slope intercept
amplitude exponent operator k1 k2 k3 k4 order kernelmatrix divisor bias targetx targety edgemode preservealpha
surfacescale diffuseconstant specularconstant specularexponent kernelunitlength scale xchannelselector ychannelselector
stddeviation dx dy radius basefrequency numoctaves seed stitchtiles azimuth elevation z pointsatx pointsaty pointsatz
limitingconeangle rotate textlength lengthadjust startoffset method spacing side href src base space requiredfeatures
requiredextensions systemlanguage externalresourcesrequired zoomandpan viewtarget target
attributename attributetype begin dur end min max restart repeatcount repeatdur fill calcmode keytimes keysplines
keypoints from to by additive accumulate path
alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation color-interpolation-filters
color-profile color-rendering cursor direction display dominant-baseline enable-background fill-opacity fill-rule
filter flood-color flood-opacity font font-family font-size font-size-adjust font-stretch font-style font-variant
font-weight glyph-orientation-horizontal glyph-orientation-vertical image-rendering kerning letter-spacing
lighting-color marker marker-end marker-mid marker-start mask mask-type opacity overflow paint-order pointer-events
shape-rendering stop-color stop-opacity stroke stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin
stroke-miterlimit stroke-opacity stroke-width text-anchor text-decoration text-rendering transform-origin
transform-box unicode-bidi vector-effect visibility word-spacing writing-mode white-space mix-blend-mode isolation
solid-color solid-opacity inline-size shape-inside shape-padding font-feature-settings font-variant-ligatures
font-variant-caps font-variant-numeric font-variant-east-asian font-variation-settings line-height text-align
title show actuate arcrole text-orientation text-decoration-line text-decoration-style text-decoration-color text-indent
"""
ALLOWED_ATTRIBUTES = set(_ATTRIBUTE_WORDS.split())
# A CSS function that fetches what it names; its first argument may only be a reference inside this file.
_CSS_FETCH = re.compile(r"(url|src|image-set|-webkit-image-set|image|cross-fade|element)\s*\(\s*(['\"]?)\s*([^'\")\s]*)",
                        re.IGNORECASE)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _external(value: str) -> bool:
    """Anything but a reference inside this file (#id): a relative path is a file beside it, a request too."""
    target = "".join(ch for ch in value if ch > " ")
    return not target.startswith("#")


def _namespace(name: str) -> str:
    return name[1:].split("}", 1)[0] if name.startswith("{") else ""


def _fetch_problem(value: str, where: str) -> str | None:
    """A url(), src(), image-set() ... that names anything but a #fragment of this file."""
    for function, _, target in _CSS_FETCH.findall(value):
        if function.lower() not in ("url", "src") or not target.startswith("#"):
            return f"a reference to another file or host in {where} ({function}({target[:60]}))"
    return None


def _css_problem(css: str, where: str = "its styles") -> str | None:
    lowered = css.lower()
    if "\\" in css:
        return f"CSS escapes (a backslash) in {where}"
    if "@import" in lowered:
        return "a stylesheet imported from elsewhere (@import)"
    if "expression(" in lowered or "javascript:" in lowered:
        return f"script in {where}"
    return _fetch_problem(css, where)


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
        namespace = _namespace(tag)
        shown = tag.rsplit('}', 1)[-1]
        if name in FORBIDDEN_ELEMENTS:
            self._add(f"this SVG holds a <{shown}> element, which can run code or load other pages")
        elif namespace in INERT_NAMESPACES:
            pass
        elif namespace not in (SVG_NS, "") or name not in ALLOWED_ELEMENTS:
            self._add(f"this SVG holds a <{shown}> element, which is not one of the drawing elements the site publishes")
        for key, value in attrib.items():
            attribute = _local(key)
            where = _namespace(key)
            if where in INERT_NAMESPACES:
                continue
            if attribute.startswith("on"):
                self._add(f"this SVG has an event handler ({attribute}=...), which runs a script")
            elif attribute in REFERENCE_ATTRIBUTES and _external(value):
                self._add(f"this SVG refers to something outside the file ({attribute}=\"{value[:60]}\")",
                          "draw the picture without links to other files or hosts, or save it as PNG")
            elif attribute == "style" and (problem := _css_problem(value)):
                self._add(f"this SVG has {problem}")
            elif where not in ("", XML_NS, XLINK_NS) or not (
                    attribute in ALLOWED_ATTRIBUTES or attribute.startswith(("aria-", "data-"))):
                self._add(f"this SVG has an attribute {key.rsplit('}', 1)[-1]}=... on <{shown}> that is not one of "
                          "the drawing attributes the site publishes")
            elif problem := _css_problem(value, f"its {attribute} attribute"):
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
