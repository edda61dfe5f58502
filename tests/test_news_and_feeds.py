"""News items, the quarterly newsletter, email editions and feeds in every language (issue 4)."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree, html

from conftest import LANGUAGES, ROOT, build, page_path
from hostile import build_bypassing_the_check
from epi_site.content.loading import load_content
from epi_site.rendering.feeds import build_feeds
from epi_site.content.news import NewsItem, NewsText, news_order
from epi_site.content.newsletter import compose_issues
from epi_site.rendering.generation import Generation
from epi_site.problems import Problems
from epi_site.project import load_project
from epi_site.safety.safe_text import clean, one_line
from epi_site.rendering.language import Language

SITE_URL = "https://www.epi-project.com/"


def parse(path):
    return html.fromstring(path.read_bytes())


def local(site, url):
    path = urlsplit(url).path.lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


@pytest.mark.parametrize("lang", LANGUAGES)
def test_archive_lists_issues_newest_first_and_links_the_feeds(site, lang):
    tree = parse(page_path(site, lang, "news"))
    issues = tree.xpath("//section[contains(@class,'epi-issue-card')][not(contains(@class,'epi-other-news'))]/h2/@id")
    assert issues == ["issue-2020-q1"]  # the only quarter with news: the project's record holds no other
    # The partnership reports no day: it belongs to no issue, and is listed after them (test_publication_dates.py).
    assert tree.xpath("//section[contains(@class,'epi-other-news')]//a/@href") == ["partnership/"]
    feeds = tree.xpath("//article//a[@type='application/rss+xml' or @type='application/atom+xml']/@href")
    assert len(feeds) == 4  # the news, and the newsletter's issues (tests/test_newsletter_feeds.py)
    base = SITE_URL + ("" if lang == "en" else f"{lang}/") + "news/"
    assert {urljoin(base, href) for href in feeds} == {base + "rss.xml", base + "atom.xml",
                                                       base + "newsletter.rss.xml", base + "newsletter.atom.xml"}


@pytest.fixture(scope="module")
def two_issues(tmp_path_factory):
    """The site with a news item in 2022 Q2 as well, so that there are two issues to link."""
    from conftest import copy_project
    root = copy_project(tmp_path_factory.mktemp("two") / "project")
    (root / "content/news/2022-05-10-meeting.en.md").write_text(
        "---\ntitle: A meeting\ndate: 2022-05-10\npublished: 2026-11-24\nsummary: The partners met.\n---\n\n"
        "They met in Lublin.\n",
        encoding="utf-8")
    out = tmp_path_factory.mktemp("two-site")
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_issue_pages_link_to_each_other_and_to_their_email_edition(two_issues, lang):
    site = two_issues
    newer = parse(page_path(site, lang, "news/2022-q2"))
    older = parse(page_path(site, lang, "news/2020-q1"))
    assert newer.xpath("//a[@rel='prev']/@href") and not newer.xpath("//a[@rel='next']")
    assert older.xpath("//a[@rel='next']/@href") and not older.xpath("//a[@rel='prev']")
    assert len(older.xpath("//article[contains(@class,'epi-issue-item')]")) == 1  # the partnership reports no day
    assert older.xpath("//div[@class='epi-intro']")  # the editorial introduction of 2020 Q1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_email_editions_are_self_contained(site, lang):
    folder = site / ("" if lang == "en" else lang) / "news" / "2020-q1"
    email = (folder / "email.html").read_text()
    tree = html.fromstring(email.encode())
    assert tree.get("lang") == lang
    assert not tree.xpath("//script | //link[@rel='stylesheet'] | //style")
    assert tree.xpath("//table[@role='presentation']")
    hrefs = [h for h in tree.xpath("//a/@href") if not h.startswith("mailto:")]
    assert hrefs and all(h.startswith(SITE_URL) for h in hrefs)
    for href in hrefs:
        assert local(site, href).is_file(), href
    assert "863614" in email
    assert "&lt;" not in email, "markup of the introduction is shown as text"
    assert tree.xpath("//td/p[string-length(normalize-space()) > 20]"), "the introduction is there"
    text = (folder / "email.txt").read_text()
    assert "863614" in text and SITE_URL in text and "<" not in text.replace("<http", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feeds_parse_and_link_to_pages_that_exist(site, lang):
    folder = site / ("" if lang == "en" else lang) / "news"
    for name in ("rss.xml", "atom.xml"):
        raw = (folder / name).read_bytes()
        etree.fromstring(raw)  # well-formed XML
        feed = feedparser.parse(raw)
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.get("language", lang) == lang or name == "atom.xml"
        assert len(feed.entries) == len(list((ROOT / "content/news").glob("*.en.md")))  # every item (2 now)
        for entry in feed.entries:
            assert local(site, entry.link).is_file(), entry.link
            assert entry.id.startswith("tag:www.epi-project.com,")
            assert entry.published_parsed and entry.title
        assert [e.published_parsed[:3] for e in feed.entries] == sorted(
            [e.published_parsed[:3] for e in feed.entries], reverse=True)
    assert b'xml:lang="' + lang.encode() + b'"' in (folder / "atom.xml").read_bytes()
    assert f"<language>{lang}</language>".encode() in (folder / "rss.xml").read_bytes()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_advertises_its_languages_feeds(site, lang):
    for path in ("", "partners/tree", "news/2020-q1"):
        tree = parse(page_path(site, lang, path))
        base = SITE_URL + ("" if lang == "en" else f"{lang}/") + path + ("/" if path else "")
        feeds = {urljoin(base, link.get("href")) for link in tree.xpath("//link[@rel='alternate'][@type]")}
        prefix = SITE_URL + ("" if lang == "en" else f"{lang}/")
        assert feeds == {prefix + "news/rss.xml", prefix + "news/atom.xml",
                         prefix + "news/newsletter.rss.xml", prefix + "news/newsletter.atom.xml"}


def test_feed_ids_are_stable_between_builds():
    project = load_project(ROOT)
    content, _ = load_content(project)
    first = build_feeds(Language.of(project, "sv"), content.news, content.site)
    second = build_feeds(Language.of(project, "sv"), content.news, content.site)
    assert first == second


def test_feed_carries_at_most_the_configured_number_of_entries():
    project = load_project(ROOT)
    content, _ = load_content(project)
    items = [NewsItem(f"item-{i}", dt.date(2021, 1, 1) + dt.timedelta(days=i), dt.date(2026, 1, 1) + dt.timedelta(days=i),
                      (), None, None,
                      {"en": NewsText("en", f"Item {i}", "Summary", "Body", None, "x")}) for i in range(50)]
    items.sort(key=lambda i: i.date, reverse=True)
    rss, atom = build_feeds(Language.of(project, "en"), items, content.site)
    assert len(feedparser.parse(rss).entries) == project.feed_entries == 20
    assert feedparser.parse(atom).entries[0].title == "Item 49"


def test_quarters_group_items_into_issues():
    project = load_project(ROOT)
    days = [dt.date(2021, 3, 31), dt.date(2021, 4, 1), dt.date(2021, 6, 30), dt.date(2020, 12, 31)]
    items = [NewsItem(f"n{i}", d, dt.date(2026, 11, 23), (), None, None, {"en": NewsText("en", "t", "s", "", None, "x")})
             for i, d in enumerate(days)]
    issues = compose_issues(project, items, Problems())
    assert [(i.year, i.quarter, len(i.items)) for i in issues] == [(2021, 2, 2), (2021, 1, 1), (2020, 4, 1)]


# --- untranslated items and markup in titles, through a real build -------------------------------

def test_untranslated_item_and_markup_in_a_title(scratch, tmp_path):
    (scratch / "content/news/2021-05-04-hostile.en.md").write_text(
        '---\ntitle: "</title><script>alert(1)</script> Fish & Chips \\"quoted\\" 🐟 שלום"\ndate: 2021-05-04\n'
        'published: 2026-11-24\nsummary: "A <b>bold</b> summary & more"\n---\n\n'
        'Body with `<script>alert(2)</script>` and a [link](approach.md).\n')
    contact = scratch / "docs/contact.en.md"
    contact.write_text(contact.read_text().replace("title: Contact", "title: Contact <em>us</em> & \"friends\""))
    _, problems = load_content(load_project(scratch))
    assert {(p.file, p.where) for p in problems if "holds markup" in p.message} == {
        ("content/news/2021-05-04-hostile.en.md", "title"), ("content/news/2021-05-04-hostile.en.md", "summary"),
        ("docs/contact.en.md", "title")}
    site = tmp_path / "site"
    build_bypassing_the_check(scratch, site)  # refused as unsafe; behind the check the markup is text
    home = parse(site / "index.html")
    tab = home.xpath("//a[@class='md-tabs__link'][contains(@href,'contact')]")[0]
    assert tab.text_content() == 'Contact <em>us</em> & "friends"' and not tab.xpath(".//em")
    assert parse(site / "contact/index.html").xpath("//title")[0].text_content().startswith('Contact <em>us</em> & "')
    page = site / "sv/news/2021-05-04-hostile/index.html"
    tree = parse(page)
    h1 = tree.xpath("//article//h1")[0]
    assert h1.text_content() == '</title><script>alert(1)</script> Fish & Chips "quoted" 🐟 שלום'
    assert h1.get("lang") == "en"
    # The title is in the page's JSON-LD block too, as inert data (tests/test_structured_data.py).
    assert not tree.xpath("//script[not(@type='application/ld+json')][contains(., 'alert')]")
    assert tree.xpath("//title")[0].text_content().startswith("</title><script>alert(1)</script> Fish & Chips")
    notice = tree.xpath("//p[contains(@class,'epi-notice--translation')]")
    assert notice and "svenska" in notice[0].text_content()
    assert tree.xpath("//div[@class='epi-news'][@lang='en']")
    hreflangs = tree.xpath("//link[@rel='alternate'][@hreflang]/@hreflang")
    assert "sv" not in hreflangs and "en" in hreflangs
    assert tree.xpath("//link[@rel='canonical']/@href") == [SITE_URL + "news/2021-05-04-hostile/"]
    assert not tree.xpath("//*[@data-pagefind-body]")  # English text stays out of the Swedish search
    link = tree.xpath("//div[@class='epi-news']//a/@href")[0]
    assert local(site, urljoin(SITE_URL + "sv/news/2021-05-04-hostile/", link)) == site / "sv/approach/index.html"
    feed = feedparser.parse((site / "sv/news/rss.xml").read_bytes())
    assert not feed.bozo
    hostile = [e for e in feed.entries if e.link.endswith("/sv/news/2021-05-04-hostile/")]
    assert hostile[0].title == '</title><script>alert(1)</script> Fish & Chips "quoted" 🐟 שלום'
    sitemap = (site / "sitemap.xml").read_text()
    assert "sv/news/2021-05-04-hostile/" not in sitemap and "/news/2021-05-04-hostile/" in sitemap


# --- any text, through the item → page → feed path ------------------------------------------------

PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)
nasty = st.text(alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(list("&<>\"'\x00\x08\x1b\u202e\u05d0🐟]]>"))),
                min_size=1, max_size=60).filter(lambda s: one_line(s))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=nasty, summary=nasty, body=nasty)
def test_any_text_comes_out_as_valid_xml_and_safe_html(title, summary, body):
    title, summary = one_line(title), one_line(summary)  # as the model stores them
    text = NewsText("en", title, summary, clean(body), None, "content/news/x.en.md")
    item = NewsItem("2021-01-01-x", dt.date(2021, 1, 1), dt.date(2026, 11, 23), (), None, None, {"en": text})
    content = CONTENT.__class__(**{**CONTENT.__dict__, "news": [item],
                                   "issues": compose_issues(PROJECT, [item], Problems())})
    for lang in ("en", "pl"):
        page = next(p for p in Generation(content, Language.of(content.project, lang)).pages() if p.key == "news/2021-01-01-x")
        tree = html.fromstring(f"<html><body>{page.body}</body></html>")
        assert tree.xpath("//h1")[0].text_content() == title
        assert not tree.xpath("//script | //iframe | //*[@onerror]")
        assert tree.xpath("string(//p[@class='epi-news__summary'])") == summary
        rss, atom = build_feeds(Language.of(PROJECT, lang), content.news, content.site)
        for raw in (rss, atom):
            root = etree.fromstring(raw)
            titles = root.xpath("//item/title/text() | //*[local-name()='entry']/*[local-name()='title']/text()")
            assert titles == [title]
            assert not feedparser.parse(raw).bozo
        assert re.search(rb"<language>" + lang.encode(), rss)


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_next_issue_appears_only_while_the_project_publishes(lang):
    """No issue links on to a quarter after the project's end (content/site.yml: 30 June 2022)."""
    days = [dt.date(2022, 2, 1), dt.date(2022, 5, 10), dt.date(2022, 8, 1)]
    items = [NewsItem(f"{d.isoformat()}-n", d, dt.date(2026, 11, 23), (), None, None,
                      {"en": NewsText("en", "t", "s", "", None, "x")}) for d in days]
    items.sort(key=news_order, reverse=True)
    content = CONTENT.__class__(**{**CONTENT.__dict__, "news": items,
                                   "issues": compose_issues(PROJECT, items, Problems())})
    assert CONTENT.site.end == dt.date(2022, 6, 30)
    generation = Generation(content, Language.of(content.project, lang))
    pages = {page.key: html.fromstring(f"<div>{page.body}</div>") for page in generation.pages()}
    assert pages["news/2022-q1"].xpath("//a[@rel='next']/@href") == ["../2022-q2/"]
    assert not pages["news/2022-q2"].xpath("//a[@rel='next']")  # 2022 Q3 begins after the end
    assert pages["news/2022-q3"].xpath("//a[@rel='prev']/@href") == ["../2022-q2/"]
    assert all(not page.xpath("//a[@rel='next']") for page in pages.values() if page is not pages["news/2022-q1"])
