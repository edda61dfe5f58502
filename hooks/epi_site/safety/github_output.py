"""What ``check --format github`` prints, so that no contributor's text can forge a workflow command.

The Actions runner reads every output line: a line whose first non-blank
characters are ``::`` is a command (``::error``, ``::add-mask``,
``::stop-commands``), and the older syntax ``##[command]`` is recognised
anywhere in a line. Field values and file names come from pull requests, so
each printed line is either one of our annotations, with message and
properties escaped as GitHub documents, or a plain line that cannot start a
command.
"""

from __future__ import annotations

from ..problems import Problem


def _escape(value: str, *, property_value: bool = False) -> str:
    """GitHub's workflow-command escaping (toolkit's escapeData / escapeProperty)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_value else value


def annotation(problem: Problem, level: str = "error") -> str:
    props = [f"file={_escape(problem.file, property_value=True)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    title = "EPI check" + (f": {problem.where}" if problem.where else "")
    props.append(f"title={_escape(title, property_value=True)}")
    message = problem.message + (f"\nWhat to do: {problem.fix}" if problem.fix else "")
    # Every line separator becomes \n first, so none survives unescaped.
    message = "\n".join(message.splitlines())
    # The old syntax (##[error]) is recognised anywhere in a line: break it, it has no escape.
    return f"::{level} {','.join(props)}::{_escape(message)}".replace("##[", "# #[")


def plain_lines(text: str) -> list[str]:
    """Text for the log, one safe line per line (every Unicode line break counts)."""
    lines = []
    for line in text.splitlines():
        line = line.replace("##[", "# #[")
        if line.lstrip().startswith("::"):
            line = "> " + line
        lines.append(line)
    return lines
