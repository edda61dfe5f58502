"""Addresses of pages in the site, computed once for every generator."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin, urlsplit

from ..project import Project


def page_url(project: Project, key: str, lang: str) -> str:
    """The address of page ``key`` (a docs path without '.md') in ``lang``, from the site root."""
    if key == "index":
        path = ""
    elif key.endswith("/index"):
        path = key[: -len("index")]
    else:
        path = key + "/"
    return project.prefix(lang) + path


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both from the site root)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target, _, anchor = to_url.partition("#")
    link = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target.endswith("/") or not target:
        link = "./" if link == "." else link + "/"
    return link + (f"#{anchor}" if anchor else "")


_HREF = re.compile(r'(href|src)="([^"]*)"')


def rewrite_links(html: str, project: Project, lang: str, page_key: str, *, absolute: bool,
                  link_base: str | None = None) -> str:
    """Turn links to ``.md`` pages in rendered HTML into addresses of pages in ``lang``.

    ``.md`` links are read from ``link_base`` (by default the page's own folder); news items and
    newsletter introductions use "", so their authors name pages and files (assets/report.pdf) as
    seen from docs/. With
    ``absolute``, every relative link becomes absolute too (for feeds and emails).
    """
    here = page_url(project, page_key, lang)
    base = posixpath.dirname(page_key) if link_base is None else link_base

    def fix(match: re.Match) -> str:
        attr, href = match.groups()
        if urlsplit(href).scheme or href.startswith(("//", "#")):
            return match.group(0)
        path, _, anchor = href.partition("#")
        suffix = f"#{anchor}" if anchor else ""
        if path.endswith(".md"):
            key = posixpath.normpath(posixpath.join(base, path))[:-3]
            target = page_url(project, key, lang)
            href = project.absolute(target) + suffix if absolute else relative(here, target) + suffix
        elif path and link_base is not None and not path.startswith("/"):
            # A file of docs/ (assets/report.pdf) named as seen from docs/: published once, at the
            # site's root, for every language; not under the text's own page.
            target = posixpath.normpath(posixpath.join(base, path))
            href = project.absolute(target) + suffix if absolute else relative(here, target) + suffix
        elif absolute:
            href = urljoin(project.absolute(here), href)
        return f'{attr}="{href}"'

    return _HREF.sub(fix, html)
