"""Each language's typography on the built pages, feeds and email editions (rendering/typography.py).

The built site is read with lxml, text node by text node in the language its element declares: where a
language keeps two words on one line, the space between them is a no-break space, never an ordinary one.
"""

from __future__ import annotations

import re
from functools import cache

import feedparser
import pytest
from babel import Locale
from babel.messages.pofile import read_po
from lxml import html

from conftest import LANGUAGES, ROOT
from epi_site.rendering.typography import NBSP, QUOTES, bind, bind_html

# Text a reader does not read as prose: its spaces are left as written.
NOT_PROSE = {"code", "pre", "kbd", "samp", "var", "script", "style", "textarea", "svg", "math"}
GRANT_NUMBER = re.compile(r"(?<!\w)(?:No|Nr\.|nr\.?|n\.º?) \d")
POLISH_ONE_LETTER = re.compile(r"(?<!\w)[aiouwzAIOUWZ] ")


# --- the rules, language by language ------------------------------------------------------------
@pytest.mark.parametrize(("lang", "text", "bound"), [
    ("en", "under grant agreement No 863614.", f"under grant agreement No{NBSP}863614."),
    ("it", "convenzione di sovvenzione n. 863614.", f"convenzione di sovvenzione n.{NBSP}863614."),
    ("es", "acuerdo de subvención n.º 863614.", f"acuerdo de subvención n.º{NBSP}863614."),
    ("de", "Finanzhilfevereinbarung Nr. 863614", f"Finanzhilfevereinbarung Nr.{NBSP}863614"),
    ("de", "am 23. November 2026", f"am 23.{NBSP}November 2026"),
    ("lv", "2026. gada 23. novembrī", f"2026.{NBSP}gada 23.{NBSP}novembrī"),
    ("lv", "VDAR 6. panta 1. punkta", f"VDAR 6.{NBSP}panta 1.{NBSP}punkta"),
    ("pl", "23 listopada 2026 r.", f"23{NBSP}listopada 2026{NBSP}r."),
    ("pl", "w 2018 r. do UE", f"w{NBSP}2018{NBSP}r. do UE"),
    ("es", "26.809.473 personas", f"26.809.473{NBSP}personas"),
    ("es", "1.er trimestre de 2020", f"1.er{NBSP}trimestre de 2020"),
    ("lv", f"26{NBSP}809{NBSP}473 personas", f"26{NBSP}809{NBSP}473{NBSP}personas"),
    ("ro", "cu 5,8 % mai mare", f"cu 5,8{NBSP}% mai mare"),
    ("sv", "cirka 4,5 miljoner", f"cirka 4,5{NBSP}miljoner"),
])
def test_each_language_binds_its_numbers_dates_and_abbreviations(lang, text, bound):
    assert bind(text, lang) == bound


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "see example.org/page/3 for more"),  # a number inside an address
    ("de", "in der EU-27 im Jahr 2019 wurde"),  # a number inside a word, and a year
    ("pl", "zobacz w https://example.org/"),  # an address is never glued to the word before it
    ("en", "A study"),  # Polish rules are Polish: English has no one-letter rule
])
def test_what_may_break_stays_breakable(lang, text):
    assert bind(text, lang) == text


def test_html_text_is_bound_in_the_language_its_element_declares():
    page = '<p>To jest w Polsce, <span lang="en">a study in 2 parts</span> i w <a href="x">Rydze</a></p>'
    assert bind_html(page, "pl") == (f'<p>To jest w{NBSP}Polsce, <span lang="en">a study in 2{NBSP}parts</span> '
                                     f'i{NBSP}w{NBSP}<a href="x">Rydze</a></p>')


@pytest.mark.parametrize("page", [
    '<p><code>a b 1 January</code> <pre>w a\n1 stycznia</pre></p>',
    '<a href="https://example.org/w a/1 stycznia" title="w 1 stycznia 2020 r.">x</a>',
    '<img alt="i w 1 stycznia" src="a b.png"><input value="1 stycznia">',
    '<script>if (a < b) { x = "w 1 stycznia"; }</script><style>p > a::after { content: "w 1 a"; }</style>',
    '<!-- w 1 stycznia 2020 r. --><svg><text>1 stycznia</text></svg><kbd>Ctrl a</kbd>',
    '<textarea>w 1 stycznia</textarea><samp>i a</samp><var>o i</var>',
])
def test_html_code_attributes_addresses_and_scripts_are_never_changed(page):
    assert bind_html(page, "pl") == page


def test_html_binding_only_turns_spaces_into_no_break_spaces_and_is_idempotent():
    page = ('<!DOCTYPE html><html lang="lv"><head><title>1. janvāris</title></head><body>'
            '<p class="a > b">Sākās 2020. gada 1. janvārī<br>ar 13 partneriem</p><ul><li>1. posms<li>2. posms</ul>'
            '<p>26 809 473 personas, 5,8 %</p></body></html>')
    once = bind_html(page, "lv")
    assert once.replace(NBSP, " ") == page and bind_html(once, "lv") == once
    assert f"2020.{NBSP}gada 1.{NBSP}janvārī" in once and f"2.{NBSP}posms" in once and f"5,8{NBSP}%" in once


