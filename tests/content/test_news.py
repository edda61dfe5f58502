"""Two dates that say what they mean: a news item's ``date`` is the day of what it reports,
its ``published`` the day its text appeared on this website. The feeds, the schema.org data and the
link previews give the second, in every language; the pages, the archive and the cards the first.

The expected dates are read here from the files' front matter with plain YAML, not through the code
under test; the rules of the field live in content/news.py.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import subprocess
from pathlib import Path

import feedparser
import pytest
import yaml
from lxml import etree, html

from conftest import LANGUAGES, ROOT, html_pages, page_path
from epi_site.content import news as news_module
from epi_site.content.loading import load_content
from epi_site.project import load_project

SITE_URL = "https://www.epi-project.com/"
NEWS = ROOT / "content" / "news"
ENGLISH = sorted(NEWS.glob("*.en.md"))
DATED = "content/news/2020-01-01-epi-starts"  # the brochure gives its day
UNDATED = "content/news/partnership"  # the brochure gives no day for the partnership
PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1]) or {}


def slug_of(path: Path) -> str:
    return path.name.rsplit(".", 2)[0]


def expected_days(lang: str) -> dict[str, tuple[dt.date | None, dt.date]]:
    """Each item's (day of what it reports, day the text shown in ``lang`` was published), from the files."""
    days = {}
    for english in ENGLISH:
        meta = front_matter(english)
        own = english.with_name(f"{slug_of(english)}.{lang}.md")
        published = front_matter(own)["published"] if own.exists() else meta["published"]
        days[slug_of(english)] = (meta.get("date"), published)
    return days


def _problems(root: Path, today: dt.date | None = None):
    _, problems = load_content(load_project(root), today=today)
    return list(problems)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start))


# --- the content -----------------------------------------------------------------------------------

def test_every_news_file_says_when_it_was_published():
    files = sorted(NEWS.glob("*.md"))
    assert len(files) == len(ENGLISH) * len(LANGUAGES)
    for path in files:
        published = front_matter(path).get("published")
        assert isinstance(published, dt.date), f"{path.name}: 'published' is {published!r}"
    # The shipped texts were written in 2026 about 2020: the two dates differ, so the tests below tell them apart.
    assert all(front_matter(english).get("date") != front_matter(english)["published"] for english in ENGLISH)


def test_the_partnership_reports_no_day_the_brochure_does_not_give():
    # The brochure's paragraph on the partnership names its 13 partners and 8 countries, and no day.
    assert "date" not in front_matter(ROOT / f"{UNDATED}.en.md")
    item = next(i for i in CONTENT.news if i.slug == "partnership")
    assert item.date is None and item.quarter is None
    assert all(item not in issue.items for issue in CONTENT.issues)
    assert CONTENT.news[-1] is item  # undated items come after every dated one


def test_publication_dates_are_not_earlier_than_the_day_git_first_recorded_the_file():
    try:
        shallow = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"],
                                 capture_output=True, text=True, timeout=30)
    except (FileNotFoundError, subprocess.TimeoutExpired):
        pytest.skip("git is not available, so the repository's history cannot tell when each file was added")
    if shallow.returncode != 0:
        pytest.skip("this copy of the project is not a git repository: there is no history to compare with")
    if shallow.stdout.strip() == "true":
        pytest.skip("a shallow clone: its first commit shows every file as added that day, which says nothing")
    checked = 0
    for path in sorted(NEWS.glob("*.md")):
        name = path.relative_to(ROOT).as_posix()
        log = subprocess.run(["git", "-C", str(ROOT), "log", "--diff-filter=A", "--follow", "--format=%as", "--", name],
                             capture_output=True, text=True, timeout=60)
        days = log.stdout.split()
        if not days:
            continue  # not committed yet: the check's rule (never in the future) is the one that applies
        first = dt.date.fromisoformat(days[-1])
        assert front_matter(path)["published"] >= first, (
            f"{name} says it was published on {front_matter(path)['published']}, before git first recorded it ({first})")
        checked += 1
    if not checked:
        pytest.skip("git has recorded none of the news files yet")


# --- the field's rules (content/news.py) --------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "lv"])
def test_a_missing_publication_date_is_refused_with_the_file_the_line_and_what_to_write(scratch, lang):
    path = scratch / f"{DATED}.{lang}.md"
    _edit(path, "published: 2026-11-23\n", "")
    found = [p for p in _problems(scratch, today=dt.date(2026, 12, 7)) if p.message == "'published' is missing"]
    assert len(found) == 1
    problem = found[0]
    assert problem.file == f"{DATED}.{lang}.md" and problem.line == 2 and problem.where == "front matter.published"
    assert "published: 2026-12-07" in problem.fix and "git log --diff-filter=A" in problem.fix


