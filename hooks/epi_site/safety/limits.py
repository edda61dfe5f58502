"""Limits that keep any contributor text cheap to build.

Python-Markdown recurses once per level of nesting (a few hundred nested lists exhaust Python's
stack) and its link and HTML patterns take time growing with the square of the number of '[' or
'<' in one paragraph (4,000 '[' take ten seconds). Its processors of headings and rules take one
line off a block and search the rest again, so the work grows with the square of a block's lines:
50,000 one-line headings with no empty line between them (200,000 characters) took minutes. The
check refuses texts beyond these limits with a message; ``tame`` makes the build safe all the same
for a text that got past it.
"""

from __future__ import annotations

MAX_FILE_BYTES = 1_000_000  # any text or data file a contributor writes
MAX_FILE_CHARACTERS = 200_000  # the text of one page or news item
MAX_LINE_CHARACTERS = 2_000
MAX_DEPTH = 20
MAX_OPENERS_PER_PARAGRAPH = 200  # '[' or '<' in one paragraph
MAX_BLOCK_LINES = 300  # lines with no empty line between them: a long table or list has fewer
MAX_YAML_DEPTH = 20
MAX_DIRECTIVES = 20  # charts and lists the generator draws into one page
# Values of one chart: every value is a bar, a row of the CSV and a line of the 1080-pixel image,
# in eight languages; 15,000 values made a 4.5 MB home page and a build of over a minute.
MAX_CHART_VALUES = 30
# A number or a day a contributor writes stays where the code can compute with it: a figure of a
# quadrillion is none this site shows, and a year past 9999 has no calendar in Python (a phase ending
# in 9999-12 made 'the month after' year 10000 and stopped the check with a traceback).
MAX_NUMBER = 10**15
YEARS = (1900, 2100)
# The glossary's check looks for every form of every term in every text: 4,000 terms took the
# check nine seconds. A glossary holds the project's key terms, a handful of each.
MAX_GLOSSARY_TERMS = 100
MAX_GLOSSARY_FORMS = 20

_OPENERS = ("[", "<")


def depth(line: str) -> tuple[int, int]:
    """(levels of nesting, length of the prefix that makes them): each '>' and each list marker
    ('-', '*', '+', '1.' followed by a space) at the line's start, and every four spaces of
    indentation, count as one level."""
    i, n, levels, columns = 0, len(line), 0, 0
    while i < n:
        char = line[i]
        if char == " ":
            columns += 1
        elif char == "\t":
            columns += 4
        elif char == ">" or (char in "-*+" and i + 1 < n and line[i + 1] in " \t"):
            levels += 1
        elif char.isdigit():
            j = i
            while j < n and j - i < 9 and line[j].isdigit():
                j += 1
            if j + 1 < n and line[j] in ".)" and line[j + 1] in " \t":
                levels += 1
                i = j
            else:
                break
        else:
            break
        i += 1
    return levels + columns // 4, i


def too_many_openers(paragraph: str) -> str | None:
    """The character of which a paragraph holds too many, if any."""
    for opener in _OPENERS:
        if paragraph.count(opener) > MAX_OPENERS_PER_PARAGRAPH:
            return opener
    return None


def tame(markdown: str) -> str:
    """``markdown`` cut down to the limits: nesting beyond ``MAX_DEPTH`` flattened, the brackets of
    an over-full paragraph escaped (shown as written, without links), and an empty line put after
    every ``MAX_BLOCK_LINES`` lines of a longer block."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        levels, prefix = depth(line)
        if levels > MAX_DEPTH:
            lines[index] = line[prefix:]
    paragraphs = "\n".join(lines).split("\n\n")
    for index, paragraph in enumerate(paragraphs):
        if too_many_openers(paragraph):
            paragraph = paragraphs[index] = paragraph.replace("\\", "\\\\").replace("[", "\\[").replace("<", "&lt;")
        if paragraph.count("\n") >= MAX_BLOCK_LINES:
            block = paragraph.split("\n")
            paragraphs[index] = "\n\n".join("\n".join(block[i:i + MAX_BLOCK_LINES])
                                             for i in range(0, len(block), MAX_BLOCK_LINES))
    return "\n\n".join(paragraphs)
