"""``python3 tools/dev.py changes [BASE]``: what a change does to the site, as its readers will see it.

It builds the site twice, as the base was and as the working tree is now (with every edit not yet
committed), runs the check on both, and reports per language: the pages added, removed and changed
with the words that changed, titles, descriptions and link previews, feed entries and newsletter
issues, cards and charts redrawn, translations made outdated or brought up to date, and problems and
warnings added or removed. ``--markdown`` writes the same report for a pull request's job summary,
``--json`` for a program (the report's data, as ``change_report.Report`` holds it).

BASE is a branch or a commit; the comparison starts where this branch left it (``git merge-base``),
as a pull request's diff does. Without BASE: the pull request's target branch on GitHub, else
origin/main when it exists, else main. The base's files come from ``git archive``, into a temporary
folder; nothing in the repository changes. Drawn images come from the image cache both builds share,
and a base already built once is taken from the build cache (both in the user's cache folder), with
the check's results on it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import importlib.metadata
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

from .change_report import (CheckResult, LanguageChanges, Report, SiteChanges, as_markdown, as_text, check_result,
                            compare_checks, compare_sites)
from .content.loading import load_content
from .content.news import current_day
from .content.translation_status import status_rows
from .problems import Problem
from .project import load_project
from .rendering.image_cache import cache_folder
from .safety.changed_files import default_bases
from .safety.github_output import plain_lines

KEPT_BUILDS = 4  # bases kept in the build cache, those used last, beside those in use
# Seconds after its last use that a kept build may still be read, and after its last write that a
# build may still be running: a comparison takes well under a minute.
IN_USE = 3600


class Unavailable(Exception):
    """The comparison cannot be made: no git, no such base."""


@dataclass
class Side:
    tree: Path  # the files the site is built from
    label: str
    git_tree: str | None  # git's name of exactly these files, when known: the key of the build cache


def _git(root: Path, *args: str, binary: bool = False) -> subprocess.CompletedProcess:
    git = shutil.which("git")
    if git is None:
        raise Unavailable("git is not installed, so there is no base to compare with")
    return subprocess.run([git, "-C", str(root), *args], capture_output=True, text=not binary, check=False)


def resolve_base(root: Path, base: str) -> tuple[str, str]:
    """(the commit where HEAD left ``base``, how to name it to a reader)."""
    if base.startswith("-"):
        raise Unavailable(f"'{base}' is not a branch or commit name")
    if _git(root, "rev-parse", "--is-inside-work-tree").returncode:
        raise Unavailable(f"{root} is not a git repository, so there is no base to compare with")
    names = [base] if base else default_bases()
    found = [name for name in names
             if not _git(root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}").returncode]
    if not found:
        raise Unavailable(f"there is no branch or commit {' or '.join(repr(name) for name in names)} to compare "
                          "with (fetch it first, or name another: python3 tools/dev.py changes BRANCH)")
    name = found[0]
    result = _git(root, "merge-base", "HEAD", name)
    if result.returncode:
        raise Unavailable(f"this branch has no commit in common with '{name}'")
    commit = result.stdout.strip()
    tip = _git(root, "rev-parse", f"{name}^{{commit}}").stdout.strip()
    label = f"{name} ({commit[:9]})" if tip == commit else f"{name} where this branch left it ({commit[:9]})"
    return commit, label


def git_tree(root: Path, commit: str) -> str:
    return _git(root, "rev-parse", f"{commit}^{{tree}}").stdout.strip()


def working_tree_id(root: Path) -> str | None:
    """git's name of the working tree's files when it holds no change of its own, else None."""
    status = _git(root, "status", "--porcelain", "--untracked-files=all")
    if status.returncode or status.stdout.strip():
        return None
    return git_tree(root, "HEAD") or None


def export(root: Path, commit: str, target: Path) -> None:
    """The files of ``commit``, written into ``target`` (git archive: the repository is not touched)."""
    result = _git(root, "archive", "--format=tar", commit, binary=True)
    if result.returncode:
        raise Unavailable(f"git could not read the files of {commit[:9]}: "
                          + result.stderr.decode("utf-8", "replace").strip())
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(result.stdout)) as archive:
        archive.extractall(target, filter="data")


# --- building, with the cache of built bases ---------------------------------------------------------

def build_command(tree: Path, site: Path) -> list[str]:
    # The project's interpreter (the one running this), importing no file of the working directory, as
    # tools/dev.py runs everything. Not --quiet: MkDocs then drops warnings before --strict counts them.
    return [sys.executable, "-P", "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(tree / "mkdocs.yml"),
            "-d", str(site)]


def build_environment() -> dict:
    return {**os.environ, "PYTHONSAFEPATH": "1", "NO_MKDOCS_2_WARNING": "1"}


def builds_folder() -> Path:
    """Beside the image cache, outside every repository: a pull request cannot put a build there."""
    return cache_folder().parent / "builds"


@functools.cache
def _packages() -> tuple[str, ...]:
    return tuple(sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()))


def cache_key(tree_id: str) -> str:
    """The same files built with the same interpreter and packages give the same bytes."""
    text = "\n".join([tree_id, sys.version, zlib.ZLIB_RUNTIME_VERSION, *_packages()])
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def last_use(entry: Path) -> float | None:
    """When a cache entry was last made or taken (the time of its "complete" file); None: no entry."""
    try:
        return (entry / "complete").stat().st_mtime
    except OSError:
        return None


def cached_build(tree_id: str | None) -> Path | None:
    if not tree_id:
        return None
    folder = builds_folder() / cache_key(tree_id)
    if last_use(folder) is not None and (folder / "site").is_dir():
        try:
            os.utime(folder / "complete")  # used now: kept by the pruning
        except OSError:
            return None  # removed meanwhile
        return folder / "site"
    return None


def keep_build(partial: Path) -> Path:
    """A base built into the cache's ``KEY.PID.partial`` folder, made the cache's entry KEY, and the
    cache pruned. Returns where the site now is."""
    folder = partial.with_name(partial.name.split(".", 1)[0])
    try:
        if last_use(folder) is not None:
            # The same files, built by another comparison meanwhile: the same bytes, which it may be
            # reading now, so that entry stays and this build goes.
            os.utime(folder / "complete")
            shutil.rmtree(partial, ignore_errors=True)
        else:
            (partial / "complete").write_text("")
            shutil.rmtree(folder, ignore_errors=True)  # an entry without "complete": half removed
            partial.rename(folder)
    except OSError:
        return partial / "site"
    prune(builds_folder())
    return folder / "site"


def prune(folder: Path) -> None:
    """Remove the entries beyond the KEPT_BUILDS used last, except those used within IN_USE seconds (a
    comparison may still be reading them), and what stopped builds left there over IN_USE seconds ago."""
    now = time.time()
    used, left = [], []
    for entry in folder.iterdir():
        when = last_use(entry)
        if when is not None:
            used.append((when, entry))
            continue
        left.append((_last_write(entry), entry))
    used.sort(reverse=True)
    for when, old in [*used[KEPT_BUILDS:], *left]:
        if when < now - IN_USE:
            shutil.rmtree(old, ignore_errors=True)


def _last_write(entry: Path) -> float:
    """A build writes into its partial folder's site/, made once it starts: the later of the two times."""
    times = []
    for path in (entry, entry / "site"):
        with contextlib.suppress(OSError):
            times.append(path.stat().st_mtime)
    return max(times, default=0.0)


