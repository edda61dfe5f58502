"""The pages and files generated from content/, for one language at a time.

They live in memory: the MkDocs hooks hand them to MkDocs as virtual files,
and nothing is ever written into docs/ or content/.
"""

from __future__ import annotations

import itertools
import unicodedata
from dataclasses import dataclass, replace

import yaml
from babel import Locale
from markupsafe import Markup

from . import chart_view, europe_map
from ..content.loading import Content
from ..content.directives import Directive
from ..content.page_kinds import generated_pages
from .email_edition import email_html, email_text
from .emblem import PNG_PATH, emblem_png
from .feeds import NEWSLETTER_FEEDS, build_feeds, build_newsletter_feeds
from ..content.i18n import po_path, translations
from .render import language_context, render, to_html
from .share import share_links
from ..content.translation_status import outdated, status_rows, summary
from ..content.translations import in_language
from .urls import page_url, relative, rewrite_links


EMBLEM_HEIGHT = 128  # shown at 64 px high, sharp on high-density screens


@dataclass(frozen=True)
class GeneratedPage:
    key: str
    lang: str
    title: str
    description: str
    body: str
    content_lang: str
    in_search: bool = True
    noindex: bool = False

    def markdown(self) -> str:
        meta = {"title": self.title, "description": self.description, "epi_content_lang": self.content_lang}
        if not self.in_search:
            meta["search"] = {"exclude": True}
        if self.noindex:
            meta["robots"] = "noindex"
        head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=10_000)
        return f"---\n{head}---\n\n{self.body}\n"


class PageKindError(RuntimeError):
    """The generators and content/page_kinds.py disagree about which pages exist (a developer's mistake)."""


@dataclass(frozen=True)
class GeneratedFile:
    path: str
    content: bytes


