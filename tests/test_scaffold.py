"""``python3 tools/dev.py new …`` writes English files that pass the check and build."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from lxml import html

from conftest import LANGUAGES, build, page_path
from epi_site.content.placeholders import PLACEHOLDER
from epi_site.scaffold import main, slug_of

DAY = dt.date(2022, 5, 10)


def check(root) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(root), "--no-status"],
                          capture_output=True, text=True)


def _filled(line: str) -> str:
    """The line an editor writes over the scaffold's instruction."""
    found = PLACEHOLDER.match(line.strip())
    return line.replace(found.group(1), "Filled in by the editor.") if found and not line.startswith("#") else line


def test_slugs_fold_accents_and_drop_punctuation():
    assert slug_of("A roundtable in Linköping: “what’s next?”") == "a-roundtable-in-linkoping-whats-next"
    assert len(slug_of("word " * 40)) <= 60 and not slug_of("word " * 40).endswith("-")


def test_each_new_file_passes_the_check_and_builds_in_every_language(scratch, tmp_path, capsys):
    root = ["--root", str(scratch)]
    assert main([*root, "news", "A roundtable in Lublin: “next steps”"], today=DAY) == 0
    assert main([*root, "partner", "city-lab", "--name", "City Lab", "--role", "technical-partner",
                 "--country", "LV"]) == 0
    assert main([*root, "page", "results", "--title", "Results"]) == 0
    assert main([*root, "issue", "2022-q2"]) == 0
    news = scratch / "content/news/2022-05-10-a-roundtable-in-lublin-next-steps.en.md"
    assert news.exists() and "date: 2022-05-10" in news.read_text(encoding="utf-8")
    assert not list(scratch.glob("content/news/2022-05-10-*.sv.md"))  # English only
    assert (scratch / "content/partners/city-lab.en.md").exists() and (scratch / "docs/results.en.md").exists()
    assert (scratch / "content/newsletter/2022-q2.en.md").exists()
    new_files = [news, scratch / "content/partners/city-lab.en.md", scratch / "docs/results.en.md",
                 scratch / "content/newsletter/2022-q2.en.md"]
    # Unfilled, each file's instructions are refused with their lines: they would be published as text.
    result = check(scratch)
    assert result.returncode == 1
    for path in new_files:
        relative = path.relative_to(scratch).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if any(words in line for words in ("Write here", "Write the item here", "Write the page here")) \
                    and not line.startswith("#"):  # read independently of the check's rule
                assert f"{relative}:{number}: this is the new file's instruction" in result.stdout, (relative, number)
    for path in new_files:
        path.write_text("\n".join(_filled(line) for line in path.read_text(encoding="utf-8").split("\n")),
                        encoding="utf-8")
    result = check(scratch)
    assert result.returncode == 0, result.stdout
    site = tmp_path / "site"
    built = build(scratch, site)
    assert built.returncode == 0, built.stderr[-3000:]
    for lang in LANGUAGES:
        for address in ("news/2022-05-10-a-roundtable-in-lublin-next-steps/", "partners/city-lab/", "results/",
                        "news/2022-q2/"):
            tree = html.fromstring(page_path(site, lang, address).read_bytes())
            assert tree.xpath("//h1"), (lang, address)


def test_nothing_is_overwritten_and_mistakes_are_explained(scratch, capsys):
    root = ["--root", str(scratch)]
    assert main([*root, "news", "Twice"], today=DAY) == 0
    path = scratch / "content/news/2022-05-10-twice.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMy text.\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    assert main([*root, "news", "Twice"], today=DAY) == 1
    assert path.read_text(encoding="utf-8") == before
    assert "already exists; it is not overwritten" in capsys.readouterr().err
    assert main([*root, "partner", "riga", "--name", "Riga", "--role", "city", "--country", "LV"]) == 1
    assert main([*root, "issue", "2021-q3"]) == 1
    assert "there are no news items in 2021-q3" in capsys.readouterr().err
    assert main([*root, "news", "!!!"], today=DAY) == 1


def test_an_instruction_copied_into_a_translation_is_refused_too(scratch):
    page = scratch / "docs/goals.lv.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWrite here, in a few sentences, who the partner is.\n",
                    encoding="utf-8")
    line = page.read_text(encoding="utf-8").split("\n").index("Write here, in a few sentences, who the partner is.") + 1
    result = check(scratch)
    assert result.returncode == 1
    assert f"docs/goals.lv.md:{line}: this is the new file's instruction, not its text: 'Write here, in a few" \
        in result.stdout, result.stdout


def test_words_like_write_in_a_real_text_are_not_instructions(scratch):
    page = scratch / "docs/goals.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWrite to the project: hello@epi-project.com.\n\n"
                    "Writers here met in Riga.\n", encoding="utf-8")
    assert check(scratch).returncode == 0
