"""The email-ready edition of a newsletter issue: self-contained HTML and plain text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import css_inline
from markupsafe import Markup

from ..content.loading import Content
from ..content.newsletter import Intro, Issue
from .emblem import PNG_PATH
from .language import Language
from .render import render, to_html
from .typography import bind, bind_html
from .urls import page_url, rewrite_links
from .visibility import disclaimer, funded_by, funding_line


def edition_context(content: Content, language: Language, issue: Issue, intro: Intro | None, intro_lang: str) -> dict:
    """What an edition of an issue shows, with absolute links: the email editions and the newsletter feeds."""
    project, lang = content.project, language.code
    quarter = language.fmt.quarter(issue.year, issue.quarter)
    title = language.gettext("Newsletter, %(quarter)s") % {"quarter": quarter}
    entries = [
        {"item": item, "text": item.version(lang, project.default_language),
         "url": project.absolute(page_url(project, f"news/{item.slug}", lang))}
        for item in reversed(issue.items)
    ]
    intro_html = Markup("")
    if intro:
        intro_html = Markup(rewrite_links(str(to_html(intro.body)), project, lang, f"news/{issue.key}", absolute=True,
                                          link_base=""))
    return {
        "title": title,
        "site": content.site,
        "intro": intro,
        "intro_lang": intro_lang,
        "intro_html": intro_html,
        "entries": entries,
        "archive_url": project.absolute(page_url(project, "news/index", lang)),
        "issue_url": project.absolute(page_url(project, f"news/{issue.key}", lang)),
        # Mail clients block SVG and embedded images: the emblem is the site's PNG, at its full address.
        "emblem_url": project.absolute(PNG_PATH),
        "funded_by": funded_by(language),
        "funding": funding_line(language, content.site),
        "disclaimer": disclaimer(language),
    }


@lru_cache(maxsize=1)
def _inliner() -> css_inline.CSSInliner:
    # Mail clients drop <style> and <link>: the template's classes become style attributes, from a
    # stylesheet of the generator's own, never from the page (nothing is fetched).
    css = (Path(__file__).parent / "templates" / "email.css").read_text(encoding="utf-8")
    return css_inline.CSSInliner(extra_css=css, keep_style_tags=False, keep_link_tags=False,
                                 load_remote_stylesheets=False)


def email_html(content: Content, language: Language, issue: Issue, intro: Intro | None, intro_lang: str) -> str:
    page = render(language, "email.html", **edition_context(content, language, issue, intro, intro_lang))
    return bind_html(_inliner().inline(page), language.code)


def email_text(content: Content, language: Language, issue: Issue, intro: Intro | None, intro_lang: str) -> str:
    return bind(render(language, "email.txt", **edition_context(content, language, issue, intro, intro_lang)),
                language.code)
