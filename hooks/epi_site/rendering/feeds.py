"""RSS 2.0 and Atom feeds, one pair per language and subject, made with feedgen.

Two subjects share the same feed code: every news item (news/rss.xml, news/atom.xml), and the quarterly
newsletter, one entry per issue (news/newsletter.rss.xml, news/newsletter.atom.xml). The newsletter's
feeds sit beside the news feeds and the archive page that lists them; their names say what they carry,
and cannot clash with a page, since a news item's address has no dot in it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from ..content.loading import Content
from ..content.news import NewsItem, news_order
from ..content.translations import in_language
from ..project import Project
from .email_edition import edition_context
from .language import Language
from .render import render, to_html
from .typography import bind, bind_html
from ..safety.safe_text import clean
from ..content.site_info import SiteInfo
from .urls import page_url, rewrite_links

NEWS_FEEDS = ("news/rss.xml", "news/atom.xml")
NEWSLETTER_FEEDS = ("news/newsletter.rss.xml", "news/newsletter.atom.xml")


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def tag_uri(project: Project, day: dt.date, path: str) -> str:
    """A permanent id (RFC 4151) that does not change between builds."""
    host = urlsplit(project.site_url).hostname
    return f"tag:{host},{day.isoformat()}:/{path}"


@dataclass(frozen=True)
class FeedEntry:
    uid: str
    title: str
    url: str
    day: dt.date
    summary: str
    body_html: str


def _feeds(project: Project, lang: str, site: SiteInfo, paths: tuple[str, str], feed_id: str, title: str,
           subtitle: str, entries: list[FeedEntry]) -> tuple[bytes, bytes]:
    """(RSS, Atom) of ``entries`` (newest first, already cut to the configured number)."""
    archive = project.absolute(page_url(project, "news/index", lang))
    fg = FeedGenerator()
    fg.id(feed_id)
    fg.title(clean(title))
    fg.subtitle(clean(subtitle))
    fg.link(href=archive, rel="alternate")
    fg.language(lang)
    fg.generator("feedgen", uri=None, version=None)
    # The newest entry's publication date, never the build's time: two builds give the same bytes.
    updated = _moment(max((entry.day for entry in entries), default=site.start))
    fg.updated(updated)
    fg.lastBuildDate(updated)
    for feed_entry in reversed(entries):
        entry = fg.add_entry()
        entry.id(feed_entry.uid)
        entry.guid(feed_entry.uid, permalink=False)
        entry.title(clean(feed_entry.title))
        entry.link(href=feed_entry.url, rel="alternate")
        entry.published(_moment(feed_entry.day))
        entry.updated(_moment(feed_entry.day))
        # A summary is plain text, but RSS readers take <description> as HTML: a summary holding
        # '<img src=https://...>' became a tracking pixel in every reader. Escaped once more and
        # marked as HTML, both formats show the text exactly as the contributor wrote it.
        entry.summary(escape(clean(feed_entry.summary), quote=False), type="html")
        entry.content(clean(feed_entry.body_html), type="html")
    rss_path, atom_path = (project.absolute(project.prefix(lang) + path) for path in paths)
    fg.link(href=atom_path, rel="self", type="application/atom+xml")
    atom = fg.atom_str(pretty=True)
    # Each format names its own address as its "self" link.
    fg.link(href=rss_path, rel="self", type="application/rss+xml", replace=True)
    fg.link(href=archive, rel="alternate")
    rss = fg.rss_str(pretty=True)
    return rss, atom


def build_feeds(language: Language, items: list[NewsItem], site: SiteInfo) -> tuple[bytes, bytes]:
    """(RSS, Atom) of the newest items, in ``language``, with English text where untranslated."""
    project, lang, t, fmt = language.project, language.code, language.translations, language.fmt
    notice = t.gettext("This text has not been translated into %(language)s yet, so it is shown in %(original)s.")
    entries = []
    # Newest publication first: a feed says when each text appeared here, not when what it reports happened.
    items = sorted(items, key=lambda item: (item.published_in(lang, project.default_language), news_order(item)),
                   reverse=True)
    for item in items[: project.feed_entries]:
        text = item.version(lang, project.default_language)
        key = f"news/{item.slug}"
        body = rewrite_links(str(to_html(text.body)), project, lang, key, absolute=True, link_base="")
        if text.lang != lang:
            message = notice % {"language": fmt.language(lang), "original": fmt.language(text.lang)}
            # A catalog string is text: the translator's words, never markup, in the feed's HTML too.
            body = f'<p><em>{escape(message, quote=False)}</em></p>\n<div lang="{text.lang}">{body}</div>'
        # The id is minted on the day the item was published here, and never changes.
        entries.append(FeedEntry(tag_uri(project, item.published, f"{key}/{lang}"), bind(text.title, text.lang),
                                 project.absolute(page_url(project, key, lang)),
                                 item.published_in(lang, project.default_language), bind(text.summary, text.lang),
                                 bind_html(body, lang)))
    return _feeds(project, lang, site, NEWS_FEEDS, tag_uri(project, site.start, f"{project.prefix(lang)}news/"),
                  t.gettext("%(site)s: news") % {"site": site.name},
                  t.gettext("The news of the European Pact for Integration."), entries)


def build_newsletter_feeds(content: Content, language: Language) -> tuple[bytes, bytes]:
    """(RSS, Atom) of the newest quarterly issues in ``language``: each issue's introduction and items."""
    project, site, lang, t = content.project, content.site, language.code, language.translations
    entries = []
    for issue in content.issues[: project.feed_entries]:
        intro, intro_lang = in_language(issue.intros, lang, project.default_language)
        context = edition_context(content, language, issue, intro, intro_lang)
        key = f"news/{issue.key}"
        summary = bind(intro.title, intro_lang) if intro and intro.title else context["title"]
        # The quarter's first day names the issue for good, however many items it gains later.
        entries.append(FeedEntry(tag_uri(project, issue.first_day, f"{key}/{lang}"), context["title"],
                                 project.absolute(page_url(project, key, lang)),
                                 issue.published(lang, project.default_language), summary,
                                 bind_html(render(language, "issue_feed.html", **context), lang)))
    return _feeds(project, lang, site, NEWSLETTER_FEEDS,
                  tag_uri(project, site.start, f"{project.prefix(lang)}news/newsletter"),
                  t.gettext("%(site)s: quarterly newsletter") % {"site": site.name},
                  t.gettext("Each quarterly issue of the newsletter of the European Pact for Integration."), entries)
