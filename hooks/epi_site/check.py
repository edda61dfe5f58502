"""``python -m epi_site.check``: check every contributor's file in seconds, without a build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content import load_content
from .project import load_project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 tools/dev.py check", description=__doc__)
    parser.add_argument("--root", default=".", help="the repository's folder")
    parser.add_argument("--extract", action="store_true", help="update locales/ from the templates and code")
    parser.add_argument("--mark-translated", nargs="+", metavar="FILE",
                        help="record that these translations are up to date with their English text")
    args = parser.parse_args(argv)
    project = load_project(Path(args.root))
    if args.mark_translated:
        return mark(project, [Path(name) for name in args.mark_translated])
    if args.extract:
        from .catalogs import update

        changed = update(project)
        print("Updated: " + ", ".join(changed) if changed else "The catalogs were already up to date.")
        return 0
    _, problems = load_content(project)
    if problems:
        print(problems.report())
        return 1
    print("No problems found.")
    return 0


def mark(project, paths: list[Path]) -> int:
    from .sources import language_of
    from .problems import Problems
    from .translations import mark_translated

    problems = Problems()
    for path in paths:
        path = path if path.is_absolute() else Path.cwd() / path
        parsed = language_of(path, list(project.languages), project.root, problems)
        if not parsed:
            continue
        stem, lang = parsed
        source = path.with_name(f"{stem}.{project.default_language}{path.suffix}")
        if lang == project.default_language or not source.exists():
            problems.add(str(path), "this is not a translation of an English file",
                         fix=f"give the translation's name, such as {stem}.sv{path.suffix}")
            continue
        print(f"{path.relative_to(project.root)}: translated_from: {mark_translated(path, source)}")
    if problems:
        print(problems.report())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
