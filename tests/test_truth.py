"""True whenever it is read (issue 11): place names and area labels per language, figures as the
brochure gives them, the publisher the privacy notice names, and the EU emblem in email editions."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from babel import Locale
from lxml import html

from conftest import LANGUAGES, ROOT, page_path
from epi_site.content.directives import Directive
from epi_site.content.loading import load_content
from epi_site.content.i18n import translations
from epi_site.project import load_project
from epi_site.rendering.generation import Generation
from epi_site.rendering.language import Language
from epi_site.rendering.render import Formats

PROJECT = load_project(ROOT)
SITE_URL = "https://www.epi-project.com/"

# Each language's standard form (issue 11, section 4); official body names stay as the brochure gives them.
CITIES = {
    "lv": {"riga": "Rīga", "cartagena": "Kartahena", "cluj-napoca": "Kluža-Napoka", "dietzenbach": "Dīcenbaha",
           "linkoping": "Linšēpinga", "lublin": "Ļubļina", "ravenna": "Ravenna"},
    "pl": {"riga": "Ryga", "cartagena": "Kartagena", "cluj-napoca": "Kluż-Napoka", "dietzenbach": "Dietzenbach",
           "linkoping": "Linköping", "lublin": "Lublin", "ravenna": "Rawenna"},
    "it": {"lublin": "Lublino", "riga": "Riga"},
    "en": {"riga": "Riga", "lublin": "Lublin", "cluj-napoca": "Cluj-Napoca"},
}
AREAS = {"en": ("EU-27", "EU"), "sv": ("EU-27", "EU"), "de": ("EU-27", "EU"), "ro": ("UE-27", "UE"),
         "it": ("UE-27", "UE"), "es": ("UE-27", "UE"), "pl": ("UE-27", "UE"), "lv": ("ES-27", "ES")}


def parse(path):
    return html.fromstring(path.read_bytes())


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def write(path, text):
    path.write_text(text, encoding="utf-8")


# --- place names -------------------------------------------------------------

@pytest.mark.parametrize("lang", CITIES)
def test_city_cards_use_the_language_s_name(site, lang):
    cards = parse(page_path(site, lang)).xpath("//ul[@class='epi-cities']/li/a")
    names = {a.get("href").rstrip("/").split("/")[-1]: text_of(a.xpath(".//*[@class='epi-cities__name']")[0])
             for a in cards}
    for pid, name in CITIES[lang].items():
        assert names[pid] == name


@pytest.mark.parametrize("lang, pid", [("lv", "riga"), ("pl", "riga"), ("lv", "lublin"), ("pl", "cartagena"),
                                       ("it", "lublin")])
def test_a_partner_named_after_its_city_takes_the_city_s_name(site, lang, pid):
    tree = parse(page_path(site, lang, f"partners/{pid}"))
    name = CITIES[lang][pid]
    assert text_of(tree.xpath("//article//h1")[0]) == name
    assert tree.xpath("//title")[0].text_content().startswith(name)
    facts = dict(zip((text_of(d) for d in tree.xpath("//dl[@class='epi-facts']/dt")),
                     (text_of(d) for d in tree.xpath("//dl[@class='epi-facts']/dd")), strict=True))
    assert name in facts.values()


def test_official_bodies_keep_their_name_with_the_city_in_the_language(site):
    for lang, city in (("lv", "Kluža-Napoka"), ("pl", "Kluż-Napoka")):
        tree = parse(page_path(site, lang, "partners/cluj-napoca"))
        assert text_of(tree.xpath("//article//h1")[0]) == "Primăria și Consiliul Local Cluj-Napoca"
        assert city in [text_of(d) for d in tree.xpath("//dl[@class='epi-facts']/dd")]
    tree = parse(page_path(site, "pl", "partners/ravenna"))
    assert text_of(tree.xpath("//article//h1")[0]) == "Comune di Ravenna"


def test_partners_index_and_neighbours_use_the_language_s_names(site):
    index = parse(page_path(site, "lv", "partners"))
    links = [text_of(a) for a in index.xpath("//article//ul[@class='epi-cities epi-partners']//a/span[1]")]
    assert "Rīga" in links and "Riga" not in links
    assert len(links) == len(set(links)) == 13, "each partner once, on its card"
    # Creative Ideas (LV) lists Riga among its neighbours.
    page = parse(page_path(site, "pl", "partners/creative-ideas"))
    neighbours = page.xpath("//h2[@id='same-country']/following-sibling::ul[1]//a")
    assert [text_of(a) for a in neighbours] == ["Ryga"]


def test_news_items_name_city_partners_in_the_language(site):
    for path in (site / "lv" / "news").glob("*/index.html"):
        tree = parse(path)
        partner_links = [text_of(a) for a in tree.xpath("//a[contains(@href, 'partners/riga')]")]
        assert "Riga" not in partner_links


# --- area labels ---------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_chart_captions_and_csv_carry_the_language_s_area_label(site, lang):
    eu27, eu = AREAS[lang]
    captions = [text_of(s) for s in parse(page_path(site, lang, "background")).xpath("//*[@class='epi-chart__source']")]
    assert any(f"· {eu27} · 2019" in c for c in captions)
    assert any(f"· {eu} · 2018" in c for c in captions)
    assert not any("· EU-27 · 2018" in c or f"· {eu27} · 2018" in c for c in captions), "2018 figures are not EU-27"
    prefix = "" if lang == "en" else f"{lang}/"
    for did, area, year in (("unemployment-2019", eu27, "2019"), ("unemployment-gap-2018", eu, "2018"),
                            ("immigration-2018", eu, "2018"), ("non-eu-residents", eu, "")):
        rows = list(csv.DictReader(io.StringIO((site / prefix / "data" / f"{did}.csv").read_text(encoding="utf-8"))))
        assert {row["area"] for row in rows} == {area}
        assert {row["year"] for row in rows} == {year}


@pytest.mark.parametrize("lang, expected", [("en", "5.8%"), ("sv", "5,8\u00a0%"), ("de", "5,8\u00a0%"), ("pl", "5,8%"),
                                            ("lv", "5,8%"), ("it", "5,8%"), ("es", "5,8\u00a0%"), ("ro", "5,8\u00a0%")])
def test_the_unemployment_gap_is_in_percent_with_its_decimal(site, lang, expected):
    figures = [s.text_content().strip() for s in parse(page_path(site, lang, "background")).xpath(
        "//figure[starts-with(@id, 'chart-unemployment-gap-2018')]//p[@class='epi-chart__figure']")]
    assert figures == [expected]


# --- figures as the brochure gives them (issue 16) ------------------------------------

# Each language's word for "percent", which says the 5.8 is relative, not percentage points.
PERCENT = {"en": "percent", "sv": "procent", "ro": "la sută", "it": "per cento", "es": "porcentaje",
           "de": "Prozent", "pl": "procent", "lv": "procentiem"}


def _infographic(lang: str, did: str) -> dict:
    from epi_site.rendering import infographics
    from epi_site.rendering.visibility import disclaimer, funded_by, funding_line
    content, _ = load_content(PROJECT)
    dataset = content.datasets[did]
    language = Language.of(PROJECT, lang)
    return infographics.texts(language, dataset, funded_by(language), funding_line(language, content.site),
                              content.places.area(dataset.area, lang), disclaimer=disclaimer(language))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chart_images_carry_the_disclaimer_whole_and_legible(site, lang):
    """A chart image is a publication of its own: under the emblem, the funding statement and the
    disclaimer, every word of both (no ellipsis) at 20 px or more, in the image the build publishes."""
    from PIL import Image, ImageChops
    from epi_site.rendering import infographics
    from epi_site.rendering.visibility import disclaimer, funding_line
    content, _ = load_content(PROJECT)
    language = Language.of(PROJECT, lang)
    funding, notice = funding_line(language, content.site), disclaimer(language)
    fitted = infographics.statements(funding, notice)
    assert " ".join(fitted.lines).split() == f"{funding} {notice}".split() and fitted.size >= 20
    assert infographics.STATEMENTS_TOP + len(fitted.lines) * fitted.line_height <= infographics.SIZE - 16
    prefix = "" if lang == "en" else f"{lang}/"
    for did in content.datasets:
        data = _infographic(lang, did)
        published = (site / prefix / "data" / f"{did}.png").read_bytes()
        assert published == infographics.infographic_png(data)
        without = infographics.draw({**data, "disclaimer": ""})
        band = (0, infographics.STATEMENTS_TOP, infographics.SIZE, infographics.SIZE)
        shown = Image.open(io.BytesIO(published)).convert("RGB").crop(band)
        assert ImageChops.difference(shown, without.crop(band)).getbbox(), f"{did}: no disclaimer drawn"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_22_million_carry_no_year_the_brochure_does_not_give(site, lang):
    """The brochure says "currently", in a paragraph of 2018 figures: no year, and the text's area label."""
    _eu27, eu = AREAS[lang]
    tree = parse(page_path(site, lang, "background"))
    paragraph = [text_of(p) for p in tree.xpath("//article//p") if "22" in text_of(p)]
    assert paragraph and not any("2019" in p for p in paragraph), paragraph
    figure = tree.xpath("//figure[starts-with(@id, 'chart-non-eu-residents')]")[0]
    assert "2019" not in text_of(figure) and "27" not in text_of(figure.xpath(".//*[@class='epi-chart__source']")[0])
    image = _infographic(lang, "non-eu-residents")
    assert "2019" not in image["title"] + image["source"] and image["source"].split(" · ")[1:] == [eu]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_unemployment_gap_says_percent_higher_not_a_difference(site, lang):
    """5.8 "percent higher" (the brochure), on the page's figure and table, and in the image."""
    figure = parse(page_path(site, lang, "background")).xpath(
        "//figure[starts-with(@id, 'chart-unemployment-gap-2018')]")[0]
    caption = text_of(figure)
    assert PERCENT[lang] in caption, caption
    assert not any(word in caption.lower() for word in ("difference", "skillnad", "diferen", "unterschied",
                                                        "różnica", "starpība")), caption
    label, _ = _infographic(lang, "unemployment-gap-2018")["rows"][0]
    assert PERCENT[lang] in label


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_evaluation_report_is_only_an_evaluation_report(site, lang):
    """The brochure says "an evaluation report", not on what."""
    import yaml
    text = yaml.safe_load((ROOT / "content" / f"timeline.{lang}.yml").read_text(encoding="utf-8"))
    summary = text["activities"]["evaluation-report"]["summary"]
    assert not any(word in summary.lower() for word in ("strateg", "stratēģ")), summary


