"""The files that span every language: the 404 pages, one sitemap for the site, and robots.txt."""

from __future__ import annotations

from pathlib import Path

from ..content.loading import Content
from .sitemap import sitemap_xml


def write_site_files(site: Path, content: Content, page_languages: dict[str, dict[str, str]],
                     not_found_pages: dict[str, str]) -> None:
    project = content.project
    for lang, html in not_found_pages.items():
        (site / project.prefix(lang) / "404.html").write_text(html, encoding="utf-8")
    # static-i18n writes a sitemap per language; the site has one, listing every language's pages.
    for lang in project.other_languages:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site / lang / name).unlink(missing_ok=True)
    (site / "sitemap.xml.gz").unlink(missing_ok=True)
    (site / "sitemap.xml").write_text(sitemap_xml(content, page_languages), encoding="utf-8")
    (site / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {project.absolute('sitemap.xml')}\n", encoding="utf-8")
