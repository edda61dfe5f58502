"""A pull request is more than its content files: the check lists, for a maintainer, every file a
branch adds, changes or removes beside docs/, content/ and locales/ (and code-like files inside them),
from a real git history in a scratch copy of the project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

REVIEW = "; a maintainer must review it before it can be merged"
NOT_CONTENT = "this file is not content" + REVIEW
CODE = "this file holds code that a browser or Python can run" + REVIEW


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                             "-c", "commit.gpgsign=false", *args], capture_output=True, text=True, check=True)
    return result.stdout


def check(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(root), "--no-status", *args],
                          capture_output=True, text=True, cwd=root,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "hooks"), **(env or {})})


@pytest.fixture
def branch(scratch) -> Path:
    """The scratch project committed on main, then a branch that changes content and more."""
    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-q", "-m", "the project as it is")
    git(scratch, "switch", "-q", "-c", "editor")
    page = scratch / "docs" / "approach.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    (scratch / "nh3.py").write_text("print('replaced')\n", encoding="utf-8")
    (scratch / "conftest.py").write_text("print('collected')\n", encoding="utf-8")
    (scratch / "tools").mkdir(exist_ok=True)
    (scratch / "tools" / "x.py").write_text("print('x')\n", encoding="utf-8")
    (scratch / "docs" / "extra.js").write_text("alert(1)\n", encoding="utf-8")
    (scratch / "docs" / "Extra.CSS").write_text("body{}\n", encoding="utf-8")
    (scratch / "locales" / "helper.py").write_text("x = 1\n", encoding="utf-8")
    hooks = sorted((scratch / "hooks" / "epi_site").glob("*.py"))[0]
    hooks.unlink()
    git(scratch, "add", "-A")
    git(scratch, "commit", "-q", "-m", "an editor's pull request, and more")
    return scratch


def listed(output: str) -> dict[str, str]:
    # Only the files for review: the check's other warnings (the publisher's open decisions) are "- " lines too.
    lines = [line[2:] for line in output.splitlines() if line.startswith("- ") and line.endswith(REVIEW)]
    return dict(line.split(": ", 1) for line in lines)


def test_every_file_beside_content_is_listed_for_a_maintainer(branch):
    result = check(branch, "--changed-since", "main")
    assert "Traceback" not in result.stderr
    removed = next(p for p in git(branch, "diff", "--name-only", "--diff-filter=D", "main...HEAD").split())
    assert listed(result.stdout) == {
        "conftest.py": NOT_CONTENT,
        "docs/Extra.CSS": CODE,
        "docs/extra.js": CODE,
        removed: "removing this file is not a content change" + REVIEW,
        "locales/helper.py": CODE,
        "nh3.py": NOT_CONTENT,
        "tools/x.py": NOT_CONTENT,
    }
    assert "7 files beside docs/, content/ and locales/ changed since main" in result.stdout
    assert "approach.en.md" not in result.stdout  # a content file is the editor's to change


def test_the_list_is_written_as_annotations_on_github(branch):
    result = check(branch, "--format", "github", "--changed-since", "main")
    lines = [line for line in result.stdout.splitlines() if "maintainer must review" in line]
    assert "::warning file=nh3.py,title=EPI check::" + NOT_CONTENT in lines
    assert "::warning file=docs/extra.js,title=EPI check::" + CODE in lines
    assert len(lines) == 7


def test_the_base_is_the_pull_requests_target_by_default(branch):
    # Outside a pull request's run: origin/main when it was fetched, else main.
    result = check(branch, "--changed-since", env={"GITHUB_BASE_REF": ""})
    assert "7 files beside docs/, content/ and locales/ changed since main" in result.stdout
    git(branch, "branch", "-q", "release", "main")
    git(branch, "update-ref", "refs/remotes/origin/release", "HEAD")  # the target already has every change
    result = check(branch, "--changed-since", env={"GITHUB_BASE_REF": "release"})
    assert "Only content files changed since origin/release" in result.stdout, result.stdout


def test_only_content_changed_says_so(scratch):
    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-q", "-m", "start")
    git(scratch, "switch", "-q", "-c", "editor")
    page = scratch / "docs" / "approach.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    git(scratch, "add", "-A")
    git(scratch, "commit", "-q", "-m", "content only")
    result = check(scratch, "--changed-since", "main")
    assert result.returncode == 0
    assert "Only content files changed since main: docs/, content/ and locales/." in result.stdout


def test_no_repository_or_no_base_is_said_not_a_crash(branch):
    result = check(branch, "--changed-since", "no-such-branch")
    assert "Traceback" not in result.stderr
    assert ("The files this branch changed are not listed: there is no branch or commit 'no-such-branch' to "
            "compare with (fetch it first, or name another with --changed-since).") in result.stdout
    result = check(branch, "--changed-since=--output=x")
    assert "'--output=x' is not a branch or commit name" in result.stdout
    (branch / ".git").rename(branch / "not-git")
    result = check(branch, "--changed-since", env={"GIT_CEILING_DIRECTORIES": str(branch.parent)})
    assert "Traceback" not in result.stderr
    assert "is not a git repository, so the check cannot tell which files changed" in result.stdout


def test_no_git_is_said_not_a_crash(branch):
    result = check(branch, "--changed-since", "main", env={"PATH": str(branch / "no-such-folder")})
    assert "Traceback" not in result.stderr
    assert "git is not installed, so the check cannot tell which files this branch changed" in result.stdout


def test_the_guide_says_which_files_a_pull_request_may_change(branch):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("## Which files your pull request may change", 1)[1].split("\n## ", 1)[0]
    for folder in ("`docs/`", "`content/`", "`locales/`"):
        assert folder in section
    # The example is what the check prints, word for word.
    (example,) = [line[2:] for line in section.splitlines() if line.startswith("> ")]
    assert f"- {example}" in check(branch, "--changed-since", "main").stdout
    assert "`python3 tools/dev.py check --changed-since`" in section
