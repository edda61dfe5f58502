"""rendering/search_index.py: what Pagefind indexes, and what a result shows of it."""

from __future__ import annotations

import re

import pytest
from lxml import html

from conftest import LANGUAGES, html_pages

# Pagefind joins the text of two elements that touch ("Rola" + "Miasto" = "RolaMiasto"): cells,
# terms and their descriptions, list items must have a space between them in the HTML it reads.
TOUCHING = re.compile(r"</(td|th|dt|dd|li)>\s{0}<(td|th|dt|dd|li)\b")


def test_no_two_cells_or_terms_touch_in_the_indexed_text(site):
    found = []
    for path in html_pages(site):
        raw = path.read_text(encoding="utf-8")
        body = raw.split("data-pagefind-body", 1)
        if len(body) == 2:
            found += [f"{path.relative_to(site)}: </{m[1]}><{m[2]}" for m in TOUCHING.finditer(body[1])]
    assert not found, found[:10]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_in_a_section_give_the_index_the_sections_name(site, lang):
    """A partner page's result says 'Partners' under its title, in the page's language."""
    prefix = "" if lang == "en" else f"{lang}/"
    tree = html.fromstring((site / prefix / "partners" / "riga" / "index.html").read_bytes())
    section = tree.xpath("//*[@data-pagefind-meta='section']")
    index = html.fromstring((site / prefix / "partners" / "index.html").read_bytes())
    assert len(section) == 1 and section[0].text_content() == index.xpath("string(//h1)").strip()


@pytest.mark.parametrize(("lang", "query", "section"), [("pl", "Lublin", "Partnerzy"), ("en", "Riga", "Partners"),
                                                        ("lv", "Rīga", "Partneri")])
def test_a_result_names_its_section_and_keeps_words_apart(browser, server, lang, query, section):
    page = browser.new_page()
    assert run_search(page, server, lang, query)
    results = page.eval_on_selector_all("li.epi-result", """items => items.map(item => ({
        section: (item.querySelector('.epi-result__section') || {}).textContent || '',
        text: item.querySelector('.epi-result__excerpt').textContent}))""")
    assert section in [r["section"] for r in results], results
    joined = [r["text"] for r in results if re.search(r"[a-ząćęłńóśźżāēīūčšž][A-ZĄĆĘŁŃÓŚŹŻĀĒĪŪČŠŽ]", r["text"])]
    assert not joined, joined  # "RolaMiasto": two cells read as one word
    page.close()


from chromium import browser, run_search, server  # noqa: E402,F401  the same Chromium and local server fixtures
