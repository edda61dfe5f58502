"""content/page_kinds.py: every generated page is declared once, and the declaration is what the site does."""

from __future__ import annotations

import pytest
from lxml import html

from conftest import LANGUAGES, ROOT
from epi_site.content import page_kinds
from epi_site.content.loading import load_content
from epi_site.content.page_kinds import KINDS, PageKind, generated_pages
from epi_site.project import load_project
from epi_site.rendering.pages import LanguageBuild, PageKindError
from epi_site.rendering.urls import page_url

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


def test_a_kind_declared_but_not_generated_is_named_at_once(monkeypatch):
    extra = PageKind("throw-away", None, lambda parts: {"thanks": None}, listed=False)
    monkeypatch.setattr(page_kinds, "KINDS", (*KINDS, extra))
    with pytest.raises(PageKindError, match=r"declared in content/page_kinds\.py but not built: thanks"):
        LanguageBuild(CONTENT, "sv").pages()


def test_a_page_generated_but_not_declared_is_named_at_once(monkeypatch):
    monkeypatch.setattr(page_kinds, "KINDS", tuple(k for k in KINDS if k.name != "timeline"))
    with pytest.raises(PageKindError, match=r"built but not declared in content/page_kinds\.py: timeline/index"):
        LanguageBuild(CONTENT, "de").pages()


def test_a_kind_whose_listing_disagrees_with_its_pages_is_named(monkeypatch):
    swapped = tuple(PageKind(k.name, k.section, k.pages, listed=True) if k.name == "search" else k for k in KINDS)
    monkeypatch.setattr(page_kinds, "KINDS", swapped)
    with pytest.raises(PageKindError, match="'search' is built unlisted"):
        LanguageBuild(CONTENT, "en").pages()


def test_two_kinds_cannot_declare_the_same_page():
    twice = (*KINDS, PageKind("again", None, lambda parts: {"news/index": None}))
    with pytest.raises(ValueError, match="'news/index' is declared by 'newsletter archive' and 'again'"):
        generated_pages(CONTENT, twice)


def test_content_objects_own_their_page_key():
    assert CONTENT.partners[0].page_key == f"partners/{CONTENT.partners[0].id}"
    assert CONTENT.news[0].page_key == f"news/{CONTENT.news[0].slug}"
    assert CONTENT.issues[0].page_key == f"news/{CONTENT.issues[0].year}-q{CONTENT.issues[0].quarter}"