# --- the built site, in every language --------------------------------------------------------
def _language_files(site, lang, pattern):
    folders = {code for code in LANGUAGES if code != "en"}
    for path in sorted(site.glob(pattern if lang == "en" else f"{lang}/{pattern}")):
        parts = path.relative_to(site).parts
        if "pagefind" not in parts and (lang != "en" or parts[0] not in folders):
            yield path


def _walk(element, lang, found):
    lang = element.get("lang", lang)
    if element.tag in NOT_PROSE:
        return
    if element.text:
        found.append((element.text, lang))
    for child in element:
        if isinstance(child.tag, str):
            _walk(child, lang, found)
        if child.tail:
            found.append((child.tail, lang))


@cache
def _text_nodes(path, lang) -> tuple[tuple[str, str], ...]:
    """(text, language) of each text node of the page's body, as a reader's browser breaks it."""
    tree = html.fromstring(path.read_bytes())
    found: list[tuple[str, str]] = []
    _walk(tree.find("body"), tree.get("lang", lang), found)
    return tuple(found)


def _breaks(site, lang, pattern, in_language=None, files="**/*.html"):
    """Where ``pattern`` matches a text node: an ordinary space where the language binds."""
    found = []
    for path in _language_files(site, lang, files):
        for text, text_lang in _text_nodes(path, lang):
            if in_language is None or text_lang == in_language:
                found += [f"{path.relative_to(site)}: …{text[max(0, m.start() - 30):m.end() + 20]!r}"
                          for m in pattern.finditer(text)]
    return found


@cache
def _day_and_month(lang: str) -> re.Pattern:
    """A day of the month, an ordinary space and its month, in any of the language's forms
    ("1 stycznia", "1. janvārī", "23. November", "1 de enero")."""
    months = Locale.parse(lang).months
    stems = {name[:4].lower() for context in ("format", "stand-alone") for name in months[context]["wide"].values()}
    return re.compile(rf"(?<![\d.,])(?:[1-9]|[12]\d|3[01])[.°]? (?:de )?(?:{'|'.join(sorted(stems))})", re.I)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_day_is_parted_from_its_month_on_any_page_or_email(site, lang):
    assert not _breaks(site, lang, _day_and_month(lang), in_language=lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_number_is_parted_from_its_unit_sign_nor_a_grant_number_from_its_abbreviation(site, lang):
    assert not _breaks(site, lang, re.compile(r"\d (?=[%‰€])"))
    assert not _breaks(site, lang, GRANT_NUMBER)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_chart_values_keep_their_number_and_unit_on_one_line(site, lang):
    values = 0
    for path in _language_files(site, lang, "**/*.html"):
        tree = html.fromstring(path.read_bytes())
        for cell in tree.xpath("//table[contains(@class, 'epi-chart__table')]//td"
                               " | //p[contains(@class, 'epi-chart__figure')]"):
            assert not re.search(r"\d (?=\S)", cell.text_content()), (path, cell.text_content())
            values += 1
    assert values, "no chart value on any page"


def test_polish_years_keep_their_r_and_one_letter_words_their_next_word(site):
    assert not _breaks(site, "pl", re.compile(r"\d{4} r\."), in_language="pl")
    assert not _breaks(site, "pl", POLISH_ONE_LETTER, in_language="pl")
    bound = sum(text.count(f"w{NBSP}") for path in _language_files(site, "pl", "*.html")
                for text, _ in _text_nodes(path, "pl"))
    assert bound, "the Polish home page binds no one-letter word"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feeds_titles_summaries_and_plain_text_emails_bind_as_the_pages_do(site, lang):
    day_and_month, texts = _day_and_month(lang), []
    for feed in _language_files(site, lang, "news/*.xml"):
        for entry in feedparser.parse(str(feed)).entries:
            summary = entry.get("summary", "")
            texts += [entry.title, html.fromstring(summary).text_content() if summary.strip() else ""]
    texts += [path.read_text(encoding="utf-8") for path in _language_files(site, lang, "news/*/email.txt")]
    assert len(texts) > 2
    for text in texts:
        assert not day_and_month.search(text) and not GRANT_NUMBER.search(text), text
        if lang == "pl":
            assert not re.search(r"\d{4} r\.", text), text


# --- quotation marks ---------------------------------------------------------------------------
MARKS = set("\"“”„‟«»‹›")


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_the_catalogs_quote_with_their_languages_marks(lang):
    """Where a translation puts words in quotation marks, they are its language's (QUOTES)."""
    with (ROOT / "locales" / f"{lang}.po").open("rb") as file:
        catalog = read_po(file)
    quoted = 0
    for message in catalog:
        for text in (message.string if isinstance(message.string, tuple) else (message.string,)):
            used = [c for c in text or "" if c in MARKS]
            assert all(c in QUOTES[lang] for c in used), (lang, text)
            quoted += bool(used)
    assert quoted, f"{lang}.po quotes nothing: the test reads the wrong file"
