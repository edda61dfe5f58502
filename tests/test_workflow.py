"""The communication officers' workflow: the check command, translation status, reproducible
builds and the CI workflow (issue 5)."""

from __future__ import annotations

import filecmp
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html

from conftest import ROOT, build


def check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(root), *args],
                          capture_output=True, text=True)


def test_check_passes_on_the_repository_and_prints_the_status():
    result = check(ROOT)
    assert result.returncode == 0, result.stdout
    assert "No problems found" in result.stdout
    assert "sv: 26/26 translated, 0 missing, 0 outdated" in result.stdout
    outdated = [line.split()[0] for line in result.stdout.splitlines()
                if line.startswith(("docs/", "content/")) and "OUTDATED" in line.split()[1:]]
    assert outdated == []


def test_check_reports_every_problem_at_once_and_fails(scratch):
    (scratch / "docs/about.fr.md").write_text("---\ntitle: À propos\ndescription: x\n---\n")
    news = scratch / "content/news/2020-01-01-epi-starts.en.md"
    news.write_text(news.read_text().replace("date: 2020-01-01", "date: 1 January 2020"))
    partners = scratch / "content/partners.yml"
    partners.write_text(partners.read_text().replace("role: city\n  name: Riga", "role: town\n  name: Riga"))
    page = scratch / "docs/background.de.md"
    page.write_text(page.read_text().replace("[[chart immigration-2018]]", "[[chart immigration-2081]]"))
    po = scratch / "locales/lv.po"
    po.write_text(re.sub(r'(msgid "Home"\n)msgstr "[^"]*"', r'\1msgstr ""', po.read_text()))
    result = check(scratch, "--no-status")
    assert result.returncode == 1
    out = result.stdout.split("warnings (these do not stop the build)")[0]
    assert "5 problems found" in out
    for expected in ("docs/about.fr.md: 'fr' is not one of the site's languages",
                     "content/news/2020-01-01-epi-starts.en.md:3 (front matter.date): '1 January 2020' is not a date",
                     "content/partners.yml:", "'town' is not a valid role",
                     "docs/background.de.md:", "there is no chart 'immigration-2081'",
                     "locales/lv.po:", "'Home' is not translated"):
        assert expected in out, expected
    assert out.count("What to do:") == 5


def test_check_writes_github_annotations(scratch):
    news = scratch / "content/news/partnership.en.md"
    news.write_text(news.read_text().replace("published: 2026-11-23", "published: 2026-02-30"))
    result = check(scratch, "--format", "github")
    line = next(out for out in result.stdout.splitlines() if out.startswith("::error"))
    assert line.startswith("::error file=content/news/partnership.en.md,line=3,title=EPI check%3A front matter.published::")
    assert "'2026-02-30' is not a date%0AWhat to do:" in line


def test_missing_and_outdated_translations_in_table_and_status_page(scratch, tmp_path):
    (scratch / "docs/goals.sv.md").unlink()  # missing in Swedish
    english = scratch / "docs/approach.en.md"
    english.write_text(english.read_text().replace("in four phases.", "in four phases, from 2020 to 2022."))
    result = check(scratch)
    assert result.returncode == 0
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.startswith("docs/")}
    assert rows["docs/goals.en.md"][0] == "MISSING" and rows["docs/goals.en.md"][1:] == ["ok"] * 6
    assert rows["docs/approach.en.md"] == ["OUTDATED"] * 7
    assert "sv: 24/26 translated, 1 missing, 1 outdated" in result.stdout
    assert "docs/approach.sv.md: the English text changed" in result.stdout

    site = tmp_path / "site"
    assert build(scratch, site).returncode == 0
    page = html.fromstring((site / "sv/status/index.html").read_bytes())
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert not page.xpath("//*[@data-pagefind-body]")
    cells = {tr.xpath("string(th)"): [td.get("class") for td in tr.xpath("td")] for tr in page.xpath("//tbody/tr")}
    assert cells["docs/goals.en.md"][0] == "epi-status--missing"
    assert set(cells["docs/approach.en.md"]) == {"epi-status--outdated"}
    assert "status" not in (site / "sitemap.xml").read_text()
    fallback = html.fromstring((site / "sv/goals/index.html").read_bytes())
    assert fallback.xpath("//article//div[@lang='en']") and fallback.xpath("//p[contains(@class,'epi-notice')]")

    # The translator brings the page up to date and records it.
    marked = check(scratch, "--mark-translated", str(scratch / "docs/approach.sv.md"))
    assert marked.returncode == 0 and "docs/approach.sv.md: marked up to date" in marked.stdout
    assert "translated_from:" in (scratch / "docs/approach.sv.md").read_text()
    assert "sv: 25/26 translated, 1 missing, 0 outdated" in check(scratch).stdout


def test_marking_keeps_the_rest_of_the_translation(scratch):
    path = scratch / "docs/contact.it.md"
    before = path.read_text()
    check(scratch, "--mark-translated", str(path))
    after = path.read_text()
    assert [line for line in after.splitlines() if not line.startswith("translated_from:")] == \
        [line for line in before.splitlines() if not line.startswith("translated_from:")]


@pytest.mark.slow
def test_two_builds_of_the_same_commit_are_byte_identical(site, tmp_path):
    again = tmp_path / "again"
    result = build(ROOT, again)
    assert result.returncode == 0
    first = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    differ = [str(p) for p in first if not filecmp.cmp(site / p, again / p, shallow=False)]
    assert not differ, differ[:10]


