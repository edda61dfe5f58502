"""SVG files pass an allow-list of elements and attributes; nothing in one may name another file or host.

The check and the build share svg_problems (the build publishes only an SVG with none), so these cases try it
directly; the last test builds the site with a refused SVG.
"""

from __future__ import annotations

import pytest

from conftest import ROOT, check, copy_project, problems_of
from hostile import build_unchecked
from epi_site.safety.files import publishable
from epi_site.safety.svg import svg_problems

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 4 4">\n{}\n</svg>\n'
REMOTE = "https://tracker.example/p"
BAD = {
    "fill url": (f'<rect width="4" height="4" fill="url({REMOTE})"/>', "in its fill attribute (url(https://tracker"),
    "filter url": (f'<rect filter="url({REMOTE}#f)"/>', "in its filter attribute"),
    "cursor url": (f'<rect cursor="url(\'{REMOTE}\'), auto"/>', "in its cursor attribute"),
    "mask url": (f'<rect mask="url({REMOTE}#m)"/>', "in its mask attribute"),
    "clip-path url": (f'<rect clip-path="url(&quot;{REMOTE}&quot;)"/>', "in its clip-path attribute"),
    "marker-start url": (f'<path d="M0 0L4 4" marker-start="url({REMOTE})"/>', "in its marker-start attribute"),
    "marker-end relative": ('<path d="M0 0L4 4" marker-end="url(other.svg#m)"/>', "in its marker-end attribute"),
    "animated fill url": (f'<rect><animate attributeName="fill" values="red;url({REMOTE})"/></rect>',
                          "in its values attribute"),
    "image-set in style": (f'<style>rect {{ fill: red; background: image-set("{REMOTE}" 1x); }}</style>',
                           'in its styles (image-set(https://tracker'),
    "webkit image-set in style attribute": (f'<rect style="background:-webkit-image-set(\'{REMOTE}\' 1x)"/>',
                                            "in its styles (-webkit-image-set("),
    "url in style element": (f'<style>rect {{ cursor: url({REMOTE}), auto }}</style>', "in its styles (url("),
    "src in style": (f'<style>@font-face {{ font-family: x; src: src("{REMOTE}") }}</style>', "in its styles (src("),
    "import": ('<style>@import "https://tracker.example/a.css";</style>', "imported from elsewhere (@import)"),
    "import escaped": ('<style>@im\\70 ort "https://tracker.example/a.css";</style>', "CSS escapes"),
    "escaped url in attribute": (f'<rect fill="\\75 rl({REMOTE})"/>', "CSS escapes (a backslash) in its fill attribute"),
    "image href": (f'<image href="{REMOTE}.png"/>', "refers to something outside the file (href="),
    "image xlink:href": (f'<image xlink:href="{REMOTE}.png"/>', "refers to something outside the file (href="),
    "relative image": ('<image href="photo.png"/>', "refers to something outside the file"),
    "use another file": ('<use href="sprites.svg#icon"/>', "refers to something outside the file"),
    "feImage": (f'<filter id="f"><feImage href="{REMOTE}"/></filter>', "refers to something outside"),
    "character reference": (f'<rect fill="&#x75;&#x72;&#x6c;({REMOTE})"/>', "in its fill attribute (url("),
    "entity declaration": ('<rect/>', None),  # built below: a DTD with an entity
    "xhtml script": ('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>', "holds a <script> element"),
    "xhtml element": ('<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="https://x.example"/>', "<iframe>"),
    "unknown element": ('<discard begin="0s"/>', "<discard> element, which is not one of the drawing elements"),
    "mathml": ('<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"/>', "<math> element, which is not one of"),
    "unknown attribute": ('<rect formaction="https://x.example"/>', "attribute formaction=... on <rect>"),
    "foreign-namespace attribute": ('<rect xmlns:e="urn:x" e:href="https://x.example"/>', "refers to something outside"),
    "event handler": ('<rect onmouseover="alert(1)"/>', "event handler (onmouseover=...)"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_an_svg_outside_the_allow_list_is_refused_with_its_line(case, tmp_path):
    body, expected = BAD[case]
    text = SVG.format(body)
    if expected is None:
        text = f'<!DOCTYPE svg [<!ENTITY u "url({REMOTE})">]>\n' + SVG.format('<rect fill="&u;"/>')
        expected = "declares a DTD or entities"
    found = svg_problems(text.encode())
    assert any(expected in message for _, message, _ in found), found
    assert all(line == 2 or expected == "declares a DTD or entities" for line, _, _ in found), found
    page = tmp_path / "docs" / "map.svg"
    page.parent.mkdir()
    page.write_text(text)
    assert not publishable(tmp_path / "docs", page)


GOOD = {
    "gradient": '<defs><linearGradient id="g"><stop offset="0" stop-color="#039"/></linearGradient></defs>'
                '<rect width="4" height="4" fill="url(#g)" stroke="url(\'#g\')"/>',
    "filter and mask": '<defs><filter id="f"><feGaussianBlur stdDeviation="1"/></filter><mask id="m"><rect/></mask>'
                       '<marker id="k"><path d="M0 0"/></marker></defs>'
                       '<path d="M0 0L4 4" filter="url(#f)" mask="url(#m)" marker-end="url(#k)" clip-path="none"/>',
    "style without references": '<style>rect { fill: #fc0; stroke: url(#g) }</style><rect class="a"/>',
    "use and link inside": '<symbol id="s"><circle r="1"/></symbol><use href="#s"/><a xlink:href="#s"><text>x</text></a>',
    "inkscape metadata": '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
                         ' xmlns:cc="http://creativecommons.org/ns#"><cc:Work rdf:about=""/></rdf:RDF></metadata>'
                         '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
                         ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:zoom="1"/>'
                         '<g xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:label="Layer 1"'
                         ' aria-label="map" xml:space="preserve"><text font-family="Arial" text-anchor="middle">EPI</text></g>',
}


@pytest.mark.parametrize("case", sorted(GOOD))
def test_a_plain_drawing_passes(case):
    assert svg_problems(SVG.format(GOOD[case]).encode()) == []


@pytest.mark.parametrize("name", ["favicon.svg", "eu-emblem.svg"])
def test_the_projects_own_svgs_pass(name):
    assert svg_problems((ROOT / "overrides/assets" / name).read_bytes()) == []


def test_the_first_rounds_svg_cases_are_still_refused_with_their_messages():
    for case, (text, expected) in BAD_SVGS.items():
        found = svg_problems(text.encode())
        assert any(expected in message for _, message, _ in found), (case, found)


BAD_SVGS = {
    "script": (SVG.format("<script>alert(1)</script>"), "holds a <script> element"),
    "mixed-case script": (SVG.format("<SCRIPT>alert(1)</SCRIPT>"), "holds a <SCRIPT> element"),
    "event handler": (SVG.format('<rect width="4" height="4" onclick="alert(1)"/>'), "event handler (onclick=...)"),
    "upper-case handler": (SVG.format('<rect width="4" ONLOAD="alert(1)"/>'), "event handler (onload=...)"),
    "foreignObject": (SVG.format("<foreignObject><p>x</p></foreignObject>"), "holds a <foreignObject> element"),
    "remote image": (SVG.format('<image href="https://tracker.example/p.png"/>'), "refers to something outside the file"),
    "xlink remote": (SVG.format('<image xlink:href="//tracker.example/p.png"/>'), "refers to something outside the file"),
    "javascript link": (SVG.format('<a href=" java\tscript:alert(1)"><text>x</text></a>'), "refers to something outside"),
    "data image": (SVG.format('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>'), "refers to something outside"),
    "css url": (SVG.format('<rect style="fill:url(https://tracker.example/x)"/>'), "reference to another file or host"),
    "style import": (SVG.format('<style>@import url(https://tracker.example/a.css);</style>'), "imported from elsewhere"),
    "xml-stylesheet": ('<?xml version="1.0"?>\n<?xml-stylesheet href="https://tracker.example/a.css"?>\n' + SVG.format(""),
                       "processing instruction"),
    "entities": ('<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n' + SVG.format("<text>&b;</text>"),
                 "declares a DTD or entities"),
    "external DTD": ('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
                     + SVG.format(""), "declares a DTD or entities"),
    "animated href": (SVG.format('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>'),
                      "animation that changes 'href'"),
    "xml:base": (SVG.format('<g xml:base="https://tracker.example/"><image href="p.png"/></g>'),
                 "refers to something outside the file (base="),
    "not XML": ("<svg><rect></svg>", "is not well-formed XML"),
}


def svg_name(case: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in case.lower()) + ".svg"


@pytest.fixture(scope="module")
def unsafe_svgs(tmp_path_factory):
    """Every unsafe SVG in one scratch copy, under a name of its own: one check and one build for them all."""
    root = copy_project(tmp_path_factory.mktemp("unsafe-svgs") / "project")
    (root / "docs/assets").mkdir(exist_ok=True)
    for case, (text, _) in BAD_SVGS.items():
        (root / "docs/assets" / svg_name(case)).write_text(text)
    site = root.parent / "site"
    built = build_unchecked(root, site)
    assert built.returncode == 0, built.stdout + built.stderr
    return check(root), site


@pytest.mark.parametrize("case", sorted(BAD_SVGS))
def test_an_unsafe_svg_is_refused_with_its_line_and_not_published(unsafe_svgs, case):
    result, site = unsafe_svgs
    expected = BAD_SVGS[case][1]
    assert result.returncode == 1
    found = problems_of(result.stdout, f"docs/assets/{svg_name(case)}")
    assert any(expected in entry for entry in found), result.stdout
    assert all("\n    What to do:" in entry for entry in found), found
    assert not (site / "assets" / svg_name(case)).exists()
