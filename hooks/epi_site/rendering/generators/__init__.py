"""One generator per page kind of content/page_kinds.py, behind one interface.

A generator takes the language's generation (rendering/generation.py: content, language, and the
helpers that make a page) and the kind it makes, and returns the kind's pages. A kind whose pages
need nothing but their title, description and template has no generator of its own: ``plain_pages``
makes them, so a new kind of that sort is one entry in content/page_kinds.py and one template.
"""

from __future__ import annotations

from collections.abc import Callable

from ..pages import GeneratedPage, unlisted
from .news import archive_page, issue_pages, item_pages
from .partners import partner_pages, partners_index
from .timeline import timeline_page
from .tools import search_page, status_page

Generator = Callable[..., list[GeneratedPage]]

GENERATORS: dict[str, Generator] = {
    "partners index": partners_index,
    "partner": partner_pages,
    "timeline": timeline_page,
    "newsletter archive": archive_page,
    "newsletter issue": issue_pages,
    "news item": item_pages,
    "search": search_page,
    "translation status": status_page,
}


def plain_pages(gen, kind) -> list[GeneratedPage]:
    """Each page of ``kind`` from its template, with the kind's title and description in the language."""
    pages = [gen.page(key, gen.language.gettext(kind.title), gen.language.gettext(kind.description), kind.template)
             for key in kind.pages(gen.content)]
    return pages if kind.listed else [unlisted(page) for page in pages]
