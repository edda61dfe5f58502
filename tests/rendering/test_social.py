"""Link previews as the networks' crawlers read them: every indexable page of every language."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import html
from PIL import Image

from conftest import LANGUAGES, ROOT, build, html_pages
from epi_site.content.loading import load_content
from epi_site.project import load_project

SITE_URL = "https://www.epi-project.com/"
# en: the site's English follows the EU's style guide (British); the others: each language's own country.
LOCALES = {"en": "en_GB", "sv": "sv_SE", "ro": "ro_RO", "it": "it_IT", "es": "es_ES", "de": "de_DE", "pl": "pl_PL",
           "lv": "lv_LV"}
PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)
# Each news item's page in each language, and the day its text there was published on this site (an
# item's address need not hold a day: the partnership reports none).
NEWS_ITEMS = {f"{PROJECT.prefix(lang)}news/{item.slug}/": item.published_in(lang, PROJECT.default_language)
              for item in CONTENT.news for lang in LANGUAGES}


def head(path: Path):
    return html.fromstring(path.read_bytes())


def properties(doc, name: str) -> list[str]:
    return [m.get("content") for m in doc.xpath("//head/meta[@property=$p or @name=$p]", p=name)]


def one(doc, name: str) -> str:
    values = properties(doc, name)
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


def site_file(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def indexable(site: Path) -> list[Path]:
    return [p for p in html_pages(site) if not head(p).xpath("//head/meta[@name='robots'][@content='noindex']")]


def test_every_language_has_indexable_pages_with_previews(site):
    pages = indexable(site)
    for lang in LANGUAGES:
        mine = [p for p in pages if head(p).get("lang") == lang]
        assert len(mine) >= 25, (lang, len(mine))


def test_every_indexable_page_has_the_complete_localised_preview(site):
    for page in indexable(site):
        doc = head(page)
        lang = doc.get("lang")
        where = page.relative_to(site)
        canonical = doc.xpath("//head/link[@rel='canonical']/@href")[0]
        assert one(doc, "og:url") == canonical, where
        assert one(doc, "og:title").strip(), where
        assert one(doc, "og:title") in doc.findtext(".//title"), where
        assert one(doc, "og:description") == one(doc, "description"), where
        assert one(doc, "og:site_name") == "European Pact for Integration"
        assert one(doc, "og:locale") == LOCALES[lang], where
        real = {a for a in doc.xpath("//head/link[@rel='alternate'][@hreflang]/@hreflang") if a not in ("x-default", lang)}
        alternates = properties(doc, "og:locale:alternate")
        assert len(alternates) == len(set(alternates))
        assert set(alternates) == {LOCALES[code] for code in real}, where
        path = urlsplit(canonical).path.lstrip("/")
        if path in NEWS_ITEMS:
            assert one(doc, "og:type") == "article", where
            published = one(doc, "article:published_time")
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) and published == NEWS_ITEMS[path].isoformat(), where
        else:
            assert one(doc, "og:type") == "website", where
            assert not properties(doc, "article:published_time"), where
        image = one(doc, "og:image")
        prefix = "" if lang == "en" else f"{lang}/"
        assert image.startswith(SITE_URL + prefix + "cards/") and image.endswith(".png"), (where, image)
        with Image.open(site_file(site, image)) as card:
            assert card.format == "PNG"
            assert (card.width, card.height) == (int(one(doc, "og:image:width")), int(one(doc, "og:image:height")))
        assert one(doc, "og:image:type") == "image/png"
        alt = one(doc, "og:image:alt")
        assert one(doc, "og:title") in alt, where
        assert one(doc, "twitter:card") == "summary_large_image"


def test_the_card_address_follows_the_shared_convention(site):
    """{language prefix}cards/{page key}.png: the JSON-LD names the same files (test_structured_data.py)."""
    for url, key in (("", "index"), ("sv/partners/riga/", "partners/riga"), ("de/news/2020-q1/", "news/2020-q1"),
                     ("pl/partners/", "partners/index"), ("lv/timeline/", "timeline/index")):
        doc = head(site / url / "index.html")
        prefix = url[:3] if re.match(r"[a-z]{2}/", url) else ""
        assert one(doc, "og:image") == f"{SITE_URL}{prefix}cards/{key}.png"


def test_pages_kept_from_search_engines_carry_no_preview(site):
    """404, search and translation status pages are not meant to be found through a shared link."""
    for lang in LANGUAGES:
        prefix = "" if lang == "en" else f"{lang}/"
        for path in (f"{prefix}404.html", f"{prefix}search/index.html", f"{prefix}status/index.html"):
            doc = head(site / path)
            assert doc.xpath("//head/meta[@name='robots'][@content='noindex']")
            assert not doc.xpath("//head/meta[starts-with(@property, 'og:') or starts-with(@name, 'twitter:')]"), path


def test_no_card_without_an_indexable_page(site):
    cards = {p.relative_to(site).as_posix() for p in site.rglob("cards/**/*.png")}
    named = {urlsplit(one(head(p), "og:image")).path.lstrip("/") for p in indexable(site)}
    assert cards == named


@pytest.mark.slow
def test_an_untranslated_page_shares_the_preview_of_the_page_it_shows(scratch, tmp_path):
    """Its canonical address is the English page: so are its preview, its locale and its card."""
    (scratch / "docs" / "goals.sv.md").unlink()
    out = tmp_path / "site"
    result = build(scratch, out)
    assert result.returncode == 0, result.stderr
    sv, en = head(out / "sv" / "goals" / "index.html"), head(out / "goals" / "index.html")
    assert sv.xpath("//head/meta[@name='robots'][@content='noindex']")
    for name in ("og:url", "og:title", "og:description", "og:locale", "og:image", "og:image:alt"):
        assert one(sv, name) == one(en, name), name
    assert one(sv, "og:url") == sv.xpath("//head/link[@rel='canonical']/@href")[0]
    assert "sv_SE" not in properties(en, "og:locale:alternate")
    assert not (out / "sv" / "cards" / "goals.png").exists()
    assert (out / "cards" / "goals.png").exists()
