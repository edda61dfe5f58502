"""Pure logic: Babel formats, project months and plural categories, with no build."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT
from epi_site.rendering.chart_view import format_value
from epi_site.rendering.generators.tools import _plural_samples
from epi_site.project import load_project
from epi_site.rendering.render import Formats
from epi_site.content.timeline import month_end, project_month
from epi_site.rendering.urls import page_url, relative
from epi_site.rendering.language import Language

PROJECT = load_project(ROOT)
NBSP = "\u00a0"


@pytest.mark.parametrize("lang, expected", [
    ("en", "26,809,473"), ("sv", f"26{NBSP}809{NBSP}473"), ("de", "26.809.473"), ("pl", f"26{NBSP}809{NBSP}473"),
    ("it", "26.809.473"), ("es", "26.809.473"), ("ro", "26.809.473"), ("lv", f"26{NBSP}809{NBSP}473"),
])
def test_numbers_follow_the_locale(lang, expected):
    assert Formats(lang).number(26809473) == expected


def test_values_carry_their_unit_with_the_right_plural():
    # A number and its unit on one line: "26 809 473 / personas" never wraps.
    assert format_value(Language.of(PROJECT, "en"), 26809473, "persons") == f"26,809,473{NBSP}persons"
    assert format_value(Language.of(PROJECT, "en"), 1, "persons") == f"1{NBSP}person"
    assert format_value(Language.of(PROJECT, "de"), 2328556, "persons").startswith(f"2.328.556{NBSP}")
    assert format_value(Language.of(PROJECT, "es"), 26809473, "persons") == f"26.809.473{NBSP}personas"
    assert format_value(Language.of(PROJECT, "en"), 50, "percent") == "50%"
    assert format_value(Language.of(PROJECT, "sv"), 50, "percent") == f"50{NBSP}%"
    assert format_value(Language.of(PROJECT, "en"), 5.8, "percent") == "5.8%"
    assert format_value(Language.of(PROJECT, "de"), 5.8, "percent") == f"5,8{NBSP}%"
    assert format_value(Language.of(PROJECT, "pl"), 5.8, "percent") == "5,8%"
    assert format_value(Language.of(PROJECT, "en"), 22_000_000, "persons", approximate=True) == f"about 22{NBSP}million"


def test_polish_plural_forms_come_from_the_catalog():
    polish = Language.of(PROJECT, "pl")
    few, many = format_value(polish, 2328554, "persons"), format_value(polish, 2328556, "persons")
    assert few.split()[-1] != many.split()[-1]


@pytest.mark.parametrize("day, month", [(dt.date(2020, 1, 1), 1), (dt.date(2020, 12, 31), 12),
                                        (dt.date(2021, 7, 1), 19), (dt.date(2022, 6, 30), 30)])
def test_project_months_are_computed_from_dates(day, month):
    assert project_month(dt.date(2020, 1, 1), day) == month


def test_month_end_handles_december_and_february():
    assert month_end(dt.date(2020, 12, 1)) == dt.date(2020, 12, 31)
    assert month_end(dt.date(2020, 2, 1)) == dt.date(2020, 2, 29)


@pytest.mark.parametrize("lang, expected", [("en", "January 2020"), ("sv", "januari 2020"), ("de", "Januar 2020"),
                                            ("pl", "styczeń 2020"), ("lv", f"2020.{NBSP}g. janvāris")])
def test_month_names_come_from_babel(lang, expected):
    assert Formats(lang).month(dt.date(2020, 1, 1)) == expected


def test_quarters_and_ranges_are_localized():
    assert Formats("en").quarter(2020, 1) == "1st quarter 2020"
    assert Formats("de").quarter(2022, 2) == f"2.{NBSP}Quartal 2022"
    assert Formats("sv").month_range(dt.date(2020, 1, 1), dt.date(2020, 12, 31)) == "januari–december 2020"
    assert Formats("en").month_range(dt.date(2020, 7, 1), dt.date(2021, 6, 30)) == "July 2020\u2009–\u2009June 2021"


def test_country_and_language_names_come_from_babel():
    assert Formats("de").country("LV") == "Lettland"
    assert Formats("pl").country("SE") == "Szwecja"
    assert [PROJECT.language_name(code) for code in PROJECT.languages] == [
        "English", "Svenska", "Română", "Italiano", "Español", "Deutsch", "Polski", "Latviešu"]


def test_every_plural_category_gets_a_sample():
    assert dict(_plural_samples("en")) == {"one": 1, "other": 0}
    assert set(dict(_plural_samples("pl"))) == {"one", "few", "many"}  # "other" is for fractions
    assert set(dict(_plural_samples("lv"))) == {"zero", "one", "other"}


def test_addresses_and_relative_links():
    assert page_url(PROJECT, "index", "en") == ""
    assert page_url(PROJECT, "partners/index", "sv") == "sv/partners/"
    assert page_url(PROJECT, "partners/riga", "lv") == "lv/partners/riga/"
    assert relative("sv/partners/riga/", "sv/partners/") == "../"
    assert relative("sv/partners/riga/", "sv/news/rss.xml") == "../../news/rss.xml"
    assert relative("", "sv/") == "sv/"
    assert relative("sv/", "") == "../"
