"""The built site, as readers and search engines meet it, in every language."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel.messages.pofile import read_po
from lxml import etree, html

from conftest import LANGUAGES, ROOT, declared_pages, html_pages, page_path

SITE_URL = "https://www.epi-project.com/"
DOC_PAGES = ("", "background", "approach", "goals", "contact", "privacy", "accessibility")
NAMES = {"en": "English", "sv": "Svenska", "ro": "Română", "it": "Italiano", "es": "Español", "de": "Deutsch",
         "pl": "Polski", "lv": "Latviešu"}


def parse(path: Path):
    return html.fromstring(path.read_bytes())


def url_of(lang: str, path: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return SITE_URL + prefix + (f"{path}/" if path else "")


def file_for_url(site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def catalog(lang: str):
    with (ROOT / "locales" / f"{lang}.po").open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_page_and_a_404(site, lang):
    for path in (*DOC_PAGES, "partners", "timeline", "news", "search"):
        assert page_path(site, lang, path).is_file(), f"{lang}: no page {path or 'home'}"
    not_found = parse(site / ("" if lang == "en" else lang) / "404.html")
    assert not_found.get("lang") == lang
    description = not_found.xpath("//meta[@name='description']/@content")
    assert description and description[0] in not_found.xpath("string(//article)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_declare_their_language(site, lang):
    folder = site if lang == "en" else site / lang
    for path in html_pages(site):
        rel = path.relative_to(site).parts
        owner = rel[0] if rel[0] in LANGUAGES[1:] else "en"
        if owner == lang:
            assert parse(path).get("lang") == lang, path
    assert folder.is_dir()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", (*DOC_PAGES, "partners", "partners/riga", "timeline", "news"))
def test_canonical_and_absolute_hreflang_for_all_languages(site, lang, path):
    tree = parse(page_path(site, lang, path))
    assert tree.xpath("//link[@rel='canonical']/@href") == [url_of(lang, path)]
    alternates = {link.get("hreflang"): link.get("href") for link in tree.xpath("//link[@rel='alternate'][@hreflang]")}
    assert set(alternates) == set(LANGUAGES) | {"x-default"}
    for code in LANGUAGES:
        assert alternates[code] == url_of(code, path)
        assert file_for_url(site, alternates[code]).is_file()
    assert alternates["x-default"] == url_of("en", path)


@pytest.mark.parametrize("lang", LANGUAGES[1:])
@pytest.mark.parametrize("path", (*DOC_PAGES, "partners", "timeline", "news"))
def test_meta_description_is_in_the_pages_language(site, lang, path):
    own = parse(page_path(site, lang, path)).xpath("//meta[@name='description']/@content")
    english = parse(page_path(site, "en", path)).xpath("//meta[@name='description']/@content")
    assert own and own[0].strip(), f"{lang}/{path}: no description"
    assert own != english, f"{lang}/{path}: the description is the English one"


def test_sitemap_lists_every_page_with_its_alternates(site):
    tree = etree.parse(str(site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = tree.xpath("//s:url", namespaces=ns)
    locs = [u.xpath("s:loc/text()", namespaces=ns)[0] for u in urls]
    assert len(locs) == len(set(locs))
    for lang in LANGUAGES:
        for path in (*DOC_PAGES, "partners", "timeline", "news"):
            assert url_of(lang, path) in locs
    for url in urls:
        links = url.xpath("x:link[@rel='alternate']", namespaces=ns)
        assert {link.get("hreflang") for link in links} >= {"x-default"}
        for link in links:
            assert file_for_url(site, link.get("href")).is_file(), link.get("href")
    assert all(file_for_url(site, loc).is_file() for loc in locs)
    # One sitemap for the whole site, no per-language copies for the browser to fetch.
    assert not any((site / lang / "sitemap.xml").exists() for lang in LANGUAGES[1:])
    assert "Sitemap: https://www.epi-project.com/sitemap.xml" in (site / "robots.txt").read_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_names_languages_in_themselves_and_keeps_the_page(site, lang):
    page = page_path(site, lang, "background")
    tree = parse(page)
    links = tree.xpath("//a[contains(@class,'md-select__link')]")
    assert [a.text_content().strip() for a in links] == [NAMES[code] for code in LANGUAGES]
    base = url_of(lang, "background")
    for a in links:
        code = a.get("hreflang")
        assert a.get("lang") == code
        assert urljoin(base, a.get("href")) == url_of(code, "background")
    assert [a.get("hreflang") for a in links if a.get("aria-current")] == [lang]


def test_no_script_fetches_sitemaps_at_run_time(site):
    # The stock theme's bundle fetches every language's sitemap to build the switcher.
    for path in html_pages(site):
        text = path.read_text()
        assert "bundle." not in text and "sitemap.xml" not in text, path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_eu_funding_and_disclaimer_on_every_page_in_its_language(site, lang):
    strings = {m.id: m.string for m in catalog(lang)} if lang != "en" else {}

    def tr(text):
        return strings.get(text) or text

    funded = tr("Funded by the European Union")
    funding = tr("The European Pact for Integration (EPI) has received funding from the European Union's Asylum, "
                 "Migration and Integration Fund (AMIF) under grant agreement No %(number)s.") % {"number": "863614"}
    disclaimer = tr("The content of this publication represents the views of its authors only and is their sole "
                    "responsibility. The European Commission does not accept any responsibility for any use that may "
                    "be made of the information it contains.")
    folder = site if lang == "en" else site / lang
    pages = [p for p in html_pages(site) if (p.relative_to(site).parts[0] == lang if lang != "en"
                                              else p.relative_to(site).parts[0] not in LANGUAGES)]
    assert len(pages) > 20
    for path in pages:
        tree = parse(path)
        footer = tree.xpath("//footer")[0]
        text = " ".join(footer.text_content().split())
        emblem = footer.xpath(".//img[contains(@src,'eu-emblem.svg')]")
        assert emblem and emblem[0].get("alt"), f"{path}: no EU emblem with a text alternative"
        assert funded in text and " ".join(funding.split()) in text and "863614" in text, path
        assert " ".join(disclaimer.split()) in text, path
    assert folder.is_dir()


def test_eu_emblem_is_in_the_repository_and_valid_svg():
    svg = etree.parse(str(ROOT / "overrides" / "assets" / "eu-emblem.svg"))
    assert len(svg.xpath("//*[local-name()='polygon']")) == 12


def test_nothing_is_loaded_from_another_host(site):
    for path in html_pages(site):
        tree = parse(path)
        for element in tree.xpath("//script[@src] | //img[@src] | //iframe | //link[@rel!='canonical' and @rel!='alternate']"):
            target = element.get("src") or element.get("href") or ""
            assert not urlsplit(target).netloc, f"{path}: {element.tag} loads {target}"
    for css in site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text() and "//fonts." not in css.read_text()
    for page in html_pages(site):
        assert "fonts.googleapis" not in page.read_text()


def test_each_language_has_its_own_search_index(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == set(LANGUAGES)
    pages = [parse(p) for p in html_pages(site)]  # each page once, not once per language
    for lang, info in entry["languages"].items():
        indexed = [page for page in pages if page.get("lang") == lang and page.xpath("//*[@data-pagefind-body]")]
        assert info["page_count"] == len(indexed) == len(declared_pages(listed_only=True))  # not search, status, 404
    assert not (site / "search" / "search_index.json").exists(), "the all-language Material index is back"


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_no_english_interface_text_on_other_languages_pages(site, lang):
    english = [m.id for m in catalog(lang) if isinstance(m.id, str) and m.id and m.string and m.string != m.id
               and "%" not in m.id and len(m.id.split()) > 1]
    assert len(english) > 40
    for path in (*DOC_PAGES, "partners", "partners/lublin", "timeline", "news", "search"):
        text = " ".join(parse(page_path(site, lang, path)).text_content().split())
        leftovers = [s for s in english if s in text]
        assert not leftovers, f"{lang}/{path}: English left: {leftovers[:3]}"


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_no_english_paragraph_on_translated_pages(site, lang):
    for path in DOC_PAGES:
        own = {" ".join(p.text_content().split()) for p in parse(page_path(site, lang, path)).xpath("//article//p")}
        english = {" ".join(p.text_content().split()) for p in parse(page_path(site, "en", path)).xpath("//article//p")}
        same = [p for p in own & english if len(re.findall(r"[a-z]{3,}", p)) > 3]
        assert not same, f"{lang}/{path}: untranslated paragraph {same[0]!r}"
