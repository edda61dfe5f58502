"""Every official EU language's CLDR locale renders every format the site uses, whatever data it lacks."""

from __future__ import annotations

import datetime as dt

import pytest

from epi_site.rendering.render import Formats
from synthetic import EU_LANGUAGES


@pytest.mark.parametrize("lang", EU_LANGUAGES)
def test_every_format_renders(lang):
    formats = Formats(lang)
    day = dt.date(2021, 6, 30)
    for text in (formats.date(day), formats.month(day), formats.month_range(dt.date(2020, 1, 1), day),
                 formats.quarter(2021, 2), formats.number(1234.5), formats.percent(5.8),
                 formats.compact(1_234_567), formats.country("LV"), formats.language("sv")):
        assert isinstance(text, str) and text.strip()
    assert any(ch.isdigit() for ch in formats.compact(1_234_567))


def test_maltese_falls_back_to_short_compact_forms():
    """CLDR has no long compact decimal formats for mt: the short ones stand in, not a KeyError."""
    formats = Formats("mt")
    assert "long" not in formats.locale.compact_decimal_formats
    assert formats.compact(1_234_567) == "1.2M"


def test_long_forms_kept_where_cldr_has_them():
    assert Formats("en").compact(1_234_567) == "1.2 million"
