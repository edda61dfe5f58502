"""All of the site's content, loaded and checked together before anything is built."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .charts import Dataset, load_datasets
from .docs import DocPage, check_docs, check_links, load_docs
from .glossary import warn_terms
from .i18n import check_catalogs
from .labels import LabelFiles
from .markup_check import check_texts
from .news import NewsItem, load_news
from .newsletter import Issue, compose_issues
from .partners import Partner, load_partners
from .places import Places, load_places
from .problems import Problems
from ..project import Project
from ..safety.files import check_files
from .site_info import SiteInfo, load_site_info
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

    def partner(self, pid: str) -> Partner | None:
        return next((p for p in self.partners if p.id == pid), None)


def load_content(project: Project, news_dir: Path | None = None) -> tuple[Content | None, Problems]:
    """Load and check everything; the content is None when a problem prevents building."""
    problems = Problems()
    if check_files(project, problems):
        return None, problems  # a symbolic link: read nothing that could be its target
    site = load_site_info(project, problems)
    partners, partner_ids = load_partners(project, problems)
    timeline = load_timeline(project, problems)
    datasets, chart_labels = load_datasets(project, problems)
    places = load_places(project, partners, partner_ids, {d.area for d in datasets.values()}, problems)
    news = load_news(project, problems, news_dir)
    issues = compose_issues(project, news, problems)
    docs = load_docs(project, problems)
    check_catalogs(project, problems)
    phase_ids = {p.id for p in timeline.phases} if timeline else set()
    for item in news:
        for pid in item.partners:
            if pid not in partner_ids:
                problems.add(item.file, f"there is no partner with the id '{pid}'", where="front matter.partners",
                             fix=f"use the id of a partner in content/partners.yml, such as: {', '.join(sorted(partner_ids)[:4])}")
        if item.phase and item.phase not in phase_ids:
            problems.add(item.file, f"there is no phase '{item.phase}'", where="front matter.phase",
                         fix=f"write one of: {', '.join(sorted(phase_ids))}")
    generated = {"partners/index", "timeline/index", "news/index", "search", "status"}
    generated |= {f"partners/{p}" for p in partner_ids} | {f"news/{i.slug}" for i in news}
    generated |= {f"news/{issue.key}" for issue in issues}
    check_docs(project, docs, set(datasets), generated, problems)
    check_texts(project, problems)
    for item in news:
        for text in item.versions.values():
            check_links(project, None, text.lang, text.file, text.body, text.body_line, set(docs) | generated, docs, problems,
                        key=item.slug)  # news items name pages as seen from docs/
    warn_terms(project, problems, docs=docs, news=news, partners=partners, issues=issues,
               labels=(timeline.labels if timeline else None, chart_labels))
    if problems or site is None or timeline is None:
        return None, problems
    return Content(project, site, partners, timeline, datasets, chart_labels, news, issues, docs, places), problems

