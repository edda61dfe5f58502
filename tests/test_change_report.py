"""``python3 tools/dev.py changes``: what a change does to the site, as readers see it.

The comparison is tried on small hand-made sites; the command once on a scratch repository with real
commits, built on both sides."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import LANGUAGES
from epi_site.change_report import (CheckResult, Report, as_markdown, as_text, check_result, compare_checks,
                                    compare_sites, nothing_changes)
from epi_site.problems import Problem
from epi_site.content.translations import MISSING, OUTDATED, TRANSLATED

LANGS = ("en", "sv")
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
NEWS = "content/news/2020-01-01-epi-starts"


def page(title: str, *paragraphs: str, description: str = "About EPI.", footer: str = "Funded by the European Union",
         image: str = "https://example.org/cards/x.png") -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (f"<!doctype html><html><head><title>{title} – EPI</title>"
            f'<meta name="description" content="{description}">'
            f'<meta property="og:title" content="{title}">'
            f'<meta property="og:description" content="{description}">'
            f'<meta property="og:image" content="{image}">'
            "<script>var unseen = 1;</script></head>"
            f'<body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>'
            f"<main><article><h1>{title}</h1>{body}</article></main>"
            f"<footer><p>{footer}</p></footer></body></html>")


RSS = """<?xml version='1.0' encoding='UTF-8'?>
<rss version="2.0"><channel><title>News</title><link>https://example.org/news/</link><description>d</description>
{items}</channel></rss>"""
ATOM = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>news</id><title>News</title><updated>2020-01-01T00:00:00+00:00</updated>
{items}</feed>"""


def feeds(entries: dict[str, str]) -> dict[str, str]:
    rss = "".join(f"<item><title>{title}</title><link>https://example.org/news/{slug}/</link>"
                  f"<description>{text}</description></item>" for slug, (title, text) in entries.items())
    atom = "".join(f"<entry><id>{slug}</id><title>{title}</title><updated>2020-01-01T00:00:00+00:00</updated>"
                   f'<link href="https://example.org/news/{slug}/"/><summary>{text}</summary></entry>'
                   for slug, (title, text) in entries.items())
    return {"news/rss.xml": RSS.format(items=rss), "news/atom.xml": ATOM.format(items=atom)}