@dataclass
class Build:
    side: Side
    site: Path
    process: subprocess.Popen | None = None
    log: Path | None = None
    error: str = ""

    def wait(self) -> bool:
        if self.process is None:
            return not self.error
        if self.process.wait():
            lines = self.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            self.error = "\n".join(lines[-15:]) or f"mkdocs stopped with status {self.process.returncode}"
            if self.site.parent.name.endswith(".partial"):
                shutil.rmtree(self.site.parent, ignore_errors=True)
            return False
        if self.site.parent.name.endswith(".partial"):
            self.site = keep_build(self.site.parent)
        return True


def start_build(side: Side, scratch: Path, name: str) -> Build:
    """Start building one side, or find it in the cache; a side whose files git names (a commit, a
    working tree with no change of its own) is built straight into the cache."""
    cached = cached_build(side.git_tree)
    if cached is not None:
        return Build(side, cached)
    site, log = scratch / f"{name}-site", scratch / f"{name}-build.log"
    if side.git_tree:
        partial = builds_folder() / f"{cache_key(side.git_tree)}.{os.getpid()}.partial"
        try:
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir(parents=True)
            site = partial / "site"
        except OSError:
            pass  # no cache folder to write: built in the scratch folder, as a working tree is
    with log.open("wb") as out:
        process = subprocess.Popen(build_command(side.tree, site), cwd=side.tree, env=build_environment(),
                                   stdout=out, stderr=subprocess.STDOUT)
    return Build(side, site, process, log)


def check_of(tree: Path):
    """The check's results for one tree, as ``python3 tools/dev.py check`` finds them."""
    project = load_project(tree)
    content, problems = load_content(project)
    rows = status_rows(content) if content is not None else None
    return check_result(rows, list(problems), problems.warning_list(), str(tree))


