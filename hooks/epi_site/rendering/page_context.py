"""What the theme's templates know of the page they frame: one typed object, ``epi`` in the templates.

The adapter hands over what the page says of itself (``PageFacts``: the generator's page, or a
hand-written page's front matter as the generator read it); everything else is worked out here, from
the content, the page kinds and the language, once per load.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..content.loading import Content
from ..content.page_kinds import generated_pages, section_page
from ..content.site_info import SiteInfo
from ..content.translation_status import outdated
from ..safety.safe_text import without_direction_controls
from .breadcrumbs import Crumb, trail
from .feeds import NEWSLETTER_FEEDS
from .language import Language
from .pages import GeneratedPage
from .sitemap import Alternate, alternates, content_languages
from .social import PageCard, social_meta
from .structured_data import StructuredData, breadcrumb_list
from .urls import page_url
from .visibility import disclaimer, funded_by, funding_line


@dataclass(frozen=True)
class PageFacts:
    """What a page says of itself."""
    title: str = ""
    description: str = ""
    content_lang: str | None = None  # None: the language static-i18n found its text in
    in_search: bool = True
    noindex: bool = False
    generated: bool = False

    @classmethod
    def of_generated(cls, page: GeneratedPage) -> PageFacts:
        return cls(page.title, page.description, page.content_lang, page.in_search, page.noindex, generated=True)

    @classmethod
    def of_front_matter(cls, meta: dict) -> PageFacts:
        """A hand-written page, from the front matter MkDocs read (not the check's reader: what that
        reader drops, MkDocs drops too)."""
        return cls(str(meta.get("title") or ""), str(meta.get("description") or ""),
                   in_search=not (meta.get("search") or {}).get("exclude"))


@dataclass(frozen=True)
class SwitcherEntry:
    lang: str
    name: str  # in the language itself
    path: str
    current: bool


@dataclass(frozen=True)
class HomeElsewhere:
    """For the 404 page: "page not found" and a link home, in another language."""
    lang: str
    name: str
    home: str
    heading: str
    link: str


@dataclass(frozen=True)
class PageContext:
    key: str | None  # None for the 404 page, which has no address of its own
    lang: str
    content_lang: str
    fallback: bool
    generated: bool
    outdated_href: str | None
    lang_name: str
    content_lang_name: str
    default_lang: str
    default_lang_name: str
    canonical: str | None
    structured_data: list[Markup]
    breadcrumbs: list[Crumb]
    section: str | None  # the address of the tab (and phone-menu item) the page marks as its own
    alternates: list[Alternate]
    switcher: list[SwitcherEntry]
    description: str
    noindex: bool
    in_search: bool
    social: dict | None
    not_found_elsewhere: list[HomeElsewhere]
    site: SiteInfo
    # The language's own addresses and EU visibility, the same on every page of it.
    home: str
    search: str
    news: str
    privacy: str
    accessibility: str
    contact: str
    rss: str
    atom: str
    newsletter_feeds: dict[str, str]
    funded_by: str
    funding: str
    disclaimer: str


class PageContexts:
    """Makes each page's context; built once per load, with what every page of every language shares."""

    def __init__(self, content: Content, languages: dict[str, Language], status: list,
                 generated_titles: Callable[[Language], dict[str, str]],
                 cards: Callable[[Language], dict[str, PageCard]]):
        self.content, self.project, self.languages = content, content.project, languages
        self.page_languages = content_languages(content)
        self._kinds = {key: kind for key, (kind, _) in generated_pages(content).items()}
        self._outdated = {k: langs for (kind, k), langs in outdated(status).items() if kind == "page"}
        self._structured = StructuredData(content)
        self._titles, self._cards = generated_titles, cards
        self._shared: dict[str, dict] = {}

    def of(self, language: Language, key: str | None, facts: PageFacts) -> PageContext:
        project, lang = self.project, language.code
        languages = self.page_languages.get(key, {code: code for code in project.languages})
        content_lang = facts.content_lang or languages.get(lang, lang)
        fallback = content_lang != lang
        canonical_lang = content_lang if fallback else lang
        canonical = project.absolute(page_url(project, key, canonical_lang)) if key else None
        crumbs = self._crumbs(language, key, without_direction_controls(facts.title))
        return PageContext(
            key=key, lang=lang, content_lang=content_lang, fallback=fallback, generated=facts.generated,
            # A translated page older than its English text tells the reader so, with a link to the English.
            outdated_href=(page_url(project, key, project.default_language)
                           if key and not fallback and not language.is_default
                           and lang in self._outdated.get(key, ()) else None),
            lang_name=language.fmt.language(lang), content_lang_name=language.fmt.language(content_lang),
            default_lang=project.default_language, default_lang_name=language.fmt.language(project.default_language),
            canonical=canonical,
            structured_data=self._structured.blocks(language, key, canonical)
                            + ([breadcrumb_list(project, crumbs)] if crumbs else []),
            breadcrumbs=crumbs,
            section=self._section(language, key),
            alternates=alternates(self.content, languages, key) if key in self.page_languages else [],
            switcher=[SwitcherEntry(code, project.language_name(code), page_url(project, key or "index", code),
                                    code == lang) for code in project.languages],
            description=without_direction_controls(facts.description) or (self._not_found_text(language)
                                                                          if key is None else ""),
            noindex=facts.noindex or fallback or key is None,
            in_search=key is not None and facts.in_search and not fallback,
            social=self._social(key, self.languages[canonical_lang], languages),
            # GitHub Pages serves the root 404 page for every missing address, whatever its language:
            # it says so in each language, with a link to that language's home page.
            not_found_elsewhere=self._homes_elsewhere(language) if key is None else [],
            site=self.content.site,
            **self._language_wide(language),
        )

    def _crumbs(self, language: Language, key: str | None, title: str) -> list[Crumb]:
        kind = self._kinds.get(key)
        titles = self._titles(language) if section_page(kind) else {}
        return trail(self.project, language.code, key, title, kind, titles, language.gettext("Home"))

    def _section(self, language: Language, key: str | None) -> str | None:
        """The tab of the page's section, when the page is not that tab's own."""
        section = section_page(self._kinds.get(key))
        return language.url(section) if section and section != key else None

    def _language_wide(self, language: Language) -> dict:
        if language.code not in self._shared:
            prefix = language.prefix
            self._shared[language.code] = {
                **{name: language.url(key) for name, key in (
                    ("home", "index"), ("search", "search"), ("news", "news/index"), ("privacy", "privacy"),
                    ("accessibility", "accessibility"), ("contact", "contact"))},
                "rss": f"{prefix}news/rss.xml",
                "atom": f"{prefix}news/atom.xml",
                "newsletter_feeds": dict(zip(("rss", "atom"), (prefix + path for path in NEWSLETTER_FEEDS), strict=True)),
                "funded_by": funded_by(language),
                "funding": funding_line(language, self.content.site),
                "disclaimer": disclaimer(language),
            }
        return self._shared[language.code]

    def _social(self, key: str | None, language: Language, languages: dict[str, str]) -> dict | None:
        card = self._cards(language).get(key) if key is not None else None
        return social_meta(language, card, languages, self.content.site.name) if card else None

    def _homes_elsewhere(self, language: Language) -> list[HomeElsewhere]:
        return [HomeElsewhere(other.code, other.own_name, other.url("index"), other.gettext("Page not found"),
                              other.gettext("Go to the home page"))
                for other in self.languages.values() if other.code != language.code]

    @staticmethod
    def _not_found_text(language: Language) -> str:
        return language.gettext("There is no page at this address. It may have moved, or the address may be mistyped.")