class LanguageBuild:
    """Renders the generated pages, directives and files of one language."""

    def __init__(self, content: Content, lang: str, status: list | None = None):
        self.content = content
        self._status = status
        self.project = content.project
        self.lang = lang
        self.t = translations(self.project, lang)
        self.fmt = language_context(self.project, lang)["fmt"]
        self._outdated = outdated(status if status is not None else status_rows(content))

    # --- helpers -------------------------------------------------------
    def _context(self, key: str) -> dict:
        here = page_url(self.project, key, self.lang)
        return {
            "link": lambda target: relative(here, page_url(self.project, target, self.lang)),
            "link_file": lambda path: relative(here, self.project.prefix(self.lang) + path),
            "site": self.content.site,
            "partner_name": lambda partner: self.content.places.partner_name(partner, self.lang),
            "city_name": lambda partner: self.content.places.city(partner, self.lang),
            # Whether this language's translation of a text is older than its English text, and where that is.
            "outdated": lambda text_set: bool(text_set) and self.lang in self._outdated.get((text_set.kind, text_set.key), ()),
            "english": relative(here, page_url(self.project, key, self.project.default_language)),
        }

    def _render(self, template: str, key: str, **context) -> str:
        return render(self.project, self.lang, template, **self._context(key), **context)

    def _page(self, key: str, title: str, description: str, template: str, content_lang: str | None = None,
              **context) -> GeneratedPage:
        body = self._render(template, key, title=title, **context)
        lang = content_lang or self.lang
        return GeneratedPage(key, self.lang, title, description, body, lang, in_search=(lang == self.lang))

    # --- pages ---------------------------------------------------------
    def pages(self) -> list[GeneratedPage]:
        pages = [*self.partner_pages(), self.timeline_page(), *self.news_pages(), self.search_page(), self.status_page()]
        declared = generated_pages(self.content)
        made = {page.key for page in pages}
        # A page kind added to one place and not the other: said at once, not by a test of its output.
        if made - set(declared):
            raise PageKindError(f"built but not declared in content/page_kinds.py: {', '.join(sorted(made - set(declared)))}")
        if set(declared) - made:
            raise PageKindError(f"declared in content/page_kinds.py but not built: {', '.join(sorted(set(declared) - made))}")
        for page in pages:
            kind = declared[page.key][0]
            if kind.listed == page.noindex:
                raise PageKindError(f"'{page.key}' is built {'un' if page.noindex else ''}listed, "
                                    f"but its kind '{kind.name}' says otherwise")
        return pages

    def partner_pages(self) -> list[GeneratedPage]:
        gettext = self.t.gettext
        partners = self.content.partners
        order = ("coordinator", "city", "technical-partner")
        groups = [(role, [p for p in partners if (p.role if p.role != "co-coordinator" else "coordinator") == role])
                  for role in order]
        territories = Locale.parse(self.lang).territories
        countries = sorted({p.country for p in partners}, key=lambda c: _collation_key(territories.get(c, c)))
        by_country = [(code, [p for p in partners if p.country == code]) for code in countries]
        title = gettext("Partners")
        description = gettext("The partners of the European Pact for Integration, by role and by country.")
        pages = [self._page("partners/index", title, description, "partners_index.html", partners=partners, groups=groups,
                            countries=by_country)]
        for partner in partners:
            text, text_lang = partner.text(self.lang, self.project.default_language)
            neighbours = [p for p in partners if p.country == partner.country and p.id != partner.id]
            name = self.content.places.partner_name(partner, self.lang)
            description = gettext("%(name)s, a partner of the European Pact for Integration.") % {"name": name}
            here = page_url(self.project, f"partners/{partner.id}", self.lang)
            # Partner texts name pages and files as seen from docs/, as news items do.
            text_html = Markup(rewrite_links(str(to_html(text)), self.project, self.lang, f"partners/{partner.id}",
                                             absolute=False, link_base=""))
            pages.append(self._page(f"partners/{partner.id}", name, description, "partner.html", text_lang,
                                    partner=partner, text_html=text_html, text_lang=text_lang, neighbours=neighbours,
                                    # Like news images: published once, for every language, at the site's root.
                                    image_href=relative(here, partner.image) if partner.image else "",
                                    image_alt=partner.image_alt(self.lang, self.project.default_language)))
        return pages

    def timeline_page(self) -> GeneratedPage:
        timeline = self.content.timeline
        months = timeline.months
        width, row, bar = 640, 34, 26
        step = width / months
        rows = [{"x": round((timeline.month(p.start) - 1) * step, 1),
                 "width": round((timeline.month(p.end) - timeline.month(p.start) + 1) * step, 1),
                 "y": i * row, "number": p.number, "indicative": p.indicative}
                for i, p in enumerate(timeline.phases)]
        ticks = [{"x": round((timeline.month(timeline.start.replace(year=y, month=1)) - 1) * step, 1), "label": str(y)}
                 for y in range(timeline.start.year, timeline.end.year + 1)
                 if timeline.month(timeline.start.replace(year=y, month=1)) >= 1]
        gantt = {"width": width, "height": len(rows) * row + 24, "bar": bar, "rows": rows, "ticks": ticks}
        gettext = self.t.gettext
        return self._page("timeline/index", gettext("Timeline"),
                          gettext("The phases and planned activities of the European Pact for Integration."),
                          "timeline.html", timeline=timeline, gantt=gantt,
                          indicative=any(p.indicative for p in timeline.phases))

    def news_pages(self) -> list[GeneratedPage]:
        gettext = self.t.gettext
        issues = self.content.issues
        description = gettext("The news of the European Pact for Integration, gathered by calendar quarter, "
                              "and its news feeds.")
        # An item that reports no day belongs to no quarter: the archive lists it after the issues.
        undated = [item for item in self.content.news if item.date is None]
        pages = [self._page("news/index", gettext("Newsletter"), description, "archive.html", issues=issues,
                            undated=undated)]
        end = self.content.site.end
        for index, issue in enumerate(issues):
            # "Next issue" only while the project publishes: no issue of a quarter after its end.
            newer = issues[index - 1] if index > 0 and issues[index - 1].first_day <= end else None
            older = issues[index + 1] if index + 1 < len(issues) else None
            intro, intro_lang = self._intro(issue)
            title = gettext("Newsletter, %(quarter)s") % {"quarter": self.fmt.quarter(issue.year, issue.quarter)}
            intro_html = Markup(rewrite_links(str(to_html(intro.body)), self.project, self.lang, f"news/{issue.key}",
                                              absolute=False, link_base="")) if intro else None
            pages.append(self._page(f"news/{issue.key}", title, intro.title if intro and intro.title else title,
                                    "issue.html", issue=issue, intro=intro, intro_html=intro_html, intro_lang=intro_lang,
                                    newer=newer, older=older, **self._sharing(f"news/{issue.key}", title, self.lang)))
        issue_of = {item.slug: issue for issue in issues for item in issue.items}
        for item in self.content.news:
            text = item.version(self.lang, self.project.default_language)
            key = f"news/{item.slug}"
            partners = [p for p in (self.content.partner(pid) for pid in item.partners) if p]
            phase = self.content.timeline.phase(item.phase) if item.phase else None
            body_html = rewrite_links(str(to_html(text.body)), self.project, self.lang, key, absolute=False, link_base="")
            here = page_url(self.project, key, self.lang)
            # Images in docs/ are published once, for every language, at the site's root.
            image_href = relative(here, item.image) if item.image else ""
            page = self._page(key, text.title, text.summary, "news_item.html", text.lang, item=item,
                              text=_with_body(text, body_html), issue=issue_of.get(item.slug), partners=partners,
                              published=item.published_in(self.lang, self.project.default_language),
                              phase=phase, image_href=image_href, **self._sharing(key, text.title, text.lang))
            pages.append(page)
        return pages

    def search_page(self) -> GeneratedPage:
        gettext = self.t.gettext
        messages = []
        for category, sample in _plural_samples(self.lang):
            message = self.t.ngettext("%(count)s page found.", "%(count)s pages found.", sample)
            messages.append((category, message.replace("%(count)s", "{count}")))
        page = self._page("search", gettext("Search"), gettext("Search the website of the European Pact for Integration."),
                          "search.html", found_messages=messages)
        return _unlisted(page)

    def status_page(self) -> GeneratedPage:
        """For coordinators: what is left to translate (not in the menu, search or search engines)."""
        rows = self._status if self._status is not None else status_rows(self.content)
        languages = self.project.other_languages
        totals = {code: summary(rows, code) for code in languages}
        # A language being added has no catalog yet: its readers see the interface in English until it has one.
        no_catalog = [self.fmt.language(code) for code in languages if not po_path(self.project, code).exists()]
        page = self._page("status", self.t.gettext("Translation status"),
                          self.t.gettext("Which texts of the website are translated into each language."),
                          "status.html", rows=rows, languages=languages, totals=totals, issues=self.content.issues,
                          decisions=self.content.site.publisher.decisions,
                          no_catalog=self.fmt.names(no_catalog) if no_catalog else "")
        return _unlisted(page)

    def _sharing(self, key: str, title: str, text_lang: str) -> dict:
        """What _share.html needs: the page's canonical address (its text's language) and title."""
        url = self.project.absolute(page_url(self.project, key, text_lang))
        return {"share_links": share_links(url, title), "share_url": url, "share_title": title}

    def _intro(self, issue):
        """(introduction, its language); the introduction is None when the issue has none."""
        return in_language(issue.intros, self.lang, self.project.default_language)

    # --- directives ----------------------------------------------------
    def directive(self, directive: Directive, page_key: str, uid: str) -> str | None:
        context = self._context(page_key)
        if directive.name == "chart":
            dataset = self.content.datasets.get(directive.argument)
            if dataset is None:
                return None  # refused by the check; shown as written if the check was bypassed
            view = chart_view.view(self.project, dataset, self.lang,
                                   area=self.content.places.area(dataset.area, self.lang))
            csv_href = context["link_file"](f"data/{dataset.id}.csv")
            png_href = context["link_file"](f"data/{dataset.id}.png")  # drawn by infographics.py
            return render(self.project, self.lang, "chart.html", v=view, uid=uid, csv_href=csv_href, png_href=png_href)
        if directive.name == "cities":
            cities = [p for p in self.content.partners if p.role == "city"]
            names = {p.id: self.content.places.city(p, self.lang) for p in cities}
            return render(self.project, self.lang, "cities.html", cities=cities,
                          map_marks=europe_map.marks(self.content.positions, names), map_frame=europe_map.frame(),
                          map_href=relative(page_url(self.project, page_key, self.lang), europe_map.MAP_PATH),
                          partners_by_id={p.id: p for p in cities}, **context)
        if directive.name == "phases":
            return render(self.project, self.lang, "phases.html", phases=self.content.timeline.phases)
        if directive.name == "publisher":
            return render(self.project, self.lang, "publisher.html", publisher=self.content.site.publisher)
        if directive.name == "authority":
            publisher = self.content.site.publisher
            return render(self.project, self.lang, "authority.html", authority=publisher.authority,
                          country=publisher.country)
        if directive.name == "feedback-time":
            return render(self.project, self.lang, "feedback_time.html",
                          days=self.content.site.publisher.feedback_days)
        if directive.name == "social":
            return render(self.project, self.lang, "social.html", channels=self.content.site.social)
        return None

    # --- files ---------------------------------------------------------
    def files(self) -> list[GeneratedFile]:
        prefix = self.project.prefix(self.lang)
        files = []
        if self.lang == self.project.default_language:
            # One raster emblem for every language, where SVG cannot go (email editions).
            files.append(GeneratedFile(PNG_PATH, emblem_png(EMBLEM_HEIGHT)))
            # One base map for every language: the words on it are in each page, over it.
            countries = frozenset(p.country for p in self.content.partners)
            files.append(GeneratedFile(europe_map.MAP_PATH, europe_map.base_map(countries)))
        for dataset in self.content.datasets.values():
            texts, _ = dataset.text(self.lang, self.project.default_language)
            area = self.content.places.area(dataset.area, self.lang)
            files.append(GeneratedFile(f"{prefix}data/{dataset.id}.csv", dataset.csv(texts.get("labels", {}), area).encode()))
        rss, atom = build_feeds(self.project, self.lang, self.content.news, self.content.site)
        files += [GeneratedFile(f"{prefix}news/rss.xml", rss), GeneratedFile(f"{prefix}news/atom.xml", atom)]
        files += [GeneratedFile(prefix + path, feed)
                  for path, feed in zip(NEWSLETTER_FEEDS, build_newsletter_feeds(self.content, self.lang), strict=True)]
        for issue in self.content.issues:
            intro, intro_lang = self._intro(issue)
            files.append(GeneratedFile(f"{prefix}news/{issue.key}/email.html",
                                       email_html(self.content, self.lang, issue, intro, intro_lang).encode()))
            files.append(GeneratedFile(f"{prefix}news/{issue.key}/email.txt",
                                       email_text(self.content, self.lang, issue, intro, intro_lang).encode()))
        return files


def _unlisted(page: GeneratedPage) -> GeneratedPage:
    """A page kept out of search results and search engines."""
    return replace(page, in_search=False, noindex=True)


def _with_body(text, body_html):
    return replace(text, body=body_html)


def _collation_key(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


def _plural_samples(lang: str) -> list[tuple[str, int]]:
    """A sample number for each CLDR plural category of ``lang`` (for the search page's messages)."""
    rule = Locale.parse(lang).plural_form
    samples: dict[str, int] = {}
    for n in itertools.chain(range(0, 200), (1000, 1_000_000)):
        samples.setdefault(rule(n), n)
    return sorted(samples.items())
