"""Each language's own forms of a day and a quarter, from one table, in every kind of output.

The expected texts are written out here by hand, as each language writes them (not computed with the
code under test): English as used in the EU ("1 January 2020"), Italian "1° gennaio 2020", Polish
"1 stycznia 2020 r.", Latvian "2020. gada 1. janvāris", with the non-breaking spaces each one needs.
"""

from __future__ import annotations

import datetime as dt
import re

import feedparser
import pytest
from lxml import etree, html

from conftest import LANGUAGES, ROOT, page_path
from epi_site.content.loading import load_content
from epi_site.project import load_project
from epi_site.rendering.generation import Generation
from epi_site.rendering.render import Formats
from epi_site.rendering.social import page_cards
from epi_site.rendering.language import Language

NBSP = "\u00a0"

# Each as the page shows it: the spaces a line must not break are no-break spaces (rendering/typography.py).
START = {  # 1 January 2020, the project's first day
    "en": f"1{NBSP}January 2020", "sv": f"1{NBSP}januari 2020", "ro": f"1{NBSP}ianuarie 2020",
    "it": f"1°{NBSP}gennaio 2020", "es": f"1{NBSP}de enero de 2020", "de": f"1.{NBSP}Januar 2020",
    "pl": f"1{NBSP}stycznia 2020{NBSP}r.", "lv": f"2020.{NBSP}gada 1.{NBSP}janvāris",
}
END = {  # 30 June 2022, its planned last day
    "en": f"30{NBSP}June 2022", "sv": f"30{NBSP}juni 2022", "ro": f"30{NBSP}iunie 2022", "it": f"30{NBSP}giugno 2022",
    "es": f"30{NBSP}de junio de 2022", "de": f"30.{NBSP}Juni 2022", "pl": f"30{NBSP}czerwca 2022{NBSP}r.",
    "lv": f"2022.{NBSP}gada 30.{NBSP}jūnijs",
}
Q1_2020 = {
    "en": "1st quarter 2020", "sv": "första kvartalet 2020", "ro": "trimestrul I din 2020",
    "it": f"1°{NBSP}trimestre 2020", "es": f"1.er{NBSP}trimestre de 2020", "de": f"1.{NBSP}Quartal 2020",
    "pl": f"I{NBSP}kwartał 2020{NBSP}r.", "lv": f"2020.{NBSP}gada 1.{NBSP}ceturksnis",
}
Q2_2022 = {
    "en": "2nd quarter 2022", "sv": "andra kvartalet 2022", "ro": "trimestrul al II-lea din 2022",
    "it": f"2°{NBSP}trimestre 2022", "es": f"2.º{NBSP}trimestre de 2022", "de": f"2.{NBSP}Quartal 2022",
    "pl": f"II{NBSP}kwartał 2022{NBSP}r.", "lv": f"2022.{NBSP}gada 2.{NBSP}ceturksnis",
}
# Any day as the language writes it: day, month name, year in the language's order and signs, the day
# and its month on one line.
DAY = {
    "en": rf"(?P<d>\d{{1,2}}){NBSP}[A-Z][a-z]+ (?P<y>\d{{4}})", "sv": rf"(?P<d>\d{{1,2}}){NBSP}[a-zåäö]+ (?P<y>\d{{4}})",
    "ro": rf"(?P<d>\d{{1,2}}){NBSP}[a-zăâîșț]+ (?P<y>\d{{4}})",
    "it": rf"(?P<d>1°|[2-9]|[12]\d|3[01]){NBSP}[a-z]+ (?P<y>\d{{4}})",
    "es": rf"(?P<d>\d{{1,2}}){NBSP}de [a-z]+ de (?P<y>\d{{4}})",
    "de": rf"(?P<d>\d{{1,2}})\.{NBSP}[A-ZÄÖÜ][a-zäöüß]+ (?P<y>\d{{4}})",
    "pl": rf"(?P<d>\d{{1,2}}){NBSP}[a-ząćęłńóśźż]+ (?P<y>\d{{4}}){NBSP}r\.",
    "lv": rf"(?P<y>\d{{4}})\.{NBSP}gada (?P<d>\d{{1,2}})\.{NBSP}[a-zāčēģīķļņšūž]+",
}


def _text(node) -> str:
    return "".join(node.itertext())


def _assert_day(lang: str, iso: str, text: str) -> None:
    day = dt.date.fromisoformat(iso)
    match = re.fullmatch(DAY[lang], text)
    assert match, f"{lang}: {text!r} is not a day as {lang} writes it"
    assert match["y"] == str(day.year) and match["d"] == ("1°" if lang == "it" and day.day == 1 else str(day.day))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_form_of_a_day_and_a_quarter_per_language(lang):
    fmt = Formats(lang)
    assert fmt.date(dt.date(2020, 1, 1)) == START[lang]
    assert fmt.date(dt.date(2022, 6, 30)) == END[lang]
    assert fmt.quarter(2020, 1) == Q1_2020[lang]
    assert fmt.quarter(2022, 2) == Q2_2022[lang]
    _assert_day(lang, "2021-07-02", fmt.date(dt.date(2021, 7, 2)))  # "2 luglio": only the 1st is an ordinal


