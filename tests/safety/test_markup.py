"""The second wall, behind the check: the sanitiser, the placeholders of the generator's fragments, the
limits that keep a build short, and the scanners the check reads contributor text with."""

from __future__ import annotations


import lxml.html
import markdown as markdown_lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import cpu_seconds
from epi_site.content import directives
from epi_site.rendering import hand_written
from epi_site.rendering.render import to_html
from epi_site.safety.limits import MAX_DEPTH, tame
from epi_site.safety.markup import Fragments, sanitise
from epi_site.safety.urls import is_local, scheme_of
from hostile import PAYLOADS, html_violations


def docs_html(text: str) -> str:
    """A docs page's way: MkDocs' Markdown (raw HTML passes), then the sanitiser."""
    md = markdown_lib.Markdown(extensions=["attr_list", "tables", "toc"])
    return hand_written.finish(md.convert(hand_written.prepare(text, lambda d: None, Fragments())), Fragments())


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: f"{p.kind}:{p.markdown[:30]}")
def test_every_payload_is_inert_through_both_paths(payload):
    assert not html_violations(docs_html(payload.markdown))
    assert not html_violations(str(to_html(payload.markdown)))


@pytest.mark.parametrize("written, kept", [
    ("<p>Plain <em>prose</em> and <strong>more</strong>.</p>", "<p>Plain <em>prose</em> and <strong>more</strong>.</p>"),
    ('<h2 id="a-heading">A heading</h2>', '<h2 id="a-heading">A heading</h2>'),
    ('<img src="assets/photo.jpg" alt="A photo">', '<img src="assets/photo.jpg" alt="A photo">'),
    ('<table><tr><td align="right">3</td></tr></table>', '<table><tbody><tr><td align="right">3</td></tr></tbody></table>'),
    ('<a href="../contact/">Contact</a>', '<a href="../contact/" rel="noopener noreferrer">Contact</a>'),
    ('<a href="tel:+4612345">call</a>', '<a href="tel:+4612345" rel="noopener noreferrer">call</a>'),
])
def test_plain_markup_is_kept(written, kept):
    assert sanitise(written) == kept


@pytest.mark.parametrize("written, gone", [
    ('<img src="https://evil.example/p.gif" alt="x">', "evil.example"),
    ('<img src="//evil.example/p.gif" alt="x">', "evil.example"),
    ('<img src="/\\evil.example/p.gif" alt="x">', "evil.example"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "alert"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "alert"),
    ('<p style="background:url(https://evil.example/)">x</p>', "evil"),
    ('<p class="evil">x</p>', "evil"),
    ('<p onclick="alert(1)">x</p>', "alert"),
    ("<script>alert(1)</script>", "alert"),
    ("<style>@import url(https://evil.example/)</style>", "evil"),
    ("<svg><script>alert(1)</script></svg>", "alert"),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>', "javascript"),
    ('<form action="https://evil.example/"><input></form>', "evil"),
])
def test_dangerous_markup_is_removed(written, gone):
    assert gone not in sanitise(written)


def test_author_classes_and_ids_stay():
    html = sanitise('<a class="md-button evil" id="go" href="contact/">Go</a>')
    link = lxml.html.fromstring(html)
    assert link.get("class") == "md-button" and link.get("id") == "go"


@pytest.mark.parametrize("url, scheme", [
    ("JaVaScRiPt:alert(1)", "javascript"), ("java\tscript:x", "javascript"), ("&#106;avascript:x", "javascript"),
    ("%6Aavascript:x", "javascript"), (" \x01javascript:x", "javascript"), ("jav&#x0A;ascript:x", "javascript"),
    ("java\u200bscript:x", "javascript"), ("DATA:text/html,x", "data"), ("contact.md", ""), ("../a/b.md#c", ""),
    ("https://example.org", "https"), ("1bad:x", "invalid"), ("a/b:c", ""),
])
def test_a_scheme_is_read_as_a_browser_reads_it(url, scheme):
    assert scheme_of(url) == scheme


def test_local_means_no_host():
    assert is_local("assets/photo.jpg") and is_local("../assets/photo.jpg")
    assert not is_local("//evil.example/x") and not is_local("\\\\evil.example/x") and not is_local("https://x/y")


# --- the generator's fragments ---------------------------------------------------------------

def test_fragments_come_back_after_sanitising_and_are_not_sanitised():
    fragments = Fragments()
    trusted = '<figure class="epi-chart"><svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg></figure>'
    text = hand_written.prepare("Before\n\n[[chart x]]\n\nAfter", lambda d: trusted, fragments)
    html = markdown_lib.markdown(text)
    assert "<svg" not in html
    out = hand_written.finish(html, fragments)
    assert trusted in out and "<p>Before</p>" in out and "<p>After</p>" in out


def test_a_contributor_cannot_forge_a_placeholder():
    """The token is drawn per page: text shaped like a placeholder stays text, and the real one of
    another page does not work on this one."""
    other = Fragments()
    forged_real = other.add("<script>alert(1)</script>")
    fragments = Fragments()
    fragments.add("<b>trusted</b>")
    assert fragments._token != other._token
    for forged in (forged_real, "epi" + "0" * 32 + "x0", "<p>epi" + "f" * 32 + "x0</p>"):
        html = hand_written.finish(markdown_lib.markdown(f"{forged}\n\nText"), fragments)
        assert "alert" not in html and "<b>trusted</b>" not in html, html


# --- limits and linear time ------------------------------------------------------------------

def test_deep_nesting_builds_without_a_traceback():
    lists = "\n".join("    " * i + "- level" for i in range(300))
    quotes = "> " * 300 + "deep"
    for text in (lists, quotes):
        assert "level" in str(to_html(text)) or "deep" in str(to_html(text))
        assert docs_html(text)
    assert all(line.count("    ") <= MAX_DEPTH * 4 for line in tame(lists).split("\n"))



