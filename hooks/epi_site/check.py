"""``python3 tools/dev.py check``: check every contributor's file in seconds, without a build.

It reads docs/, content/ and locales/, reports every problem at once (file,
line or field, what is wrong, what to write instead), prints the translation
status, and exits with status 1 when anything must be fixed. The build runs
the same checks, so nothing slips past either path.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .content.loading import load_content
from .rendering.undrawable import warn_undrawable
from .problems import Problem, Problems
from .project import load_project
from .content.sources import language_of
from .content.translation_status import outdated_hints, status_rows, table
from .content.translations import mark_translated
from .safety.changed_files import NoComparison, changed_files, review_list
from .safety.github_output import annotation as github_annotation, plain_lines


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python3 tools/dev.py check", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=".", help="the repository's folder (default: the current one)")
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="'github' writes the problems as annotations on the pull request's lines")
    parser.add_argument("--extract", action="store_true", help="update locales/ from the templates and code")
    parser.add_argument("--mark-translated", nargs="+", metavar="FILE",
                        help="record that these translations are up to date with their English text")
    parser.add_argument("--no-status", action="store_true", help="do not print the translation status table")
    parser.add_argument("--changed-since", nargs="?", const="", metavar="BASE",
                        help="also list the files beside content that this branch changed since BASE, for a "
                             "maintainer's review (default: the pull request's target branch, else origin/main "
                             "or main)")
    parser.add_argument("--require-confirmed-publisher", action="store_true",
                        help="also fail while content/site.yml's publisher is not confirmed (the deployment job: a "
                             "legal page naming an unconfirmed controller must not go live)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    project = load_project(Path(args.root))
    if args.extract:
        return _extract(project)
    if args.mark_translated:
        return mark(project, [Path(name) for name in args.mark_translated])

    started = time.perf_counter()
    content, problems = load_content(project)
    if content is not None:
        warn_undrawable(content, problems)
    elapsed = time.perf_counter() - started
    if args.format == "github":
        for problem in problems.listed():
            print(github_annotation(problem))
    if content is not None and not args.no_status:
        _print_status(content, project.other_languages, args.format)
    _print_problems(problems, elapsed, args.format)
    _print_warnings(problems, args.format)
    if args.changed_since is not None:
        _print_review(project.root, args.changed_since, args.format)
    if problems:
        return 1
    if args.require_confirmed_publisher:
        return _require_confirmed(content, args.format)
    return 0


def _extract(project) -> int:
    from .content.catalogs import update

    changed = update(project)
    print("Updated: " + ", ".join(changed) if changed else "The catalogs were already up to date.")
    return 0


def _print_status(content, languages, output: str) -> None:
    """The translation status: a table for a person, annotations on the outdated files for GitHub."""
    rows = status_rows(content)
    hints = outdated_hints(rows, content)
    if output == "github":
        for hint in hints:
            file, _, message = hint.partition(": ")
            print(github_annotation(Problem(file, 1, "", message), level="warning"))
        return
    print(table(rows, languages))
    if hints:
        print("\nOutdated translations:\n" + "\n".join(f"- {hint}" for hint in hints))
    print()


def _print_problems(problems: Problems, elapsed: float, output: str) -> None:
    if not problems:
        print(f"No problems found in docs/, content/ and locales/ ({elapsed:.1f} s).")
        return
    report = problems.report()
    # In GitHub mode the report repeats the annotations for the log: made inert line by line.
    print("\n".join(plain_lines(report)) if output == "github" else report)
    print(f"\nFix the {len(problems)} problem{'s' if len(problems) != 1 else ''} above; nothing is built until then.")


def _require_confirmed(content, output: str) -> int:
    """The deployment's gate: the privacy notice and the accessibility statement name the publisher, so
    nothing is published until the partnership has confirmed it (content/site.yml, 'confirmed: true')."""
    publisher = content.site.publisher
    if publisher.confirmed:
        print(f"The publisher is confirmed ({publisher.name}): the website may be published.")
        return 0
    message = ("The website is not published: the partnership has not confirmed its publisher. The privacy "
               "notice would name a controller that is not confirmed. Open decisions:")
    lines = [f"{decision.key} (content/site.yml:{decision.line}): {decision.message}"
             for decision in publisher.decisions]
    if output == "github":
        print(github_annotation(Problem("content/site.yml", next((d.line for d in publisher.decisions
                                                                 if d.key == "confirmed"), None), "",
                                        message + " " + "; ".join(lines))))
    print(message + "\n" + "\n".join(f"- {line}" for line in lines))
    print("When every line of the 'publisher:' block is right, write 'confirmed: true' there.")
    return 1


def _print_review(root: Path, base: str, output: str) -> None:
    """The files beside content that this branch changed: listed for a maintainer, never a stop."""
    try:
        base, changes = changed_files(root, base)
        listed = review_list(changes)
    except NoComparison as reason:
        listed = None
        message = f"The files this branch changed are not listed: {reason}."
    if output == "github":
        if listed is None:
            print(github_annotation(Problem(".", None, "", message), level="warning"))
        for item in listed or ():
            print(github_annotation(item, level="warning"))
        return
    print()
    if listed is None:
        print(message)
    elif listed:
        count = len(listed)
        print(f"{count} file{'s' if count != 1 else ''} beside docs/, content/ and locales/ changed since {base} "
              "(these do not stop the build, but wait for a maintainer):")
        print("\n".join(f"- {item}" for item in listed))
    else:
        print(f"Only content files changed since {base}: docs/, content/ and locales/.")


def _print_warnings(problems: Problems, output: str) -> None:
    """After the problems: advice (such as the glossary's terms) that never stops the build."""
    warnings = problems.warning_list()
    if not warnings:
        return
    if output == "github":
        for warning in warnings:
            print(github_annotation(warning, level="warning"))
    else:
        print()
        print(problems.warning_report())


def mark(project, paths: list[Path]) -> int:
    problems = Problems()
    for path in paths:
        path = path if path.is_absolute() else Path.cwd() / path
        parsed = language_of(path, list(project.languages), project.root, problems)
        if not parsed:
            continue
        stem, lang = parsed
        source = path.with_name(f"{stem}.{project.default_language}{path.suffix}")
        if lang == project.default_language or not source.exists() or not path.exists():
            problems.add(str(path), "this is not a translation of an English file",
                         fix=f"give the translation's name, such as {stem}.sv{path.suffix}")
            continue
        name = path.relative_to(project.root)
        before = path.read_text(encoding="utf-8-sig")
        mark_translated(path, source)
        if path.read_text(encoding="utf-8-sig") == before:
            print(f"{name}: already marked up to date with {source.name}; nothing to change.")
        else:
            print(f"{name}: marked up to date with {source.name} (its 'translated_from' line now records "
                  f"the English text as it is); readers no longer see the outdated notice.")
    if problems:
        print(problems.report())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
