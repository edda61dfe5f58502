"""Names the strict build refuses, or that would mislead, are refused by the check with a message (issue 19 §3)."""

from __future__ import annotations

import pytest

from test_untrusted_files_and_values import check

PAGE = "---\ntitle: Test\ndescription: A test.\n---\n\n# Test\n"


def test_a_name_differing_only_in_capitals_is_refused(scratch):
    (scratch / "docs/Goals.en.md").write_text(PAGE)
    result = check(scratch)
    assert result.returncode == 1
    assert "docs/goals.en.md: this name differs from docs/Goals.en.md only in capital letters" in result.stdout \
        or "docs/Goals.en.md: this name differs from docs/goals.en.md only in capital letters" in result.stdout, result.stdout
    assert "rename one of them" in result.stdout


def test_a_folder_differing_only_in_capitals_is_refused(scratch):
    (scratch / "docs/Assets").mkdir()
    (scratch / "docs/assets").mkdir(exist_ok=True)
    result = check(scratch)
    assert result.returncode == 1 and "only in capital letters" in result.stdout, result.stdout


@pytest.mark.parametrize(("name", "shown"), [
    ("g\u043eals.en.md", "U+043E cyrillic small letter o"),
    ("assets/linköping.png", "U+00F6 latin small letter o with diaeresis"),
])
def test_a_name_outside_ascii_is_refused_naming_its_characters(scratch, name, shown):
    from epi_site.safety.files import publishable

    path = scratch / "docs" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(PAGE.encode() if name.endswith(".md") else b"\x89PNG\r\n\x1a\n")
    result = check(scratch)
    assert result.returncode == 1
    assert "this name holds letters outside the English alphabet" in result.stdout and shown in result.stdout, result.stdout
    assert not publishable(scratch / "docs", path)


def test_a_homoglyph_news_file_is_refused(scratch):
    (scratch / "content/news/2020-01-01-epi-st\u0430rts.en.md").write_text(PAGE)
    result = check(scratch)
    assert result.returncode == 1 and "U+0430 cyrillic small letter a" in result.stdout, result.stdout


@pytest.mark.parametrize("name", ["news/index.en.md", "partners/index.en.md", "partners.en.md", "timeline.en.md",
                                  "timeline/index.en.md", "status.en.md", "search.en.md", "partners/cartagena.en.md",
                                  "news/2020-01-01-epi-starts.en.md"])
def test_a_page_that_shadows_a_generated_one_is_refused(scratch, name):
    path = scratch / "docs" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(PAGE)
    result = check(scratch)
    assert result.returncode == 1
    address = name.removesuffix(".en.md").removesuffix("/index")
    assert f"docs/{name}: the site makes the page '{address}/' itself, so this page would replace it" in result.stdout, \
        result.stdout
