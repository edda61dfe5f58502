"""Partners, timeline and Eurostat charts, generated from content/ in every language."""

from __future__ import annotations

import csv
import io
from urllib.parse import urljoin

import pytest
from lxml import html

from conftest import LANGUAGES, ROOT, page_path
from epi_site.content.i18n import interface_catalog
from epi_site.project import load_project
from epi_site.rendering.render import Formats

PARTNERS = ("patrir", "consorzio-comunita-brianza", "cartagena", "cluj-napoca", "dietzenbach", "linkoping", "lublin",
            "ravenna", "riga", "ciudades-interculturales", "creative-ideas", "pro-arbeit", "tree")


def parse(path):
    return html.fromstring(path.read_bytes())


def resolve(site, page_file, href):
    base = "/" + page_file.parent.relative_to(site).as_posix() + "/"
    target = urljoin(base, href).split("#")[0].lstrip("/")
    path = site / target
    return path / "index.html" if target == "" or target.endswith("/") else path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partners_index_groups_partners_by_role(site, lang):
    page = page_path(site, lang, "partners")
    tree = parse(page)
    groups = tree.xpath("//article//h2[@id='coordinator' or @id='city' or @id='technical-partner']")
    assert len(groups) == 3
    sizes = [len(h.getnext().xpath("li")) for h in groups]
    assert sizes == [2, 7, 4]
    links = tree.xpath("//article//ul[@class='epi-cities epi-partners']//a/@href")  # the home page's cards
    assert len(links) == 13 and all(resolve(site, page, href).is_file() for href in links)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("partner", PARTNERS)
def test_each_partner_has_a_page_with_its_facts(site, lang, partner):
    page = page_path(site, lang, f"partners/{partner}")
    tree = parse(page)
    h1 = tree.xpath("//article//h1")
    assert len(h1) == 1 and h1[0].text_content().strip()
    facts = " ".join(tree.xpath("//dl[@class='epi-facts']")[0].text_content().split())
    assert len(tree.xpath("//dl[@class='epi-facts']/dt")) >= 2
    for href in tree.xpath("//article//a/@href"):
        if "://" not in href:
            assert resolve(site, page, href).is_file(), f"{page}: {href}"
    assert facts


@pytest.mark.parametrize("lang, country", [("en", "Latvia"), ("de", "Lettland"), ("sv", "Lettland"),
                                           ("pl", "Łotwa"), ("lv", "Latvija"), ("it", "Lettonia")])
def test_country_names_are_in_the_pages_language(site, lang, country):
    tree = parse(page_path(site, lang, "partners/riga"))
    assert country in tree.xpath("//dl[@class='epi-facts']")[0].text_content()
    same_country = tree.xpath("//h2[@id='same-country']/following-sibling::ul[1]//a/@href")
    assert [h.rstrip("/").split("/")[-1] for h in same_country] == ["creative-ideas"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_timeline_shows_localized_months_and_computed_project_months(site, lang):
    tree = parse(page_path(site, lang, "timeline"))
    text = " ".join(tree.xpath("//article")[0].text_content().split())
    fmt = Formats(lang)
    import datetime as dt

    for first, last in ((dt.date(2020, 1, 1), dt.date(2020, 12, 31)), (dt.date(2021, 7, 1), dt.date(2022, 6, 30))):
        assert " ".join(fmt.month_range(first, last).split()) in text  # phases 1 and 4: ranges from Babel
    for marker in ("(M1–M12)", "(M7–M18)", "(M13–M27)", "(M19–M30)"):
        assert marker in text
    assert len(tree.xpath("//span[@class='epi-badge']")) == 4  # the phases' months are indicative
    assert tree.xpath("//time[@datetime='2020-01-01']") and tree.xpath("//time[@datetime='2022-06-30']")
    assert len(tree.xpath("//ul[@class='epi-timeline__activities']/li")) == 10
    assert not tree.xpath("//article//script")


@pytest.mark.parametrize("lang, figure", [("en", "26,809,473"), ("sv", "26\u00a0809\u00a0473"), ("de", "26.809.473")])
def test_chart_numbers_are_formatted_for_the_locale(site, lang, figure):
    tree = parse(page_path(site, lang))
    chart = tree.xpath("//figure[contains(@class,'epi-chart')]")[0]
    assert figure in chart.xpath(".//table")[0].text_content()
    # The chart's own words are text of the page (a drawing's would shrink on a phone), the bar drawn.
    assert figure in chart.xpath(".//*[@class='epi-chart__value']")[0].text_content()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_charts_are_accessible_svg_with_a_table_and_csv(site, lang):
    page = page_path(site, lang, "background")
    tree = parse(page)
    charts = tree.xpath("//figure[contains(@class,'epi-chart')]")
    assert len(charts) == 4
    ids = set(tree.xpath("//@id"))
    for chart in charts:
        assert chart.xpath(".//figcaption") and "Eurostat" in chart.xpath(".//figcaption")[0].text_content()
        assert chart.xpath(".//table//th[@scope='row']")
        # One image to assistive technology, named by the chart's title and description: the share
        # chart's strip, or a bar chart's rows (whose drawn bars are hidden from it).
        images = chart.xpath(".//*[@role='img']")
        assert len(images) == (0 if "epi-chart--figure" in chart.get("class") else 1), chart.get("class")
        assert all(i in ids for image in images for i in image.get("aria-labelledby").split())
        assert all(svg.get("aria-hidden") == "true" or svg.get("role") == "img" for svg in chart.xpath(".//svg"))
        href = chart.xpath(".//a[@download]/@href")[0]
        data = resolve(site, page, href)
        rows = list(csv.DictReader(io.StringIO(data.read_text())))
        assert rows and all(row["value"] and row["source"] == "Eurostat" for row in rows)


def test_csv_labels_follow_the_language(site):
    english = (site / "data/unemployment-2019.csv").read_text()
    german = (site / "de/data/unemployment-2019.csv").read_text()
    assert "26809473" in english and "26809473" in german
    assert english != german


def test_the_404_page_helps_in_every_language(site):
    """GitHub Pages serves the root 404.html for a missing address in any language: it speaks all eight."""
    project = load_project(ROOT)
    page = html.fromstring((site / "404.html").read_bytes())
    items = page.xpath("//ul[@class='epi-not-found']/li")
    assert [li.get("lang") for li in items] == [code for code in LANGUAGES if code != "en"]
    for li in items:
        code = li.get("lang")
        gettext = interface_catalog(project, code).gettext
        link = li.xpath(".//a")[0]
        assert link.get("hreflang") == code and link.get("href").rstrip("/").endswith(f"/{code}")
        assert li.xpath("string(span)") == gettext("Page not found") != "Page not found"
        assert gettext("Go to the home page") in link.text_content()
        assert (site / code / "index.html").is_file()
    # A language's own 404 page lists the others, English included.
    swedish = html.fromstring((site / "sv/404.html").read_bytes())
    assert "en" in swedish.xpath("//ul[@class='epi-not-found']/li/@lang")
