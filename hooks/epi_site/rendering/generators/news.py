"""The newsletter: its archive, one page per quarterly issue, and one per news item."""

from __future__ import annotations

from dataclasses import replace

from markupsafe import Markup

from ...content.translations import in_language
from ..pages import GeneratedPage
from ..render import to_html
from ..urls import relative, rewrite_links


def archive_page(gen, kind) -> list[GeneratedPage]:
    gettext = gen.language.gettext
    description = gettext("The news of the European Pact for Integration, gathered by calendar quarter, "
                          "and its news feeds.")
    # An item that reports no day belongs to no quarter: the archive lists it after the issues.
    undated = [item for item in gen.content.news if item.date is None]
    return [gen.page("news/index", gettext("Newsletter"), description, kind.template, issues=gen.content.issues,
                     undated=undated)]


def issue_pages(gen, kind) -> list[GeneratedPage]:
    issues, end = gen.content.issues, gen.content.site.end
    pages = []
    for index, issue in enumerate(issues):
        # "Next issue" only while the project publishes: no issue of a quarter after its end.
        newer = issues[index - 1] if index > 0 and issues[index - 1].first_day <= end else None
        older = issues[index + 1] if index + 1 < len(issues) else None
        intro, intro_lang = introduction(gen, issue)
        title = gen.language.gettext("Newsletter, %(quarter)s") % {
            "quarter": gen.language.fmt.quarter(issue.year, issue.quarter)}
        intro_html = Markup(rewrite_links(str(to_html(intro.body)), gen.project, gen.lang, issue.page_key,
                                          absolute=False, link_base="")) if intro else None
        pages.append(gen.page(issue.page_key, title, intro.title if intro and intro.title else title,
                              kind.template, issue=issue, intro=intro, intro_html=intro_html, intro_lang=intro_lang,
                              newer=newer, older=older, **gen.sharing(issue.page_key, title, gen.lang)))
    return pages


def item_pages(gen, kind) -> list[GeneratedPage]:
    project, lang, content = gen.project, gen.lang, gen.content
    issue_of = {item.slug: issue for issue in content.issues for item in issue.items}
    pages = []
    for item in content.news:
        text = item.version(lang, project.default_language)
        key = item.page_key
        partners = [p for p in (content.partner(pid) for pid in item.partners) if p]
        phase = content.timeline.phase(item.phase) if item.phase else None
        body_html = rewrite_links(str(to_html(text.body)), project, lang, key, absolute=False, link_base="")
        # Images in docs/ are published once, for every language, at the site's root.
        image_href = relative(gen.language.url(key), item.image) if item.image else ""
        pages.append(gen.page(key, text.title, text.summary, kind.template, text.lang, item=item,
                              text=replace(text, body=body_html), issue=issue_of.get(item.slug), partners=partners,
                              published=item.published_in(lang, project.default_language),
                              phase=phase, image_href=image_href, **gen.sharing(key, text.title, text.lang)))
    return pages


def introduction(gen, issue):
    """(the issue's introduction in the language, its language); None when the issue has none."""
    return in_language(issue.intros, gen.lang, gen.project.default_language)