@pytest.mark.parametrize("piece", ["[a](", "![a](", "`` ` ", "<a ", "{: x", "[x]: ", "[[a ", "# a  "])
def test_scanners_take_linear_time(piece):
    """Ten times the text takes at most about ten times the work (a quadratic scan takes 100 times)."""
    code = ("from epi_site.content import markdown_scan as s, directives as d\n"
            "from epi_site.content.docs import _anchor\n"
            "line = {piece!r} * {n}\n"
            "list(s.inline_links(line)); s.without_code(line); s.html_tags(line); s.autolinks(line)\n"
            "list(s.attribute_lists(line)); s.reference(line); d.find(line); _anchor(line)\n")
    small = min(cpu_seconds(code.format(piece=piece, n=10_000)) for _ in range(2))
    large = min(cpu_seconds(code.format(piece=piece, n=100_000)) for _ in range(2))
    assert large < max(small, 0.02) * 30, (small, large)
    assert large < 10


def test_a_line_of_fifty_thousand_unclosed_links_is_scanned_quickly():
    """[a]( × 50,000 on one line: the scanner finishes in well under a second of work."""
    seconds = cpu_seconds("from epi_site.content import markdown_scan as s\n"
                               "assert not list(s.inline_links('[a](' * 50_000))", timeout=60)
    assert seconds < 2


def test_bracket_floods_build_quickly():
    seconds = cpu_seconds("from epi_site.rendering.render import to_html\n"
                               "to_html('\\n'.join('[[[[[ [x](' * 40 for _ in range(50)))", timeout=60)
    assert seconds < 5


@pytest.mark.parametrize("text", [
    "````\n```\n[[chart x]]\n```\n````",
    "```\n~~~\n[[chart x]]\n~~~\n```",
    "Text\n\n    [[chart x]]\n",
    "~~~~\n[[cities]]\n~~~\n~~~~",
])
def test_directives_in_code_are_not_found(text):
    assert directives.find(text) == []


def test_directives_in_prose_are_found():
    found = directives.find("Text\n\n[[chart unemployment-2019]]\n\n- item\n    [[cities]]\n")
    assert [(d.name, d.argument, d.line) for d in found] == [("chart", "unemployment-2019", 3)]


# --- the property: whatever the fragment, the output keeps the invariants ----------------------

_TAGS = ["p", "a", "img", "script", "style", "iframe", "svg", "math", "form", "input", "base", "meta", "object",
         "embed", "link", "div", "span", "em", "table", "td", "template", "noscript", "textarea", "title", "xmp"]
_ATTRS = ["href", "src", "onclick", "onerror", "style", "class", "id", "action", "formaction", "data", "srcset",
          "http-equiv", "content", "xlink:href", "background", "poster"]
_SCHEMES = ["javascript:", "JaVaScRiPt:", "java&#x09;script:", "&#106;avascript:", "data:", "vbscript:",
            "https://evil.example/", "//evil.example/", "/\\evil.example/", " javascript:", "\x01javascript:",
            "java\nscript:", "%6Aavascript:", "", "assets/", "&colon;", "url(https://evil.example/)"]
_TEXT = st.sampled_from(["x", "alert(1)", "&lt;", "&#60;script&#62;", "<", ">", '"', "'", "]]>", "<!--", "-->",
                         "[a](", "](javascript:x)", "{: onclick=x }", "`", "\n", "\n\n", "    ", "> ", "- ", "#"])


@st.composite
def _element(draw, depth=0):
    tag = draw(st.sampled_from(_TAGS))
    attrs = " ".join(f'{draw(st.sampled_from(_ATTRS))}="{draw(st.sampled_from(_SCHEMES))}{draw(_TEXT)}"'
                     for _ in range(draw(st.integers(0, 3))))
    inner = "".join(draw(st.one_of(_TEXT, _element(depth + 1))) if depth < 3 else draw(_TEXT)
                    for _ in range(draw(st.integers(0, 3))))
    closing = draw(st.sampled_from([f"</{tag}>", "", f"</{tag.upper()}>"]))
    return f"<{draw(st.sampled_from([tag, tag.upper(), tag.title()]))} {attrs}>{inner}{closing}"


_MARKDOWN = st.lists(st.one_of(
    _element(), _TEXT,
    st.builds(lambda s, t: f"[link]({s}{t})", st.sampled_from(_SCHEMES), _TEXT),
    st.builds(lambda s, t: f"![img]({s}{t})", st.sampled_from(_SCHEMES), _TEXT),
    st.builds(lambda s: f"[r][ref]\n\n[ref]: {s}x", st.sampled_from(_SCHEMES)),
    st.builds(lambda s: f"<{s}x>", st.sampled_from(_SCHEMES)),
    st.builds(lambda a, s: f"para\n{{: {a}=\"{s}x\" }}", st.sampled_from(_ATTRS), st.sampled_from(_SCHEMES)),
), max_size=8).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MARKDOWN)
def test_property_any_fragment_comes_out_inert(text):
    for html in (docs_html(text), str(to_html(text)), sanitise(text)):
        assert not html_violations(html), (text, html)


def test_many_directives_draw_at_most_the_limit():
    from epi_site.safety.limits import MAX_DIRECTIVES
    fragments = Fragments()
    drawn = []
    text = hand_written.prepare("\n\n".join(["[[cities]]"] * 1500), lambda d: drawn.append(d) or "<b>c</b>", fragments)
    assert len(drawn) == MAX_DIRECTIVES and text.count("[[cities]]") == 1500 - MAX_DIRECTIVES