def base_check(side: Side, build: Build, notes: list[str]) -> CheckResult:
    """The check's results for the base: kept with its build in the cache, else found now (and kept)."""
    kept = _check_file(build)
    if kept is not None:
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            return _check_from(json.loads(kept.read_text(encoding="utf-8")))
    try:
        found = check_of(side.tree)
    except Exception as error:  # an old base the check cannot read: said in the report, not fatal
        notes.append(f"the check could not read {side.label}: {error}")
        return CheckResult(read=False)
    if kept is not None:
        with contextlib.suppress(OSError):
            written = kept.with_name(f"{kept.name}.{os.getpid()}")
            written.write_text(json.dumps(_check_data(found)), encoding="utf-8")
            written.replace(kept)
    return found


@functools.cache
def check_version() -> str:
    """The running check's own code: what a base's check results depend on beside the base's files."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _check_file(build: Build) -> Path | None:
    """Where a base's check results are kept: in its folder of the build cache, for this check's code and
    today (a publication date in the future is a problem until its day)."""
    folder = build.site.parent
    name = f"check-{check_version()}-{current_day().isoformat()}.json"
    return folder / name if folder.parent == builds_folder() else None


def _check_data(found: CheckResult) -> dict:
    return {"problems": [asdict(problem) for problem in found.problems],
            "warnings": [asdict(warning) for warning in found.warnings],
            "statuses": [[kind, key, source, statuses] for (kind, key), (source, statuses) in found.statuses.items()],
            "read": found.read}


def _check_from(data: dict) -> CheckResult:
    return CheckResult(tuple(Problem(**problem) for problem in data["problems"]),
                       tuple(Problem(**warning) for warning in data["warnings"]),
                       {(kind, key): (source, statuses) for kind, key, source, statuses in data["statuses"]},
                       bool(data["read"]))


def report(root: Path, base: str = "") -> tuple[Report, bool]:
    """The report, and whether the working tree could be built."""
    root = root.resolve()
    project = load_project(root)
    commit, label = resolve_base(root, base)
    names = {lang: f"{project.language_name(lang)} ({lang})" for lang in project.languages}
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="epi-changes-") as scratch_name:
        scratch = Path(scratch_name)
        started = time.perf_counter()
        head_side = Side(root, "the working tree", working_tree_id(root))
        base_side = Side(scratch / "base", label, git_tree(root, commit))
        head = start_build(head_side, scratch, "head")
        # The same files make the same site: built once (a branch with no change of its own yet).
        same = head_side.git_tree is not None and head_side.git_tree == base_side.git_tree
        prior = head
        try:
            export(root, commit, base_side.tree)
            if not same:
                prior = start_build(base_side, scratch, "base")
            before = base_check(base_side, prior, notes)
            check = compare_checks(before, check_of(root), project.languages, project.default_language)
            head_built, base_built = head.wait(), prior.wait()
        finally:
            for build in (head, prior):  # stopped by an error or Ctrl+C: no build left running
                if build.process is not None and build.process.poll() is None:
                    build.process.kill()
                    build.process.wait()
        if not head_built:
            notes.append("the working tree could not be built, so its pages are not compared:\n" + head.error)
        if not base_built and not same:
            notes.append(f"{label} could not be built, so its pages are not compared:\n" + prior.error)
        if head_built and base_built:
            site = compare_sites(prior.site, head.site, project.languages, project.default_language)
        else:
            site = SiteChanges({lang: LanguageChanges() for lang in project.languages}, base_built=False)
        elapsed = time.perf_counter() - started
    return Report(label, "the working tree", site, check, names, notes, elapsed), head_built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 tools/dev.py changes", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", nargs="?", default="",
                        help="the branch or commit to compare with (default: the pull request's target branch, "
                             "else origin/main or main)")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--markdown", action="store_true", help="write the report in Markdown, for GitHub's job summary")
    form.add_argument("--json", action="store_true", help="write the report's data in JSON, for a program")
    parser.add_argument("--look", default="", metavar="COMMAND",
                        help="with --markdown: a command that shows the built site locally, to print in the report")
    parser.add_argument("--root", default=".", help="the repository's folder (default: the current one)")
    args = parser.parse_args(argv)
    try:
        found, built = report(Path(args.root), args.base)
    except Unavailable as reason:
        print(f"No change report: {reason}.", file=sys.stderr)
        return 2
    if args.markdown:
        print(as_markdown(found, args.look), end="")
    elif args.json:
        # One line, every character beyond ASCII escaped: no word of a contributor starts a line of its own,
        # so none can become a command to GitHub's runner.
        print(json.dumps(asdict(found)))
    else:
        # Contributors' words are printed: no line of theirs can become a command to GitHub's runner.
        print("\n".join(plain_lines(as_text(found))))
    return 0 if built else 1


if __name__ == "__main__":
    sys.exit(main())