@pytest.mark.parametrize("value", ["23 November 2026", "2026-11-31", "2026-11", "yesterday"])
def test_a_malformed_publication_date_is_refused(scratch, value):
    path = scratch / f"{UNDATED}.en.md"
    _edit(path, "published: 2026-11-23", f"published: {value}")
    found = [p for p in _problems(scratch) if p.where == "front matter.published"]
    assert len(found) == 1 and "is not a date" in found[0].message
    assert found[0].line == _line_of(path, "published:") and "year-month-day" in found[0].fix


def test_a_publication_date_in_the_future_is_refused_and_today_is_not(scratch):
    assert not _problems(scratch, today=dt.date(2026, 11, 23))  # the day itself is not in the future
    found = _problems(scratch, today=dt.date(2026, 11, 22))
    # Each English file is refused (its translations are read once it is right, as for any other field).
    assert sorted(p.file for p in found) == [p.relative_to(scratch).as_posix() for p in sorted(
        (scratch / "content/news").glob("*.en.md"))]
    _edit(scratch / f"{DATED}.en.md", "published: 2026-11-23", "published: 2026-11-20")
    found += [p for p in _problems(scratch, today=dt.date(2026, 11, 22)) if p.file.startswith(DATED + ".")]
    assert {p.file for p in found if p.file.startswith(DATED + ".")} == {f"{DATED}.{lang}.md" for lang in LANGUAGES}
    for problem in found:
        assert problem.message == "the publication date 2026-11-23 is in the future"
        assert problem.line == _line_of(scratch / problem.file, "published:")
        assert "'published: 2026-11-22'" in problem.fix and "'date'" in problem.fix


def test_a_translation_is_not_published_before_its_english_text(scratch):
    path = scratch / f"{DATED}.pl.md"
    _edit(path, "published: 2026-11-23", "published: 2026-11-20")
    found = _problems(scratch)
    assert len(found) == 1 and found[0].file == f"{DATED}.pl.md" and found[0].line == _line_of(path, "published:")
    assert "before its English text" in found[0].message and "2026-11-23" in found[0].fix


def test_a_later_translation_keeps_its_own_publication_date(scratch):
    _edit(scratch / f"{DATED}.de.md", "published: 2026-11-23", "published: 2026-11-30")
    content, problems = load_content(load_project(scratch), today=dt.date(2026, 12, 7))
    assert not problems, problems.report()
    item = next(i for i in content.news if i.page_key == "news/2020-01-01-epi-starts")
    assert item.published_in("de", "en") == dt.date(2026, 11, 30)
    assert item.published_in("sv", "en") == item.published == dt.date(2026, 11, 23)


def test_an_item_may_report_no_day(scratch):
    _edit(scratch / f"{DATED}.en.md", "date: 2020-01-01\n", "")
    _, problems = load_content(load_project(scratch))
    # The quarter's introduction now introduces no item: said once, for the introduction, not for the item.
    assert {p.file for p in problems} <= {f"content/newsletter/2020-q1.{lang}.md" for lang in LANGUAGES}
    assert all("no news items in the quarter 2020-q1" in p.message for p in problems)


def test_the_clock_is_read_once_per_check_and_a_test_can_set_it(monkeypatch):
    calls = []
    monkeypatch.setattr(news_module, "current_day", lambda: calls.append(1) or dt.date(2026, 12, 7))
    load_content(PROJECT)
    assert len(calls) == 1  # not once per file
    load_content(PROJECT, today=dt.date(2026, 12, 7))
    assert len(calls) == 1  # an injected day replaces the clock


def test_the_clock_accepts_the_day_that_has_begun_anywhere_on_earth():
    # Whoever writes today's date where the day has begun (Kiribati, UTC+14) is not refused by a clock in Europe.
    before = dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)
    day = news_module.current_day()
    after = dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)
    assert before.date() <= day <= after.date()
    assert day >= dt.datetime.now(dt.UTC).date()


# --- the built site, in every language --------------------------------------------------------------

def _rss_days(path: Path) -> dict[str, dt.date]:
    root = etree.parse(str(path))
    return {item.findtext("link"): email.utils.parsedate_to_datetime(item.findtext("pubDate")).date()
            for item in root.iter("item")}


