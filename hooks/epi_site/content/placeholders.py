"""A scaffold's instructions left in a text (tools/dev.py new …) are refused, not published.

The scaffolds (epi_site/scaffold.py) write every instruction a reader must never see as a sentence
beginning "Write here" or "Write the … here"; this is the one rule that finds them, in the front
matter's values and in the text, in every language (a translator may copy an unfilled file).
"""

from __future__ import annotations

import re

from ..project import Project
from .markup_check import contributor_texts
from ..problems import Problems
from .sources import read_text, rel

PLACEHOLDER = re.compile(r"""^(?:[\w-]+:\s*)?["']?(Write (?:here|the \w+ here)\b[^"'\n]*)""")


def check_placeholders(project: Project, problems: Problems) -> None:
    for path in contributor_texts(project):
        text = read_text(path, project.root, Problems())  # unreadable files are reported elsewhere
        if text is None:
            continue
        for number, line in enumerate(text.split("\n"), start=1):
            found = PLACEHOLDER.match(line.strip())
            if found and not line.lstrip().startswith("#"):
                sentence = found.group(1).strip()
                shown = sentence if len(sentence) <= 60 else sentence[:57] + "…"
                problems.add(rel(path, project.root), f"this is the new file's instruction, not its text: '{shown}'",
                             line=number, fix="replace the whole sentence with what readers should read")
