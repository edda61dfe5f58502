"""safety/safe_text.py: text that looks harmless and is not. A hostile site value or catalog string, and
invisible direction controls ("Trojan Source") written plainly, as YAML escapes, as character references
or in file names, are refused by the check with their line, and inert or gone behind it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import html

from conftest import LANGUAGES, check, page_path
from hostile import build_unchecked

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
PAGES = ["", "goals/", "partners/", "partners/cluj-napoca/", "timeline/", "background/",
         "news/2020-01-01-epi-starts/", "news/2020-q1/", "news/", "search/", "status/"]
def assert_inert(page_file: Path, text: str) -> None:
    page = html.fromstring(page_file.read_bytes())
    # JSON-LD blocks are data, not scripts: they must parse and hold no markup.
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