def test_four_technical_partners_make_thirteen_and_the_source_says_why():
    import yaml
    source = (ROOT / "content/partners.yml").read_text(encoding="utf-8")
    roles = [p["role"] for p in yaml.safe_load(source)]
    assert (roles.count("coordinator") + roles.count("co-coordinator"), roles.count("city"),
            roles.count("technical-partner"), len(roles)) == (2, 7, 4, 13)
    header = "".join(line for line in source.splitlines(keepends=True) if line.startswith("#"))
    assert "5 technical" in header and "Swedish" in header, "say why four, when the English brochure says five"


def test_place_files_name_only_known_partners_and_areas(scratch):
    write(scratch / "content/places.pl.yml",
          (scratch / "content/places.pl.yml").read_text(encoding="utf-8") + "  EU-28: UE-28\nregions:\n  x: y\n")
    problems = list(load_content(load_project(scratch))[1])
    assert any(p.file == "content/places.pl.yml" and "'EU-28' is not an area" in p.message and "EU-27" in p.fix
               for p in problems)
    assert any(p.file == "content/places.pl.yml" and "'regions' is not a section" in p.message and p.line
               for p in problems)


def test_place_files_report_unknown_ids_and_empty_names(scratch):
    path = scratch / "content/places.lv.yml"
    write(path, path.read_text(encoding="utf-8").replace("riga: Rīga", "rigga: Rīga").replace("lublin: Ļubļina", "lublin:"))
    problems = list(load_content(load_project(scratch))[1])
    unknown = [p for p in problems if "'rigga' is not the id of a partner" in p.message]
    assert unknown and unknown[0].line and "riga" in unknown[0].fix
    assert any("the name of 'lublin' is empty" in p.message and p.fix for p in problems)


