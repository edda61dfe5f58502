"""ProperDocs, the maintained fork of MkDocs 1.6, is the fallback builder: it must make the very site MkDocs makes."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def same_trees(first: Path, second: Path) -> list[str]:
    """The paths that are in one tree only, or differ in a byte."""
    left = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
    right = {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    differ = sorted(str(p) for p in left ^ right)
    differ += sorted(str(p) for p in left & right if not filecmp.cmp(first / p, second / p, shallow=False))
    return differ


@pytest.mark.slow
def test_properdocs_builds_the_same_site_byte_for_byte(site: Path, tmp_path: Path):
    out = tmp_path / "properdocs-site"
    result = subprocess.run([sys.executable, "-P", "-m", "properdocs", "build", "--strict", "--clean",
                             "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                            capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    differ = same_trees(site, out)
    assert not differ, f"{len(differ)} files differ between MkDocs and ProperDocs, first: {differ[:10]}"


def test_the_comparison_sees_a_missing_file_and_a_changed_byte(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    for tree in (first, second):
        (tree / "x").mkdir(parents=True)
        (tree / "x/page.html").write_bytes(b"<p>same</p>")
    assert same_trees(first, second) == []
    (second / "x/page.html").write_bytes(b"<p>sane</p>")
    (first / "only-here.png").write_bytes(b"")
    assert same_trees(first, second) == ["only-here.png", "x/page.html"]
