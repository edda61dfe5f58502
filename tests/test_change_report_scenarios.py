"""The change report's promises (issue 20, "Done when"), each tried as an editor meets it: a scratch copy
of the project committed on main, a change on a branch, and ``python3 tools/dev.py changes --json main``
run as tools/dev.py runs it. Each test reads the whole report and compares it with everything it
expects, so anything else reported fails it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import LANGUAGES, ROOT, html_pages

pytestmark = pytest.mark.slow  # each builds the site twice (the base once per session: the build cache)

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
ENGLISH, TRANSLATIONS = LANGUAGES[0], LANGUAGES[1:]


def run(root: Path, module: str, *args: str) -> subprocess.CompletedProcess:
    """A command as tools/dev.py runs it: the project's interpreter, importing no file of the folder."""
    return subprocess.run([sys.executable, "-P", "-m", module, *args], capture_output=True, text=True, cwd=root,
                          env={**os.environ, "PYTHONSAFEPATH": "1", "NO_MKDOCS_2_WARNING": "1",
                               "PYTHONPATH": str(ROOT / "hooks")})


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture
def branch(scratch) -> Path:
    """The scratch project as main's one commit, and a branch from it to change."""
    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-qm", "The site as it is")
    git(scratch, "checkout", "-q", "-b", "change")
    return scratch


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def changes(root: Path) -> dict:
    result = run(root, "epi_site.changes", "--root", str(root), "--json", "main")
    assert result.returncode == 0, result.stdout + result.stderr
    [line] = result.stdout.splitlines()  # one line: the machine-readable form
    return json.loads(line)


def reported(data: dict) -> dict:
    """All that the report holds, each kind of finding in one entry; empty kinds left out."""
    site, check = data["site"], data["check"]
    everything = {
        "pages": {(lang, page["path"]): page["status"]
                  for lang, found in site["languages"].items() for page in found["pages"]},
        "translations": {(lang, change["file"]): change["change"]
                         for lang, found in check["translations"].items() for change in found},
        "feeds": [(lang, feed) for lang, found in site["languages"].items() for feed in found["feeds"]],
        "files": [(lang, file) for lang, found in site["languages"].items() for file in found["files"]],
        "site-wide files": site["site_wide"],
        "search index made again": site["search_index"],
        "problems and warnings": [*check["problems_added"], *check["problems_removed"], *check["warnings_added"],
                                  *check["warnings_removed"]],
        "translations not compared": check["unknown"],
        "notes": data["notes"],
        "a side not built": not site["base_built"],
    }
    return {name: value for name, value in everything.items() if value}


def findings(data: dict, lang: str, path: str) -> list[tuple[str, list[str]]]:
    [page] = [page for page in data["site"]["languages"][lang]["pages"] if page["path"] == path]
    return [(finding["part"], finding["lines"]) for finding in page["findings"]]


def address(lang: str, page: str) -> str:
    return f"/{page}" if lang == ENGLISH else f"/{lang}/{page}"


def pages_holding(site: Path, words: str) -> dict[tuple[str, str], str]:
    """The pages of the repository's own build (the base's twin) whose HTML holds ``words``, as changed."""
    found = {}
    for page in html_pages(site):
        if words in page.read_text(encoding="utf-8"):
            parts = page.relative_to(site).parent.parts
            lang, rest = (parts[0], parts[1:]) if parts and parts[0] in TRANSLATIONS else (ENGLISH, parts)
            found[lang, address(lang, "".join(f"{part}/" for part in rest))] = "changed"
    return found


def test_an_english_paragraph_edit_reports_the_page_in_eight_languages_and_seven_outdated(branch):
    edit(branch / "docs/approach.en.md", "The project planned a mixed methodology of field activities",
         "The project combined field activities")
    data = changes(branch)
    # The English page shows the new words; each translation now tells its readers it is outdated, and
    # the translation status page of each language counts one outdated text more.
    assert reported(data) == {
        "pages": {(lang, address(lang, page)): "changed" for lang in LANGUAGES for page in ("approach/", "status/")},
        "translations": {(lang, f"docs/approach.{lang}.md"): "outdated" for lang in TRANSLATIONS},
        "search index made again": True,
    }
    [(part, lines)] = findings(data, ENGLISH, "/approach/")
    assert part == "text" and len(lines) == 1
    assert "The project [-planned a mixed methodology of-]{+combined+} field activities" in lines[0]
    for lang in TRANSLATIONS:
        [(part, [line])] = findings(data, lang, f"/{lang}/approach/")
        assert part == "text" and line.startswith("+ "), (lang, line)  # the outdated notice, and nothing else


def test_a_swedish_edit_marked_up_to_date_reports_one_page_and_no_outdated_translation(branch):
    edit(branch / "docs/approach.sv.md", "i fyra faser.", "i fyra olika faser.")
    marked = run(branch, "epi_site.check", "--root", str(branch), "--mark-translated", "docs/approach.sv.md")
    assert marked.returncode == 0, marked.stdout + marked.stderr
    assert "docs/approach.sv.md: already marked up to date with approach.en.md" in marked.stdout
    data = changes(branch)
    assert reported(data) == {"pages": {("sv", "/sv/approach/"): "changed"}, "search index made again": True}
    [(part, [line])] = findings(data, "sv", "/sv/approach/")
    assert part == "text" and line.endswith("i fyra {+olika +}faser."), line


def test_a_template_change_lists_every_page_it_touches_and_no_other(branch, site):
    # The list of a partner's neighbours in its country: on some partner pages, in every language.
    touched = pages_holding(site, 'id="same-country"')
    assert {lang for lang, _ in touched} == set(LANGUAGES)
    partners = pages_holding(site, 'class="epi-partner__text"')
    assert touched.keys() < partners.keys()  # not every partner page: the list is where there are neighbours
    edit(branch / "hooks/epi_site/rendering/templates/partner.html",
         "</a> ({{ role_name(other.role) }})</li>", "</a>: {{ role_name(other.role) }}</li>")
    data = changes(branch)
    assert reported(data) == {"pages": touched, "search index made again": True}
    for lang, path in touched:
        [(part, lines)] = findings(data, lang, path)
        assert part == "text" and lines and all(line.startswith("~ ") for line in lines), (path, lines)


def test_a_catalog_change_lists_the_swedish_pages_that_use_the_string_and_nothing_else(branch, site):
    touched = {key: status for key, status in pages_holding(site, ">Andra partner i ").items() if key[0] == "sv"}
    assert touched and touched.keys() < pages_holding(site, 'class="epi-partner__text"').keys()
    edit(branch / "locales/sv.po", 'msgstr "Andra partner i %(country)s"', 'msgstr "Fler partner i %(country)s"')
    data = changes(branch)
    assert reported(data) == {"pages": touched, "search index made again": True}
    for lang, path in touched:
        [(part, [line])] = findings(data, lang, path)
        assert part == "text" and "[-Andra-]{+Fler+} partner i" in line, (path, line)