def test_every_city_needs_its_english_name(scratch):
    path = scratch / "content/places.en.yml"
    write(path, path.read_text(encoding="utf-8").replace("  riga: Riga\n", ""))
    problems = list(load_content(load_project(scratch))[1])
    assert any(p.file == "content/places.en.yml" and "no English name for riga" in p.message and "riga" in p.fix
               for p in problems)


def test_a_missing_translation_falls_back_to_english(scratch):
    path = scratch / "content/places.pl.yml"
    write(path, path.read_text(encoding="utf-8").replace("  riga: Ryga\n", ""))
    project = load_project(scratch)
    content, problems = load_content(project)
    assert not problems
    riga = content.partner("riga")
    assert content.places.partner_name(riga, "pl") == "Riga"
    assert content.places.partner_name(content.partner("ravenna"), "pl") == "Comune di Ravenna"
    assert content.places.city(content.partner("patrir"), "pl") is None


def test_place_files_appear_in_the_translation_status():
    from epi_site.content.translation_status import status_rows
    content, _ = load_content(PROJECT)
    rows = [r for r in status_rows(content) if r.source == "content/places.en.yml"]
    assert rows and set(rows[0].statuses.values()) == {"translated"}


# --- publisher -----------------------------------------------------------------

def test_a_missing_publisher_is_reported(scratch):
    path = scratch / "content/site.yml"
    text = path.read_text(encoding="utf-8")
    write(path, text[:text.index("publisher:")])
    problems = list(load_content(load_project(scratch))[1])
    found = [p for p in problems if "publisher" in p.message]
    assert found and found[0].file == "content/site.yml"
    assert "publisher:" in found[0].fix and "country" in found[0].fix and "email" in found[0].fix