def test_the_ci_workflow_is_valid():
    result = subprocess.run([sys.executable, "-P", "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(ROOT / ".github/workflows/site.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = (ROOT / ".github/workflows/site.yml").read_text()
    for step in ("tools/dev.py check --format github", "tools/dev.py build", "tools/dev.py test", "deploy-pages"):
        assert step in workflow


def test_ci_runs_the_readmes_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "python3 tools/dev.py test" in readme and "python3 tools/dev.py build" in readme
    assert "python3 tools/dev.py test" in (ROOT / ".ci/run").read_text()


def test_every_action_is_pinned_by_commit_and_checkout_keeps_no_token():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text())
    text = (ROOT / ".github/workflows/site.yml").read_text()
    steps = [step for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]
    assert {step["uses"].split("@")[0] for step in steps} == {
        "actions/checkout", "actions/setup-python", "actions/upload-pages-artifact", "actions/deploy-pages",
        "actions/upload-artifact", "actions/cache"}
    for step in steps:
        action, _, ref = step["uses"].partition("@")
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action} is not pinned by a full commit SHA: {ref}"
        assert re.search(re.escape(step["uses"]) + r" # v\d+\.\d+\.\d+\n", text), f"{action}: name its version"
        if action == "actions/checkout":
            assert step["with"]["persist-credentials"] is False


def test_ci_reuses_drawn_images_keyed_by_the_drawing_code_and_fonts():
    import yaml

    steps = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text())["jobs"]["check-build-test"]["steps"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "~/.cache/epi-site/images"  # image_cache.cache_folder() on a runner
    assert "hooks/epi_site/rendering/*.py" in cache["with"]["key"] and "overrides/assets/fonts/*" in cache["with"]["key"]
    build = next(step for step in steps if step.get("name") == "Build the site (strict)")
    assert steps.index(cache) < steps.index(build)


def test_a_pull_request_gets_the_change_report_and_keeps_its_built_site():
    import yaml

    steps = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text())["jobs"]["check-build-test"]["steps"]
    names = [step.get("name", "") for step in steps]
    build = names.index("Build the site (strict)")
    report = next(step for step in steps if "tools/dev.py changes" in step.get("run", ""))
    kept = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert steps.index(report) > build and steps.index(kept) > build
    for step in (report, kept):
        assert step["if"] == "github.event_name == 'pull_request'"
    # The Markdown report goes to the run's summary, compared with the pull request's target branch (from the
    # runner's environment, never an expression pasted into the script), with a command to look at the site.
    assert report["run"].startswith('python3 tools/dev.py changes --markdown "origin/$GITHUB_BASE_REF"')
    assert report["run"].endswith('>> "$GITHUB_STEP_SUMMARY"') and "${{" not in report["run"]
    assert f"--name {kept['with']['name']}" in report["run"] and kept["with"]["path"] == "site"


def codeowners() -> list[tuple[re.Pattern, list[str]]]:
    """.github/CODEOWNERS as GitHub reads it: gitignore-like patterns, the last match wins."""
    rules = []
    for line in (ROOT / ".github/CODEOWNERS").read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, *owners = line.split()
        assert not set(pattern) & set("[]!\\"), f"GitHub ignores this syntax in CODEOWNERS: {pattern}"
        anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
        body = re.escape(pattern.strip("/")).replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
        folder = pattern.endswith("/")
        rules.append((re.compile(("^" if anchored else "^(.*/)?") + body + ("/.*$" if folder else "(/.*)?$")),
                      owners))
    return rules


def owners_of(path: str, rules) -> list[str]:
    found = []
    for pattern, owners in rules:
        if pattern.match(path):
            found = owners
    return found


MAINTAINERS, EDITORS = ["@epi-project/maintainers"], ["@epi-project/editors"]


def test_everything_has_an_owner_and_the_content_folders_are_the_editors():
    rules = codeowners()
    top = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", "HEAD"], capture_output=True,
                         text=True, check=True).stdout.split()
    assert len(top) > 8
    # Every path at the top and every path a pull request could add there is owned.
    for path in [*top, "nh3.py", "conftest.py", "sitecustomize.py", "new-folder/file.txt", ".venv/bin/python",
                 ".cache/images/ab/x.png", "pytest.ini"]:
        owners = owners_of(path, rules)
        assert owners, f"{path} has no owner in .github/CODEOWNERS"
        if path.split("/")[0] not in ("docs", "content", "locales"):
            assert owners == MAINTAINERS, path
    for folder in ("docs", "content", "locales"):
        assert owners_of(f"{folder}/", rules) == EDITORS
        for name in ("page.en.md", "assets/photo.jpg", "news/item.sv.md", "messages.pot", "data.yml"):
            assert owners_of(f"{folder}/{name}", rules) == EDITORS, f"{folder}/{name}"
        # What a browser or Python could run goes back to the maintainers, even there.
        for name in ("x.js", "assets/x.css", "assets/deep/x.html", "x.py", "assets/page.htm"):
            assert owners_of(f"{folder}/{name}", rules) == MAINTAINERS, f"{folder}/{name}"
    files = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    unowned = [path for path in files if not owners_of(path, rules)]
    assert not unowned, unowned[:5]
    assert owners_of(".github/CODEOWNERS", rules) == MAINTAINERS  # the file owns itself
    assert owners_of("docs-like/page.en.md", rules) == MAINTAINERS  # only the content folders themselves
