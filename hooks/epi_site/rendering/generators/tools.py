"""The pages that serve rather than tell: search, and the translation status for coordinators."""

from __future__ import annotations

import itertools

from babel import Locale

from ...content.i18n import po_path
from ...content.translation_status import summary
from ..pages import GeneratedPage, unlisted


def search_page(gen, kind) -> list[GeneratedPage]:
    gettext = gen.language.gettext
    messages = []
    for category, sample in _plural_samples(gen.lang):
        message = gen.language.ngettext("%(count)s page found.", "%(count)s pages found.", sample)
        messages.append((category, message.replace("%(count)s", "{count}")))
    page = gen.page("search", gettext("Search"), gettext("Search the website of the European Pact for Integration."),
                    kind.template, found_messages=messages)
    return [unlisted(page)]


def status_page(gen, kind) -> list[GeneratedPage]:
    """For coordinators: what is left to translate (not in the menu, search or search engines)."""
    rows, fmt = gen.status, gen.language.fmt
    languages = gen.project.other_languages
    totals = {code: summary(rows, code) for code in languages}
    # A language being added has no catalog yet: its readers see the interface in English until it has one.
    no_catalog = [fmt.language(code) for code in languages if not po_path(gen.project, code).exists()]
    page = gen.page("status", gen.language.gettext("Translation status"),
                    gen.language.gettext("Which texts of the website are translated into each language."),
                    kind.template, rows=rows, languages=languages, totals=totals, issues=gen.content.issues,
                    decisions=gen.content.site.publisher.decisions,
                    no_catalog=fmt.names(no_catalog) if no_catalog else "")
    return [unlisted(page)]


def _plural_samples(lang: str) -> list[tuple[str, int]]:
    """A sample number for each CLDR plural category of ``lang`` (for the search page's messages)."""
    rule = Locale.parse(lang).plural_form
    samples: dict[str, int] = {}
    for n in itertools.chain(range(0, 200), (1000, 1_000_000)):
        samples.setdefault(rule(n), n)
    return sorted(samples.items())
