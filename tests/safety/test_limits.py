"""The documented time budget holds for the worst input within the limits: the check under 5 s and
the build under 60 s, whatever a page holds (README, "Limits").

A page may hold 200,000 characters (safety/limits.py); one-line headings, rules and setext headings
with no empty line between them are what Python-Markdown takes quadratic time over.
"""

from __future__ import annotations

import time

import markdown
import pytest
import yaml

from conftest import ROOT, build, check, cpu_seconds
from epi_site.safety.limits import MAX_BLOCK_LINES, MAX_FILE_CHARACTERS, tame

# Each fills a page to the character limit with lines Python-Markdown takes one at a time.
WORST_PAGES = {
    "headings": "# a\n",
    "headings with attributes": "# a {: .x}\n",
    "rules": "***\n",
    "setext headings": "a\n===\n",
}


def _page(line: str) -> str:
    return line * (MAX_FILE_CHARACTERS // len(line))



# The Markdown of hand-written pages, as mkdocs.yml configures it.
EXTENSIONS = "['attr_list', 'tables', 'toc']"


@pytest.mark.parametrize("kind", WORST_PAGES)
def test_a_page_full_of_one_line_blocks_converts_within_the_budget(kind):
    """Should the check be bypassed, the build's own limit (safety/limits.tame) keeps the page cheap."""
    code = ("import markdown\nfrom epi_site.safety.limits import tame\n"
            f"text = {WORST_PAGES[kind]!r} * {MAX_FILE_CHARACTERS // len(WORST_PAGES[kind])}\n"
            f"markdown.markdown(tame(text), extensions={EXTENSIONS})\n")
    assert cpu_seconds(code) < 10


def _growth(prepare) -> float:
    """How much more CPU time twice the text takes (linear work: about 2; quadratic: about 4)."""
    times = []
    for size in (MAX_FILE_CHARACTERS // 10, MAX_FILE_CHARACTERS // 5):
        text = prepare(_page("# a\n")[:size])
        started = time.process_time()
        markdown.markdown(text, extensions=["attr_list", "tables", "toc"])
        times.append(time.process_time() - started)
    return times[1] / times[0]


def test_without_the_limit_the_work_grows_with_the_square_of_the_lines():
    """The measure above can fail: untamed, twice the lines take about four times the work."""
    assert _growth(lambda text: text) > 3
    assert _growth(tame) < 3


def test_the_extensions_measured_are_the_builds():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506 (strings only)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert repr(names) == EXTENSIONS


def test_a_long_block_keeps_its_lines_in_order():
    text = "\n".join(f"# {n}" for n in range(1000))
    tamed = tame(text)
    assert tamed.replace("\n\n", "\n") == text and tamed.count("\n\n") == 1000 // MAX_BLOCK_LINES


@pytest.mark.slow
def test_the_worst_page_is_refused_within_the_budget(scratch, tmp_path):
    (scratch / "docs" / "goals.en.md").write_text("---\ntitle: Goals\ndescription: Goals.\n---\n\n"
                                                  + _page("# a\n")[:-200], encoding="utf-8")
    started = time.perf_counter()
    checked = check(scratch, timeout=60)
    assert time.perf_counter() - started < 5
    assert "docs/goals.en.md:6" in checked.stdout and "with no empty line" in checked.stdout, checked.stdout[-1500:]
    assert "put an empty line between headings, paragraphs and lists" in checked.stdout
    started = time.perf_counter()
    result = build(scratch, tmp_path / "site")
    assert time.perf_counter() - started < 60
    assert result.returncode != 0 and "with no empty line" in result.stdout + result.stderr
