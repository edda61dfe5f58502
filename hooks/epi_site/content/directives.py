"""One-line directives that authors put in Markdown, such as ``[[chart unemployment-2019]]``.

A directive stands alone on its line. Known directives:

- ``[[chart ID]]``: the chart of content/charts/ID.yml, with its data table and CSV;
- ``[[cities]]``: the seven cities, linked to their partner pages;
- ``[[phases]]``: the four phases of the project, in brief;
- ``[[publisher]]``: who publishes the website (the controller): name, address, contact and data protection
  officer, from content/site.yml, and a plain note while the partnership has not confirmed it;
- ``[[authority]]``: the supervisory authority of the publisher's country (GDPR Art. 77);
- ``[[feedback-time]]``: the publisher's reply time to accessibility feedback (content/site.yml);
- ``[[social]]``: the project's social channels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAMES = {"chart": True, "cities": False, "phases": False, "publisher": False, "authority": False,
         "feedback-time": False, "social": False}
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")


@dataclass(frozen=True)
class Directive:
    name: str
    argument: str | None
    line: int


def prose_lines(markdown: str, first_line: int = 1):
    """(line number, line) of a Markdown text, leaving out code: fenced blocks (``` or ~~~, closed
    only by a fence of the same character at least as long) and indented blocks (four spaces
    after a blank line, outside a list)."""
    fence = ""
    previous_blank, in_list, in_code = True, False, False
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        if fence:
            stripped = line.strip()
            if len(line) - len(line.lstrip(" ")) < 4 and stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            previous_blank = in_code = False
            continue
        blank = not line.strip()
        indented = line.startswith(("    ", "\t"))
        if indented and not blank and (in_code or (previous_blank and not in_list)):
            in_code = True
            previous_blank = False
            continue
        if not blank:
            in_code = False
            if not indented:
                in_list = bool(_LIST_ITEM.match(line))
        previous_blank = blank
        yield number, line


def _parse(line: str, number: int) -> Directive | None:
    """A directive line (``[[name]]`` or ``[[name argument]]``), read without a regular expression
    so that a long line costs linear time; an indented line is code, never a directive."""
    text = line.strip()
    if line.startswith(("    ", "\t")) or len(text) < 5 or not (text.startswith("[[") and text.endswith("]]")):
        return None
    words = text[2:-2].split()
    if not words:
        return None
    if len(words) > 2:
        return Directive(" ".join(words), None, number)
    return Directive(words[0], words[1] if len(words) == 2 else None, number)


def find(markdown: str, first_line: int = 1) -> list[Directive]:
    """Every directive-looking line; unknown names are returned too, for the check to report."""
    return [d for number, line in prose_lines(markdown, first_line) if (d := _parse(line, number))]


def problem_of(directive: Directive, charts: set[str]) -> tuple[str, str] | None:
    """(what is wrong, what to write) for a directive, or None when it is right."""
    if directive.name not in NAMES:
        return (f"'[[{directive.name}]]' is not a known directive",
                "write one of [[chart ID]], [[cities]], [[phases]], [[publisher]], [[authority]], "
                "[[feedback-time]] or [[social]]")
    if NAMES[directive.name] and not directive.argument:
        return (f"'[[{directive.name}]]' needs the id of a chart",
                f"write it as [[chart ID]], with ID one of: {', '.join(sorted(charts))}")
    if directive.name == "chart" and directive.argument not in charts:
        return (f"there is no chart '{directive.argument}'",
                f"use one of: {', '.join(sorted(charts))} (the files in content/charts/)")
    return None


def expand(markdown: str, render) -> str:
    """Replace each directive line by ``render(directive)``, a line of its own; a directive that
    ``render`` does not know (None) stays as written."""
    lines = markdown.split("\n")
    for directive in find(markdown):
        rendered = render(directive)
        if rendered is not None:
            lines[directive.line - 1] = "\n" + rendered + "\n"
    return "\n".join(lines)