def site(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def base_files() -> dict[str, str | bytes]:
    files = {
        "index.html": page("Home", "Welcome to EPI."),
        "approach/index.html": page("Approach", "EPI worked in four phases.", "Each city made a review."),
        "news/2020-01-01-epi-starts/index.html": page("EPI starts", "Seven cities were to raise the quality."),
        "sv/index.html": page("Hem", "Välkommen.", footer="Finansieras av Europeiska unionen"),
        "sv/approach/index.html": page("Arbetssätt", "Fyra faser.", footer="Finansieras av Europeiska unionen"),
        "sv/news/2020-01-01-epi-starts/index.html": page("EPI startar", "Sju städer.",
                                                          footer="Finansieras av Europeiska unionen"),
        "cards/approach.png": b"\x89PNG one",
        "cards/index.png": b"\x89PNG same",
        "sv/cards/approach.png": b"\x89PNG ett",
        "assets/epi.css": "body{}",
        "pagefind/index.pf_meta": b"one",
    }
    files.update(feeds({"2020-01-01-epi-starts": ("EPI starts", "Seven cities were to raise the quality."),
                        "partnership": ("Thirteen partners", "From eight countries.")}))
    return files


def compare(tmp_path: Path, change) -> tuple:
    before = base_files()
    after = dict(before)
    change(after)
    found = compare_sites(site(tmp_path / "base", before), site(tmp_path / "head", after), LANGS, "en")
    report = Report("main (abc)", "the working tree", found, compare_checks(CheckResult(), CheckResult(), LANGS, "en"),
                    {"en": "English (en)", "sv": "Svenska (sv)"})
    return found, report, as_text(report)


def test_identical_sites_change_nothing(tmp_path):
    _, report, text = compare(tmp_path, lambda files: None)
    assert nothing_changes(report)
    assert "Nothing a reader sees changes" in text
    assert "Nothing a reader sees changes" in as_markdown(report)


def test_a_changed_paragraph_shows_its_words_and_an_unchanged_page_is_absent(tmp_path):
    def change(files):
        files["approach/index.html"] = page("Approach", "EPI worked in four phases, from 2020.", "Each city made a review.")
    found, _, text = compare(tmp_path, change)
    pages = found.languages["en"].pages
    assert [p.path for p in pages] == ["/approach/"]
    assert pages[0].status == "changed"
    assert [f.part for f in pages[0].findings] == ["text"]
    assert pages[0].findings[0].lines == ("~ EPI worked in four [-phases.-]{+phases, from 2020.+}",)
    assert "/approach/ «Approach»" in text and "[-phases.-]{+phases, from 2020.+}" in text
    assert "/news/" not in text.split("English (en):")[1].split("Svenska")[0].replace("news feed", "")
    assert "Svenska (sv): nothing changes." in text
    assert not found.languages["sv"].pages and not found.site_wide


def test_an_added_and_a_removed_page(tmp_path):
    def change(files):
        files["goals/index.html"] = page("Goals", "Better strategies.")
        del files["sv/approach/index.html"]
    found, _, text = compare(tmp_path, change)
    assert [(p.path, p.status, p.title) for p in found.languages["en"].pages] == [("/goals/", "added", "Goals")]
    assert [(p.path, p.status) for p in found.languages["sv"].pages] == [("/sv/approach/", "removed")]
    assert "- added: /goals/ «Goals»" in text and "- removed: /sv/approach/ «Arbetssätt»" in text


def test_a_changed_feed_entry_is_told_once_for_rss_and_atom(tmp_path):
    def change(files):
        files.update(feeds({"2020-01-01-epi-starts": ("EPI starts", "Seven cities were to improve the quality."),
                            "partnership": ("Thirteen partners", "From eight countries."),
                            "2020-02-01-review": ("The first review", "Riga began.")}))
    found, _, text = compare(tmp_path, change)
    [feed] = found.languages["en"].feeds
    assert feed.kind == "news" and sorted(feed.files) == ["news/atom.xml", "news/rss.xml"]
    entries = {(e.status, e.link.rsplit("/", 2)[-2]): e for e in feed.entries}
    assert set(entries) == {("changed", "2020-01-01-epi-starts"), ("added", "2020-02-01-review")}
    assert entries["changed", "2020-01-01-epi-starts"].fields == ("summary",)
    assert "[-raise-]{+improve+}" in text
    assert text.count("entry changed") == 1 and "entry added: «The first review»" in text


def test_a_new_newsletter_issue_in_its_feeds_and_its_email_edition(tmp_path):
    def change(files):
        issue = feeds({"2020-q2": ("Newsletter, 2nd quarter 2020", "The first reviews.")})
        files.update({name.replace("news/", "sv/news/newsletter."): text for name, text in issue.items()})
        files["sv/news/2020-q1/email.txt"] = "Nyhetsbrev\nAlla nummer av vårt nyhetsbrev\n"
    before = base_files()
    before.update({name.replace("news/", "sv/news/newsletter."): text for name, text in feeds({}).items()})
    before["sv/news/2020-q1/email.txt"] = "Nyhetsbrev\nAlla nummer av nyhetsbrevet\n"
    after = dict(before)
    change(after)
    found = compare_sites(site(tmp_path / "base", before), site(tmp_path / "head", after), LANGS, "en")
    [feed] = found.languages["sv"].feeds
    assert feed.kind == "newsletter" and sorted(feed.files) == ["sv/news/newsletter.atom.xml", "sv/news/newsletter.rss.xml"]
    assert [(e.status, e.title) for e in feed.entries] == [("added", "Newsletter, 2nd quarter 2020")]
    [email] = found.languages["sv"].files
    assert (email.path, email.kind, email.lines) == ("sv/news/2020-q1/email.txt", "email edition",
                                                     ("~ Alla nummer av [-nyhetsbrevet-]{+vårt nyhetsbrev+}",))
    assert not found.languages["en"]


def test_a_redrawn_png_is_named(tmp_path):
    def change(files):
        files["cards/approach.png"] = b"\x89PNG two"
    found, _, text = compare(tmp_path, change)
    assert [(f.path, f.kind, f.status) for f in found.languages["en"].files] == [("cards/approach.png", "card", "redrawn")]
    assert "1 card redrawn: cards/approach.png" in text
    assert "cards/index.png" not in text  # the same bytes: not redrawn


def test_a_link_preview_description_change(tmp_path):
    def change(files):
        files["sv/approach/index.html"] = page("Arbetssätt", "Fyra faser.", description="Om EPI:s arbetssätt.",
                                               footer="Finansieras av Europeiska unionen")
    found, _, text = compare(tmp_path, change)
    [changed] = found.languages["sv"].pages
    assert {f.part for f in changed.findings} == {"description", "og:description"}
    assert "link preview description:" in text and "[-About-]{+Om+} [-EPI.-]{+EPI:s arbetssätt.+}" in text


def test_a_change_every_page_shares_is_told_once_with_every_page(tmp_path):
    def change(files):
        for name in list(files):
            if name.startswith("sv/") and name.endswith(".html"):
                title = re.search(r"<h1>(.*?)</h1>", files[name]).group(1)
                text = re.findall(r"<p>(.*?)</p>", files[name])[0]
                files[name] = page(title, text, footer="Finansierat av Europeiska unionen")
    found, _, text = compare(tmp_path, change)
    assert len(found.languages["sv"].pages) == 3 and not found.languages["en"].pages
    assert "the same change on 3 pages: /sv/, /sv/approach/, /sv/news/2020-01-01-epi-starts/" in text
    assert text.count("[-Finansieras-]{+Finansierat+}") == 1


def test_translations_and_problems_compared(tmp_path):
    rows = {("news", "a"): ("content/news/a.en.md", {"sv": TRANSLATED}),
            ("page", "b"): ("docs/b.en.md", {"sv": OUTDATED}),
            ("page", "c"): ("docs/c.en.md", {"sv": MISSING})}
    moved = Problem("docs/b.sv.md", 3, "", "the glossary's term is 'kommun'")
    base = CheckResult((Problem("docs/x.en.md", 1, "", "a broken link"),), (moved,), rows)
    head_rows = {("news", "a"): ("content/news/a.en.md", {"sv": OUTDATED}),
                 ("page", "b"): ("docs/b.en.md", {"sv": TRANSLATED}),
                 ("page", "c"): ("docs/c.en.md", {"sv": MISSING})}
    later = Problem("docs/b.sv.md", 9, "", "the glossary's term is 'kommun'")  # the same warning, moved down
    head = CheckResult((Problem("content/partners.yml", 4, "partners[0].country", "'XX' is not a country"),),
                       (later,), head_rows)
    changes = compare_checks(base, head, LANGS, "en")
    assert [(t.file, t.change) for t in changes.translations["sv"]] == [
        ("content/news/a.sv.md", "outdated"), ("docs/b.sv.md", "up to date")]
    assert [p.file for p in changes.problems_added] == ["content/partners.yml"]
    assert [p.file for p in changes.problems_removed] == ["docs/x.en.md"]
    assert not changes.warnings_added and not changes.warnings_removed
    report = Report("main", "the working tree", compare_sites(site(tmp_path / "a", {}), site(tmp_path / "b", {}),
                                                              LANGS, "en"), changes, {"sv": "Svenska (sv)"})
    text = as_text(report)
    assert "1 translation made outdated" in text and "content/news/a.sv.md" in text
    assert "Problems added" in text and "'XX' is not a country" in text


def test_check_result_takes_the_trees_folder_out_of_messages():
    found = check_result(None, [Problem("docs/a.md", 1, "", "see /tmp/x/base/docs/b.md", "")], [], "/tmp/x/base")
    assert found.problems[0].message == "see docs/b.md" and not found.read


def test_the_markdown_form_shows_contributors_words_as_words(tmp_path):
    def change(files):
        files["approach/index.html"] = page("Approach @everyone", "``` <img src=x> [link](https://evil) @maintainers")
    _, report, _ = compare(tmp_path, change)
    text = as_markdown(report, look="gh run download 1 -n site")
    assert "gh run download 1 -n site" in text
    # Their words are only in fenced blocks, each fence longer than any run of backticks inside it.
    assert "````text" in text
    outside = re.sub(r"^(`{3,})text\n.*?^\1$", "", text, flags=re.M | re.S)
    assert "<img" not in outside and "@everyone" not in outside and "evil" not in outside
    assert "[link](https://evil)" in text


# --- the command, on a scratch repository ---------------------------------------------------------------

def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """The report's sections, by their heading line ("Svenska (sv):")."""
    return {block.split("\n", 1)[0].split(":")[0]: block for block in text.split("\n\n")}


@pytest.mark.slow
def test_an_english_edit_and_a_catalog_string_in_the_report(scratch, capsys):
    from epi_site.changes import main

    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-qm", "The site as it is")
    git(scratch, "checkout", "-q", "-b", "edit")
    # A file that no build reads: the working tree differs from the base, so both sides are built, and
    # two builds of the same content are byte-identical: nothing is reported.
    (scratch / "notes.txt").write_text("Not part of the site.\n", encoding="utf-8")
    assert main(["--root", str(scratch), "main"]) == 0
    assert capsys.readouterr().out.split("\n")[1:] == [
        "Nothing a reader sees changes: every page, feed, image and translation is as before.", ""]

    _edit(scratch / f"{NEWS}.en.md", "were to raise the quality", "were to improve the quality")
    _edit(scratch / "locales/sv.po", 'msgstr "Alla nummer av nyhetsbrevet"', 'msgstr "Alla nyhetsbrev"')
    _edit(scratch / "locales/de.po", 'msgstr "Alle Newsletter-Ausgaben"', 'msgstr "Alle Ausgaben des Newsletters"')

    assert main(["--root", str(scratch), "main"]) == 0
    text = capsys.readouterr().out
    sections = _sections(text)
    english = sections["English (en)"]
    assert "- changed: /news/2020-01-01-epi-starts/" in english and "[-raise-]{+improve+}" in english
    assert "news feed" in english  # the item's text is in the feeds too
    # The catalog string is on the news items and the newsletter issue of the two languages, nowhere else.
    for lang, words in (("sv", "~ Alla [-nummer av nyhetsbrevet-]{+nyhetsbrev+}"),
                        ("de", "{+Ausgaben des Newsletters+}")):
        section = next(block for name, block in sections.items() if name.endswith(f"({lang})"))
        for item in ("news/2020-01-01-epi-starts/", "news/partnership/", "news/2020-q1/"):
            assert f"/{lang}/{item}" in section, (lang, item)
        assert words in section, section
        assert f"/{lang}/approach/" not in section and f"/{lang}/news/ " not in section
    assert "/approach/" not in text
    # The English edit leaves the seven translations of the item outdated, each in its language's section.
    for lang in LANGUAGES[1:]:
        section = next(block for name, block in sections.items() if name.endswith(f"({lang})"))
        assert f"1 translation made outdated (the English changed; readers see a notice until it is translated " \
               f"again): {NEWS}.{lang}.md" in section
    assert "7 translations made outdated" in text
    assert "The check: no problem or warning added or removed." in text

    assert main(["--root", str(scratch), "--markdown", "main"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("## What this change does to the site")
    assert "<details open><summary><b>Svenska (sv)" in markdown and "[-raise-]{+improve+}" in markdown


@pytest.mark.slow
def test_a_template_change_lists_every_page_of_every_language_and_nothing_else(scratch, capsys):
    from epi_site.changes import main

    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-qm", "The site as it is")
    git(scratch, "checkout", "-q", "-b", "footer")
    _edit(scratch / "overrides/partials/footer.html", "<p>{{ epi.disclaimer }}</p>",
          "<p>{{ epi.disclaimer }}</p><p>A line in every footer.</p>")
    git(scratch, "commit", "-qam", "A line in the footer")  # committed: the working tree is HEAD, built once

    assert main(["--root", str(scratch), "main"]) == 0
    text = capsys.readouterr().out
    counts = re.findall(r"^  - the same change on (\d+) pages: ", text, re.M)
    assert len(counts) == len(LANGUAGES) and len(set(counts)) == 1 and int(counts[0]) > 25
    assert f"In all: {int(counts[0]) * len(LANGUAGES)} pages in {len(LANGUAGES)} languages, 0 feed entries, " \
           "0 images redrawn, 0 translations made outdated" in text
    assert text.count("+ A line in every footer.") == len(LANGUAGES)
    for lang in LANGUAGES:
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        section = next(block for name, block in _sections(text).items() if name.endswith(f"({lang})"))
        assert f"/{prefix}approach/," in section and f"/{prefix}news/2020-01-01-epi-starts/," in section
        assert "- changed:" not in section  # no page changed in any other way
    assert "The check: no problem or warning added or removed." in text


@pytest.mark.slow
def test_a_base_that_does_not_build_is_said_and_the_problem_the_change_fixes_is_listed(scratch, capsys):
    from epi_site.changes import main

    news = scratch / f"{NEWS}.en.md"
    _edit(news, "date: 2020-01-01", "date: 2020-02-30")
    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-qm", "A date that does not exist")
    git(scratch, "checkout", "-q", "-b", "fix")
    _edit(news, "date: 2020-02-30", "date: 2020-01-01")

    assert main(["--root", str(scratch), "main"]) == 0
    text = capsys.readouterr().out
    assert "could not be built, so its pages are not compared" in text
    check = text.split("\nThe check:\n", 1)[1]
    assert check.startswith("  Problems removed:\n") and f"{NEWS}.en.md:" in check and "'2020-02-30' is not a date" in check
    assert "Problems added" not in check
