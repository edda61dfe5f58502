"""The check and the build read a text the same way (issue 19, section 4).

The check converts each text with the very Markdown configuration the build uses for it, and reports
on the HTML: what it skips as code is what the build renders as code. Each class below got past the
check's old reading of the source by hand; each test writes it into a scratch project, shows that the
build's converter renders it live, and asserts that the check names the file and the line.
Payloads reach for evil.example or run alert(1), as in tests/hostile.py.
"""

from __future__ import annotations

import html
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT
from epi_site.content.as_built import Reader
from epi_site.content.converters import docs_converter, texts_converter
from epi_site.content.loading import load_content
from epi_site.content.markup_check import UNSAFE
from epi_site.content.page_source import as_mkdocs_reads
from epi_site.project import load_project
from hostile import LINKS_MAY, TEXTS

SCHEME = "uses 'javascript:', which links may not use"
LIVE = 'href="javascript:alert(1)"'
OTHER_TEXTS = [kind for kind in TEXTS if kind != "docs page"]  # converted by the domain's own converter


def _append(root: Path, file: str, markdown: str) -> int:
    """Append ``markdown`` to ``file`` as paragraphs of its own; return the line it starts on."""
    path = root / file
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + markdown + "\n\nAfter the payload.\n", encoding="utf-8")
    return text.count("\n") + 1


def _unsafe(root: Path) -> list:
    _, problems = load_content(load_project(root))
    return [p for p in problems if p.category == UNSAFE]


def _refused(root: Path, file: str, line: int | None, message: str = SCHEME) -> list:
    found = [p for p in _unsafe(root) if p.file == file and p.line == line and message in p.message]
    assert found, f"{file}:{line} not refused: " + "; ".join(str(p) for p in _unsafe(root))
    return found


def _docs_html(markdown: str) -> str:
    md = docs_converter(load_project(ROOT))
    return md.convert(markdown)


# --- reference definitions inside a list item or a quote ------------------------------------

@pytest.mark.parametrize("written", ["- [evil]: javascript:alert(1)", "> [evil]: javascript:alert(1)",
                                     "1. item\n\n    [evil]: javascript:alert(1)"])
@pytest.mark.parametrize("kind", TEXTS)
def test_a_reference_definition_in_a_list_or_a_quote_is_refused(scratch, kind, written):
    markdown = written + "\n\n[click][evil]"
    assert LIVE in _docs_html(markdown) and LIVE in texts_converter().convert(markdown)
    file = TEXTS[kind][0]
    line = _append(scratch, file, markdown) + written.count("\n")
    assert any(LINKS_MAY in p.fix for p in _refused(scratch, file, line))


# --- fenced code where the converter has no fenced code --------------------------------------

@pytest.mark.parametrize("fence", ["~~~", "```\n", "~~~~ python"])
@pytest.mark.parametrize("kind", OTHER_TEXTS)
def test_a_fence_in_a_news_partner_or_newsletter_text_is_text_and_its_links_are_read(scratch, kind, fence):
    """Their converter has no fenced code: a fence is a line of text, the link after it is live."""
    opening = fence.rstrip("\n")
    markdown = f"{fence}\n[x](javascript:alert(1))\n\n{opening.split()[0]}"
    assert LIVE in texts_converter().convert(markdown)
    file = TEXTS[kind][0]
    line = _append(scratch, file, markdown) + fence.count("\n") + 1
    _refused(scratch, file, line)


def test_a_fence_line_with_trailing_words_is_no_fence_for_python_markdown(scratch):
    markdown = "~~~ python for the curious\n[x](javascript:alert(1))\n~~~"
    assert LIVE in _docs_html(markdown)
    line = _append(scratch, "docs/contact.en.md", markdown) + 1
    _refused(scratch, "docs/contact.en.md", line)


def test_a_fence_header_that_sets_an_attribute_is_refused(scratch):
    """With attr_list, a fence's braces set attributes on the code block, which is no code itself."""
    markdown = '``` { .python onclick="alert(1)" }\nprint(1)\n```'
    assert 'onclick="alert(1)"' in _docs_html(markdown)
    line = _append(scratch, "docs/contact.en.md", markdown)
    _refused(scratch, "docs/contact.en.md", line, "sets the attribute 'onclick'")


def test_a_page_in_a_folder_of_docs_is_read_as_mkdocs_builds_it(scratch):
    """MkDocs builds every page of docs/, a folder's too: the check read only the top level."""
    (scratch / "docs/about").mkdir()
    (scratch / "docs/about/team.en.md").write_text("---\ntitle: Team\ndescription: Who we are.\n---\n\n"
                                                   "[x](javascript:alert(1))\n", encoding="utf-8")
    _refused(scratch, "docs/about/team.en.md", 6)


