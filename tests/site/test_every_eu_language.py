"""All 24 official EU languages at once, each new one with nothing but its entry in mkdocs.yml: the site builds,
and every language is a full member of it (switcher, hreflang, sitemap, feeds, search)."""

from __future__ import annotations

import pytest
from lxml import etree, html

from conftest import LANGUAGES, build
from synthetic import EU_LANGUAGES, add_languages

NEW = [code for code in EU_LANGUAGES if code not in LANGUAGES]


@pytest.mark.slow
def test_the_site_builds_in_every_official_eu_language(scratch, tmp_path):
    add_languages(scratch, NEW)
    site = tmp_path / "site"
    result = build(scratch, site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    # The news index is generated in every language (a hand-written page still in English names only the
    # languages it is written in, its canonical being the English page).
    news = html.fromstring((site / "mt" / "news" / "index.html").read_bytes())
    assert news.get("lang") == "mt"
    hreflangs = set(news.xpath("//link[@rel='alternate'][@hreflang]/@hreflang"))
    assert set(EU_LANGUAGES) <= hreflangs, sorted(set(EU_LANGUAGES) - hreflangs)
    switcher = news.xpath("//a[contains(@class,'md-select__link')]/@hreflang")
    assert sorted(switcher) == sorted(EU_LANGUAGES)

    sitemap = etree.parse(str(site / "sitemap.xml"))
    locs = set(sitemap.xpath("//*[local-name()='loc']/text()"))
    for code in NEW:
        assert f"https://www.epi-project.com/{code}/news/" in locs, code
        assert (site / code / "news" / "rss.xml").is_file() and (site / code / "news" / "atom.xml").is_file()
        assert (site / code / "search" / "index.html").is_file()
        # Babel formats each language's own dates, even where CLDR's data is thin (Maltese, Irish).
        timeline = html.fromstring((site / code / "timeline" / "index.html").read_bytes())
        assert timeline.xpath("//time[@datetime='2020-01-01']"), code
