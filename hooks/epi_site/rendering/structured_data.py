"""Schema.org data (JSON-LD) about a page, for search engines: only facts that content/ states.

- the home page, in every language: EPI as an ``Organization`` (its funding and its 13 partners), the
  publisher the privacy notice names (content/site.yml), and the ``WebSite`` in that language;
- a news item: a ``NewsArticle``, whose ``datePublished`` is the day its text in that language was
  published on this website (never the day of what it reports: content/news.py);
- a newsletter issue: a ``PublicationIssue`` that is part of the newsletter (a ``Periodical``) and holds
  its items. An issue is a collection of articles published together each quarter, which is exactly
  schema.org's model of a periodical's issue; calling it a ``NewsArticle`` would claim it is one story;
- a partner's page: the partner as an ``Organization`` with its country;
- every page but the home page: its breadcrumb trail, a ``BreadcrumbList`` (in a block of its own).

The blocks are written into ``<script type="application/ld+json">``, which browsers never run (so a
Content Security Policy that forbids inline scripts allows them); every ``<``, ``>`` and ``&`` is written
as a JSON escape, so no text, however hostile, can close the element or open a comment.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from ..content.loading import Content
from .language import Language
from .urls import page_url
from .visibility import funding_line

CONTEXT = "https://schema.org"
# The EU body that awards AMIF grants; the disclaimer on every page names it too.
FUNDER = "European Commission"


def json_ld(data: dict) -> Markup:
    """``data`` as JSON that is inert inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return Markup(text)  # noqa: S704 - nothing in it can end the element any more


def breadcrumb_list(project, crumbs) -> Markup:
    """The page's breadcrumb trail (rendering/breadcrumbs.py) as a schema.org ``BreadcrumbList``: the same
    steps, names and addresses as the trail the page shows."""
    items = [{"@type": "ListItem", "position": number, "name": crumb.name, "item": project.absolute(crumb.path)}
             for number, crumb in enumerate(crumbs, start=1)]
    return json_ld({"@context": CONTEXT, "@type": "BreadcrumbList", "itemListElement": items})


class StructuredData:
    """The JSON-LD blocks of each page, with the content indexed once per build."""

    def __init__(self, content: Content):
        self.content = content
        self.project = content.project
        self._items = {f"news/{item.slug}": item for item in content.news}
        self._issues = {f"news/{issue.key}": issue for issue in content.issues}
        self._partners = {f"partners/{partner.id}": partner for partner in content.partners}

    def blocks(self, language: Language, key: str | None, canonical: str | None) -> list[Markup]:
        lang = language.code
        if key == "index":
            data = self.home(language)
        elif key in self._items:
            data = self.news_article(lang, key, canonical)
        elif key in self._issues:
            data = self.issue(language, key, canonical)
        elif key in self._partners:
            data = self.partner(lang, key, canonical)
        else:
            return []
        return [json_ld({"@context": CONTEXT, **data})]

    # --- shared pieces -----------------------------------------------------------------------
    def _url(self, key: str, lang: str) -> str:
        return self.project.absolute(page_url(self.project, key, lang))

    def _id(self, name: str) -> str:
        """A node's id: the same in every language, so the pages of all languages describe one EPI."""
        return self._url("index", self.project.default_language) + f"#{name}"

    @property
    def _epi_id(self) -> str:
        return self._id("organization")

    def _epi(self) -> dict:
        """EPI, the project: a reference to the full description on the home page."""
        site = self.content.site
        return {"@type": "Organization", "@id": self._epi_id, "name": site.name, "url": site.website}

    def _publisher(self) -> dict:
        """Who publishes the website, as the privacy notice names it (content/site.yml's publisher):
        the organisation responsible for the pages, not the project, which is not a legal person."""
        publisher = self.content.site.publisher
        data = {"@type": "Organization", "@id": self._id("publisher"), "name": publisher.name,
                "email": publisher.email}
        address = {"@type": "PostalAddress", "addressCountry": publisher.country}
        if publisher.address:  # as the partnership writes it, in one piece: never split by guess
            address["streetAddress"] = ", ".join(publisher.address)
        data["address"] = address
        return data

    def _partner(self, lang: str, key: str) -> dict:
        partner = self._partners[key]
        address = {"@type": "PostalAddress", "addressCountry": partner.country}
        if partner.city:  # the city as the page's language writes it (content/places.<lang>.yml)
            address["addressLocality"] = self.content.places.city(partner, lang)
        data = {"@type": "Organization", "@id": self._url(key, self.project.default_language) + "#organization",
                "name": partner.name, "address": address}
        if partner.website:
            data["url"] = partner.website
        return data

    def _card(self, lang: str, key: str) -> str:
        return self.project.absolute(f"{self.project.prefix(lang)}cards/{key}.png")

    # --- pages -------------------------------------------------------------------------------
    def home(self, language: Language) -> dict:
        site, lang = self.content.site, language.code
        funder = {"@type": "GovernmentOrganization", "@id": self._id("funder"), "name": FUNDER}
        organization = {
            **self._epi(),
            "alternateName": site.short_name,
            "email": site.email,
            "funder": funder,
            "funding": {"@type": "Grant", "identifier": site.grant_agreement,
                        "description": funding_line(language, site), "funder": {"@id": funder["@id"]}},
            "member": [self._partner(lang, f"partners/{partner.id}") for partner in self.content.partners],
        }
        website = {"@type": "WebSite", "@id": self._url("index", lang) + "#website", "url": self._url("index", lang),
                   "name": site.name, "inLanguage": lang, "publisher": {"@id": self._id("publisher")}}
        return {"@graph": [organization, self._publisher(), website]}

    def news_article(self, lang: str, key: str, canonical: str | None) -> dict:
        item = self._items[key]
        text = item.version(lang, self.project.default_language)
        published = item.published_in(lang, self.project.default_language)
        return {"@type": "NewsArticle", "headline": text.title, "description": text.summary,
                "datePublished": published.isoformat(), "inLanguage": text.lang, "image": self._card(lang, key),
                "mainEntityOfPage": canonical, "publisher": self._publisher()}

    def issue(self, language: Language, key: str, canonical: str | None) -> dict:
        issue, lang = self._issues[key], language.code
        quarter = language.fmt.quarter(issue.year, issue.quarter)
        gettext = language.gettext
        articles = []
        for item in reversed(issue.items):
            text = item.version(lang, self.project.default_language)
            published = item.published_in(lang, self.project.default_language)
            articles.append({"@type": "NewsArticle", "headline": text.title, "datePublished": published.isoformat(),
                             "inLanguage": text.lang, "url": self._url(f"news/{item.slug}", lang)})
        published = issue.published(lang, self.project.default_language)
        return {"@type": "PublicationIssue", "name": gettext("Newsletter, %(quarter)s") % {"quarter": quarter},
                "datePublished": published.isoformat(), "inLanguage": lang, "image": self._card(lang, key),
                "mainEntityOfPage": canonical, "publisher": self._publisher(),
                "isPartOf": {"@type": "Periodical", "name": gettext("Newsletter"),
                             "publisher": {"@id": self._id("publisher")},
                             "url": self._url("news/index", lang)},
                "hasPart": articles}

    def partner(self, lang: str, key: str, canonical: str | None) -> dict:
        return {**self._partner(lang, key), "mainEntityOfPage": canonical, "memberOf": self._epi()}
