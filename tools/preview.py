"""Preview English and one other language with live reload, much faster than all eight.

    python3 tools/dev.py preview sv            # http://127.0.0.1:8000/ and /sv/
    python3 tools/dev.py preview sv --port 8001

It serves a configuration that inherits mkdocs.yml and builds only English
and the chosen language; the other languages still appear in the switcher.
The search index is not built in a preview. When a saved file breaks the build, every page
shows the check's messages until the next build succeeds (hooks/mkdocs_adapter/failed_build.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from epi_site.project import load_project  # noqa: E402


def preview_config(lang: str) -> Path:
    """Write .preview.yml (ignored by Git) for English plus ``lang``."""
    project = load_project(ROOT)
    if lang not in project.languages:
        sys.exit(f"'{lang}' is not one of the site's languages: {', '.join(project.languages)}")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                language["build"] = language["locale"] in (project.default_language, lang)
    config.setdefault("extra", {})["preview"] = True
    path = ROOT / ".preview.yml"
    path.write_text("# Made by tools/preview.py; do not edit.\n" + yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    config = preview_config(argv[0])
    command = [sys.executable, "-P", "-m", "mkdocs", "serve", "-f", str(config), "--livereload", *argv[1:]]
    return subprocess.call(command, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
