#!/usr/bin/env python3
"""Everyday commands for the EPI site. Needs only Python 3.11 or newer.

    python3 tools/dev.py build            build the whole site into site/
    python3 tools/dev.py serve            preview every language at http://127.0.0.1:8000/
    python3 tools/dev.py preview sv       preview English and one other language, fast
    python3 tools/dev.py check            check docs/, content/ and locales/ in seconds
    python3 tools/dev.py todo sv          what Swedish lacks or has let fall behind, with the English's changes
                                          (--markdown: the same list for an issue or a pull request)
    python3 tools/dev.py test             run the whole test suite
    python3 tools/dev.py test --fast      the everyday loop: no browser, no slow tests (about 2 minutes)
    python3 tools/dev.py changes          what this branch changes on the site, per language, as readers see it
                                          (pages, feeds, images, translations; BASE: another branch or commit;
                                          --markdown: the same report for a pull request; --json: its data)
    python3 tools/dev.py lint             ruff, with the rules of pyproject.toml
    python3 tools/dev.py new news "Title"  start a news item in English (also: new partner ID, new page NAME,
                                          new issue 2022-q2); it never overwrites a file
    python3 tools/dev.py extract          update locales/ after changing a template's strings
    python3 tools/dev.py bench            measure build time, page weight and search index size

Each command first makes the project's own virtual environment (.venv) and
installs the pinned packages of pyproject.toml into it, when they changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
# Debian package -> what shows it is installed. EPI_CHROMIUM names another Chromium-based browser.
SYSTEM_PACKAGES = {"chromium": os.environ.get("EPI_CHROMIUM", "/usr/bin/chromium"), "default-jre-headless": "java"}


# Every interpreter we start imports only installed code and the project's own packages: never a file
# of the working directory (a pull request's nh3.py at the root would replace the sanitiser).
# -P says so for the interpreter we start; PYTHONSAFEPATH for every one it starts in turn.
SAFE_ENV = {**os.environ, "PYTHONSAFEPATH": "1"}


def say(message: str) -> None:
    print(f"[epi] {message}", flush=True)


def committed_venv() -> list[str]:
    """Files of .venv that git tracks: a pull request's, never an environment this machine made."""
    if not shutil.which("git"):
        return []
    result = subprocess.run(["git", "-C", str(ROOT), "ls-files", "--", ".venv"], capture_output=True, text=True)
    return result.stdout.split() if result.returncode == 0 else []


def ensure_venv() -> None:
    # Not dead code for ruff: this file runs under whatever python3 a newcomer has, before any .venv.
    if sys.version_info < (3, 11):  # noqa: UP036
        sys.exit("The EPI site needs Python 3.11 or newer.")
    # The stamp below trusts an existing .venv: one that came with the branch could run anything.
    # A checkout writes only tracked files, so in CI an untracked .venv is one this run made.
    committed = committed_venv()
    if committed:
        sys.exit(f"This branch holds files under .venv/ ({', '.join(committed[:3])}"
                 f"{', ...' if len(committed) > 3 else ''}): a virtual environment is made on each machine, "
                 "never committed. Remove them (git rm -r --cached .venv) and run the command again.")
    stamp = VENV / ".epi-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        say("making the virtual environment .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing the pinned packages of pyproject.toml")
    # -qq: only errors. A first run otherwise fills the screen with pip's notes about its own
    # configuration (ignored package locations, a newer pip), which an editor cannot act on.
    subprocess.run([str(PYTHON), "-P", "-m", "pip", "install", "-qq", "--disable-pip-version-check",
                    "-e", f"{ROOT}[test]"], check=True, env=dict(SAFE_ENV, PIP_DISABLE_PIP_VERSION_CHECK="1"))
    stamp.write_text(wanted)


def ensure_system_packages() -> None:
    """Chromium drives the browser tests and Java runs the HTML checker."""
    missing = [name for name, probe in SYSTEM_PACKAGES.items()
               if not (Path(probe).exists() if probe.startswith("/") else shutil.which(probe))]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(f"Please install these Debian packages first: {' '.join(missing)} "
                 f"(for example: sudo apt-get install {' '.join(missing)})")
    say(f"installing {' '.join(missing)} with apt-get")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    # With recommended packages (fonts among them), as the browser tests were made with.
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def interpreter(*args: str) -> list[str]:
    """The command line of the project's Python, with a safe import path."""
    return [str(PYTHON), "-P", *args]


def run(*args: str) -> int:
    # The theme prints a banner about a future MkDocs on every build and preview; this site's
    # version is pinned, so the banner tells an editor nothing (the variable is the theme's own switch).
    env = dict(SAFE_ENV, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(interpreter(*args), cwd=ROOT, env=env).returncode


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if command in ("help", "-h", "--help"):
        print(__doc__)
        return 0
    ensure_venv()
    if command == "build":
        return run("-m", "mkdocs", "build", "--strict", *rest)
    if command == "serve":
        return run("-m", "mkdocs", "serve", *rest)
    if command == "preview":
        return run(str(ROOT / "tools" / "preview.py"), *rest)
    if command == "check":
        return run("-m", "epi_site.check", *rest)
    if command == "todo":
        return run("-m", "epi_site.todo", *rest)
    if command == "changes":
        return run("-m", "epi_site.changes", *rest)
    if command == "new":
        return run("-m", "epi_site.scaffold", *rest)
    if command == "extract":
        return run("-m", "epi_site.check", "--extract")
    if command == "test":
        if "--fast" in rest:
            rest = [arg for arg in rest if arg != "--fast"]
            return run("-m", "pytest", "-m", "not browser and not slow", *rest)
        ensure_system_packages()
        return run("-m", "pytest", *rest)
    if command == "lint":
        return run("-m", "ruff", "check", "hooks", "tools", "tests", *rest)
    if command == "bench":
        ensure_system_packages()
        return run(str(ROOT / "tools" / "benchmark.py"), *rest)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
