"""content/page_kinds.py: every generated page is declared once, and the declaration is what the site does."""

from __future__ import annotations

from dataclasses import replace

import pytest
from jinja2 import ChoiceLoader, DictLoader
from lxml import html

from conftest import LANGUAGES, ROOT
from epi_site.content import page_kinds
from epi_site.content.loading import load_content
from epi_site.content.page_kinds import KINDS, PageKind, generated_pages
from epi_site.project import load_project
from epi_site.rendering.generation import Generation
from epi_site.rendering.pages import PageKindError
from epi_site.rendering.urls import page_url
from epi_site.rendering.language import Language
from epi_site.rendering.render import environment
from epi_site.rendering.sitemap import content_languages, sitemap_xml
from epi_site.rendering.directive_views import VIEWS
from epi_site.content.directives import NAMES

PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)


def test_every_declared_page_is_built_in_every_language_as_its_kind_says(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    declared = generated_pages(CONTENT)
    assert {kind.name for kind, _ in declared.values()} == {kind.name for kind in KINDS}
    for key, (kind, own) in declared.items():
        for lang in LANGUAGES:
            path = site / page_url(PROJECT, key, lang) / "index.html"
            assert path.is_file(), (kind.name, key, lang)
            page = html.fromstring(path.read_bytes())
            robots = page.xpath("//meta[@name='robots']/@content")
            assert (robots == ["noindex"]) is (not kind.listed), (key, lang)
            listed_here = kind.listed and (own is None or lang in own)
            assert (f"<loc>{PROJECT.absolute(page_url(PROJECT, key, lang))}</loc>" in sitemap) is listed_here, (key, lang)


def test_a_kind_names_its_section_on_the_cards_and_a_page_without_a_kind_the_site(site):
    for key, expected in (("partners/riga", "Partners"), ("news/index", "Newsletter"), ("timeline/index", "Timeline")):
        assert generated_pages(CONTENT)[key][0].section == expected
    assert "goals" not in generated_pages(CONTENT)  # hand-written pages are their files


def test_a_kind_with_neither_generator_nor_title_is_named_at_once(monkeypatch):
    extra = PageKind("throw-away", None, lambda parts: {"thanks": None}, "thanks.html", listed=False)
    monkeypatch.setattr(page_kinds, "KINDS", (*KINDS, extra))
    with pytest.raises(PageKindError, match=r"'throw-away' has no generator in rendering/generators/ and no title"):
        Generation(CONTENT, Language.of(PROJECT, "sv")).pages()


def test_a_generator_that_makes_more_than_its_kind_declares_is_named_at_once(monkeypatch):
    fewer = tuple(replace(k, pages=lambda parts: {}) if k.name == "timeline" else k for k in KINDS)
    monkeypatch.setattr(page_kinds, "KINDS", fewer)
    with pytest.raises(PageKindError, match=r"built but not declared in content/page_kinds\.py: timeline/index"):
        Generation(CONTENT, Language.of(PROJECT, "de")).pages()


def test_a_kind_that_declares_more_than_its_generator_makes_is_named_at_once(monkeypatch):
    more = tuple(replace(k, pages=lambda parts: {"search": None, "search-2": None}) if k.name == "search" else k
                 for k in KINDS)
    monkeypatch.setattr(page_kinds, "KINDS", more)
    with pytest.raises(PageKindError, match=r"declared in content/page_kinds\.py but not built: search-2"):
        Generation(CONTENT, Language.of(PROJECT, "de")).pages()


def test_a_kind_whose_listing_disagrees_with_its_pages_is_named(monkeypatch):
    swapped = tuple(replace(k, listed=True) if k.name == "search" else k for k in KINDS)
    monkeypatch.setattr(page_kinds, "KINDS", swapped)
    with pytest.raises(PageKindError, match="'search' is built unlisted"):
        Generation(CONTENT, Language.of(PROJECT, "en")).pages()


def test_two_kinds_cannot_declare_the_same_page():
    twice = (*KINDS, PageKind("again", None, lambda parts: {"news/index": None}, "archive.html"))
    with pytest.raises(ValueError, match="'news/index' is declared by 'newsletter archive' and 'again'"):
        generated_pages(CONTENT, twice)


def test_a_new_page_kind_is_one_entry_and_one_template(monkeypatch):
    """A throw-away kind, declared with a template and nothing else, is built in every language and
    listed in the sitemap in each."""
    thanks = PageKind("thank-you", None, lambda parts: {"thanks": None}, "thanks.html",
                      title="Thank you", description="Thanks to the partners.")
    monkeypatch.setattr(page_kinds, "KINDS", (*KINDS, thanks))
    env = environment(PROJECT)
    monkeypatch.setattr(env, "loader", ChoiceLoader([DictLoader({"thanks.html": "<h1>{{ title }}</h1>"}), env.loader]))
    monkeypatch.setattr(env, "cache", None)
    for lang in LANGUAGES:
        made = {page.key: page for page in Generation(CONTENT, Language.of(PROJECT, lang)).pages()}
        assert made["thanks"].body.startswith("<h1>") and not made["thanks"].noindex, lang
    assert made["thanks"].title == "Thank you"  # English, until the catalogs have the string
    sitemap = sitemap_xml(CONTENT, content_languages(CONTENT))
    for lang in LANGUAGES:
        assert f"<loc>{PROJECT.absolute(page_url(PROJECT, 'thanks', lang))}</loc>" in sitemap


def test_every_directive_the_check_knows_renders_and_no_other():
    assert set(VIEWS) == set(NAMES)


def test_content_objects_own_their_page_key():
    assert CONTENT.partners[0].page_key == f"partners/{CONTENT.partners[0].id}"
    assert CONTENT.news[0].page_key == f"news/{CONTENT.news[0].slug}"
    assert CONTENT.issues[0].page_key == f"news/{CONTENT.issues[0].year}-q{CONTENT.issues[0].quarter}"
