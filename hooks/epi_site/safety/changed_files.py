"""Which files a pull request adds, changes or removes outside the content folders.

Editors change docs/, content/ and locales/; the check reads those. Anything else a pull request
holds (a Python file, a workflow, a file at the repository's root such as ``nh3.py`` or
``conftest.py``) could change what the check, the build or the tests run, so it is listed for a
maintainer's review, never judged by the check itself. A file under a content folder whose type
can run (a script, a style sheet, a page template or Python) is listed too. The list comes from
git (``git diff BASE...HEAD``: what the branch changed since it left BASE).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path, PurePosixPath

from ..problems import Problem
from .safe_text import shown_name

CONTENT_FOLDERS = ("docs", "content", "locales")
# Types a browser or Python runs, wherever they are: reviewed even inside a content folder.
CODE_SUFFIXES = (".js", ".mjs", ".cjs", ".css", ".html", ".htm", ".xhtml", ".py", ".pyc", ".pth")


class NoComparison(Exception):
    """The files changed could not be listed: no git, not a repository, or no such base."""


def default_bases() -> list[str]:
    """The branch a pull request goes into: GitHub names it in a pull request's run; else main."""
    branch = os.environ.get("GITHUB_BASE_REF", "").strip()
    return [f"origin/{branch}"] if branch else ["origin/main", "main"]


def changed_files(root: Path, base: str = "") -> tuple[str, list[tuple[str, str]]]:
    """The base compared with, and (status, path) for every file the branch added (A), changed (M, T)
    or removed (D) since it left ``base`` (empty: the first of ``default_bases`` that exists)."""
    git = shutil.which("git")
    if git is None:
        raise NoComparison("git is not installed, so the check cannot tell which files this branch changed")
    if base.startswith("-"):
        raise NoComparison(f"'{base}' is not a branch or commit name")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([git, "-C", str(root), *args], capture_output=True, check=False)

    if run("rev-parse", "--is-inside-work-tree").returncode:
        raise NoComparison(f"{root} is not a git repository, so the check cannot tell which files changed")
    bases = [base] if base else default_bases()
    found = [name for name in bases if not run("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}").returncode]
    if not found:
        raise NoComparison(f"there is no branch or commit {' or '.join(repr(name) for name in bases)} to compare "
                           "with (fetch it first, or name another with --changed-since)")
    base = found[0]
    result = run("diff", "--name-status", "--no-renames", "-z", f"{base}...HEAD", "--")
    if result.returncode:
        raise NoComparison(f"git could not compare with '{base}': "
                           + result.stderr.decode("utf-8", "replace").strip())
    fields = result.stdout.decode("utf-8", "surrogateescape").split("\0")
    return base, [(status[:1], path) for status, path in zip(fields[0::2], fields[1::2], strict=False) if status and path]


def needs_review(path: str) -> str | None:
    """Why a maintainer must review this path, or None for a content file an editor may change."""
    parts = PurePosixPath(path).parts
    if not parts or parts[0] not in CONTENT_FOLDERS or len(parts) == 1:
        return "this file is not content"
    if path.lower().endswith(CODE_SUFFIXES):
        return "this file holds code that a browser or Python can run"
    return None


def review_list(changes: list[tuple[str, str]]) -> list[Problem]:
    """One line per file a maintainer must review, in words an editor understands."""
    listed = []
    for status, path in sorted(changes, key=lambda change: change[1]):
        reason = needs_review(path)
        if reason is None:
            continue
        done = "removing this file is not a content change" if status == "D" else reason
        listed.append(Problem(shown_name(path), None, "",
                              f"{done}; a maintainer must review it before it can be merged"))
    return listed
