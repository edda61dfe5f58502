"""RSS 2.0 and Atom feeds of the news, one pair per language, made with feedgen."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from ..content.i18n import translations
from ..content.news import NewsItem
from ..project import Project
from .render import Formats, to_html
from ..safety.safe_text import clean
from ..content.site_info import SiteInfo
from .urls import page_url, rewrite_links


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def tag_uri(project: Project, day: dt.date, path: str) -> str:
    """A permanent id (RFC 4151) that does not change between builds."""
    host = urlsplit(project.site_url).hostname
    return f"tag:{host},{day.isoformat()}:/{path}"


def build_feeds(project: Project, lang: str, items: list[NewsItem], site: SiteInfo) -> tuple[bytes, bytes]:
    """(RSS, Atom) of the newest items, in ``lang``, with English text where untranslated."""
    t = translations(project, lang)
    newest = items[: project.feed_entries]
    archive = project.absolute(page_url(project, "news/index", lang))
    fg = FeedGenerator()
    fg.id(tag_uri(project, site.start, f"{project.prefix(lang)}news/"))
    fg.title(clean(t.gettext("%(site)s: news") % {"site": site.name}))
    fg.subtitle(clean(t.gettext("The news of the European Pact for Integration.")))
    fg.link(href=archive, rel="alternate")
    fg.language(lang)
    fg.generator("feedgen", uri=None, version=None)
    updated = _moment(newest[0].date if newest else site.start)
    fg.updated(updated)
    fg.lastBuildDate(updated)
    fmt = Formats(lang)
    notice = t.gettext("This text has not been translated into %(language)s yet, so it is shown in %(original)s.")
    for item in reversed(newest):
        text = item.version(lang, project.default_language)
        key = f"news/{item.slug}"
        url = project.absolute(page_url(project, key, lang))
        body = rewrite_links(str(to_html(text.body)), project, lang, key, absolute=True, link_base="")
        if text.lang != lang:
            message = notice % {"language": fmt.language(lang), "original": fmt.language(text.lang)}
            body = f'<p><em>{message}</em></p>\n<div lang="{text.lang}">{body}</div>'
        uid = tag_uri(project, item.date, f"{key}/{lang}")
        entry = fg.add_entry()
        entry.id(uid)
        entry.guid(uid, permalink=False)
        entry.title(clean(text.title))
        entry.link(href=url, rel="alternate")
        entry.published(_moment(item.date))
        entry.updated(_moment(item.date))
        entry.summary(clean(text.summary))
        entry.content(clean(body), type="html")
    feed_base = project.absolute(f"{project.prefix(lang)}news/")
    fg.link(href=feed_base + "atom.xml", rel="self", type="application/atom+xml")
    atom = fg.atom_str(pretty=True)
    # Each format names its own address as its "self" link.
    fg.link(href=feed_base + "rss.xml", rel="self", type="application/rss+xml", replace=True)
    fg.link(href=archive, rel="alternate")
    rss = fg.rss_str(pretty=True)
    return rss, atom
