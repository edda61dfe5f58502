"""rendering/typography.py: the spaces each language binds, in the images the generator draws."""

from __future__ import annotations

from itertools import pairwise

import pytest

from conftest import LANGUAGES, ROOT
from epi_site.content.loading import load_content
from epi_site.project import load_project
from epi_site.rendering.cards import layout
from epi_site.rendering.generation import Generation
from epi_site.rendering.social import page_cards
from epi_site.rendering.typography import NBSP, bind
from epi_site.rendering.language import Language


@pytest.mark.parametrize(("lang", "text", "bound"), [
    ("en", "began on 1 January 2020", f"began on 1{NBSP}January 2020"),
    ("de", "am 1. Januar 2020", f"am 1.{NBSP}Januar 2020"),
    ("it", "il 1° gennaio 2020", f"il 1°{NBSP}gennaio 2020"),
    ("lv", "sākās 2020. gada 1. janvārī", f"sākās 2020.{NBSP}gada 1.{NBSP}janvārī"),
    ("lv", "2022. gada 2. ceturksnis", f"2022.{NBSP}gada 2.{NBSP}ceturksnis"),
    ("pl", "1 stycznia 2020 r.", f"1{NBSP}stycznia 2020{NBSP}r."),
    ("pl", "I kwartał 2020 r.", f"I{NBSP}kwartał 2020{NBSP}r."),
    ("pl", "umowy o udzielenie i w Polsce", f"umowy o{NBSP}udzielenie i{NBSP}w{NBSP}Polsce"),
    ("es", "2.º trimestre de 2022", f"2.º{NBSP}trimestre de 2022"),
    ("de", "5,8 % höher", f"5,8{NBSP}% höher"),
    ("sv", "13 partner", f"13{NBSP}partner"),
])
def test_each_language_binds_what_its_typography_keeps_on_one_line(lang, text, bound):
    assert bind(text, lang) == bound


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "In 2020 the cities met"),  # a year is not a day: it may end a line
    ("pl", "Wiosna 2020"),
    ("sv", "Städerna arbetade"),
    ("de", "Ein Jahr"),  # a capital letter word is not a Polish one-letter word, and German has none
])
def test_what_may_break_stays_breakable(lang, text):
    assert bind(text, lang) == text


def test_binding_is_idempotent_and_keeps_every_letter():
    text = "Projekt o 13 miastach w 2020 r. i 1. ceturksnis"
    for lang in LANGUAGES:
        once = bind(text, lang)
        assert bind(once, lang) == once
        assert once.replace(NBSP, " ") == text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_card_title_line_ends_where_its_language_binds(lang):
    """The real cards: no line of a title ends in a day or ordinal ("1." / "janvārī"), nor, in Polish,
    in a one-letter word or a year before its "r."."""
    content, _ = load_content(load_project(ROOT))
    language = Language.of(content.project, lang)
    cards = page_cards(content, language, Generation(content, language).pages())
    checked = 0
    for key, card in cards.items():
        lines = layout(card.spec).title.lines
        for line, following in pairwise(lines):
            last = line.split(" ")[-1]
            number = last.rstrip(".°º")
            assert not number.isdigit() or (len(number) == 4 and lang != "lv"), (key, lines)
            if lang == "pl":
                assert len(last) > 1 and not following.startswith("r."), (key, lines)
            checked += 1
    assert checked, "no card has a title of more than one line"
