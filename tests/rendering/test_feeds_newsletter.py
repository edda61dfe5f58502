"""The feeds of the quarterly newsletter itself: one entry per issue, in every language."""

from __future__ import annotations

import datetime as dt
import email.utils
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from lxml import etree, html

from conftest import LANGUAGES, ROOT, html_pages, page_path
from epi_site.content.i18n import interface_catalog
from epi_site.content.loading import load_content
from epi_site.content.news import NewsItem, NewsText
from epi_site.content.newsletter import compose_issues
from epi_site.problems import Problems
from epi_site.project import load_project
from epi_site.rendering.feeds import build_newsletter_feeds
from epi_site.rendering.language import Language
from epi_site.rendering.typography import bind

SITE_URL = "https://www.epi-project.com/"
PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)
ATOM = "{http://www.w3.org/2005/Atom}"


def prefix(lang: str) -> str:
    return SITE_URL + ("" if lang == "en" else f"{lang}/")


def local(site, url):
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path.lstrip("/")
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_newsletter_feeds_parse_and_hold_one_entry_per_issue(site, lang):
    folder = site / ("" if lang == "en" else lang) / "news"
    gettext = interface_catalog(PROJECT, lang).gettext
    for name, kind in (("newsletter.rss.xml", "rss"), ("newsletter.atom.xml", "atom")):
        raw = (folder / name).read_bytes()
        root = etree.fromstring(raw)
        feed = feedparser.parse(raw)
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.title == gettext("%(site)s: quarterly newsletter") % {"site": CONTENT.site.name}
        if kind == "rss":
            assert root.findtext("channel/language") == lang
            self_links = root.xpath("//*[local-name()='link'][@rel='self']/@href")
        else:
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
            self_links = [link.get("href") for link in root.findall(f"{ATOM}link[@rel='self']")]
        assert self_links == [prefix(lang) + "news/" + name]
        assert len(feed.entries) == len(CONTENT.issues) == 1  # 2020 Q1: the only quarter with news
        for entry, issue in zip(feed.entries, CONTENT.issues, strict=True):  # newest issue first
            page = local(site, entry.link)
            assert entry.link == prefix(lang) + f"news/{issue.key}/" and page.is_file()
            assert entry.title == html.fromstring(page.read_bytes()).xpath("string(//article//h1)")
            assert entry.id == f"tag:www.epi-project.com,{issue.year}-{3 * issue.quarter - 2:02d}-01:/news/{issue.key}/{lang}"
            # When this website published the issue in this language: its last item's text, never an event's day.
            newest = max(item.published_in(lang, "en") for item in issue.items)
            assert dt.date(*entry.published_parsed[:3]) == newest
            if kind == "atom":  # RSS has no per-item update date
                assert dt.date(*entry.updated_parsed[:3]) == newest
            body = html.fromstring(f"<div>{entry.content[0].value}</div>")
            links = body.xpath("//a/@href")
            assert links == [prefix(lang) + f"news/{item.slug}/" for item in reversed(issue.items)]
            assert all(local(site, link).is_file() for link in links)
            titles = [a.text_content() for a in body.xpath("//h2/a")]
            texts = [item.version(lang, "en") for item in reversed(issue.items)]
            assert titles == [bind(text.title, text.lang) for text in texts]  # in its typography
            intro = issue.intros.get(lang) or issue.intros.get("en")
            if intro:
                assert intro.title in body.text_content()
                assert entry.summary == intro.title
        # The newest publication's date, never the build's time.
        if kind == "rss":
            updated = email.utils.parsedate_to_datetime(root.findtext("channel/lastBuildDate")).date()
        else:
            updated = dt.date.fromisoformat(root.findtext(f"{ATOM}updated")[:10])
        assert updated == max(issue.published(lang, "en") for issue in CONTENT.issues)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_advertises_the_newsletter_feeds_with_translated_titles(site, lang):
    gettext = interface_catalog(PROJECT, lang).gettext
    expected = {
        (prefix(lang) + "news/newsletter.rss.xml", "application/rss+xml",
         gettext("Quarterly newsletter of the European Pact for Integration (RSS)")),
        (prefix(lang) + "news/newsletter.atom.xml", "application/atom+xml",
         gettext("Quarterly newsletter of the European Pact for Integration (Atom)")),
    }
    if lang != "en":
        assert not {title for *_, title in expected} & {
            "Quarterly newsletter of the European Pact for Integration (RSS)"}, "the titles are translated"
    pages = [p for p in html_pages(site) if html.fromstring(p.read_bytes()).get("lang") == lang]
    assert len(pages) > 25
    for page in pages:
        tree = html.fromstring(page.read_bytes())
        folder = page.parent.relative_to(site).as_posix()
        base = SITE_URL + ("" if folder == "." else folder + "/")
        links = {(urljoin(base, link.get("href")), link.get("type"), link.get("title"))
                 for link in tree.xpath("//head/link[@rel='alternate'][contains(@href, 'newsletter')]")}
        assert links == expected, page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_archive_links_the_newsletter_feeds_visibly(site, lang):
    gettext = interface_catalog(PROJECT, lang).gettext
    tree = html.fromstring(page_path(site, lang, "news").read_bytes())
    base = prefix(lang) + "news/"
    links = tree.xpath("//article//a[contains(@href, 'newsletter.')]")
    assert {(urljoin(base, a.get("href")), a.text_content()) for a in links} == {
        (base + "newsletter.rss.xml", gettext("Newsletter RSS feed")),
        (base + "newsletter.atom.xml", gettext("Newsletter Atom feed")),
    }
    assert all(local(site, urljoin(base, a.get("href"))).is_file() for a in links)


