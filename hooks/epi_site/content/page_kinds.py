"""Every kind of page the generator makes from content/, declared once.

A kind says which pages it makes (their keys: rendering/urls.py turns a key into an address),
the section of the site they belong to, in which languages each has a text of its own (the others
show the English text with a notice), and whether it is listed (sitemap, search, search engines).
The link check, the sitemap and hreflang, the cards' section labels, the tabs and breadcrumbs and
the generators all read this table; rendering/pages.py refuses to build a page that is not declared here, and a test
checks that every declared page is built.

Hand-written pages (docs/) are not a kind of their own here: their keys are their file names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from collections.abc import Callable, Collection, Iterable

EVERY_LANGUAGE = None  # a page generated in every language from the interface strings and data


def _(text: str) -> str:
    """Marks an interface string for the catalogs (tools/dev.py extract); it is translated where shown."""
    return text


class Parts(Protocol):
    """What the kinds read: content.loading.Content has it, and so has a content being loaded."""
    partners: list
    news: list
    issues: list
    timeline: object | None


@dataclass(frozen=True)
class PageKind:
    name: str
    # The section in the tabs and on cards (an interface string, in English), None for none.
    section: str | None
    # {page key: the languages with a text of its own, or EVERY_LANGUAGE}
    pages: Callable[[Parts], dict[str, Collection[str] | None]]
    # The template in rendering/templates/ that makes each page of the kind.
    template: str
    listed: bool = True
    # A kind with no generator of its own in rendering/generators/ is drawn from its template alone,
    # with this title and description (interface strings, in English).
    title: str = ""
    description: str = ""


# The page at the head of each section: the tab (and phone-menu item) its pages mark as theirs, and the
# middle step of their breadcrumb trail. News items sit under the newsletter's archive, which lists them.
SECTION_PAGES: dict[str, str] = {
    "Partners": "partners/index",
    "Timeline": "timeline/index",
    "Newsletter": "news/index",
    "News": "news/index",
}


def _timeline(parts: Parts) -> dict:
    return {"timeline/index": parts.timeline.labels.data if parts.timeline is not None else EVERY_LANGUAGE}


KINDS: tuple[PageKind, ...] = (
    PageKind("partners index", _("Partners"), lambda parts: {"partners/index": EVERY_LANGUAGE}, "partners_index.html"),
    PageKind("partner", _("Partners"), lambda parts: {p.page_key: p.texts for p in parts.partners}, "partner.html"),
    PageKind("timeline", _("Timeline"), _timeline, "timeline.html"),
    PageKind("newsletter archive", _("Newsletter"), lambda parts: {"news/index": EVERY_LANGUAGE}, "archive.html"),
    PageKind("newsletter issue", _("Newsletter"), lambda parts: {i.page_key: EVERY_LANGUAGE for i in parts.issues},
             "issue.html"),
    PageKind("news item", _("News"), lambda parts: {item.page_key: item.versions for item in parts.news},
             "news_item.html"),
    PageKind("search", None, lambda parts: {"search": EVERY_LANGUAGE}, "search.html", listed=False),
    PageKind("translation status", None, lambda parts: {"status": EVERY_LANGUAGE}, "status.html", listed=False),
)


def section_page(kind: PageKind | None) -> str | None:
    """The key of the page heading ``kind``'s section, None for a kind (or a hand-written page) without one."""
    return SECTION_PAGES[kind.section] if kind is not None and kind.section else None


def generated_pages(parts: Parts, kinds: Iterable[PageKind] | None = None) -> dict[str, tuple[PageKind, Collection[str] | None]]:
    """{page key: (its kind, the languages with a text of its own)} for every generated page."""
    found: dict[str, tuple[PageKind, Collection[str] | None]] = {}
    for kind in KINDS if kinds is None else kinds:
        for key, languages in kind.pages(parts).items():
            if key in found:
                raise ValueError(f"the page '{key}' is declared by '{found[key][0].name}' and '{kind.name}'")
            found[key] = (kind, languages)
    return found