def test_english_is_written_as_in_the_eu_and_swedish_names_the_quarter_in_words():
    assert Formats("en").date(dt.date(2021, 11, 9)) == f"9{NBSP}November 2021"  # never "November 9, 2021"
    assert [Formats("sv").quarter(2021, q) for q in (3, 4)] == ["tredje kvartalet 2021", "fjärde kvartalet 2021"]
    assert Formats("ro").quarter(2021, 4) == "trimestrul al IV-lea din 2021"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_writes_the_projects_days_as_the_language_does(site, lang):
    tree = html.fromstring(page_path(site, lang, "timeline").read_bytes())
    assert _text(tree.xpath("//time[@datetime='2020-01-01']")[0]) == START[lang]
    assert _text(tree.xpath("//time[@datetime='2022-06-30']")[0]) == END[lang]
    article = _text(tree.xpath("//article")[0])
    assert START[lang] in article and END[lang] in article
    assert ".." not in article.replace("...", "")  # Polish "r." ends the sentence too: no "r.."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_day_on_news_pages_archive_issues_email_and_feeds_is_in_the_language(site, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    news = site / prefix / "news"
    pages = sorted(news.rglob("*.html"))
    assert any(p.name == "email.html" for p in pages) and page_path(site, lang, "news") in pages
    seen = 0
    for path in pages:
        for time in html.fromstring(path.read_bytes()).xpath("//time[@datetime]"):
            _assert_day(lang, time.get("datetime"), _text(time))
            seen += 1
    for feed in ("newsletter.rss.xml", "newsletter.atom.xml"):
        for entry in feedparser.parse(str(news / feed)).entries:
            body = html.fromstring(entry.content[0].value if "content" in entry else entry.description)
            for time in body.xpath("//time[@datetime]"):
                _assert_day(lang, time.get("datetime"), _text(time))
                seen += 1
    assert seen >= 3 * len(list(news.glob("20*/")))
    for email in news.glob("20*-q*/email.txt"):
        days = [line for line in email.read_text(encoding="utf-8").splitlines() if re.search(r"\d{4}", line)
                and re.fullmatch(DAY[lang], line)]
        assert days, f"{email}: no day written as {lang} writes it"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_rss_keeps_rfc_822_days(site, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    for feed in ("rss.xml", "newsletter.rss.xml"):
        days = etree.parse(str(site / prefix / "news" / feed)).xpath("//item/pubDate/text()")
        assert days and all(re.fullmatch(r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}", d)
                            for d in days)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_issue_titles_name_the_quarter_as_the_language_does(site, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    news = site / prefix / "news"
    checked = 0
    for key, quarter in (("2020-q1", Q1_2020[lang]), ("2022-q2", Q2_2022[lang])):
        if not (news / key).exists():  # an issue exists only for a quarter with news
            continue
        checked += 1
        tree = html.fromstring((news / key / "index.html").read_bytes())
        assert quarter in _text(tree.xpath("//h1")[0])
        email = html.fromstring((news / key / "email.html").read_bytes())
        assert quarter in _text(email.xpath("//title")[0])
        assert quarter in (news / key / "email.txt").read_text(encoding="utf-8").splitlines()[1]
        archive = html.fromstring((news / "index.html").read_bytes())
        # The archive's heading stands alone, so it begins with a capital as a sentence does.
        assert quarter[:1].upper() + quarter[1:] in [_text(h) for h in archive.xpath(f"//h2[@id='issue-{key}']")]
        titles = [e.title for e in feedparser.parse(str(news / "newsletter.rss.xml")).entries]
        assert any(quarter in t for t in titles), titles
    assert checked, "no newsletter issue was built"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_cards_carry_the_day_as_the_language_writes_it(lang):
    content, _ = load_content(load_project(ROOT))
    language = Language.of(content.project, lang)
    cards = page_cards(content, language, Generation(content, language).pages())
    items = {item.page_key: item for item in content.news}
    news = [(card, items[key]) for key, card in cards.items() if key in items]
    assert news
    for card, item in news:
        if item.date is None:  # the sources give no day for what it reports: the card claims none
            assert not card.spec.detail
            continue
        if not card.spec.detail:  # the title says the day already, as the language writes it
            day = Formats(lang).date(item.date)
            assert " ".join(day.split()) in " ".join(card.spec.title.split())
            continue
        # The card shows the day of what happened (its publication day is in article:published_time).
        _assert_day(lang, item.date.isoformat(), card.spec.detail)
