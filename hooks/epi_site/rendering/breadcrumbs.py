"""The breadcrumb trail of a page (Home › Section › Page), for the page's <nav> and its JSON-LD alike.

The section comes from the page's kind (content/page_kinds.py): a partner's page sits under the
partners' index, a news item and an issue under the newsletter's archive. A hand-written page is a
section of its own, so its trail is Home › Page; the home page has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.page_kinds import section_page
from ..project import Project
from .urls import page_url


@dataclass(frozen=True)
class Crumb:
    name: str
    path: str  # from the site root, as page_url gives it


def trail(project: Project, lang: str, key: str | None, title: str, kind, titles: dict[str, str],
          home_name: str) -> list[Crumb]:
    """The trail to ``key`` (its kind, or None for a hand-written page); ``titles``: the generated pages' titles."""
    if key is None or key == "index" or not title:
        return []
    crumbs = [Crumb(home_name, page_url(project, "index", lang))]
    section = section_page(kind)
    if section is not None and section != key:
        crumbs.append(Crumb(titles[section], page_url(project, section, lang)))
    crumbs.append(Crumb(title, page_url(project, key, lang)))
    return crumbs
