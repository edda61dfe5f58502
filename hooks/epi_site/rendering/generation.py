"""One language's generation: the generated pages, directives and files of one build language.

It holds what every generator shares (the content, the language, the translation status) and the
helpers that make a page; the generators are in rendering/generators/, one per page kind of
content/page_kinds.py, and this runs the one of each kind, checking it made what the kind declares.
"""

from __future__ import annotations

from ..content import page_kinds
from ..content.directives import Directive
from ..content.loading import Content
from ..content.translation_status import outdated, status_rows
from .directive_views import VIEWS
from .generators import GENERATORS, plain_pages
from .language import Language
from .language_files import language_files
from .pages import GeneratedFile, GeneratedPage, PageKindError
from .render import render
from .share import share_links
from .urls import page_url, relative


class Generation:
    def __init__(self, content: Content, language: Language, status: list | None = None):
        self.content = content
        self.project = content.project
        self.language = language
        self.lang = language.code
        self.status = status if status is not None else status_rows(content)
        self._outdated = outdated(self.status)
        self._pages: list[GeneratedPage] | None = None

    def pages(self) -> list[GeneratedPage]:
        """Made once (a site state makes one generation per language and load): the hooks, the
        breadcrumbs' section titles and the cards all read them."""
        if self._pages is None:
            self._pages = self._make_pages()
        return list(self._pages)

    def _make_pages(self) -> list[GeneratedPage]:
        pages = []
        for kind in page_kinds.KINDS:
            made = self._kind_pages(kind)
            declared = set(kind.pages(self.content))
            keys = {page.key for page in made}
            # A page kind and its generator that disagree: said at once, not by a test of the output.
            if keys - declared:
                raise PageKindError(f"built but not declared in content/page_kinds.py: {', '.join(sorted(keys - declared))}")
            if declared - keys:
                raise PageKindError(f"declared in content/page_kinds.py but not built: {', '.join(sorted(declared - keys))}")
            for page in made:
                if kind.listed == page.noindex:
                    raise PageKindError(f"'{page.key}' is built {'un' if page.noindex else ''}listed, "
                                        f"but its kind '{kind.name}' says otherwise")
            pages += made
        return pages

    def _kind_pages(self, kind) -> list[GeneratedPage]:
        generator = GENERATORS.get(kind.name)
        if generator is None and not kind.title:
            raise PageKindError(f"the page kind '{kind.name}' has no generator in rendering/generators/ "
                                "and no title to make its pages from its template alone")
        return (generator or plain_pages)(self, kind)

    def directive(self, directive: Directive, page_key: str, uid: str) -> str | None:
        view = VIEWS.get(directive.name)
        return view(self, directive, page_key, uid) if view else None

    def files(self) -> list[GeneratedFile]:
        return language_files(self)

    # --- what the generators share ----------------------------------------
    def context(self, key: str) -> dict:
        """What every generated page's template reads, for the page ``key``."""
        here = self.language.url(key)
        return {
            "link": lambda target: relative(here, self.language.url(target)),
            "link_file": lambda path: relative(here, self.language.prefix + path),
            "site": self.content.site,
            "partner_name": lambda partner: self.content.places.partner_name(partner, self.lang),
            "city_name": lambda partner: self.content.places.city(partner, self.lang),
            # Whether this language's translation of a text is older than its English text, and where that is.
            "outdated": lambda text_set: bool(text_set) and self.lang in self._outdated.get((text_set.kind, text_set.key), ()),
            "english": relative(here, page_url(self.project, key, self.project.default_language)),
        }

    def page(self, key: str, title: str, description: str, template: str, content_lang: str | None = None,
             **context) -> GeneratedPage:
        body = render(self.language, template, **self.context(key), title=title, **context)
        lang = content_lang or self.lang
        return GeneratedPage(key, self.lang, title, description, body, lang, in_search=(lang == self.lang))

    def sharing(self, key: str, title: str, text_lang: str) -> dict:
        """What _share.html needs: the page's canonical address (its text's language) and title."""
        url = self.project.absolute(page_url(self.project, key, text_lang))
        # What is shared is plain text, as the page's <title> and og:title: no-break spaces are the
        # page's typography (rendering/typography.py), not words of the title.
        title = " ".join(title.split())
        return {"share_links": share_links(url, title), "share_url": url, "share_title": title}

