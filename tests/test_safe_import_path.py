"""A file a pull request puts at the repository's root is never imported: every interpreter the
project starts runs with a safe import path (-P / PYTHONSAFEPATH), and pytest reads conftest.py
files from tests/ only. Tried on scratch copies, started the way tools/dev.py starts them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

import dev
from conftest import ROOT

PIXEL = '<img src="https://evil.example/pixel.gif" alt="">'
# A sanitiser that lets everything through, and says it was imported.
FAKE_NH3 = """from pathlib import Path
Path(__file__).with_name("IMPORTED").write_text("the fake nh3 ran")
print("FAKE-NH3-IMPORTED")
def clean(html, *args, **kwargs):
    return html
def __getattr__(name):
    return lambda *args, **kwargs: args[0] if args else None
"""


@pytest.fixture
def planted(scratch):
    (scratch / "nh3.py").write_text(FAKE_NH3, encoding="utf-8")
    page = scratch / "docs" / "approach.en.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{PIXEL}\n", encoding="utf-8")
    return scratch


def run(root, *args, env=None):
    return subprocess.run(dev.interpreter(*args), cwd=root, capture_output=True, text=True,
                          env=env if env is not None else {**dev.SAFE_ENV, "NO_MKDOCS_2_WARNING": "1"})


def test_tools_dev_starts_every_interpreter_with_a_safe_path():
    assert dev.interpreter("-m", "x")[1] == "-P" and dev.SAFE_ENV["PYTHONSAFEPATH"] == "1"


def test_a_root_nh3_py_replaces_nothing_in_the_check_or_the_build(planted, tmp_path):
    check = run(planted, "-m", "epi_site.check", "--root", str(planted), "--no-status")
    assert "FAKE-NH3-IMPORTED" not in check.stdout + check.stderr
    assert check.returncode == 1 and "approach.en.md" in check.stdout  # the real check saw the pixel
    site = tmp_path / "site"
    built = run(planted, "-m", "mkdocs", "build", "--clean", "-f", str(planted / "mkdocs.yml"), "-d", str(site))
    assert "FAKE-NH3-IMPORTED" not in built.stdout + built.stderr
    assert not (planted / "IMPORTED").exists()
    # The build refuses what the check refuses: nothing is published with the pixel.
    assert built.returncode != 0 or not any("evil.example" in p.read_text(encoding="utf-8")
                                            for p in site.rglob("*.html"))


def test_without_a_safe_path_the_root_file_would_be_imported(planted):
    # The danger is real: the very command without -P and PYTHONSAFEPATH imports the root nh3.py.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSAFEPATH"}
    result = subprocess.run([str(dev.PYTHON), "-m", "epi_site.check", "--root", str(planted), "--no-status"],
                            cwd=planted, capture_output=True, text=True, env=env)
    assert (planted / "IMPORTED").exists(), result.stdout + result.stderr


def pytest_project(tmp_path):
    """A project with the real pytest configuration and tests/conftest.py, and one test."""
    root = tmp_path / "project"
    (root / "tests").mkdir(parents=True)
    (root / "tools").mkdir()
    for name in ("pyproject.toml", "tests/conftest.py", "tools/synthetic.py", "mkdocs.yml"):
        shutil.copy2(ROOT / name, root / name)
    shutil.copytree(ROOT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    (root / "tests" / "test_one.py").write_text("def test_one():\n    assert True\n", encoding="utf-8")
    (root / "conftest.py").write_text(
        "from pathlib import Path\nPath(__file__).with_name('COLLECTED').write_text('root conftest ran')\n",
        encoding="utf-8")
    return root


@pytest.mark.parametrize("args", [(), ("tests/test_one.py",)], ids=["testpaths", "one file"])
def test_pytest_never_reads_a_conftest_above_tests(tmp_path, args):
    root = pytest_project(tmp_path)
    result = run(root, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    assert not (root / "COLLECTED").exists()
    # The configuration is what keeps it out: without it, pytest runs the root conftest.py.
    result = run(root, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--confcutdir=.", *args)
    assert (root / "COLLECTED").exists(), result.stdout + result.stderr


def test_the_workflow_and_ci_script_set_a_safe_path():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text())
    for name, job in workflow["jobs"].items():
        runs = [step["run"] for step in job.get("steps", []) if "run" in step]
        if runs:
            assert job["env"]["PYTHONSAFEPATH"] == "1", name
    assert "export PYTHONSAFEPATH=1" in (ROOT / ".ci/run").read_text()


UNSAFE = re.compile(r"\[sys\.executable, (?!\"-P\")")


def test_every_interpreter_a_test_or_tool_starts_has_a_safe_path():
    started = []
    for path in [*sorted((ROOT / "tests").rglob("*.py")), *sorted((ROOT / "tools").glob("*.py"))]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if UNSAFE.search(line):
                started.append(f"{path.name}:{number}")
    assert not started, started
    assert sys.flags.safe_path or os.environ.get("PYTHONSAFEPATH") == "1"


@pytest.mark.parametrize("ci", ["true", ""], ids=["in CI", "on a laptop"])
def test_a_committed_venv_is_refused_never_run(scratch, ci):
    """A branch holding .venv/bin/python and a matching stamp: tools/dev.py would run it as the project's
    Python. It refuses, in CI and elsewhere, and starts nothing."""
    shutil.copytree(ROOT / "tools", scratch / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", scratch / "pyproject.toml")
    fake = scratch / ".venv" / "bin" / "python"
    fake.parent.mkdir(parents=True)
    fake.write_text(f"#!/bin/sh\necho ran > {scratch / 'RAN'}\n", encoding="utf-8")
    fake.chmod(0o755)
    import hashlib

    (scratch / ".venv" / ".epi-installed").write_text(
        hashlib.sha256((scratch / "pyproject.toml").read_bytes()).hexdigest())
    for args in (["init", "-q"], ["add", "-A", "-f"], ["-c", "user.name=T", "-c", "user.email=t@example.org",
                                                       "commit", "-q", "-m", "a pull request"]):
        subprocess.run(["git", "-C", str(scratch), *args], check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-P", str(scratch / "tools" / "dev.py"), "check"], cwd=scratch,
                            capture_output=True, text=True, env={**os.environ, "CI": ci})
    assert result.returncode != 0
    assert not (scratch / "RAN").exists()
    assert "This branch holds files under .venv/ (.venv/.epi-installed, .venv/bin/python)" in result.stderr
    assert "git rm -r --cached .venv" in result.stderr
