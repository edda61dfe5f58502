"""Jinja2 rendering with Babel formats and gettext strings for one language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import markdown as markdown_lib
from babel import Locale, dates, numbers
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup

from ..content.i18n import translations
from ..content.partners import country_name
from ..project import Project
from ..safety.limits import tame
from ..safety.markup import sanitise
from ..content.translations import in_language
from ..safety.template_text import text_gettext

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _converter() -> markdown_lib.Markdown:
    """One converter for the build, reset before each text: making one costs more than converting."""
    md = markdown_lib.Markdown(extensions=["attr_list", "sane_lists"])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def to_html(text: str) -> Markup:
    """Contributors' Markdown as sanitised HTML (raw HTML in it is escaped, not passed through)."""
    md = _converter()
    md.reset()  # no reference, footnote or stash of the previous text carries over
    return Markup(sanitise(md.convert(tame(text))))


class Formats:
    """Babel's formats for dates, numbers and names in one locale."""

    def __init__(self, lang: str):
        self.lang = lang
        self.locale = Locale.parse(lang)

    def date(self, day: dt.date, style: str = "long") -> str:
        return dates.format_date(day, style, locale=self.locale)

    def month(self, day: dt.date) -> str:
        return dates.format_skeleton("yMMMM", day, locale=self.locale)

    def month_range(self, start: dt.date, end: dt.date) -> str:
        """From one month to another, as the locale writes a range ("January – December 2020")."""
        return dates.format_interval(start, end, "yMMMM", locale=self.locale)

    def quarter(self, year: int, quarter: int) -> str:
        return dates.format_date(dt.date(year, 3 * quarter - 2, 1), "QQQQ y", locale=self.locale)

    def number(self, value: float) -> str:
        return numbers.format_decimal(value, locale=self.locale)

    def percent(self, value: float) -> str:
        """A percentage with the decimals it is given (the brochure's 5,8 % stays 5,8, not 6)."""
        share = Decimal(str(value)) / 100  # exact: 5.8 / 100 as a float would show 5.7999…
        return numbers.format_percent(share, locale=self.locale, decimal_quantization=False)

    def compact(self, value: float) -> str:
        return numbers.format_compact_decimal(value, format_type="long", fraction_digits=1, locale=self.locale)

    def country(self, code: str) -> str:
        return country_name(code, self.lang)

    def language(self, code: str) -> str:
        """A language's name as it stands inside a sentence ("svenska" in Swedish, "Deutsch" in German)."""
        return Locale.parse(code).get_display_name(self.lang)


_gettext, _ngettext = text_gettext(lambda context: context["translations"])


@pass_context
def _in_language(context, texts: dict):
    """``phase.texts | in_language``: the page's language, or the default one while untranslated."""
    return in_language(texts, context["lang"], context["project"].default_language)[0]


@lru_cache(maxsize=4)
def environment(project: Project) -> Environment:
    """One environment for every language, so each template is compiled once.

    The language comes with each render (see ``language_context``): ``_()`` and
    ``ngettext()`` look up that language's catalog through the render's context.
    """
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)
    env.globals.update(project=project, markdown=to_html)
    env.filters["in_language"] = _in_language
    return env


@lru_cache(maxsize=16)
def language_context(project: Project, lang: str) -> dict:
    return {"lang": lang, "fmt": Formats(lang), "translations": translations(project, lang)}


def render(project: Project, lang: str, template: str, **context) -> str:
    return environment(project).get_template(template).render(**language_context(project, lang), **context)
