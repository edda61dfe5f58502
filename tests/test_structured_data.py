"""Schema.org data (JSON-LD) in the built pages, as a search engine reads it, in every language (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html

from conftest import LANGUAGES, ROOT, html_pages, page_path
from hostile import build_bypassing_the_check
from epi_site.content.i18n import translations
from epi_site.content.loading import load_content
from epi_site.project import load_project
from epi_site.rendering.visibility import funding_line
from epi_site.safety.safe_text import one_line
from epi_site.rendering.language import Language

SITE_URL = "https://www.epi-project.com/"
PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)
# What each type must carry to say anything useful (and what the issue asks for).
REQUIRED = {
    "Organization": {"name"},
    "WebSite": {"url", "name", "inLanguage", "publisher"},
    "NewsArticle": {"headline", "datePublished", "inLanguage"},
    "PublicationIssue": {"name", "datePublished", "inLanguage", "publisher", "image", "mainEntityOfPage",
                         "isPartOf", "hasPart"},
    "Periodical": {"name", "publisher"},
    "Grant": {"identifier", "funder"},
    "GovernmentOrganization": {"name"},
    "PostalAddress": {"addressCountry"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name", "item"},
}
# A page's own subject says more than the same type inside another (an issue's articles are listed, not described).
MAIN = {"NewsArticle": REQUIRED["NewsArticle"] | {"publisher", "image", "mainEntityOfPage"}}


def blocks(path: Path) -> list[dict]:
    tree = html.fromstring(path.read_bytes())
    return [json.loads(script.text) for script in tree.xpath("//script[@type='application/ld+json']")]


def canonical(path: Path) -> str:
    return html.fromstring(path.read_bytes()).xpath("//link[@rel='canonical']/@href")[0]


def nodes(value):
    """Every object in a JSON-LD tree, with its nested ones."""
    if isinstance(value, dict):
        yield value
        for inner in value.values():
            yield from nodes(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from nodes(inner)


def card(lang: str, key: str) -> str:
    return SITE_URL + ("" if lang == "en" else f"{lang}/") + f"cards/{key}.png"


def main_blocks(path: Path) -> list[dict]:
    """The blocks about the page's subject: every page but the home page has its breadcrumb trail too
    (tests/test_breadcrumbs.py)."""
    return [block for block in blocks(path) if block.get("@type") != "BreadcrumbList"]


def the_one(path: Path) -> dict:
    found = main_blocks(path)
    assert len(found) == 1, f"{path}: {len(found)} JSON-LD blocks"
    assert found[0]["@context"] == "https://schema.org"
    return found[0]


def test_every_block_of_every_page_parses_and_carries_its_types_properties(site):
    typed = 0
    for path in html_pages(site):
        for block in blocks(path):
            for main in block.get("@graph", [block]):
                assert not MAIN.get(main["@type"], set()) - set(main), f"{path}: {main['@type']} lacks properties"
            for node in nodes(block):
                kind = node.get("@type")
                if kind is None:
                    if "@graph" in node:
                        continue
                    assert set(node) == {"@id"}, f"{path}: an untyped object that is more than a reference: {node}"
                    continue
                missing = REQUIRED[kind] - set(node)
                assert not missing, f"{path}: {kind} lacks {missing}"
                typed += 1
    # 8 languages: 8 home pages, 13 partner pages, 3 news items and 2 issues each, with their nested objects.
    assert typed > 8 * (13 + 3 + 2)


# Written out by hand (content/places.<lang>.yml), so that the test does not take them from the code it tests.
CITIES = {
    "ravenna": {"en": "Ravenna", "sv": "Ravenna", "ro": "Ravenna", "it": "Ravenna", "es": "Rávena", "de": "Ravenna",
                "pl": "Rawenna", "lv": "Ravenna"},
    "riga": {"en": "Riga", "sv": "Riga", "ro": "Riga", "it": "Riga", "es": "Riga", "de": "Riga", "pl": "Ryga",
             "lv": "Rīga"},
    "lublin": {"en": "Lublin", "sv": "Lublin", "ro": "Lublin", "it": "Lublino", "es": "Lublin", "de": "Lublin",
               "pl": "Lublin", "lv": "Ļubļina"},
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_describes_epi_its_funding_and_its_13_partners(site, lang):
    page = page_path(site, lang)
    graph = the_one(page)["@graph"]
    epi = next(n for n in graph if n["@type"] == "Organization")
    site_info = CONTENT.site
    assert (epi["name"], epi["alternateName"], epi["url"], epi["email"]) == (
        site_info.name, site_info.short_name, site_info.website, site_info.email)
    assert epi["funder"]["@type"] == "GovernmentOrganization" and epi["funder"]["name"] == "European Commission"
    grant = epi["funding"]
    assert grant["@type"] == "Grant" and grant["identifier"] == site_info.grant_agreement == "863614"
    assert grant["funder"]["@id"] == epi["funder"]["@id"]
    assert "863614" in grant["description"]
    assert grant["description"] == funding_line(Language.of(PROJECT, lang), site_info)
    members = [(m["name"], m["address"]["addressCountry"], m["address"].get("addressLocality")) for m in epi["member"]]
    assert len(members) == 13
    assert members == [(p.name, p.country, CONTENT.places.city(p, lang)) for p in CONTENT.partners]
    localities = {name: city for name, _, city in members}
    assert localities["Comune di Ravenna"] == CITIES["ravenna"][lang] and localities["Riga"] == CITIES["riga"][lang]
    assert all(m["@type"] == "Organization" and m["address"]["@type"] == "PostalAddress" for m in epi["member"])
    assert "logo" not in epi and "sameAs" not in epi, "nothing content/ does not give"
    website = next(n for n in graph if n["@type"] == "WebSite")
    assert website["inLanguage"] == lang
    assert website["url"] == canonical(page)
    # The website's publisher is the organisation the privacy notice names, not the project.
    publisher = next(n for n in graph if n.get("@id") == SITE_URL + "#publisher")
    assert website["publisher"] == {"@id": publisher["@id"]}
    assert (publisher["@type"], publisher["name"], publisher["email"], publisher["address"]["addressCountry"]) == (
        "Organization", CONTENT.site.publisher.name, CONTENT.site.publisher.email, CONTENT.site.publisher.country)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_items_are_news_articles_with_their_contents_facts(site, lang):
    for item in CONTENT.news:
        key = f"news/{item.slug}"
        page = page_path(site, lang, key)
        article = the_one(page)
        text = item.version(lang, PROJECT.default_language)
        assert article["@type"] == "NewsArticle"
        assert article["headline"] == text.title
        assert article["description"] == text.summary
        assert article["datePublished"] == item.published_in(lang, "en").isoformat()
        assert article["inLanguage"] == text.lang == html.fromstring(page.read_bytes()).get("lang")
        assert article["image"] == card(lang, key)
        assert article["mainEntityOfPage"] == canonical(page)
        assert article["publisher"]["name"] == CONTENT.site.publisher.name == "PATRIR"
        assert article["publisher"]["@id"] == SITE_URL + "#publisher"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_newsletter_issues_are_publication_issues_of_the_newsletter(site, lang):
    gettext = translations(PROJECT, lang).gettext
    for issue in CONTENT.issues:
        key = f"news/{issue.key}"
        page = page_path(site, lang, key)
        data = the_one(page)
        tree = html.fromstring(page.read_bytes())
        assert data["@type"] == "PublicationIssue"
        assert data["name"] == tree.xpath("string(//article//h1)")
        assert data["datePublished"] == max(item.published_in(lang, "en") for item in issue.items).isoformat()
        assert data["inLanguage"] == lang
        assert data["image"] == card(lang, key)
        assert data["mainEntityOfPage"] == canonical(page)
        assert data["isPartOf"]["@type"] == "Periodical" and data["isPartOf"]["name"] == gettext("Newsletter")
        parts = [(a["headline"], a["datePublished"]) for a in data["hasPart"]]
        assert parts == [(item.version(lang, "en").title, item.published_in(lang, "en").isoformat())
                         for item in reversed(issue.items)]
        for article in data["hasPart"]:
            assert page_path(site, "en", article["url"][len(SITE_URL):].rstrip("/")).is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partner_pages_describe_the_partner_and_its_country(site, lang):
    for partner in CONTENT.partners:
        page = page_path(site, lang, f"partners/{partner.id}")
        data = the_one(page)
        assert data["@type"] == "Organization" and data["name"] == partner.name
        assert data["address"]["addressCountry"] == partner.country
        if partner.id in CITIES:  # the city in the page's language, as content/places.<lang>.yml gives it
            assert data["address"]["addressLocality"] == CITIES[partner.id][lang]
        assert data["mainEntityOfPage"] == canonical(page)
        assert data["memberOf"]["@id"] == SITE_URL + "#organization"
        assert ("url" in data) == bool(partner.website)


def test_other_pages_carry_only_their_breadcrumb_trail(site):
    for path in ("goals", "timeline", "partners", "news", "search"):
        assert [block["@type"] for block in blocks(page_path(site, "de", path))] == ["BreadcrumbList"], path


# --- a hostile title cannot leave the script element ------------------------------------------

HOSTILE = 'Fish & "Chips" </script><script>alert(1)</script> <!-- x --> ]]> \u2028 🐟'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from conftest import copy_project
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    (root / "content/news/2021-05-04-hostile.en.md").write_text(
        f"---\ntitle: {json.dumps(HOSTILE, ensure_ascii=False)}\ndate: 2021-05-04\n"
        "published: 2026-11-24\nsummary: \"</SCRIPT >&amp; <!-- summary\"\n---\n\nBody.\n",
        encoding="utf-8")
    _, problems = load_content(load_project(root))
    assert {p.where for p in problems if "holds markup" in p.message} == {"title", "summary"}
    site = root.parent / "site"
    build_bypassing_the_check(root, site)  # the markup is refused as unsafe; behind the check it is text
    return site


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_a_hostile_title_stays_inside_its_json_ld_block(hostile_site, lang):
    page = page_path(hostile_site, lang, "news/2021-05-04-hostile")
    raw = page.read_text(encoding="utf-8")
    tree = html.fromstring(raw.encode())
    scripts = tree.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 2  # the article, and the breadcrumb trail that names it too
    for script in scripts:
        assert "<" not in script.text and ">" not in script.text and "&" not in script.text
    article, trail = (json.loads(script.text) for script in scripts)
    assert article["headline"] == one_line(HOSTILE)
    assert trail["itemListElement"][-1]["name"] == one_line(HOSTILE)
    assert article["description"] == "</SCRIPT >&amp; <!-- summary"
    assert tree.xpath("//script[contains(., 'alert')]") == scripts, "the title made no script of its own"
    assert tree.xpath("string(//article//h1)") == article["headline"]
    issue = the_one(page_path(hostile_site, lang, "news/2021-q2"))
    assert issue["hasPart"][0]["headline"] == article["headline"]


# --- any text round-trips through a JSON-LD block in an HTML parser ------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from epi_site.rendering.structured_data import json_ld  # noqa: E402

tricky = st.lists(st.one_of(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=5),
                            st.sampled_from(["</script>", "</SCRIPT ", "<!--", "-->", "<script>", "&", "\u2028", "]]>"])),
                  max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=tricky)
def test_any_text_survives_a_json_ld_block_as_an_html_parser_reads_it(text):
    document = f'<html><head><script type="application/ld+json">{json_ld({"headline": text})}</script></head>' \
               '<body><p id="after">after</p></body></html>'
    tree = html.fromstring(document)
    scripts = tree.xpath("//script")
    assert len(scripts) == 1 and json.loads(scripts[0].text) == {"headline": text}
    assert tree.xpath("string(//p[@id='after'])") == "after"
