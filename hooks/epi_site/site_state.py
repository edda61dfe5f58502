"""What one run of a generator knows: the content, loaded once and reloaded when a file changes."""

from __future__ import annotations

import os
from pathlib import Path

from .content.loading import Content, load_content
from .content.translation_status import status_rows
from .problems import ContentError
from .project import Project, load_project
from .rendering import shared_images
from .rendering.generation import Generation
from .rendering.image_cache import ImageCache, cache_folder
from .rendering.language import Language
from .rendering.page_context import PageContext, PageContexts, PageFacts
from .rendering.site_files import write_site_files
from .rendering.social import PageCard, page_cards

WATCHED = ("docs", "content", "locales", "mkdocs.yml")


def source_fingerprint(root: Path) -> tuple:
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
    """What one build caches: the content, its languages and their generations, cards and images."""

    def __init__(self):
        self.project: Project | None = None
        self.content: Content | None = None
        self._fingerprint: tuple | None = None
        self.languages: dict[str, Language] = {}
        self._builds: dict[str, Generation] = {}
        self._cards: dict[str, dict[str, PageCard]] = {}
        self._titles: dict[str, dict[str, str]] = {}
        self._status: list = []
        self.contexts: PageContexts | None = None
        self.not_found_pages: dict[str, str] = {}
        self.images = ImageCache(None)

    def load(self, root: Path) -> None:
        current = source_fingerprint(root)
        if current == self._fingerprint:
            return
        project = load_project(root)
        content, problems = load_content(project)
        if problems:
            raise ContentError(problems)
        self.project, self.content, self._fingerprint = project, content, current
        # One object per build language, made once per load: a catalog edit is a reload.
        self.languages = {code: Language.of(project, code) for code in project.languages}
        self._builds, self._cards, self._titles = {}, {}, {}
        self.images = ImageCache(cache_folder())  # never in the repository: see image_cache
        self._status = status_rows(content)  # the same for every language: compute it once
        self.contexts = PageContexts(content, self.languages, self._status, self._generated_titles, self._page_cards)

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

    def page_context(self, language: Language, key: str | None, facts: PageFacts) -> PageContext:
        return self.contexts.of(language, key, facts)

    def _page_cards(self, language: Language) -> dict[str, PageCard]:
        if language.code not in self._cards:
            self._cards[language.code] = page_cards(self.content, language, self.build(language).pages())
        return self._cards[language.code]

    def _generated_titles(self, language: Language) -> dict[str, str]:
        if language.code not in self._titles:
            self._titles[language.code] = {page.key: page.title for page in self.build(language).pages()}
        return self._titles[language.code]

    def write_site_files(self, site: Path) -> None:
        """The files that span every language: 404 pages, one sitemap and robots.txt."""
        write_site_files(site, self.content, self.contexts.page_languages, self.not_found_pages)
