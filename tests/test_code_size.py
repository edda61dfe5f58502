"""No function in hooks/ over 50 lines, no class over 120 (issue 18): each part small enough to read at once.

A part is measured from its ``def`` or ``class`` line to its last line (decorators excluded; blank lines
and comments inside count, as an editor shows them). A method or a nested function is measured on its own,
and within its class or function too.
"""

from __future__ import annotations

import ast

from conftest import ROOT

HOOKS = ROOT / "hooks"
LIMITS = {"function": 50, "class": 120}
# Nothing is let off: a function that needs more is a function that should be two.
ALLOWED: set[str] = set()


def oversized(source: str) -> list[tuple[str, int, str, int]]:
    """(dotted name, line, kind, length) of each function, method and class of ``source`` over its limit."""
    found = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                kind = "class" if isinstance(child, ast.ClassDef) else "function"
                length = child.end_lineno - child.lineno + 1
                if length > LIMITS[kind]:
                    found.append((prefix + child.name, child.lineno, kind, length))
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def test_no_function_over_50_lines_and_no_class_over_120():
    offenders = []
    for path in sorted(HOOKS.rglob("*.py")):
        name = path.relative_to(HOOKS).as_posix()
        for dotted, line, kind, length in oversized(path.read_text(encoding="utf-8")):
            if f"{name}:{dotted}" not in ALLOWED:
                offenders.append(f"hooks/{name}:{line}: {kind} {dotted} has {length} lines (the limit is {LIMITS[kind]})")
    assert not offenders, "split these into well-named smaller parts:\n" + "\n".join(offenders)


def _function(name: str, body_lines: int, decorated: bool = False) -> str:
    head = "@decorator\n" if decorated else ""
    return head + f"def {name}():\n" + "".join(f"    x = {n}\n" for n in range(body_lines))


def test_the_measure_flags_a_51_line_function_and_nothing_within_the_limits():
    source = "\n".join((
        _function("fifty_one", 50, decorated=True),  # its decorator is not counted: 51 lines from 'def'
        _function("fifty", 49, decorated=True),
        "class Small:\n" + "\n".join("    " + line for line in _function("method", 51).splitlines()) + "\n",
        "class Large:\n" + "".join(f"    x{n} = {n}\n" for n in range(120)),
    ))
    assert oversized(source) == [("fifty_one", 2, "function", 51), ("Small.method", 107, "function", 52),
                                 ("Large", 160, "class", 121)]
