#!/usr/bin/env python3
"""Everyday commands for the EPI site. Needs only Python 3.11 or newer.

    python3 tools/dev.py build            build the whole site into site/
    python3 tools/dev.py serve            preview every language at http://127.0.0.1:8000/
    python3 tools/dev.py preview sv       preview English and one other language, fast
    python3 tools/dev.py check            check docs/, content/ and locales/ in seconds
    python3 tools/dev.py test             run the whole test suite
    python3 tools/dev.py test --fast      the everyday loop: no browser, no slow tests (about 2 minutes)
    python3 tools/dev.py lint             ruff, with the rules of pyproject.toml
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


def say(message: str) -> None:
    print(f"[epi] {message}", flush=True)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):
        sys.exit("The EPI site needs Python 3.11 or newer.")
    stamp = VENV / ".epi-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        say("making the virtual environment .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing the pinned packages of pyproject.toml")
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-e", f"{ROOT}[test]"], check=True)
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


def run(*args: str) -> int:
    return subprocess.run([str(PYTHON), *args], cwd=ROOT).returncode


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
