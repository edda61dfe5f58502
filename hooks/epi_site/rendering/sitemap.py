"""Which page exists in which language, for hreflang links, the language switcher and sitemap.xml.

A page "exists" in a language when its main text is in that language; a page
that shows the English text while it waits for a translation is not listed as
an alternate, and points its canonical address at the English page.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..content.loading import Content
from ..content.page_kinds import EVERY_LANGUAGE, generated_pages
from .urls import page_url


@dataclass(frozen=True)
class Alternate:
    lang: str
    url: str  # absolute


def content_languages(content: Content) -> dict[str, dict[str, str]]:
    """For every page key: {build language: language of the page's main text}."""
    project = content.project
    default = project.default_language
    langs = project.languages
    result: dict[str, dict[str, str]] = {}

    def put(key: str, available) -> None:
        result[key] = {lang: (lang if lang in available else default) for lang in langs}

    for key, page in content.docs.items():
        put(key, page.text_set.files)
    for key, (kind, available) in generated_pages(content).items():
        if kind.listed:
            put(key, langs if available is EVERY_LANGUAGE else available)
    return result


def alternates(content: Content, languages: dict[str, str], key: str) -> list[Alternate]:
    """The real language versions of a page, and x-default (the default language's)."""
    project = content.project
    found = [Alternate(lang, project.absolute(page_url(project, key, lang)))
             for lang, text_lang in languages.items() if lang == text_lang]
    found.append(Alternate("x-default", project.absolute(page_url(project, key, project.default_language))))
    return found


def sitemap_xml(content: Content, pages: dict[str, dict[str, str]]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for key in sorted(pages):
        links = alternates(content, pages[key], key)
        for alternate in links:
            if alternate.lang == "x-default":
                continue
            lines.append(f"  <url>\n    <loc>{escape(alternate.url)}</loc>")
            lines += [f'    <xhtml:link rel="alternate" hreflang="{a.lang}" href={quoteattr(a.url)}/>' for a in links]
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
