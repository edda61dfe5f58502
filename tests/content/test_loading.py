"""Contributors' mistakes: each one gets a clear message naming the file, the line or field,
and what to write instead. Nothing is built while a problem remains."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, build
from epi_site.content.loading import load_content
from epi_site.project import load_project


def problems_of(root: Path):
    content, problems = load_content(load_project(root))
    assert problems, "the mistake was not reported"
    assert content is None
    return list(problems)


def only(problems, fragment: str):
    found = [p for p in problems if fragment in p.message]
    assert found, f"no problem mentions {fragment!r}: {[str(p) for p in problems]}"
    assert all(p.fix for p in found), "every problem says what to do"
    return found[0]


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if fragment in line)


def test_the_shipped_content_has_no_problem():
    _, problems = load_content(load_project(ROOT))
    assert not problems, problems.report()


# --- partners ------------------------------------------------------------

def test_partner_without_a_required_field(scratch):
    edit(scratch / "content/partners.yml", "  role: technical-partner\n  name: TREE\n", "  name: TREE\n")
    problem = only(problems_of(scratch), "'role' is missing")
    assert problem.file == "content/partners.yml" and "tree" in problem.where
    assert problem.line == line_of(scratch / "content/partners.yml", "id: tree")


def test_partner_field_of_the_wrong_type(scratch):
    edit(scratch / "content/partners.yml", "name: Pro Arbeit", "name: [Pro, Arbeit]")
    problem = only(problems_of(scratch), "'name' must be text")
    assert problem.line == line_of(scratch / "content/partners.yml", "name: [Pro, Arbeit]")


def test_partner_with_an_unknown_country_code(scratch):
    edit(scratch / "content/partners.yml", "country: LV\n  city: Riga", "country: XY\n  city: Riga")
    problem = only(problems_of(scratch), "'XY' is not a country code")
    assert "riga" in problem.where and "two-letter ISO code" in problem.fix


def test_two_partners_with_the_same_id(scratch):
    edit(scratch / "content/partners.yml", "- id: tree", "- id: pro-arbeit")
    problem = only(problems_of(scratch), "the id 'pro-arbeit' is used twice")
    assert problem.file == "content/partners.yml"


def test_misspelt_field_name_gets_a_suggestion(scratch):
    edit(scratch / "content/partners.yml", "  country: EE", "  contry: EE")
    problem = only(problems_of(scratch), "'contry' is not a field")
    assert "did you mean 'country'" in problem.fix


def test_malformed_yaml_names_the_line(scratch):
    edit(scratch / "content/partners.yml", "  name: Creative Ideas", "  name: Creative Ideas\n   oops: [")
    problem = only(problems_of(scratch), "not valid YAML")
    assert problem.file == "content/partners.yml" and problem.line


def test_partner_text_for_no_partner(scratch):
    (scratch / "content/partners/nobody.en.md").write_text("A text.\n")
    problem = only(problems_of(scratch), "no partner with the id 'nobody'")
    assert problem.file == "content/partners/nobody.en.md"


# --- charts and timeline --------------------------------------------------

def test_page_names_a_chart_that_no_data_defines(scratch):
    page = scratch / "docs/background.sv.md"
    edit(page, "[[chart unemployment-2019]]", "[[chart unemployment-2091]]")
    problem = only(problems_of(scratch), "there is no chart 'unemployment-2091'")
    assert problem.file == "docs/background.sv.md"
    assert problem.line == line_of(page, "unemployment-2091")
    assert "unemployment-2019" in problem.fix


def test_unknown_directive(scratch):
    page = scratch / "docs/index.de.md"
    edit(page, "[[cities]]", "[[citys]]")
    problem = only(problems_of(scratch), "'[[citys]]' is not a known directive")
    assert problem.line == line_of(page, "[[citys]]")


def test_chart_value_that_is_not_a_number(scratch):
    edit(scratch / "content/charts/unemployment-2019.yml", "value: 2328556", "value: 2.328.556")
    problem = only(problems_of(scratch), "must be a number")
    assert problem.file == "content/charts/unemployment-2019.yml"
    assert problem.line == line_of(scratch / "content/charts/unemployment-2019.yml", "2.328.556")


def test_chart_without_english_labels(scratch):
    edit(scratch / "content/charts.en.yml", "    non-eu-nationals: Unemployed non-EU nationals\n", "")
    problem = only(problems_of(scratch), "no label for non-eu-nationals")
    assert problem.file == "content/charts.en.yml"


def test_malformed_month_in_the_timeline(scratch):
    edit(scratch / "content/timeline.yml", "start: 2020-07", "start: July 2020")
    problem = only(problems_of(scratch), "'July 2020' is not a month")
    assert problem.line == line_of(scratch / "content/timeline.yml", "July 2020")
    assert "2020-01" in problem.fix


def test_activity_in_an_unknown_phase(scratch):
    edit(scratch / "content/timeline.yml", "    phase: pact\n", "    phase: pakt\n")
    assert only(problems_of(scratch), "there is no phase 'pakt'").file == "content/timeline.yml"


# --- news ----------------------------------------------------------------

NEWS = "content/news/partnership.en.md"
DATED = "content/news/2020-01-01-epi-starts.en.md"  # an item whose date the brochure gives


def test_news_item_with_a_date_that_is_not_a_date(scratch):
    edit(scratch / DATED, "date: 2020-01-01", "date: 2022-06-31")
    problem = only(problems_of(scratch), "'2022-06-31' is not a date")
    assert problem.file == DATED and problem.line == 3 and "year-month-day" in problem.fix


def test_news_item_without_a_publication_date(scratch):
    # An item may report no day ('date'), but every file says when it was published here.
    edit(scratch / DATED, "published: 2026-11-23\n", "")
    problem = only(problems_of(scratch), "'published' is missing")
    assert problem.file == DATED and problem.line == 2 and "published: " in problem.fix


def test_news_item_without_a_title(scratch):
    edit(scratch / NEWS, "title: Thirteen partners from eight countries\n", "")
    assert only(problems_of(scratch), "'title' is missing").file == NEWS


def test_news_file_with_an_unknown_language_suffix(scratch):
    (scratch / "content/news/partnership.fr.md").write_text("---\ntitle: Fin\nsummary: Fin\n---\n")
    problem = only(problems_of(scratch), "'fr' is not one of the site's languages")
    assert problem.file == "content/news/partnership.fr.md"


def test_two_news_items_with_the_same_slug(scratch):
    (scratch / "content/news/archive").mkdir()
    (scratch / "content/news/archive/partnership.en.md").write_text(
        "---\ntitle: Again\ndate: 2020-01-01\npublished: 2026-11-23\nsummary: Again\n---\n")
    problem = only(problems_of(scratch), "same name 'partnership'")
    assert "content/news" in problem.file and "another name" in problem.fix


def test_news_item_naming_an_unknown_partner(scratch):
    edit(scratch / "content/news/2020-01-01-epi-starts.en.md", "partners: [patrir,", "partners: [patrirr,")
    problem = only(problems_of(scratch), "no partner with the id 'patrirr'")
    assert problem.where == "front matter.partners"


def test_translation_that_repeats_a_field_of_the_english_item(scratch):
    path = scratch / "content/news/partnership.de.md"
    edit(path, "title:", "date: 2022-07-01\ntitle:")
    problem = only(problems_of(scratch), "'date' belongs in the English file only")
    assert problem.file == "content/news/partnership.de.md"


def test_front_matter_that_is_never_closed(scratch):
    path = scratch / NEWS
    path.write_text(path.read_text().replace("---\n\nThe partnership", "\nThe partnership", 1))
    problem = only(problems_of(scratch), "never closed")
    assert problem.line == 1


def test_newsletter_intro_for_a_quarter_without_news(scratch):
    (scratch / "content/newsletter/2021-q3.en.md").write_text("---\ntitle: Summer\n---\nHello.\n")
    assert only(problems_of(scratch), "no news items in the quarter 2021-q3").file == "content/newsletter/2021-q3.en.md"


# --- pages ---------------------------------------------------------------

def test_broken_link_between_pages(scratch):
    page = scratch / "docs/approach.it.md"
    text = page.read_text()
    link = re.search(r"\]\((timeline/index\.md)\)", text).group(1)
    page.write_text(text.replace(link, "timelines/index.md"))
    problem = only(problems_of(scratch), "leads to no page")
    assert problem.file == "docs/approach.it.md" and problem.line == line_of(page, "timelines/index.md")
    assert problem.fix.endswith("did you mean timeline/index.md?")


def test_link_to_a_missing_heading(scratch):
    page = scratch / "docs/contact.en.md"
    edit(page, "[news feeds](news/index.md)", "[news feeds](news/index.md) and [goals](goals.md#goal-7)")
    problem = only(problems_of(scratch), "has no heading '#goal-7'")
    assert problem.line == line_of(page, "goal-7")


def test_image_without_alternative_text(scratch):
    (scratch / "docs/photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    edit(scratch / "docs/contact.pl.md", "\n# ", "\n![](photo.png)\n\n# ")
    problem = only(problems_of(scratch), "image has no alternative text")
    assert problem.file == "docs/contact.pl.md"


def test_page_without_a_language_in_its_name(scratch):
    (scratch / "docs/about.md").write_text("---\ntitle: About\ndescription: About\n---\n# About\n")
    problem = only(problems_of(scratch), "does not say its language")
    assert "about.en.md" in problem.fix


def test_page_without_a_title(scratch):
    edit(scratch / "docs/goals.lv.md", "title:", "titel:")
    problems = problems_of(scratch)
    assert only(problems, "'title' is missing").file == "docs/goals.lv.md"
    assert "did you mean 'title'" in only(problems, "'titel' is not a field").fix


# --- interface strings ---------------------------------------------------

def test_catalog_with_an_untranslated_and_a_fuzzy_string(scratch):
    path = scratch / "locales/sv.po"
    text = path.read_text()
    text = re.sub(r'(msgid "Skip to content"\n)msgstr ".*"', r'\1msgstr ""', text)
    text = text.replace('msgid "Search"\n', '#, fuzzy\nmsgid "Search"\n', 1)
    path.write_text(text)
    problems = problems_of(scratch)
    untranslated = only(problems, "'Skip to content' is not translated")
    assert untranslated.file == "locales/sv.po" and untranslated.line
    assert only(problems, "'Search' is marked fuzzy").file == "locales/sv.po"


def test_catalog_that_lacks_a_string(scratch):
    path = scratch / "locales/pl.po"
    text = path.read_text()
    path.write_text(re.sub(r'#:[^\n]*\n(#[^\n]*\n)*msgid "Skip to content"\nmsgstr "[^"]*"\n', "", text))
    assert only(problems_of(scratch), "'Skip to content' is missing").file == "locales/pl.po"


# --- the build -----------------------------------------------------------

def test_a_mistake_stops_the_build_and_leaves_the_last_site_untouched(scratch, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site that was published before")
    edit(scratch / "content/partners.yml", "country: SE", "country: Sweden")
    edit(scratch / DATED, "date: 2020-01-01", "date: 30 June 2022")
    result = build(scratch, site)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content/partners.yml" in output and "'Sweden' is not a country code" in output
    assert f"{DATED}:3" in output and "is not a date" in output
    assert "What to do:" in output
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "the site that was published before"


def test_broken_link_in_a_news_item(scratch):
    path = scratch / "content/news/partnership.sv.md"
    path.write_text(path.read_text() + "\nSe [kontakt](../../kontakt.md).\n")
    problem = only(problems_of(scratch), "'../../kontakt.md' leads to no page")
    assert problem.file == "content/news/partnership.sv.md"
    assert problem.line == line_of(path, "kontakt.md")


def test_pages_may_link_to_generated_pages(scratch):
    edit(scratch / "docs/contact.en.md", "[news feeds](news/index.md)",
         "[news feeds](news/index.md), [Riga](partners/riga.md), [the first issue](news/2020-q1.md)")
    _, problems = load_content(load_project(scratch))
    assert not problems, problems.report()


def test_links_in_news_items_name_pages_as_seen_from_docs(scratch):
    path = scratch / "content/news/partnership.en.md"
    path.write_text(path.read_text() + "\nSee [the goals](goals.md#6-raise-awareness) and [wrong](../goals.md).\n")
    problems = problems_of(scratch)
    assert len(problems) == 1
    assert only(problems, "'../goals.md' leads to no page").line == line_of(path, "../goals.md")


@pytest.mark.parametrize("text", ["content/news/2020-01-01-epi-starts.en.md", "content/partners/cartagena.de.md",
                                  "content/newsletter/2020-q1.sv.md"])
def test_a_directive_outside_the_pages_is_named_rather_than_shown_as_text(scratch, text):
    path = scratch / text
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n[[chart unemployment-2019]]\n", encoding="utf-8")
    problem = only(problems_of(scratch), "works only in the pages of docs/")
    assert problem.file == text and problem.line == line_of(path, "[[chart unemployment-2019]]")
    assert "[[chart unemployment-2019]]" in problem.message and "background.md" in problem.fix


@pytest.mark.parametrize("file, old, new, where", [
    ("content/news/2020-01-01-epi-starts.en.md", "title: The European Pact", "title: The <b>European</b> Pact", "title"),
    ("content/partners.yml", "name: Pro Arbeit", "name: Pro &amp; Arbeit", "name"),
    ("content/timeline.sv.yml", "\n", "\nnote: '<!-- hidden -->'\n", "note"),
])
def test_markup_in_a_plain_text_value_is_named_with_its_line(scratch, file, old, new, where):
    edit(scratch / file, old, new)
    problem = only(problems_of(scratch), "holds markup")
    assert problem.file == file and problem.where.endswith(where)
    assert problem.line == line_of(scratch / file, new.strip().split("\n")[-1][:12])
    assert "&amp;" in problem.fix


@pytest.mark.parametrize("name", ["Pro Arbeit & Co < 2022 > AT&T", "Pro Arbeit <info@pro-arbeit.example>", "n<N",
                                  "R&D; AT&T; pilots"])
def test_a_lone_ampersand_or_angle_bracket_is_plain_text(scratch, name):
    edit(scratch / "content/partners.yml", "name: Pro Arbeit", f"name: '{name}'")
    _, problems = load_content(load_project(scratch))
    assert not [p for p in problems if "markup" in p.message], problems.report()


@pytest.mark.parametrize("name", ["<b>Pro</b> Arbeit", "Pro<br/>Arbeit", "Pro <img src=x> Arbeit", "Pro</b>",
                                  "Pro <!-- x -->", "Pro &amp; Arbeit", "Pro &#38; Arbeit"])
def test_tags_and_entities_in_a_name_are_markup(scratch, name):
    edit(scratch / "content/partners.yml", "name: Pro Arbeit", f"name: '{name}'")
    only(problems_of(scratch), "holds markup")


def test_a_line_in_double_brackets_that_names_no_directive_stays_text(scratch):
    path = scratch / "content/news/2020-01-01-epi-starts.en.md"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n[[see the notes below]]\n", encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    assert not problems, problems.report()


def test_a_page_titled_with_a_number_builds(scratch, tmp_path):
    """'title: 2024' is text to the check (numbers are), and YAML gives MkDocs a number: the build
    must show it as the check accepted it, not stop with a traceback."""
    edit(scratch / "docs/goals.en.md", "title: Goals and expected results", "title: 2024")
    assert not load_content(load_project(scratch))[1]
    result = build(scratch, tmp_path / "site")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "<title>2024 – " in (tmp_path / "site/goals/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["'Pro Arbeit (R&D; pilots)'", "'Pro Arbeit; partners: AT&T; Telia'", "'Pro Arbeit &Co;'"])
def test_an_ampersand_before_a_word_that_names_no_character_is_plain_text(scratch, value):
    """Only a reference HTML knows (&amp; &nbsp; &#60;) is markup: 'R&D;' shows as typed in any page."""
    edit(scratch / "content/partners.yml", "name: Pro Arbeit", f"name: {value}")
    _, problems = load_content(load_project(scratch))
    assert not [p for p in problems if "markup" in p.message], problems.report()
