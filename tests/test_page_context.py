"""rendering/page_context.py: the theme's templates read a typed context, and read nothing it lacks."""

from __future__ import annotations

import dataclasses
import re

import pytest
from lxml import html

from conftest import ROOT, page_path
from epi_site.rendering.page_context import PageContext, PageFacts
from epi_site.rendering.pages import GeneratedPage

OVERRIDES = ROOT / "overrides"


def _names_read(template_text: str) -> set[str]:
    # Not a file's name: assets/epi.js.
    return set(re.findall(r"(?<![/\w])epi\.([a-z_]+)", template_text))


def test_every_name_a_theme_template_reads_is_a_field_of_the_context():
    # MkDocs' environment is not strict: a misspelt epi.<name> would render as nothing, silently.
    fields = {field.name for field in dataclasses.fields(PageContext)}
    read = {}
    for path in sorted(OVERRIDES.rglob("*.html")):
        for name in _names_read(path.read_text(encoding="utf-8")):
            read.setdefault(name, path.relative_to(ROOT))
    assert read, "the theme reads no epi.<name>: the pattern no longer finds them"
    unknown = {name: str(path) for name, path in read.items() if name not in fields}
    assert not unknown, f"templates read names the page context does not have: {unknown}"


def test_the_name_check_finds_a_misspelt_name():
    assert _names_read("{{ epi.canonicall }} {{ epi.lang }} 'assets/epi.js'") == {"canonicall", "lang"}


def test_a_generated_page_hands_over_what_it_says_of_itself():
    page = GeneratedPage("search", "sv", "Sök", "Sök på webbplatsen.", "<p>x</p>", "sv", in_search=False, noindex=True)
    facts = PageFacts.of_generated(page)
    assert (facts.title, facts.description, facts.content_lang) == ("Sök", "Sök på webbplatsen.", "sv")
    assert (facts.in_search, facts.noindex, facts.generated) == (False, True, True)
    # MkDocs gets the title alone: no theme key travels through front matter.
    assert page.markdown().startswith("---\ntitle: Sök\n---\n")


@pytest.mark.parametrize(("meta", "expected"), [
    ({}, PageFacts()),
    ({"title": 2024, "description": "D"}, PageFacts(title="2024", description="D")),
    ({"title": "T", "search": {"exclude": True}}, PageFacts(title="T", in_search=False)),
    # Keys the check refuses in a hand-written page never steer the context, should the check be bypassed.
    ({"title": "T", "robots": "noindex", "epi_content_lang": "en"}, PageFacts(title="T")),
])
def test_a_hand_written_page_hands_over_its_front_matter(meta, expected):
    assert PageFacts.of_front_matter(meta) == expected


def test_the_built_pages_show_what_the_context_says(site):
    search = html.fromstring(page_path(site, "lv", "search").read_bytes())
    assert search.xpath("//meta[@name='robots']/@content") == ["noindex"]
    goals = html.fromstring(page_path(site, "lv", "goals").read_bytes())
    assert goals.xpath("//meta[@name='robots']") == []
    assert goals.xpath("//link[@rel='canonical']/@href")[0].endswith("/lv/goals/")