def test_newsletter_feeds_are_the_same_bytes_every_time():
    for lang in ("en", "lv"):
        language = Language.of(CONTENT.project, lang)
        assert build_newsletter_feeds(CONTENT, language) == build_newsletter_feeds(CONTENT, language)


def test_newsletter_feeds_carry_at_most_the_configured_number_of_issues():
    days = [dt.date(2015, 1, 15) + dt.timedelta(days=91 * i) for i in range(30)]  # one item in each of 30 quarters
    items = [NewsItem(f"{d.isoformat()}-n{i}", d, d, (), None, None, {"en": NewsText("en", f"Item {i}", "S", "B", None, "x")})
             for i, d in enumerate(days)]
    items.sort(key=lambda i: i.date, reverse=True)
    issues = compose_issues(PROJECT, items, Problems())
    assert len(issues) == 30
    content = CONTENT.__class__(**{**CONTENT.__dict__, "news": items, "issues": issues})
    rss, atom = build_newsletter_feeds(content, Language.of(content.project, "de"))
    for raw in (rss, atom):
        feed = feedparser.parse(raw)
        assert not feed.bozo
        assert len(feed.entries) == PROJECT.feed_entries == 20
        assert [e.link for e in feed.entries] == [prefix("de") + f"news/{i.key}/" for i in issues[:20]]


NOTE = "This issue is compiled by this website from its news items. It does not reproduce a newsletter sent at the time."


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_issue_says_in_every_edition_that_this_site_compiled_it(site, lang):
    """The note is the generator's, in the reader's language: the page, both email editions and the feed entry."""
    note = interface_catalog(PROJECT, lang).gettext(NOTE)
    assert lang == "en" or note != NOTE, "the note is translated"
    folder = site / ("" if lang == "en" else lang) / "news"
    for issue in CONTENT.issues:
        page = html.fromstring(page_path(site, lang, f"news/{issue.key}").read_bytes())
        assert _words(page.xpath("string(//article)")).count(_words(note)) == 1  # said once: not by the introduction too
        assert _words(page.xpath("string(//article//h1/following-sibling::p[1])")) == _words(note)
        email_html = html.fromstring((folder / issue.key / "email.html").read_bytes())
        assert _words(email_html.text_content()).count(_words(note)) == 1
        assert _words((folder / issue.key / "email.txt").read_text(encoding="utf-8")).count(_words(note)) == 1
    for name in ("newsletter.rss.xml", "newsletter.atom.xml"):
        entries = feedparser.parse((folder / name).read_bytes()).entries
        assert len(entries) == len(CONTENT.issues)
        for entry in entries:
            assert _words(note) in _words(html.fromstring(f"<div>{entry.content[0].value}</div>").text_content())


def test_the_introductions_leave_the_note_to_the_generator():
    for path in sorted((ROOT / "content/newsletter").glob("*.md")):
        text = path.read_text(encoding="utf-8").lower()
        assert "does not reproduce" not in text and "compiled by this website" not in text, path.name
