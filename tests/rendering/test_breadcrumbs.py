"""Breadcrumbs and the active section, in the built HTML of every language.

Every page but the home page shows its trail (Home › Section › Page) as a <nav> with an ordered list,
the current page marked aria-current="page", and carries the same trail as a schema.org BreadcrumbList;
a partner, a news item and an issue mark their section's tab and phone-menu item (aria-current="true").
"""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from lxml import html

from conftest import LANGUAGES, ROOT, page_path
from epi_site.content.i18n import interface_catalog
from epi_site.content.loading import load_content
from epi_site.content.page_kinds import SECTION_PAGES, generated_pages
from epi_site.project import load_project

PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)
SITE_URL = "https://www.epi-project.com/"
# One page of each kind, with the section page it sits under (None: a page that is its own section).
KINDS = {
    "goals": None, "privacy": None, "partners/index": None, "timeline/index": None, "news/index": None,
    "partners/lublin": "partners/index", "partners/riga": "partners/index",
    "news/2020-01-01-epi-starts": "news/index", "news/2020-q1": "news/index", "search": None, "status": None,
}
TAB_LABEL = {"partners/index": "Partners", "news/index": "Newsletter"}  # in English; translated below


def parse(site, lang, key):
    return html.fromstring(page_path(site, lang, key.removesuffix("index").rstrip("/")).read_bytes())


def address(lang, key):
    path = "" if key == "index" else key.removesuffix("index")
    return SITE_URL + ("" if lang == "en" else f"{lang}/") + (path if path.endswith("/") or not path else path + "/")


def page_address(tree, lang, key):
    """The absolute address a relative link of the page at ``key`` points to."""
    return lambda href: urljoin(address(lang, key), href)


def trail_of(tree):
    (nav,) = tree.xpath("//nav[@class='epi-breadcrumbs']")
    assert nav.get("aria-label")
    (ol,) = nav.xpath("./ol")
    return ol.xpath("./li")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_kind_shows_its_trail_with_the_current_page_marked(site, lang):
    gettext = interface_catalog(PROJECT, lang).gettext
    for key, section in KINDS.items():
        tree = parse(site, lang, key)
        items = trail_of(tree)
        resolve = page_address(tree, lang, key)
        names = [" ".join(li.text_content().split()) for li in items]
        assert len(items) == (3 if section else 2), (lang, key, names)
        assert names[0] == gettext("Home")
        assert resolve(items[0].xpath("./a/@href")[0]) == address(lang, "index")
        if section:
            assert names[1] == gettext(TAB_LABEL[section]), (lang, key)
            assert resolve(items[1].xpath("./a/@href")[0]) == address(lang, section)
        current = items[-1]
        assert not current.xpath(".//a"), "the current page is named, not linked"
        assert current.xpath("./*[@aria-current='page']")
        assert names[-1] == " ".join(tree.xpath("string(//article//h1)").split()), (lang, key)
        assert len(tree.xpath("//*[@aria-current='page'][ancestor::nav[@class='epi-breadcrumbs']]")) == 1
        assert not tree.xpath("//article//nav[@class='epi-breadcrumbs']"), "outside the searched text"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_json_ld_trail_is_the_shown_trail(site, lang):
    for key in KINDS:
        tree = parse(site, lang, key)
        resolve = page_address(tree, lang, key)
        lists = [data for data in (json.loads(s.text) for s in tree.xpath("//script[@type='application/ld+json']"))
                 if data.get("@type") == "BreadcrumbList"]
        assert len(lists) == 1, (lang, key)
        items = lists[0]["itemListElement"]
        shown = trail_of(tree)
        assert [i["position"] for i in items] == list(range(1, len(shown) + 1))
        # The same words: the page's text has its language's no-break spaces (rendering/typography.py).
        assert [" ".join(i["name"].split()) for i in items] == [" ".join(li.text_content().split()) for li in shown]
        hrefs = [resolve(li.xpath("./a/@href")[0]) for li in shown[:-1]] + [address(lang, key)]
        assert [i["item"] for i in items] == hrefs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_has_no_trail(site, lang):
    tree = parse(site, lang, "index")
    assert not tree.xpath("//nav[@class='epi-breadcrumbs']")
    assert all(json.loads(s.text).get("@type") != "BreadcrumbList"
               for s in tree.xpath("//script[@type='application/ld+json']"))


def marked(tree, where):
    return [(a.get("href"), a.get("aria-current")) for a in tree.xpath(f"{where}//a[@aria-current]")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partner_news_and_issue_pages_mark_their_section_in_the_tabs_and_the_phone_menu(site, lang):
    for key, (kind, _) in generated_pages(CONTENT).items():
        if not kind.section:
            continue
        section = SECTION_PAGES[kind.section]
        tree = parse(site, lang, key)
        resolve = page_address(tree, lang, key)
        for where, active in (("//nav[@class='md-tabs']", "md-tabs__item--active"),
                              ("//div[@id='epi-drawer']", "md-nav__item--active")):
            found = marked(tree, where)
            assert len(found) == 1, (lang, key, where, found)
            href, current = found[0]
            assert resolve(href) == address(lang, section), (lang, key)
            assert current == ("page" if key == section else "true"), (lang, key)
            items = tree.xpath(f"{where}//li[contains(concat(' ', @class, ' '), ' {active} ')]")
            assert len(items) == 1 and items[0].xpath(".//a/@aria-current")


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_pages_outside_the_menu_mark_no_tab(site, lang):
    for key in ("privacy", "accessibility", "search", "status"):
        tree = parse(site, lang, key)
        assert not marked(tree, "//nav[@class='md-tabs']") and not marked(tree, "//div[@id='epi-drawer']"), key


def test_every_section_has_a_page_in_the_menu():
    declared = generated_pages(CONTENT)
    for kind, _ in declared.values():
        if kind.section:
            assert SECTION_PAGES[kind.section] in declared, kind.name
