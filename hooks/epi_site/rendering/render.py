"""Jinja2 rendering with Babel formats and gettext strings for one language."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import markdown as markdown_lib
from babel import Locale, dates, lists, numbers
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup

from ..content.converters import texts_converter
from ..content.partners import country_name
from ..project import Project
from ..safety.limits import tame
from ..safety.markup import sanitise
from ..content.translations import in_language
from ..safety.template_text import text_gettext
from .roles import GROUP_NAMES, ROLE_NAMES
from .typography import bind

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _converter() -> markdown_lib.Markdown:
    """One converter for the build, reset before each text: making one costs more than converting."""
    return texts_converter()


def to_html(text: str) -> Markup:
    """Contributors' Markdown as sanitised HTML (raw HTML in it is escaped, not passed through)."""
    md = _converter()
    md.reset()  # no reference, footnote or stash of the previous text carries over
    return Markup(sanitise(md.convert(tame(text))))


# Each language's one way of writing a day, where CLDR's long date is not what the language's own
# texts (docs/, content/) write; a language missing here writes CLDR's long date. Babel gives the
# month names; rendering/typography.py binds the spaces a line must not split ("1. janvāris", "2020 r.").
DATE_PATTERNS = {
    "en": "d MMMM y",  # EU English, as the Interinstitutional Style Guide and the texts: "1 January 2020"
    "pl": "d MMMM y 'r.'",  # "1 stycznia 2020 r.", as the Polish texts write it
    "lv": "y. 'gada' d. MMMM",  # "2020. gada 1. janvāris"
}
# The first day of a month where the language writes it as an ordinal ("1° gennaio 2020", as the
# Italian texts write it, with the degree sign they use; "2 gennaio" is a cardinal).
FIRST_DAY_PATTERNS = {"it": "d'°' MMMM y"}

# Each language's one way of naming a quarter ("Newsletter, …"): a Babel pattern, or four of them
# where the language names the quarter with a word CLDR does not give. A language missing here
# writes "QQQQ y", CLDR's wide quarter name and the year.
QUARTER_PATTERNS = {
    "en": "QQQQ y",  # "2nd quarter 2022"
    # "andra kvartalet 2022", as Statistics Sweden and EU Swedish texts write it (CLDR: "2:a kvartalet")
    "sv": ("'första kvartalet' y", "'andra kvartalet' y", "'tredje kvartalet' y", "'fjärde kvartalet' y"),
    "ro": "QQQQ 'din' y",  # "trimestrul al II-lea din 2022"
    "it": "Q'°' 'trimestre' y",  # "2° trimestre 2022": the ordinal sign of the Italian dates ("1° gennaio")
    "es": "QQQQ 'de' y",  # "2.º trimestre de 2022"
    "de": "QQQQ y",  # "2. Quartal 2022"
    "pl": "QQQQ y 'r.'",  # "II kwartał 2022 r."
    "lv": "y. 'gada' Q. 'ceturksnis'",  # "2022. gada 2. ceturksnis"
}


class Formats:
    """Babel's formats for dates, numbers and names in one locale."""

    def __init__(self, lang: str):
        self.lang = lang
        self.locale = Locale.parse(lang)

    def date(self, day: dt.date) -> str:
        """A day as the language writes it, the same on pages, cards, email and feeds' text."""
        pattern = DATE_PATTERNS.get(self.lang, "long")
        if day.day == 1:
            pattern = FIRST_DAY_PATTERNS.get(self.lang, pattern)
        return bind(dates.format_date(day, pattern, locale=self.locale), self.lang)

    def month(self, day: dt.date) -> str:
        return bind(dates.format_skeleton("yMMMM", day, locale=self.locale), self.lang)

    def month_range(self, start: dt.date, end: dt.date) -> str:
        """From one month to another, as the locale writes a range ("January – December 2020")."""
        return bind(dates.format_interval(start, end, "yMMMM", locale=self.locale), self.lang)

    def quarter(self, year: int, quarter: int) -> str:
        pattern = QUARTER_PATTERNS.get(self.lang, "QQQQ y")
        if isinstance(pattern, tuple):
            pattern = pattern[quarter - 1]
        return bind(dates.format_date(dt.date(year, 3 * quarter - 2, 1), pattern, locale=self.locale), self.lang)

    def number(self, value: float) -> str:
        return numbers.format_decimal(value, locale=self.locale)

    def percent(self, value: float) -> str:
        """A percentage with the decimals it is given (the brochure's 5,8 % stays 5,8, not 6)."""
        share = Decimal(str(value)) / 100  # exact: 5.8 / 100 as a float would show 5.7999…
        return numbers.format_percent(share, locale=self.locale, decimal_quantization=False)

    def compact(self, value: float) -> str:
        """"1.2 million" where CLDR has long compact forms; else its short ones ("1.2M"), else the plain number.

        CLDR is thinner for some locales (Maltese has no long compact decimal formats), and a
        language must build before anyone has filled in its data.
        """
        for kind in ("long", "short"):
            if kind in self.locale.compact_decimal_formats:
                return numbers.format_compact_decimal(value, format_type=kind, fraction_digits=1, locale=self.locale)
        return self.number(value)

    def country(self, code: str) -> str:
        return country_name(code, self.lang)

    def names(self, items) -> str:
        """"A, B and C" as the language joins a list."""
        return lists.format_list(list(items), locale=self.locale)

    def language(self, code: str) -> str:
        """A language's name as it stands inside a sentence ("svenska" in Swedish, "Deutsch" in German)."""
        return Locale.parse(code).get_display_name(self.lang)


_gettext, _ngettext = text_gettext(lambda context: context["translations"])


@pass_context
def _in_language(context, texts: dict):
    """``phase.texts | in_language``: the page's language, or the default one while untranslated."""
    return in_language(texts, context["lang"], context["project"].default_language)[0]


def _sentence_case(text: str) -> str:
    """A phrase that starts a heading ("första kvartalet 2020" as "Första kvartalet 2020"): its first letter
    upper case and the rest as written (Jinja's ``capitalize`` would lower "I" in "trimestrul I")."""
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4)
def environment(project: Project) -> Environment:
    """One environment for every language, so each template is compiled once.

    The language comes with each render (see ``render``): ``_()`` and
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
    # The names of roles and groups are said once, in rendering/roles.py (the cards read them too).
    env.globals.update(project=project, markdown=to_html, role_names=ROLE_NAMES, group_names=GROUP_NAMES)
    env.filters["in_language"] = _in_language
    env.filters["sentence_case"] = _sentence_case
    return env


def render(language, template: str, **context) -> str:
    """``template`` in ``language`` (a rendering.language.Language: its catalog and formats)."""
    return environment(language.project).get_template(template).render(**language.template_context(), **context)
