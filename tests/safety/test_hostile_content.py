"""Hostile contributor text: refused by the check with file, line and what to write
instead; and, with that check bypassed, inert in the built pages, feeds and email editions."""

from __future__ import annotations

import collections
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT, copy_project
from epi_site.content.loading import load_content
from epi_site.content.markup_check import UNSAFE
from epi_site.project import load_project
from hostile import PAYLOADS, TEXTS, add_payloads, build_bypassing_the_check, feed_violations, hostile_project, violations


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A project with every payload in every kind of contributor text, and its problems."""
    root, lines = hostile_project(tmp_path_factory.mktemp("hostile") / "project")
    content, problems = load_content(load_project(root))
    return root, lines, content, list(problems)


@pytest.fixture(scope="module")
def hostile_site(hostile, tmp_path_factory):
    root = hostile[0]
    site = tmp_path_factory.mktemp("hostile-site")
    build_bypassing_the_check(root, site)
    return site


# --- the first wall: the check ------------------------------------------------------------

@pytest.mark.parametrize("kind", TEXTS)
def test_every_payload_is_refused_with_file_line_and_fix(hostile, kind):
    _, lines, content, problems = hostile
    assert content is None, "nothing is built while a problem remains"
    file = TEXTS[kind][0]
    outcome = collections.Counter()
    for payload in PAYLOADS:
        line = lines[kind][payload] + payload.offset
        found = [p for p in problems if p.file == file and p.line == line and payload.message in p.message]
        assert found, f"{kind}: {payload.markdown[:60]!r} was not refused on line {line}: " + \
            "; ".join(str(p) for p in problems if p.file == file and p.line == line)
        assert all(p.category == UNSAFE for p in found)
        assert any(payload.fix in p.fix for p in found), (payload.markdown[:60], [p.fix for p in found])
        outcome[payload.kind] += 1
    assert sum(outcome.values()) == len(PAYLOADS)


def test_only_the_payloads_are_refused(hostile):
    """No other line of the hostile texts is blamed: the check does not cry wolf."""
    _, lines, _, problems = hostile
    for kind, (file, _) in TEXTS.items():
        expected = set()
        for payload in PAYLOADS:
            start = lines[kind][payload]
            expected |= set(range(start, start + payload.markdown.count("\n") + 1))
        stray = [str(p) for p in problems if p.file == file and p.category == UNSAFE and p.line not in expected]
        assert not stray, stray


def test_harmless_markdown_is_not_refused(scratch):
    safe = textwrap.dedent("""\
        Text with `<script>` and `[x](javascript:alert(1))` as code, *emphasis*, **strong** and a < b.

        ```
        <iframe src="https://evil.example/"></iframe>
        ```

            <form> in an indented code block

        [A page](contact.md), [a site](https://example.org), [mail](mailto:a@example.org), [phone](tel:+4612345),
        <https://example.org> and <a@example.org>.

        ## A heading {#a-heading}

        [A button](contact.md){: .md-button }

        {braces in prose} stay text.
        """)
    add_payloads(scratch, "docs/contact.en.md", [])
    path = scratch / "docs/contact.en.md"
    path.write_text(path.read_text() + "\n" + safe, encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    assert not problems, problems.report()


def test_the_image_of_a_news_item_must_be_a_file_of_the_site(scratch):
    path = scratch / "content/news/partnership.en.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary:", "image: https://evil.example/pixel.gif\nimage_alt: a pixel\nsummary:", 1),
                    encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    found = [p for p in problems if "is not a file of the site" in p.message]
    line = path.read_text().splitlines().index("image: https://evil.example/pixel.gif") + 1
    assert found and found[0].line == line and "docs/assets/" in found[0].fix


@pytest.mark.parametrize("file", [
    "content/site.yml", "content/partners.yml", "content/timeline.yml", "content/timeline.en.yml",
    "content/charts.en.yml", "content/charts/unemployment-2019.yml", "docs/goals.en.md",
    "content/news/2020-01-01-epi-starts.en.md",
])
def test_yaml_anchors_and_aliases_are_refused_before_they_expand(scratch, file):
    """A 'billion laughs' costs nothing: the first anchor stops the reading, with its line."""
    path = scratch / file
    bomb = ('lol1: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
            + "".join(f"lol{i}: &{chr(97 + i - 1)} [" + ", ".join([f"*{chr(97 + i - 2)}"] * 9) + "]\n" for i in range(2, 10)))
    text = path.read_text(encoding="utf-8")
    if file.endswith(".md"):
        assert text.startswith("---\n")
        text = "---\n" + bomb + text[4:]
        line = 2
    else:
        text = bomb + text
        line = 1
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-P", "-c", "import sys; from epi_site.content.loading import load_content; "
                             "from epi_site.project import load_project; from pathlib import Path; "
                             "c, p = load_content(load_project(Path(sys.argv[1]))); "
                             "print('\\n'.join(f'{x.file}|{x.line}|{x.message}' for x in p))", str(scratch)],
                            capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    assert f"{file}|{line}|this YAML is not accepted: anchors and aliases" in result.stdout, result.stdout


def test_deeply_nested_yaml_is_refused(scratch):
    path = scratch / "content/site.yml"
    path.write_text(path.read_text() + "deep: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    assert any("nested more than 20 levels" in p.message and p.file == "content/site.yml" for p in problems)


def test_a_huge_file_is_refused_before_it_is_read(scratch):
    path = scratch / "content/news/partnership.en.md"
    path.write_text(path.read_text() + "\n" + ("word " * 250_000), encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    found = [p for p in problems if "this file is too large" in p.message]
    assert found and found[0].file == "content/news/partnership.en.md" and found[0].fix


def test_the_check_takes_linear_time_on_the_longest_allowed_text(scratch):
    """A text of unclosed links as long as allowed: checked in well under the time of a build."""
    path = scratch / "docs/contact.en.md"
    path.write_text(path.read_text() + "\n" + "\n".join("[a](" * 450 for _ in range(100)), encoding="utf-8")
    code = ("import sys, time; from epi_site.content.loading import load_content; from epi_site.project import load_project;"
            "from pathlib import Path; t = time.process_time(); c, p = load_content(load_project(Path(sys.argv[1])));"
            "print(time.process_time() - t, len(p))")
    result = subprocess.run([sys.executable, "-P", "-c", code, str(scratch)], capture_output=True, text=True, timeout=60,
                            env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    seconds, count = result.stdout.split()
    assert float(seconds) < 10 and int(count) >= 1


# --- the second wall: with the check bypassed, the build makes every payload inert ------------

def _pages_with_payloads():
    return [page for _, page in TEXTS.values()]


def test_the_bypassed_build_publishes_every_text(hostile_site):
    """The payloads reached the pages: the test below looks at what the build made of them."""
    for page in _pages_with_payloads():
        text = lxml.html.parse(str(hostile_site / page)).getroot().text_content()
        assert "After the payload." in text, page


def test_no_payload_survives_in_any_page(hostile_site, site):
    """Compared with the shipped site, no page gains a script, handler, frame, form, base,
    refresh, dangerous address or remote resource."""
    checked = 0
    for path in sorted(hostile_site.rglob("*.html")):
        if "pagefind" in path.parts:
            continue
        found = violations(lxml.html.parse(str(path)).getroot())
        shipped = site / path.relative_to(hostile_site)
        baseline = violations(lxml.html.parse(str(shipped)).getroot()) if shipped.exists() else []
        new = [v for v in found if v not in baseline]
        assert not new, f"{path.relative_to(hostile_site)}: {new}"
        checked += 1
    assert checked > 220  # every page of eight languages


def test_no_payload_survives_in_the_feeds(hostile_site):
    for feed in sorted(hostile_site.rglob("news/*.xml")):
        assert not feed_violations(feed.read_bytes()), feed


def test_no_payload_survives_in_the_email_editions(hostile_site):
    emails = sorted(hostile_site.rglob("email.html"))
    assert emails
    for email in emails:
        assert not violations(lxml.html.parse(str(email)).getroot()), email
    assert b"After the payload." in (hostile_site / "news/2020-q1/email.html").read_bytes()


def test_no_placeholder_is_left_in_the_pages(hostile_site):
    """The generator's fragments came back in every page, and no token was left behind."""
    home = lxml.html.parse(str(hostile_site / "index.html")).getroot()
    assert _with_class(home, "epi-cities") and _with_class(home, "epi-chart")
    for path in hostile_site.rglob("*.html"):
        assert not re.search(rb"epi[0-9a-f]{32}x\d", path.read_bytes()), path


def test_directive_lines_in_code_are_neither_expanded_nor_fatal(tmp_path):
    """Before, a fence of four backticks holding ``` made the next [[chart]] line count as prose, and
    a '[[chart x]]' line inside an indented block of a partner text crashed the build."""
    root = copy_project(tmp_path / "project")
    page = root / "docs/contact.en.md"
    page.write_text(page.read_text() + textwrap.dedent("""
        ````
        ```
        [[chart no-such-chart]]
        ```
        ````

        ```
        ~~~
        [[cities]]
        ~~~
        ```

            [[chart indented-chart]]
        """), encoding="utf-8")
    partner = root / "content/partners/tree.en.md"
    partner.write_text(partner.read_text() + "\n\n    code\n    [[chart no-such-chart]]\n", encoding="utf-8")
    _, problems = load_content(load_project(root))
    assert not problems, problems.report()
    site = tmp_path / "site"
    build_bypassing_the_check(root, site)
    contact = lxml.html.parse(str(site / "contact/index.html")).getroot()
    assert not _with_class(contact, "epi-cities")
    assert "[[chart no-such-chart]]" in contact.text_content() and "[[cities]]" in contact.text_content()
    assert "[[chart no-such-chart]]" in lxml.html.parse(str(site / "partners/tree/index.html")).getroot().text_content()


def _with_class(tree, name: str) -> list:
    return tree.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")


def count_of_payloads() -> dict:
    """For the closing note: payloads by class, each tried in every kind of text."""
    by_kind = collections.Counter(p.kind for p in PAYLOADS)
    return {kind: count * len(TEXTS) for kind, count in by_kind.items()}


def test_the_corpus_covers_every_class():
    assert set(count_of_payloads()) >= {"raw HTML", "link scheme", "reference link", "autolink", "remote image",
                                         "attr_list", "nesting", "long line", "many brackets"}


def test_one_problem_per_tag_and_line(hostile):
    """'<script>…</script>' is one mistake, reported once, not once per tag."""
    _, lines, _, problems = hostile
    line = lines["docs page"][PAYLOADS[0]]
    assert len([p for p in problems if p.file == TEXTS["docs page"][0] and p.line == line]) == 1


def test_too_many_directives_are_refused(scratch):
    path = scratch / "docs/contact.en.md"
    path.write_text(path.read_text() + "\n" + "\n\n".join(["[[social]]"] * 1200) + "\n", encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    found = [p for p in problems if "lines such as [[chart" in p.message]
    assert found and found[0].file == "docs/contact.en.md" and found[0].category == UNSAFE


# --- catalog strings are contributor text wherever they go ------------------------------

CATALOG_LANG = "de"


@pytest.fixture(scope="module")
def hostile_catalog_site(tmp_path_factory):
    """Every German msgstr with a tag, line breaks and placeholder widths, and a news item left
    untranslated so that the feeds carry the catalog's fallback notice; built with the check bypassed."""
    from hostile import hostile_catalog

    root = copy_project(tmp_path_factory.mktemp("catalog") / "project")
    (root / f"content/news/2020-01-01-epi-starts.{CATALOG_LANG}.md").unlink()
    changed = hostile_catalog(root, CATALOG_LANG)
    _, problems = load_content(load_project(root))
    site = tmp_path_factory.mktemp("catalog-site")
    build_bypassing_the_check(root, site)
    return site, changed, list(problems)


def test_every_hostile_msgstr_is_refused_as_unsafe(hostile_catalog_site):
    _, changed, problems = hostile_catalog_site
    refused = [p for p in problems if p.file == f"locales/{CATALOG_LANG}.po" and p.category == UNSAFE]
    assert len({p.line for p in refused}) == changed > 50
    assert all(p.line for p in refused)


def _catalog_outputs(site: Path) -> list[Path]:
    return sorted(path for path in (site / CATALOG_LANG).rglob("*")
                  if path.is_file() and "pagefind" not in path.parts and path.suffix in {".html", ".xml", ".txt", ".json"})


def test_a_hostile_msgstr_is_inert_in_every_page_feed_and_email(hostile_catalog_site, site):
    hostile_site, _, _ = hostile_catalog_site
    outputs = _catalog_outputs(hostile_site)
    assert len(outputs) > 30
    one_line = "Bcc: victim@evil.example X-Line: two three"
    arrived = 0
    for path in outputs:
        data = path.read_bytes()
        # A translation with a tag is left out, in every format (the plain-text email too): English instead.
        assert b"x_y" not in data and b"onfocus" not in data, path
        assert b" " * 1000 not in data, path  # no placeholder width was applied
        arrived += data.count(one_line.encode())
        if path.suffix == ".html":
            page = lxml.html.fromstring(data)
            found = violations(page)
            shipped = site / path.relative_to(hostile_site)
            baseline = violations(lxml.html.fromstring(shipped.read_bytes())) if shipped.exists() else []
            assert not [v for v in found if v not in baseline], path
    # The other translations arrive as the translator wrote them, their line breaks made spaces.
    assert arrived > 100


def test_the_feeds_carry_catalog_strings_as_text_on_one_line(hostile_catalog_site):
    import lxml.etree

    hostile_site, _, _ = hostile_catalog_site
    titles = []
    for name in ("news/rss.xml", "news/atom.xml", "news/newsletter.rss.xml", "news/newsletter.atom.xml"):
        tree = lxml.etree.fromstring((hostile_site / CATALOG_LANG / name).read_bytes())
        assert not feed_violations(lxml.etree.tostring(tree)), name
        titles += [e.text or "" for e in tree.iter() if isinstance(e.tag, str) and e.tag.split("}")[-1] == "title"]
    assert any("Bcc:" in t for t in titles)
    assert not [t for t in titles if re.search("[\n\r\u2028\u2029\x85]", t)]


def test_a_catalog_string_with_ampersand_and_less_than_is_text_in_the_feeds_html(scratch, tmp_path):
    """Legitimate text ("R&D", "<3") passes the check; in the feed's HTML it must stay those characters."""
    from babel.messages.pofile import read_po, write_po

    from conftest import build

    path = scratch / "locales/de.po"
    catalog = read_po(path.open("rb"), locale="de")
    msgid = "This text has not been translated into %(language)s yet, so it is shown in %(original)s."
    catalog[msgid].string = "Noch nicht auf %(language)s, daher auf %(original)s (R&D <3)."
    write_po(path.open("wb"), catalog)
    (scratch / "content/news/2020-01-01-epi-starts.de.md").unlink()
    site = tmp_path / "site"
    assert build(scratch, site).returncode == 0
    import lxml.etree
    tree = lxml.etree.fromstring((site / "de/news/rss.xml").read_bytes())
    encoded = [e.text for e in tree.iter() if isinstance(e.tag, str) and e.tag.endswith("encoded") and "R&" in e.text]
    assert encoded and all("(R&amp;D &lt;3)" in text for text in encoded)
    shown = lxml.html.fromstring(encoded[0]).text_content()
    assert "(R&D <3)" in shown


def test_a_hostile_msgstr_puts_no_header_line_in_an_email_edition(hostile_catalog_site):
    hostile_site, _, _ = hostile_catalog_site
    texts = sorted((hostile_site / CATALOG_LANG).rglob("email.txt"))
    assert texts
    lines = [line for path in texts for line in path.read_text(encoding="utf-8").splitlines()]
    assert any("Bcc: victim@evil.example" in line for line in lines)  # the words are there...
    assert not [line for line in lines if line.startswith(("Bcc:", "X-Line:"))]  # ...never a line of their own
    for path in sorted((hostile_site / CATALOG_LANG).rglob("email.html")):
        title = lxml.html.parse(str(path)).find(".//title").text
        assert "\n" not in title, path