def _url(lang: str, key: str) -> str:
    return SITE_URL + ("" if lang == "en" else f"{lang}/") + key + "/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_news_feeds_give_each_texts_publication_day(site, lang):
    folder = site / ("" if lang == "en" else lang) / "news"
    days = expected_days(lang)
    rss = _rss_days(folder / "rss.xml")
    assert rss == {_url(lang, f"news/{slug}"): published for slug, (_, published) in days.items()}
    atom = feedparser.parse((folder / "atom.xml").read_bytes())
    assert len(atom.entries) == len(days)
    for entry in atom.entries:
        published = days[entry.link.rstrip("/").rsplit("/", 1)[1]][1]
        assert dt.date(*entry.published_parsed[:3]) == published
        assert dt.date(*entry.updated_parsed[:3]) == published
        # The id is minted on the day the item was first published here, the same in every language.
        english = front_matter(NEWS / f"{entry.link.rstrip('/').rsplit('/', 1)[1]}.en.md")
        assert entry.id.startswith(f"tag:www.epi-project.com,{english['published']}:")
    # Newest publication first, and the feed's own date is its newest entry's, never the build's time.
    newest = max(published for _, published in days.values())
    assert dt.date.fromisoformat(etree.parse(str(folder / "atom.xml")).getroot().findtext(
        "{http://www.w3.org/2005/Atom}updated")[:10]) == newest


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_newsletter_feeds_give_each_issues_publication_day(site, lang):
    folder = site / ("" if lang == "en" else lang) / "news"
    days = expected_days(lang)
    for issue in CONTENT.issues:
        expected = max(days[item.slug][1] for item in issue.items)
        assert _rss_days(folder / "newsletter.rss.xml")[_url(lang, f"news/{issue.key}")] == expected
        atom = feedparser.parse((folder / "newsletter.atom.xml").read_bytes())
        entry = next(e for e in atom.entries if e.link == _url(lang, f"news/{issue.key}"))
        assert dt.date(*entry.published_parsed[:3]) == dt.date(*entry.updated_parsed[:3]) == expected


def _json_ld(path: Path) -> list[dict]:
    tree = html.fromstring(path.read_bytes())
    return [json.loads(s.text) for s in tree.xpath("//script[@type='application/ld+json']")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_structured_data_and_link_previews_give_the_publication_day(site, lang):
    days = expected_days(lang)
    for slug, (_, published) in days.items():
        page = page_path(site, lang, f"news/{slug}")
        article = next(b for b in _json_ld(page) if b.get("@type") == "NewsArticle")
        assert article["datePublished"] == published.isoformat()
        tree = html.fromstring(page.read_bytes())
        assert tree.xpath("//meta[@property='article:published_time']/@content") == [published.isoformat()]
    for issue in CONTENT.issues:
        data = next(b for b in _json_ld(page_path(site, lang, f"news/{issue.key}")) if b.get("@type") == "PublicationIssue")
        assert data["datePublished"] == max(days[item.slug][1] for item in issue.items).isoformat()
        assert {a["datePublished"] for a in data["hasPart"]} == {days[item.slug][1].isoformat() for item in issue.items}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_show_the_day_of_what_happened_and_say_when_the_text_was_published(site, lang):
    days = expected_days(lang)
    for slug, (event, published) in days.items():
        meta = html.fromstring(page_path(site, lang, f"news/{slug}").read_bytes()).xpath(
            "//article//p[contains(@class,'epi-meta')]")[0]
        times = meta.xpath(".//time/@datetime")
        # The day of what happened first, then (said in words) the day this site published the text.
        assert times == ([event.isoformat()] if event else []) + [published.isoformat()]
        assert bool(meta.xpath(".//a[contains(@href, '2020-q1')]")) == bool(event)  # its issue, if it has one
    archive = html.fromstring(page_path(site, lang, "news").read_bytes())
    for slug, (event, published) in days.items():
        link = archive.xpath(f"//article//li[a[@href='{slug}/']]")
        assert len(link) == 1, slug
        assert link[0].xpath(".//time/@datetime") == [(event or published).isoformat()]
        assert bool(link[0].xpath("ancestor::section[contains(@class,'epi-other-news')]")) == (event is None)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_address_claims_a_day_the_sources_do_not_give(site, lang):
    assert page_path(site, lang, "news/partnership").is_file()
    assert not page_path(site, lang, "news/2020-01-01-partnership").exists()
    for page in html_pages(site / ("" if lang == "en" else lang) / "news"):
        assert "2020-01-01-partnership" not in page.read_text(encoding="utf-8"), page
