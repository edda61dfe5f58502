"""``python3 tools/dev.py todo LANG``: a translator's work list, driven on a scratch repository with
real commits."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ITEM = "content/news/2020-01-01-epi-starts"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, "-C", str(root), *args], check=True, capture_output=True)


def todo(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.todo", "--root", str(root), *args],
                          capture_output=True, text=True)


@pytest.fixture
def repo(scratch: Path) -> Path:
    git(scratch, "init", "-q")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-qm", "The site as it is")
    return scratch


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_nothing_to_do_in_a_complete_language(repo):
    result = todo(repo, "sv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Svenska (sv): nothing to translate; every text is translated and up to date."


def test_after_an_english_edit_the_list_shows_that_edit_word_by_word_and_nothing_else(repo):
    english = repo / f"{ITEM}.en.md"
    _edit(english, "were to raise the quality", "were to improve the quality")
    git(repo, "commit", "-qam", "A better word")
    _edit(english, "PATRIR coordinated the project", "PATRIR led the project")
    git(repo, "commit", "-qam", "And another")
    lines = english.read_text(encoding="utf-8").split("\n")
    first = next(n for n, x in enumerate(lines, 1) if "improve the quality" in x)
    second = next(n for n, x in enumerate(lines, 1) if "PATRIR led" in x)
    result = todo(repo, "sv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().split("\n") == [
        "Svenska (sv): 1 thing to do",
        "",
        "Outdated: the English changed since the translation was last marked up to date:",
        f"- {ITEM}.sv.md: the English news item changed since this translation was marked up to date",
        f"    What changed in {ITEM}.en.md ([-removed-] {{+added+}}):",
        f"    line {first}: Lublin, Ravenna and Riga, were to [-raise-]{{+improve+}} the quality of their local integration",
        f"    line {second}: local integration strategies for migrants. PATRIR [-coordinated-]{{+led+}} the project, "
        "with Consorzio Comunità Brianza",
        f"    When it is done: python3 tools/dev.py check --mark-translated {ITEM}.sv.md",
    ]
    # Every other language lists the same edit; marking the Swedish up to date empties its list.
    assert "[-raise-]{+improve+}" in todo(repo, "lv").stdout
    from epi_site.check import main as check

    assert check(["--root", str(repo), "--mark-translated", str(repo / f"{ITEM}.sv.md")]) == 0
    assert "nothing to translate" in todo(repo, "sv").stdout


def test_the_markdown_form_is_a_task_list_with_the_changes_in_code(repo):
    english = repo / f"{ITEM}.en.md"
    _edit(english, "were to raise the quality", "were to raise the *quality* ```[x](y)```")
    git(repo, "commit", "-qam", "Markup in the English")
    result = todo(repo, "sv", "--markdown")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("## Svenska (sv): 1 thing to do\n")
    assert f"- [ ] `{ITEM}.sv.md`: the English news item changed" in out
    fence = re.search(r"\n  (`{3,})text\n(.*?)\n  \1\n", out, re.S)
    assert fence and "{+*quality* ```[x](y)```+}" in fence.group(2), out
    assert len(fence.group(1)) > 3  # longer than the backticks inside, so the code cannot end early
    assert f"When it is done: `python3 tools/dev.py check --mark-translated {ITEM}.sv.md`" in out


def test_every_kind_of_missing_work_is_listed_with_where_to_write_it(repo):
    (repo / "content/partners/riga.sv.md").unlink()
    po = repo / "locales/sv.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(re.sub(r'(msgid "Role"\nmsgstr )".*"', r'\1""', text), encoding="utf-8")
    role_line = text.split("\n").index('msgid "Role"') + 1
    _edit(repo / "content/timeline.sv.yml", "    title: Medskapande policydesign\n", "")
    glossary = repo / "content/glossary.yml"
    _edit(glossary, "  sv:\n    write: interkulturell granskning\n    accept: [interkulturell* granskning*]\n", "")
    result = todo(repo, "sv")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "- content/partners/riga.sv.md: translate the partner text content/partners/riga.en.md" in out
    assert f"- locales/sv.po:{role_line}: 'Role' is not translated" in out
    assert ("- content/timeline.sv.yml: 1 entry of content/timeline.en.yml is not translated\n"
            "    phases.co-design.title") in out
    assert "content/glossary.yml" in out and "'intercultural-review' has no rendering in Swedish" in out
    assert "Svenska (sv): 4 things to do" in out
    # None of it is Latvian work.
    assert todo(repo, "lv").stdout.strip().endswith("every text is translated and up to date.")


def test_without_the_history_the_list_says_so(scratch):
    _edit(scratch / f"{ITEM}.en.md", "were to raise the quality", "were to improve the quality")
    result = todo(scratch, "sv")
    assert result.returncode == 0
    assert "is not in the repository's history" in result.stdout and f"whole of {ITEM}.en.md" in result.stdout


def test_an_unknown_language_is_refused_with_the_list_of_languages(scratch):
    result = todo(scratch, "xx")
    assert result.returncode == 2 and "write one of: sv, ro, it, es, de, pl, lv" in result.stderr
