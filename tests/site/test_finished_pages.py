"""Pages that look finished, in every language: no section that says it is empty, issue
headings that are headings, and nothing addressed to editors on the pages readers see."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from lxml import html

from conftest import LANGUAGES, ROOT, html_pages, page_path
from epi_site.content.i18n import interface_catalog
from epi_site.content.loading import load_content
from epi_site.project import load_project
from epi_site.rendering.render import Formats

PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)


def parse(path):
    return html.fromstring(path.read_bytes())


def words(element):
    return " ".join(element.text_content().split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_partner_is_grouped_with_its_country_only_where_there_are_others(site, lang):
    gettext = interface_catalog(PROJECT, lang).gettext
    fmt = Formats(lang)
    alone = 0
    for partner in CONTENT.partners:
        tree = parse(page_path(site, lang, f"partners/{partner.id}"))
        others = [p for p in CONTENT.partners if p.country == partner.country and p.id != partner.id]
        headings = tree.xpath("//article//h2[@id='same-country']")
        heading = gettext("Other partners in %(country)s") % {"country": fmt.country(partner.country)}
        if others:
            assert [words(h) for h in headings] == [" ".join(heading.split())], (lang, partner.id)
            listed = headings[0].xpath("following-sibling::*[1][self::ul]/li/a/@href")
            assert sorted(h.rstrip("/").split("/")[-1] for h in listed) == sorted(p.id for p in others)
        else:
            alone += 1
            assert not headings, (lang, partner.id)
            assert " ".join(heading.split()) not in words(tree.xpath("//article")[0])
        for h2 in tree.xpath("//article//h2"):  # every heading has something under it
            following = h2.getnext()
            assert following is not None and following.tag not in ("h2", "h1") and words(following), (lang, partner.id)
    assert alone >= 1  # Lublin (Poland) among them: the case the designer met exists


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_archive_names_each_issue_in_a_heading_and_links_it_once(site, lang):
    fmt = Formats(lang)
    gettext = interface_catalog(PROJECT, lang).gettext
    page = page_path(site, lang, "news")
    tree = parse(page)
    # Items that report no day follow the issues in a section of their own (tests/content/test_news.py).
    cards = tree.xpath("//article//section[contains(@class,'epi-issue-card')][not(contains(@class,'epi-other-news'))]")
    assert len(cards) == len(CONTENT.issues)
    for card, issue in zip(cards, CONTENT.issues, strict=True):
        (h2,) = card.xpath("./h2")
        assert not h2.xpath(".//a"), "a heading, not a link"
        quarter = fmt.quarter(issue.year, issue.quarter)
        assert h2.text_content() == quarter[:1].upper() + quarter[1:]
        assert not h2.text_content()[:1].islower(), h2.text_content()
        (more,) = [a for a in card.xpath(".//a") if a.text_content() == gettext("Read the issue")]
        assert urljoin("https://x/news/", more.get("href")) == f"https://x/news/{issue.key}/"
        assert more.get("aria-describedby") == h2.get("id")


def test_a_lower_case_quarter_starts_its_heading_with_a_capital_and_keeps_the_rest():
    assert Formats("sv").quarter(2020, 1) == "första kvartalet 2020"
    assert Formats("ro").quarter(2020, 1) == "trimestrul I din 2020"
    from epi_site.rendering.render import environment
    template = environment(PROJECT).from_string("{{ text | sentence_case }}")
    assert template.render(text="trimestrul I din 2020") == "Trimestrul I din 2020"
    assert template.render(text="2020.\u00a0gada 1.\u00a0ceturksnis") == "2020.\u00a0gada 1.\u00a0ceturksnis"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_email_editions_are_linked_for_editors_on_the_status_page_and_nowhere_readers_go(site, lang):
    status = page_path(site, lang, "status")
    for path in html_pages(site):
        if path.parent.name == "status" and path.parent.parent in (site, site / path.parent.parent.name):
            continue  # the editors' page, in each language
        links = parse(path).xpath("//a/@href[contains(., 'email.html') or contains(., 'email.txt')]")
        assert not links, (path, links)
    tree = parse(status)
    assert tree.xpath("//meta[@name='robots']/@content") == ["noindex"]
    hrefs = [urljoin(f"https://x/{'' if lang == 'en' else lang + '/'}status/", h)
             for h in tree.xpath("//ul[@class='epi-email-links']//a/@href")]
    prefix = "" if lang == "en" else f"{lang}/"
    expected = [f"https://x/{prefix}news/{issue.key}/email.{ext}" for issue in CONTENT.issues for ext in ("html", "txt")]
    assert hrefs == expected
    assert all((site / h[len("https://x/"):]).is_file() for h in hrefs)


def card_shape(anchor):
    return [(child.tag, child.get("class")) for child in anchor]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_partners_index_shows_each_partner_once_on_the_home_pages_city_cards(site, lang):
    home = parse(page_path(site, lang))
    index = parse(page_path(site, lang, "partners"))
    home_cards = home.xpath("//article//ul[contains(concat(' ', @class, ' '), ' epi-cities ')]/li/a")
    cards = index.xpath("//article//ul[contains(concat(' ', @class, ' '), ' epi-cities ')]/li/a")
    assert home_cards and {tuple(card_shape(a)) for a in cards} == {tuple(card_shape(a)) for a in home_cards}
    ids = [a.get("href").rstrip("/").split("/")[-1] for a in cards]
    assert sorted(ids) == sorted(p.id for p in CONTENT.partners), "every partner, once"
    assert not index.xpath("//article//dl"), "no second list of the same partners"
    fmt = Formats(lang)
    for a, partner in zip(cards, (next(p for p in CONTENT.partners if p.id == i) for i in ids), strict=True):
        assert words(a.xpath("./span[2]")[0]).endswith(" ".join(fmt.country(partner.country).split()))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_news_item_repeats_its_lead(site, lang):
    """The lead (the summary) is not said again as the body's first paragraph: the check refuses a text
    that begins so (content/news.py), and the page shows the summary once."""
    for item in CONTENT.news:
        tree = parse(page_path(site, lang, f"news/{item.slug}"))
        paragraphs = [words(p) for p in tree.xpath("//div[@class='epi-news']/p")]
        assert paragraphs[0] and paragraphs[0] not in paragraphs[1:], (lang, item.slug)
