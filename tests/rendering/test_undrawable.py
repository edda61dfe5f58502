"""rendering/undrawable.py: the check warns of a title's letters its link-preview image cannot draw."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from epi_site.rendering.undrawable import undrawable

NEWS = "content/news/2020-01-01-epi-starts.lv.md"


def test_the_eight_languages_letters_are_drawable_and_emoji_and_cjk_are_not():
    assert undrawable("Ļubļina, Kluż-Napoka, „Cartagena“ – Șase Țări, Größe, Linköping, 1.\u00a0janvāris") == []
    assert undrawable("EPI 🇪🇺 in 里加 and 里加 again") == ["🇪", "🇺", "里", "加"]


def test_the_check_names_the_file_and_the_characters_and_still_passes(scratch):
    path = scratch / NEWS
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(title, title + " 🎉"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(scratch), "--no-status"],
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stdout
    assert f"- {NEWS} (front matter.title): the title's link-preview image cannot draw 🎉 (party popper)" in result.stdout
