"""The search index: Pagefind, run over the built site once every language is written."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from pagefind_bin_extended import get_executable

# Our search page uses Pagefind's API only, not its ready-made interfaces.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(Exception):
    pass


def build_search_index(site: Path) -> None:
    """Index every page marked ``data-pagefind-body``; Pagefind splits the index by ``<html lang>``."""
    # The binary itself: ``python -m pagefind`` would start an interpreter only to find it.
    command = [str(get_executable()), "--site", str(site), "--output-subdir", "pagefind", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SearchIndexError(f"The search index could not be built:\n{result.stdout}\n{result.stderr}")
    folder = site / "pagefind"
    for name in UNUSED:
        (folder / name).unlink(missing_ok=True)
    # Pagefind lists the languages in a random order; sorted, two builds give the same bytes.
    entry = folder / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True,
                                ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