@pytest.mark.parametrize("old, new, message", [
    ("  country: RO\n", "  country: Romania\n", "'Romania' is not a country code"),
    ("  email: hello@epi-project.com\n", "  email: hello at epi\n", "'hello at epi' is not an email address"),
    ("  name: PATRIR\n", "", "'name' is missing"),
])
def test_a_wrong_publisher_field_is_reported(scratch, old, new, message):
    path = scratch / "content/site.yml"
    text = path.read_text(encoding="utf-8")
    head, block = text.split("publisher:")
    write(path, head + "publisher:" + block.replace(old, new))
    problems = [p for p in load_content(load_project(scratch))[1] if message in p.message]
    assert problems and problems[0].file == "content/site.yml" and problems[0].line and problems[0].fix
    assert problems[0].where.startswith("publisher")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_publisher_directive_renders_in_every_language(lang):
    content, problems = load_content(PROJECT)
    assert not problems
    generation = Generation(content, Language.of(content.project, lang))
    rendered = generation.directive(Directive("publisher", None, 1), "privacy", "publisher-1")
    block = html.fragment_fromstring(rendered, create_parent="div").xpath("dl")[0]
    t = translations(PROJECT, lang)
    facts = dict(zip((text_of(d) for d in block.xpath("dt")), block.xpath("dd"), strict=True))
    labels = ["Controller", "Postal address", "Country", "Contact", "Data protection officer"]
    assert list(facts) == [t.gettext(label) for label in labels]
    assert text_of(facts[t.gettext("Controller")]) == "PATRIR"
    assert text_of(facts[t.gettext("Country")]) == Locale.parse(lang).territories["RO"]
    link = facts[t.gettext("Contact")].xpath("a")[0]
    assert link.get("href") == "mailto:hello@epi-project.com" and link.text == "hello@epi-project.com"
    if lang != "en":
        assert all(t.gettext(label) != label for label in ("Postal address", "Data protection officer")), \
            "the labels are translated"


def test_every_privacy_notice_renders_the_publisher_in_its_language(site):
    """[[publisher]] stands alone on a line of each privacy page, in every language."""
    for lang in LANGUAGES:
        t = translations(PROJECT, lang)
        blocks = parse(page_path(site, lang, "privacy")).xpath("//article//dl[contains(@class, 'epi-publisher')]")
        assert len(blocks) == 1, lang
        facts = dict(zip((text_of(d) for d in blocks[0].xpath("dt")), (text_of(d) for d in blocks[0].xpath("dd")), strict=True))
        assert facts[t.gettext("Controller")] == "PATRIR"
        assert facts[t.gettext("Country")] == Locale.parse(lang).territories["RO"]
        assert facts[t.gettext("Contact")] == "hello@epi-project.com"
        assert blocks[0].xpath(".//a/@href") == ["mailto:hello@epi-project.com"]


def test_the_english_privacy_notice_names_the_publisher(site):
    tree = parse(page_path(site, "en", "privacy"))
    heading = tree.xpath("//h2[@id='who-is-responsible']")[0]
    facts = heading.xpath("following-sibling::dl[1]")[0]
    assert "PATRIR" in text_of(facts) and "Romania" in text_of(facts)
    assert facts.xpath(".//a/@href") == ["mailto:hello@epi-project.com"]


