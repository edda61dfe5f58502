"""All of the site's content, loaded and checked together before anything is built."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from .charts import Dataset, load_datasets
from .docs import DocPage, check_docs, check_links, load_docs
from .glossary import warn_terms
from .i18n import check_catalogs
from .labels import LabelFiles
from .map_positions import load_positions
from .markup_check import check_texts
from .personal_data import warn_personal_data
from .news import NewsItem, load_news
from .newsletter import Issue, compose_issues
from .page_kinds import generated_pages
from .partners import Partner, load_partners, partner_key
from .placeholders import check_placeholders
from .places import Places, load_places
from ..problems import Problems
from ..project import Project
from ..safety.files import check_files
from .site_info import SiteInfo, load_site_info
from .sources import rel
from .texts import read_markdown
from .timeline import Timeline, load_timeline


@dataclass
class Content:
    project: Project
    site: SiteInfo
    partners: list[Partner]
    timeline: Timeline
    datasets: dict[str, Dataset]
    chart_labels: LabelFiles
    news: list[NewsItem]
    issues: list[Issue]
    docs: dict[str, DocPage] = field(default_factory=dict)
    places: Places | None = None
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)  # content/map.yml

    def partner(self, pid: str) -> Partner | None:
        return next((p for p in self.partners if p.id == pid), None)


def load_content(project: Project, news_dir: Path | None = None, *, catalogs: bool = True,
                 today: dt.date | None = None) -> tuple[Content | None, Problems]:
    """Load and check everything; the content is None when a problem prevents building.
    Without ``catalogs``, the interface strings are not checked (the translators' work list reads
    them itself: an untranslated string is work to do there, not a reason to stop). ``today`` is the
    day no publication date may be after (default: the clock, read once: content/news.py)."""
    problems = Problems()
    if check_files(project, problems):
        return None, problems  # a symbolic link: read nothing that could be its target
    site = load_site_info(project, problems)
    partners, partner_ids = load_partners(project, problems)
    timeline = load_timeline(project, problems)
    datasets, chart_labels = load_datasets(project, problems)
    places = load_places(project, partners, partner_ids, {d.area for d in datasets.values()}, problems)
    positions = load_positions(project, partners, problems)
    news = load_news(project, problems, news_dir, today)
    issues = compose_issues(project, news, problems)
    docs = load_docs(project, problems)
    if catalogs:
        check_catalogs(project, problems)
    _check_news_references(news, partner_ids, timeline, problems)
    generated = set(generated_pages(SimpleNamespace(partners=partners, news=news, issues=issues, timeline=timeline)))
    # A partner whose entry has a mistake is reported once, not again by every link to its page.
    generated |= {partner_key(pid) for pid in partner_ids}
    check_docs(project, docs, set(datasets), generated, problems)
    check_texts(project, problems)
    check_placeholders(project, problems)
    warn_personal_data(project, site, partners, problems)
    _check_item_links(project, news, partners, docs, generated, problems)
    warn_terms(project, problems, docs=docs, news=news, partners=partners, issues=issues,
               labels=(timeline.labels if timeline else None, chart_labels))
    if problems or site is None or timeline is None:
        return None, problems
    return Content(project, site, partners, timeline, datasets, chart_labels, news, issues, docs, places,
                   positions), problems


def _check_news_references(news: list[NewsItem], partner_ids: set[str], timeline: Timeline | None,
                           problems: Problems) -> None:
    """Each news item's partners and phase exist."""
    phase_ids = set(timeline.declared_phases) if timeline else set()
    for item in news:
        for pid in item.partners:
            if pid not in partner_ids:
                problems.add(item.file, f"there is no partner with the id '{pid}'", where="front matter.partners",
                             fix="use the id of a partner in content/partners.yml, such as: "
                                 f"{', '.join(sorted(partner_ids)[:4])}")
        # Without a timeline its file has the problem: every item's phase would only repeat it.
        if item.phase and timeline and item.phase not in phase_ids:
            problems.add(item.file, f"there is no phase '{item.phase}'", where="front matter.phase",
                         fix=f"write one of: {', '.join(sorted(phase_ids))}")


def _check_item_links(project: Project, news: list[NewsItem], partners: list[Partner], docs: dict[str, DocPage],
                      generated: set[str], problems: Problems) -> None:
    """The links of news items' and partners' texts, which name pages as seen from docs/."""
    for item in news:
        for text in item.versions.values():
            check_links(project, None, text.lang, text.file, text.body, text.body_line, set(docs) | generated, docs, problems,
                        key=item.slug)
    for partner in partners:
        for lang, path in (partner.text_set.files.items() if partner.text_set else ()):
            _, body, first = read_markdown(path, project, Problems())  # unreadable files are reported above
            check_links(project, None, lang, rel(path, project.root), body, first, set(docs) | generated, docs,
                        problems, key=partner.id)
