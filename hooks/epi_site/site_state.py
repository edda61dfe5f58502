"""What one run of a generator knows: the content, loaded once and reloaded when a file changes."""

from __future__ import annotations

import os
from pathlib import Path

from .content.loading import Content, load_content
from .rendering.generation import Generation
from .problems import ContentError
from .project import Project, load_project
from .rendering.feeds import NEWSLETTER_FEEDS
from .rendering.language import Language
from .rendering.structured_data import StructuredData, breadcrumb_list
from .rendering.breadcrumbs import trail
from .content.page_kinds import generated_pages, section_page
from .rendering.sitemap import alternates, content_languages, sitemap_xml
from .content.translation_status import outdated, status_rows
from .rendering.urls import page_url
from .rendering.visibility import disclaimer, funded_by, funding_line
from .rendering import shared_images
from .rendering.image_cache import ImageCache, cache_folder
from .safety.safe_text import without_direction_controls
from .rendering.social import PageCard, page_cards, social_meta

WATCHED = ("docs", "content", "locales", "mkdocs.yml")


def fingerprint(root: Path) -> tuple:
    """Names, sizes and times of every source file: a change anywhere means a reload."""
    seen = []
    for name in WATCHED:
        path = root / name
        if path.is_file():
            stat = path.stat()
            seen.append((name, stat.st_size, stat.st_mtime_ns))
            continue
        for folder, _, files in os.walk(path):
            for file in files:
                stat = os.lstat(os.path.join(folder, file))  # a link is reported by the check, never followed
                seen.append((os.path.join(folder, file), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(seen))


class SiteState:
    def __init__(self):
        self.project: Project | None = None
        self.content: Content | None = None
        self._fingerprint: tuple | None = None
        self._builds: dict[str, Generation] = {}
        self.languages: dict[str, Language] = {}
        self._languages: dict[str, dict[str, str]] = {}
        self._status: list = []
        self._structured: StructuredData | None = None
        self.not_found_pages: dict[str, str] = {}
        self._cards: dict[str, dict[str, PageCard]] = {}
        self._kinds: dict = {}
        self._titles: dict[str, dict[str, str]] = {}
        self.images = ImageCache(None)

    def load(self, root: Path) -> None:
        current = fingerprint(root)
        if current == self._fingerprint:
            return
        project = load_project(root)
        content, problems = load_content(project)
        if problems:
            raise ContentError(problems)
        self.project, self.content, self._fingerprint = project, content, current
        # One object per build language, made once per load: a catalog edit is a reload.
        self.languages = {code: Language.of(project, code) for code in project.languages}
        self._builds = {}
        self._cards = {}
        self._titles = {}
        self._kinds = {key: kind for key, (kind, _) in generated_pages(content).items()}
        self.images = ImageCache(cache_folder())  # never in the repository: see image_cache
        self._languages = content_languages(content)
        self._status = status_rows(content)  # the same for every language: compute it once
        self._outdated_pages = {k: langs for (kind, k), langs in outdated(self._status).items() if kind == "page"}
        self._structured = StructuredData(content)

    def language(self, code: str) -> Language:
        return self.languages[code]

    def build(self, language: Language) -> Generation:
        if language.code not in self._builds:
            self._builds[language.code] = Generation(self.content, language, self._status)
        return self._builds[language.code]

    def image_files(self, language: Language, pages: list) -> list:
        """The language's link-preview cards and chart images (``pages``: its generated pages)."""
        self._cards[language.code], files = shared_images.image_files(self.content, language, pages, self.images)
        return files

    def _social(self, key: str | None, lang: str, languages: dict[str, str]) -> dict | None:
        if key is None:
            return None
        if lang not in self._cards:
            language = self.languages[lang]
            self._cards[lang] = page_cards(self.content, language, self.build(language).pages())
        card = self._cards[lang].get(key)
        return social_meta(self.languages[lang], card, languages, self.content.site.name) if card else None

    def _generated_titles(self, lang: str) -> dict[str, str]:
        if lang not in self._titles:
            self._titles[lang] = {page.key: page.title for page in self.build(self.languages[lang]).pages()}
        return self._titles[lang]

    def page_context(self, language: Language, key: str | None, meta: dict) -> dict:
        """What the page templates need; ``key`` is None for the 404 page, which has no address of its own."""
        project, lang, fmt = self.project, language.code, language.fmt
        languages = self._languages.get(key, {code: code for code in project.languages})
        content_lang = meta.get("epi_content_lang") or languages.get(lang, lang)
        fallback = content_lang != lang
        canonical_lang = content_lang if fallback else lang
        in_search = key is not None and not (meta.get("search") or {}).get("exclude") and not fallback
        canonical = project.absolute(page_url(project, key, canonical_lang)) if key else None
        kind = self._kinds.get(key)
        section = section_page(kind)
        title = without_direction_controls(str(meta.get("title") or ""))
        crumbs = trail(project, lang, key, title, kind, self._generated_titles(lang) if section else {},
                       language.gettext("Home"))
        return {
            "key": key,
            "lang": lang,
            "content_lang": content_lang,
            "fallback": fallback,
            # A translated page older than its English text tells the reader so, with a link to the English.
            "outdated_href": (page_url(project, key, project.default_language)
                              if key and not fallback and lang != project.default_language
                              and lang in self._outdated_pages.get(key, ()) else None),
            "lang_name": fmt.language(lang),
            "content_lang_name": fmt.language(content_lang),
            "default_lang": project.default_language,
            "default_lang_name": fmt.language(project.default_language),
            "canonical": canonical,
            "structured_data": self._structured.blocks(language, key, canonical)
                               + ([breadcrumb_list(project, crumbs)] if crumbs else []),
            "breadcrumbs": crumbs,
            # The tab (and phone-menu item) of the page's section, when the page is not that tab's own.
            "section": page_url(project, section, lang) if section and section != key else None,
            "alternates": alternates(self.content, languages, key) if key in self._languages else [],
            "switcher": [
                {"lang": code, "name": project.language_name(code),
                 "path": page_url(project, key or "index", code), "current": code == lang}
                for code in project.languages
            ],
            # MkDocs read this front matter, not the check's reader: drop what that reader drops.
            "description": without_direction_controls(str(meta.get("description") or ""))
                           or (self._not_found_text(lang) if key is None else ""),
            "noindex": meta.get("robots") == "noindex" or fallback or key is None,
            "in_search": in_search,
            "home": page_url(project, "index", lang),
            "search": page_url(project, "search", lang),
            "news": page_url(project, "news/index", lang),
            "privacy": page_url(project, "privacy", lang),
            "accessibility": page_url(project, "accessibility", lang),
            "contact": page_url(project, "contact", lang),
            "rss": f"{project.prefix(lang)}news/rss.xml",
            "atom": f"{project.prefix(lang)}news/atom.xml",
            "newsletter_feeds": dict(zip(("rss", "atom"), (project.prefix(lang) + path for path in NEWSLETTER_FEEDS),
                                         strict=True)),
            "funded_by": funded_by(language),
            "funding": funding_line(language, self.content.site),
            "disclaimer": disclaimer(language),
            "site": self.content.site,
            "social": self._social(key, canonical_lang, languages),
            # GitHub Pages serves the root 404 page for every missing address, whatever its language:
            # it says so in each language, with a link to that language's home page.
            "not_found_elsewhere": self._not_found_elsewhere(lang) if key is None else [],
        }

    def _not_found_elsewhere(self, lang: str) -> list[dict]:
        project = self.project
        found = []
        for code in project.languages:
            if code == lang:
                continue
            gettext = self.languages[code].gettext
            found.append({"lang": code, "name": project.language_name(code), "home": page_url(project, "index", code),
                          "heading": gettext("Page not found"), "link": gettext("Go to the home page")})
        return found

    def _not_found_text(self, lang: str) -> str:
        return self.languages[lang].gettext(
            "There is no page at this address. It may have moved, or the address may be mistyped.")

    def write_site_files(self, site: Path) -> None:
        """The files that span every language: 404 pages, one sitemap and robots.txt."""
        for lang, html in self.not_found_pages.items():
            (site / self.project.prefix(lang) / "404.html").write_text(html, encoding="utf-8")
        for lang in self.project.other_languages:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site / lang / name).unlink(missing_ok=True)
        (site / "sitemap.xml.gz").unlink(missing_ok=True)
        (site / "sitemap.xml").write_text(sitemap_xml(self.content, self._languages), encoding="utf-8")
        (site / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {self.project.absolute('sitemap.xml')}\n", encoding="utf-8")
