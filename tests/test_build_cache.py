"""The change report's cache of built bases (epi_site/changes.py): it keeps the bases used last, and
never takes away a build that a comparison may be reading. Tried on hand-made entries in a cache
folder of the test's own, so no site is built."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import ROOT
from epi_site.change_report import CheckResult
from epi_site.changes import (KEPT_BUILDS, Build, Side, base_check, builds_folder, cache_key, cached_build, check_of,
                              keep_build)
from epi_site.problems import Problem

HOUR = 3600


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = builds_folder()
    folder.mkdir(parents=True)
    return folder


def entry(name: str, *, built: float, used: float) -> Path:
    """A kept build: made ``built`` seconds ago, last taken by a comparison ``used`` seconds ago."""
    folder = builds_folder() / cache_key(name)
    (folder / "site").mkdir(parents=True)
    (folder / "site" / "index.html").write_text(name)
    now = time.time()
    (folder / "complete").touch()
    os.utime(folder / "complete", (now - used, now - used))
    os.utime(folder, (now - built, now - built))
    return folder


def partial(name: str, *, age: float = 0, started: bool = True) -> Path:
    """A build's folder, last written ``age`` seconds ago; ``started``: MkDocs has made its site/ folder."""
    folder = builds_folder() / f"{cache_key(name)}.{os.getpid()}.partial"
    folder.mkdir(parents=True)
    if started:
        (folder / "site").mkdir()
        (folder / "site" / "index.html").write_text(name)
    for path in (folder / "site", folder):
        if path.exists():
            os.utime(path, (time.time() - age, time.time() - age))
    return folder


def kept() -> set[str]:
    return {path.name for path in builds_folder().iterdir()}


def test_the_bases_used_last_are_kept_not_those_built_last():
    # Built from the first to the last, but used in the opposite order: the first built were used last.
    old = {name: entry(name, built=10 * HOUR - n, used=2 * HOUR + n) for n, name in enumerate("abcdef")}
    site = keep_build(partial("new"))
    assert site == builds_folder() / cache_key("new") / "site" and (site / "index.html").read_text() == "new"
    assert kept() == {cache_key("new"), *(old[name].name for name in "abc")}
    assert len(kept()) == KEPT_BUILDS


def test_a_base_taken_from_the_cache_counts_as_used_then():
    for n, name in enumerate("abcd"):
        entry(name, built=5 * HOUR, used=2 * HOUR + n)
    oldest = entry("z", built=9 * HOUR, used=9 * HOUR)
    assert cached_build("z") == oldest / "site"
    for name in "pq":
        keep_build(partial(name))
    assert oldest.name in kept()


def test_no_build_a_comparison_may_still_be_reading_is_removed():
    # More bases than the cache keeps, each taken within the hour (other comparisons, running now).
    recent = [entry(name, built=3 * HOUR, used=60 * n) for n, name in enumerate("abcdef")]
    keep_build(partial("new"))
    assert kept() == {cache_key("new"), *(folder.name for folder in recent)}


def test_a_base_built_twice_at_once_keeps_the_first_one_made_which_may_be_in_use():
    first = entry("same", built=30, used=0)
    (first / "site" / "index.html").write_text("the first build, being read")
    second = partial("same")
    site = keep_build(second)
    assert site == first / "site" and (site / "index.html").read_text() == "the first build, being read"
    assert not second.exists()
    assert cached_build("same") == first / "site"


def test_a_stopped_builds_folder_goes_after_an_hour_and_a_running_one_stays():
    stopped, running = partial("stopped", age=2 * HOUR), partial("running", age=60)
    starting = partial("starting", started=False)
    keep_build(partial("new"))
    assert not stopped.exists() and running.exists() and starting.exists()


def test_a_bases_check_is_kept_with_its_build_and_read_back_the_same():
    found = check_of(ROOT)  # the real content: every status of every text, and the warnings
    assert found.statuses and found.warnings
    site = entry("base", built=60, used=60) / "site"
    assert base_check(Side(ROOT, "main", "t"), Build(Side(ROOT, "main", "t"), site), []) == found
    # Read from the cache, not found again: the files it was found in are gone.
    gone = Side(ROOT / "no such folder", "main", "t")
    assert base_check(gone, Build(gone, site), []) == found


def test_a_bases_check_that_fails_is_said_and_nothing_is_kept():
    gone = Side(ROOT / "no such folder", "main (abc)", "t")
    site = entry("base", built=60, used=60) / "site"
    notes = []
    assert base_check(gone, Build(gone, site), notes) == CheckResult(read=False)
    assert notes and notes[0].startswith("the check could not read main (abc): ")
    assert sorted(path.name for path in site.parent.iterdir()) == ["complete", "site"]


def test_problems_are_kept_as_they_were_found(tmp_path, monkeypatch):
    found = CheckResult((Problem("docs/a.en.md", 3, "date", "'<b>' is not a date", "write 2020-01-31", "unsafe content"),),
                        (Problem("docs/b.sv.md", None, "", "the glossary's term is 'kommun'"),),
                        {("page", "a"): ("docs/a.en.md", {"sv": "outdated"})})
    monkeypatch.setattr("epi_site.changes.check_of", lambda tree: found)
    site = entry("base", built=60, used=60) / "site"
    base_check(Side(tmp_path, "main", "t"), Build(Side(tmp_path, "main", "t"), site), [])
    monkeypatch.setattr("epi_site.changes.check_of", lambda tree: pytest.fail("found again"))
    assert base_check(Side(tmp_path, "main", "t"), Build(Side(tmp_path, "main", "t"), site), []) == found


def test_a_build_outside_the_cache_keeps_no_check(tmp_path):
    site = tmp_path / "base-site"
    site.mkdir()
    base_check(Side(ROOT, "main", "t"), Build(Side(ROOT, "main", "t"), site), [])
    assert not list(site.iterdir()) and not list(builds_folder().iterdir())
    assert sorted(path.name for path in tmp_path.iterdir()) == ["base-site", "cache"]
