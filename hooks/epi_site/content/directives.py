"""One-line directives that authors put in Markdown, such as ``[[chart unemployment-2019]]``.

A directive stands alone on its line. Known directives:

- ``[[chart ID]]``: the chart of content/charts/ID.yml, with its data table and CSV;
- ``[[cities]]``: the seven cities, linked to their partner pages;
- ``[[phases]]``: the four phases of the project, in brief;
- ``[[publisher]]``: who publishes the website, its country and address (content/site.yml);
- ``[[social]]``: the project's social channels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIRECTIVE = re.compile(r"^\[\[\s*([a-z-]+)(?:\s+([^\]\s]+))?\s*\]\]\s*$")
NAMES = {"chart": True, "cities": False, "phases": False, "publisher": False, "social": False}


@dataclass(frozen=True)
class Directive:
    name: str
    argument: str | None
    line: int


def prose_lines(markdown: str, first_line: int = 1):
    """(line number, line) of a Markdown text, leaving out code blocks between ``` or ~~~ fences."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield number, line


def find(markdown: str, first_line: int = 1) -> list[Directive]:
    """Every directive-looking line; unknown names are returned too, for the check to report."""
    found = []
    for number, line in prose_lines(markdown, first_line):
        match = DIRECTIVE.match(line.strip())
        if match:
            found.append(Directive(match.group(1), match.group(2), number))
        elif line.strip().startswith("[[") and line.strip().endswith("]]"):
            found.append(Directive(line.strip()[2:-2].strip(), None, number))
    return found


def problem_of(directive: Directive, charts: set[str]) -> tuple[str, str] | None:
    """(what is wrong, what to write) for a directive, or None when it is right."""
    if directive.name not in NAMES:
        return (f"'[[{directive.name}]]' is not a known directive",
                "write one of [[chart ID]], [[cities]], [[phases]], [[publisher]] or [[social]]")
    if NAMES[directive.name] and not directive.argument:
        return (f"'[[{directive.name}]]' needs the id of a chart",
                f"write it as [[chart ID]], with ID one of: {', '.join(sorted(charts))}")
    if directive.name == "chart" and directive.argument not in charts:
        return (f"there is no chart '{directive.argument}'",
                f"use one of: {', '.join(sorted(charts))} (the files in content/charts/)")
    return None


def expand(markdown: str, render) -> str:
    """Replace each directive line by ``render(directive)`` (an HTML block)."""
    lines = markdown.split("\n")
    for directive in find(markdown):
        lines[directive.line - 1] = "\n" + render(directive) + "\n"
    return "\n".join(lines)
