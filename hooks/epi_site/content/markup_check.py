"""The first wall: what contributors' texts may not hold, refused with what to write instead.

Every Markdown text a contributor writes (docs pages, news items, partner texts, newsletter
introductions) is read here. Raw HTML is refused whole, not sorted into harmless and harmful
tags: Markdown already writes everything a text needs, news items and partner texts have always
shown raw HTML as code rather than running it, and one rule ("write Markdown") is easier to follow
and to keep safe than a list of tags and attributes that each need their own checks. The build's
sanitiser (safety/markup.py) removes whatever gets past this check; this check makes sure a
contributor is told, rather than losing text silently.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import markdown_scan
from .directives import NAMES, find, prose_lines
from ..problems import Problems
from ..project import Project
from ..safety import limits
from ..safety.markup import AUTHOR_CLASSES, SCHEMES
from ..safety.urls import is_local, is_plain_path, mailto_problem, normalise, scheme_of
from .sources import read_text, rel, split_front_matter

UNSAFE = "unsafe content"

LINK_FIX = "links may use https, http, mailto or tel, or lead to a page of the site, such as [Contact](contact.md)"
IMAGE_FIX = ("use a local image: put the file in docs/assets/ and write ![what it shows](assets/photo.jpg); "
             "images from other websites would tell them who reads the page")
HTML_FIX = ("write it in Markdown instead: **bold**, *italic*, [a link](https://example.org), "
            "![an image](assets/photo.jpg), '## A heading'; to show a tag as text, put it between backticks: `<b>`")
_HTML_FIXES = {
    "img": IMAGE_FIX,
    "a": "write a link in Markdown: [the text](https://example.org) or [a page](contact.md)",
    "iframe": "link to the video or page instead: [Watch the video](https://example.org/video)",
}
# A direction control written as a character reference (&#x202E; &#8238;), which Markdown passes on.
DIRECTION_REFERENCE = re.compile(r"&#(?:[xX]0*(?:202[a-eA-E]|206[6-9])|0*(?:823[4-8]|829[4-7]));")
_FOLDERS = (("docs", "*.md"), ("content/news", "**/*.md"), ("content/partners", "*.md"), ("content/newsletter", "*.md"))


def contributor_texts(project: Project) -> list[Path]:
    """Every Markdown file a contributor writes."""
    found = []
    for folder, pattern in _FOLDERS:
        base = project.root / folder
        if base.is_dir():
            found += sorted(p for p in base.glob(pattern) if p.is_file())
    return found


def check_texts(project: Project, problems: Problems) -> None:
    """Refuse, in every contributor text, what could run, track, leak or slow the build down."""
    for path in contributor_texts(project):
        text = read_text(path, project.root, Problems())  # unreadable files are reported elsewhere
        if text is None:
            continue
        file = rel(path, project.root)
        meta, body, first = split_front_matter(text, file, Problems())
        directives = check_text(file, body, first, problems)
        if not file.startswith("docs/"):
            for directive in [d for d in directives if d.name in NAMES][:limits.MAX_DIRECTIVES]:
                written = f"[[{directive.name}{' ' + directive.argument if directive.argument else ''}]]"
                problems.add(file, f"'{written}' works only in the pages of docs/; here it would show as text",
                             line=directive.line,
                             fix="link to the page that shows it instead, such as [the charts](background.md), "
                                 "or delete the line")
        image = meta.get("image") if isinstance(meta, dict) else None
        if isinstance(image, str) and not _is_plain_path(image):
            problems.add(file, f"the image '{image}' is not a file of the site", line=meta.line_of("image"),
                         where="front matter.image", fix=IMAGE_FIX, category=UNSAFE)


def check_text(file: str, body: str, first: int, problems: Problems) -> list:
    """The problems of one Markdown text (without its front matter) that starts on line ``first``;
    returns its directive lines, for the rules that depend on where the text is."""

    def refuse(line: int, message: str, fix: str) -> None:
        problems.add(file, message, line=line, fix=fix, category=UNSAFE)

    if len(body) > limits.MAX_FILE_CHARACTERS:
        refuse(first, f"this text is too long ({len(body):,} characters; the limit is {limits.MAX_FILE_CHARACTERS:,})",
               "split it into several pages or news items")
        return []  # not read further, to keep the check fast
    _check_limits(body, first, refuse)
    found = find(body, first)
    if len(found) > limits.MAX_DIRECTIVES:
        refuse(found[limits.MAX_DIRECTIVES].line, f"this text has {len(found)} lines such as [[chart …]]; "
               f"the limit is {limits.MAX_DIRECTIVES}",
               "split the page into several pages")
    lines = list(prose_lines(body, first))
    image_labels = {label.casefold() for _, raw in lines if len(raw) <= limits.MAX_LINE_CHARACTERS
                    for label in markdown_scan.image_references(markdown_scan.without_code(raw))}
    for index, (number, raw) in enumerate(lines):
        if len(raw) > limits.MAX_LINE_CHARACTERS:
            continue  # reported by _check_limits; not read further, to keep the check fast
        line = markdown_scan.without_code(raw)
        for name in dict.fromkeys(tag.lstrip("/") for tag in markdown_scan.html_tags(line)):  # <b> and </b>: once
            shown = "an HTML comment or declaration" if name in "!?" else f"the HTML tag <{name}>"
            refuse(number, f"{shown} is not allowed in a text", _HTML_FIXES.get(name, HTML_FIX))
        reference = DIRECTION_REFERENCE.search(line)
        if reference:
            refuse(number, f"'{reference.group()}' writes an invisible direction control, which shows the text "
                   "in another order than it is written", "delete it (none of the site's languages needs it)")
        for link in markdown_scan.inline_links(line):
            _check_target(link.target, link.image, number, refuse)
        for target in markdown_scan.autolinks(line):
            _check_target(target, False, number, refuse)
        definition = markdown_scan.reference(line)
        if definition:
            target = definition[1]
            if not target and index + 1 < len(lines):
                target = lines[index + 1][1].strip().lstrip("<").split(">")[0].split(" ")[0]
            if target:
                _check_target(target, definition[0].casefold() in image_labels or None, number, refuse)
        for written, pairs in markdown_scan.attribute_lists(line):
            for name, value in pairs:
                if name == "id" and value:
                    continue
                if name == "class" and value in AUTHOR_CLASSES:
                    continue
                what = f"the class '{value}'" if name == "class" else f"the attribute '{name}'"
                refuse(number, f"'{written}' sets {what}, which texts may not set",
                       "delete the braces; a heading may keep its own id ({#my-id}), and the only classes are "
                       + ", ".join(f".{c}" for c in sorted(AUTHOR_CLASSES)))
    return found


def _check_target(target: str, image: bool | None, line: int, refuse) -> None:
    """``image`` is None for a reference definition, which may serve a link or an image."""
    scheme = scheme_of(target)
    shown = normalise(target)[:80]
    if image:
        if not is_local(target):
            refuse(line, f"the image '{shown}' is not a file of this site", IMAGE_FIX)
        return
    if scheme and scheme not in SCHEMES:
        refuse(line, f"the address '{shown}' uses '{scheme}:', which links may not use", LINK_FIX)
    elif scheme == "mailto" and mailto_problem(target):
        written = "".join(c if c.isprintable() else "?" for c in target[:80])
        refuse(line, f"the email link '{written}' {mailto_problem(target)}; a link that reads as one address "
               "could send a copy of the reader's message elsewhere",
               "write the address only: [write to us](mailto:hello@example.org)")
    elif not scheme and normalise(target).startswith("//"):
        refuse(line, f"the address '{shown}' does not say how to reach the other website",
               "write the full address, starting with https://" if image is False else IMAGE_FIX)


def _check_limits(body: str, first: int, refuse) -> None:
    paragraph_start, paragraph = first, []
    for number, line in enumerate([*body.split("\n"), ""], start=first):
        if len(line) > limits.MAX_LINE_CHARACTERS:
            refuse(number, f"this line is too long ({len(line):,} characters; the limit is {limits.MAX_LINE_CHARACTERS:,})",
                   "break it into shorter lines or paragraphs (an empty line between paragraphs)")
        levels, _ = limits.depth(line[:1000])
        if levels > limits.MAX_DEPTH:
            refuse(number, f"this line is nested {levels} levels deep (lists, quotes or indentation); "
                   f"the limit is {limits.MAX_DEPTH}",
                   "use fewer levels of lists and quotes, and fewer spaces at the start of the line")
        if line.strip():
            if not paragraph:
                paragraph_start = number
            paragraph.append(line)
            continue
        _check_block(paragraph, paragraph_start, refuse)
        paragraph = []


def _check_block(lines: list[str], start: int, refuse) -> None:
    """One block of lines with no empty line between them."""
    opener = limits.too_many_openers("\n".join(lines)) if lines else None
    if opener:
        refuse(start, f"this paragraph holds more than {limits.MAX_OPENERS_PER_PARAGRAPH} '{opener}'",
               "split it into shorter paragraphs, with an empty line between them")
    if len(lines) > limits.MAX_BLOCK_LINES:
        refuse(start, f"lines {start:,} to {start + len(lines) - 1:,} follow one another with no empty line "
               f"({len(lines):,} lines; the limit is {limits.MAX_BLOCK_LINES})",
               "put an empty line between headings, paragraphs and lists")


def _is_plain_path(value: str) -> bool:
    return is_plain_path(value)