# --- EU visibility in the email editions ----------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_email_editions_show_the_emblem_and_funded_by(site, lang):
    t = translations(PROJECT, lang)
    prefix = "" if lang == "en" else f"{lang}/"
    editions = sorted((site / prefix / "news").glob("*/email.html"))
    assert editions
    for path in editions:
        tree = parse(path)
        images = tree.xpath("//img")
        assert len(images) == 1
        img = images[0]
        assert img.get("src") == SITE_URL + "assets/eu-emblem.png"
        assert (img.get("width"), img.get("height")) == ("96", "64")
        assert img.get("alt") == t.gettext("Flag of the European Union") and img.get("alt")
        cell = img.getparent().getnext()
        assert text_of(cell) == t.gettext("Funded by the European Union")
        footer = text_of(img.xpath("ancestor::td[p][1]")[0])
        assert footer.index(t.gettext("Funded by the European Union")) < footer.index("863614")
        lines = path.with_name("email.txt").read_text(encoding="utf-8").splitlines()
        funded = lines.index(t.gettext("Funded by the European Union"))
        assert "863614" in lines[funded + 1]
    assert (site / "assets" / "eu-emblem.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- what the generated pages say about the project, in every language ---------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_speaks_of_the_past_and_of_what_is_indicative(site, lang):
    t = translations(PROJECT, lang)
    fmt_date = Formats(lang).date
    tree = parse(page_path(site, lang, "timeline"))
    article = text_of(tree.xpath("//article")[0])
    started = t.gettext("The project started on %(date)s.") % {"date": fmt_date(dt.date(2020, 1, 1))}
    ended = t.gettext("The project ended on %(date)s.") % {"date": fmt_date(dt.date(2022, 6, 30))}
    assert " ".join(started.split()) in article  # text_of makes the days' non-breaking spaces plain ones
    assert " ".join(ended.split()) in article
    notice = text_of(tree.xpath("//p[@class='epi-notice']")[0])
    assert notice == t.gettext(
        "The project's brochure gives the start and the end of the project but no dates for its phases, and it ties "
        "the activities to the project's goals, not to phases: both the months shown and the grouping of the "
        "activities under phases are indicative.")
    description = tree.xpath("//meta[@name='description']/@content")[0]
    assert description == t.gettext("The phases and planned activities of the European Pact for Integration.")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_archive_says_it_is_composed_from_news_items(site, lang):
    t = translations(PROJECT, lang)
    tree = parse(page_path(site, lang, "news"))
    paragraphs = [text_of(p) for p in tree.xpath("//article//p")]
    assert t.gettext("This archive is composed by this website from its news items, one issue per calendar quarter. "
                     "It does not show whether any issue was sent by email at the time.") in paragraphs


# --- a news item's summary is not its first sentence again (issue 16) -----------------------

# The start item's summaries and first sentences as they were before issue 16: the page showed each twice.
REPEATED = {
    "en": ("EPI began on 1 January 2020 and was planned to end on 30 June 2022. Over 30 months, seven cities were to work.",
           "The European Pact for Integration (EPI) began on 1 January 2020 and was planned to end on 30 June 2022."),
    "de": ("EPI begann am 1. Januar 2020 und sollte planmäßig am 30. Juni 2022 enden. 30 Monate lang sollten sie arbeiten.",
           "Der European Pact for Integration (EPI) begann am 1. Januar 2020 und sollte planmäßig am 30. Juni 2022 enden."),
    "lv": ("EPI sākās 2020. gada 1. janvārī, un bija plānots, ka tas noslēgsies 2022. gada 30. jūnijā. Bija paredzēts.",
           "Projekts European Pact for Integration (EPI) sākās 2020. gada 1. janvārī, un bija plānots, ka tas noslēgsies "
           "2022. gada 30. jūnijā."),
}


@pytest.mark.parametrize("lang", sorted(REPEATED))
def test_a_text_that_begins_with_its_summary_is_refused(scratch, lang):
    import re
    summary, first = REPEATED[lang]
    path = scratch / f"content/news/2020-01-01-epi-starts.{lang}.md"
    text = re.sub(r"(?m)^summary: .*$", "summary: " + summary, path.read_text(encoding="utf-8"), count=1)
    head, body = text.split("\n---\n", 1)
    path.write_text(head + "\n---\n\n" + first + "\n" + body, encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    found = [p for p in problems.items if "repeating the summary" in p.message]
    assert len(found) == 1, problems.report()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert found[0].file == f"content/news/2020-01-01-epi-starts.{lang}.md" and lines[found[0].line - 1] == first
    assert "summary" in found[0].fix


def test_no_news_item_repeats_its_summary():
    content, problems = load_content(PROJECT)
    assert not [p for p in problems.items if "repeating the summary" in p.message]
    assert all(len(item.versions) == len(LANGUAGES) for item in content.news)