def test_an_email_autolink_with_fields_is_read_as_the_link_it_becomes(scratch):
    """<a?bcc=…@…> is a mailto: link to Python-Markdown, though it names no scheme."""
    markdown = "Write to <hello?bcc=spy@evil.example>."
    assert "mailto:" in html.unescape(texts_converter().convert(markdown))
    for kind in TEXTS:
        line = _append(scratch, TEXTS[kind][0], markdown)
        _refused(scratch, TEXTS[kind][0], line, "adds fields after the address")


# --- front matter MkDocs reads otherwise --------------------------------------------------

def test_front_matter_mkdocs_cannot_read_is_read_as_the_page_text_it_becomes(scratch):
    """'2022-06-31' is text for the project's reader, an error for MkDocs's: the page then shows the
    front matter as text, its links live."""
    path = scratch / "docs/contact.en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\nsearch_note: 2022-06-31\nlink: '[x](javascript:alert(1))'\n", 1),
                    encoding="utf-8")
    page = as_mkdocs_reads(path.read_text(encoding="utf-8"))
    assert page.unread and page.first == 1 and LIVE in _docs_html(page.body)
    _refused(scratch, "docs/contact.en.md", 1, "MkDocs cannot read this front matter")
    _refused(scratch, "docs/contact.en.md", 3)


def test_settings_without_dashes_are_refused(scratch):
    """MkDocs reads 'Key: value' first lines as the page's settings: a template the check never saw."""
    path = scratch / "docs/contact.en.md"
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    path.write_text("Template: main.html\nTitle: Contact\n\n" + body, encoding="utf-8")
    found = _refused(scratch, "docs/contact.en.md", 1, "reads the first lines of this page as its settings")
    assert "template" in found[0].message and "'---'" in found[0].fix


def test_the_page_source_splits_a_page_as_mkdocs_does():
    from mkdocs.utils.meta import get_data

    pages = ["---\ntitle: A\n---\n\ntext", "---\ntitle: A\n...\ntext", "---\nday: 2022-06-31\n---\ntext",
             "---\n- a\n---\ntext", "---\ntitle: A\n---", "Template: x\nTitle: y\n    more\n\ntext",
             "Title: y\n[x](javascript:alert(1))", "# Heading\n\ntext", "\nTemplate: x\n", "---\n---\ntext\n\n---\nmore"]
    for text in pages:
        page = as_mkdocs_reads(text)
        body, settings = get_data(text)
        assert page.body == body, text
        read = bool(page.settings) or (text.startswith("---") and not page.unread)  # MkDocs takes settings
        assert bool(settings) == read, text
        assert text.endswith(page.body) and text.count("\n") - page.body.count("\n") == page.first - 1, text


# --- the same converters -----------------------------------------------------------------

def test_the_check_converts_docs_with_the_extensions_mkdocs_converts_them_with():
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    extensions = load_project(ROOT).markdown_extensions
    assert [name for name, _ in extensions] == config["markdown_extensions"]
    assert {name: options for name, options in extensions if options} == config["mdx_configs"]


def test_reading_a_text_leaves_the_converters_html_as_it_is():
    text = textwrap.dedent("""\
        # A title {#top}

        Some *text* with <b>raw</b> HTML, `code`, a [link](https://example.org) and &#x202E;.

        <div>
        a block
        </div>

        ```
        <script>[x](javascript:alert(1))</script>
        ```

        - [ref]: https://example.org
        """)
    for make in (lambda: docs_converter(load_project(ROOT)), texts_converter):
        plain, observed = make(), Reader(make())
        rendered = observed.read(text)
        assert observed.md.convert(text) == plain.convert(text)
        assert rendered.links == ["https://example.org"] and rendered.direction_controls == 1


# --- what is code stays code -------------------------------------------------------------

def test_code_with_link_like_text_is_not_reported(scratch):
    """Real fenced code in a page of docs/, and code spans in every text: shown as code, never refused."""
    code = textwrap.dedent("""\
        ```markdown
        [x](javascript:alert(1)) ![p](https://evil.example/p.png) <script>alert(1)</script>
        [ref]: javascript:alert(1)
        {: onclick="alert(1)" }
        ```

        ~~~
        <iframe src="https://evil.example/"></iframe>
        ~~~
        """)
    _append(scratch, "docs/contact.en.md", code)
    for kind in TEXTS:
        _append(scratch, TEXTS[kind][0], "Write `[x](javascript:alert(1))` and ``<b>`` as `{: .x }`.")
    assert not _unsafe(scratch)


def test_the_check_of_the_repository_stays_fast():
    project = load_project(ROOT)
    load_content(project)  # converters and catalogs made once
    started = time.process_time()
    _, problems = load_content(project)
    assert time.process_time() - started < 3 and not problems
