"""The first wall: what contributors' texts may not hold, refused with what to write instead.

Every Markdown text a contributor writes (docs pages, news items, partner texts, newsletter
introductions) is read here, as the build converts it (as_built.py): what the build renders as code
is what this check skips as code, and what it reports is in the HTML the build would make.

Raw HTML is refused whole, not sorted into harmless and harmful tags: Markdown already writes
everything a text needs, news items and partner texts have always shown raw HTML as code rather
than running it, and one rule ("write Markdown") is easier to follow and to keep safe than a list
of tags and attributes that each need their own checks. The build's sanitiser (safety/markup.py)
removes whatever gets past this check; this check makes sure a contributor is told, rather than
losing text silently.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from . import directives, markdown_scan
from .as_built import Reader, Rendered
from .converters import docs_converter, texts_converter
from .directives import NAMES, find
from .page_source import as_mkdocs_reads
from .source_lines import SourceLines
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
_FOLDERS = (("docs", "**/*.md"), ("content/news", "**/*.md"), ("content/partners", "*.md"), ("content/newsletter", "*.md"))


def contributor_texts(project: Project) -> list[Path]:
    """Every Markdown file a contributor writes."""
    found = []
    for folder, pattern in _FOLDERS:
        base = project.root / folder
        if base.is_dir():
            found += sorted(p for p in base.glob(pattern) if p.is_file())
    return found


def _docs_reader(project: Project) -> Reader:
    return _docs_reader_for(project, repr(project.markdown_extensions))


@lru_cache(maxsize=4)
def _docs_reader_for(project: Project, extensions: str) -> Reader:
    """One per project and its extensions (a Project's equality leaves them out)."""
    return Reader(docs_converter(project))


@lru_cache(maxsize=1)
def _texts_reader() -> Reader:
    return Reader(texts_converter())


def check_texts(project: Project, problems: Problems) -> None:
    """Refuse, in every contributor text, what could run, track, leak or slow the build down."""
    for path in contributor_texts(project):
        text = read_text(path, project.root, Problems())  # unreadable files are reported elsewhere
        if text is None:
            continue
        file = rel(path, project.root)
        ours = Problems()  # the front matter's own problems are reported where it is read
        meta, body, first = split_front_matter(text, file, ours)
        docs = file.startswith("docs/")
        if docs:  # MkDocs, not this project, reads a page of docs/: its text is where MkDocs finds it
            body, first = _page_text(text, file, not ours, problems)
        found = check_text(file, body, first, problems, _docs_reader(project) if docs else _texts_reader(), docs)
        if not docs:
            for directive in [d for d in found if d.name in NAMES][:limits.MAX_DIRECTIVES]:
                written = f"[[{directive.name}{' ' + directive.argument if directive.argument else ''}]]"
                problems.add(file, f"'{written}' works only in the pages of docs/; here it would show as text",
                             line=directive.line,
                             fix="link to the page that shows it instead, such as [the charts](background.md), "
                                 "or delete the line")
        image = meta.get("image") if isinstance(meta, dict) else None
        if isinstance(image, str) and not _is_plain_path(image):
            problems.add(file, f"the image '{image}' is not a file of the site", line=meta.line_of("image"),
                         where="front matter.image", fix=IMAGE_FIX, category=UNSAFE)


def _page_text(text: str, file: str, read: bool, problems: Problems) -> tuple[str, int]:
    """(text, first line) of a page of docs/ as MkDocs reads it; ``read`` when this project's own
    reading of its front matter found nothing wrong (else that is what the editor is told)."""
    page = as_mkdocs_reads(text)
    if page.unread and read:
        problems.add(file, f"MkDocs cannot read this front matter ({page.unread}), so the page would show "
                     "it as text", line=1, category=UNSAFE,
                     fix="write 'key: value' lines between two lines that hold only '---', the second one followed "
                         "by a line break; put a value that is not a plain word in double quotes")
    if page.settings:
        problems.add(file, "MkDocs reads the first lines of this page as its settings "
                     f"({', '.join(page.settings[:5])}), not as its text", line=1, category=UNSAFE,
                     fix="write the page's settings between two lines that hold only '---' (front matter), as the "
                         "other pages do, or start the page with its heading ('# The title')")
    return page.body, page.first


def check_text(file: str, body: str, first: int, problems: Problems, reader: Reader, docs: bool = False) -> list:
    """The problems of one Markdown text (without its front matter) that starts on line ``first``,
    read as ``reader`` converts it (``docs``: a page of docs/, whose directives the build draws);
    returns its directive lines, for the rules that depend on where the text is."""

    def refuse(line: int | None, message: str, fix: str) -> None:
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
    # As the build converts it (rendering/hand_written.py for docs/, rendering/render.py's to_html else):
    # tamed, and in docs/ each directive a paragraph of its own.
    source = limits.tame(body, inert=_without_openers)
    if docs:
        source = directives.expand(source, lambda directive: "epidirective" if directive.name in NAMES else None)
    lines = SourceLines(body, first)
    rendered = reader.read(source)
    _check_markup(rendered, lines, refuse)
    _check_addresses(rendered, lines, refuse)
    _check_attributes(rendered, lines, refuse)
    _check_direction_references(rendered, lines, refuse)
    return found


def _without_openers(paragraph: str) -> str:
    """An over-full paragraph (refused above) as the build shows it, without a link, a reference or a
    tag; read without the escapes that make it so, as Python-Markdown takes time growing with the
    square of the escapes in one paragraph (its attribute lists and character references remain)."""
    return paragraph.replace("\\", "").replace("[", "").replace("<", "")


def _check_markup(rendered: Rendered, lines: SourceLines, refuse) -> None:
    """Raw HTML, whether the converter passes it on or shows it as text."""
    for piece in rendered.markup:
        for name in dict.fromkeys(tag.lstrip("/") for tag in markdown_scan.html_tags(piece)):  # <b> and </b>: once
            shown = "an HTML comment or declaration" if name in "!?" else f"the HTML tag <{name}>"
            line = lines.line(("tag", name), lambda name=name: lines.index("tags", _tags_outside_code).get(name, []),
                              lambda name=name: lines.index("tags in code", _tags).get(name, []))
            refuse(line, f"{shown} is not allowed in a text", _HTML_FIXES.get(name, HTML_FIX))
        for target in markdown_scan.autolinks(piece):  # <javascript:…>, which is no link but reads as one
            _refuse_target(target, False, lines, refuse)


def _tags(line: str):
    return dict.fromkeys(tag.lstrip("/") for tag in markdown_scan.html_tags(line))


def _tags_outside_code(line: str):
    return _tags(markdown_scan.without_code(line))


def _check_addresses(rendered: Rendered, lines: SourceLines, refuse) -> None:
    """Every link and image of the page, and every reference definition, used or not (named on its
    own line, as the image or link it serves)."""
    for target in rendered.images:
        _refuse_target(target, True, lines, refuse)
    for target in rendered.links:
        _refuse_target(target, False, lines, refuse)
    images = {normalise(target) for target in rendered.images}
    links = {normalise(target) for target in rendered.links}
    for label, target in rendered.references.items():
        # Which of them a label serves the HTML does not say: a link's rule where a link has its address
        # (an image with it is refused as such above).
        image = False if normalise(target) in links else True if normalise(target) in images else None
        found = _target_problems(target, image)
        if found:
            line = lines.line(("reference", label), lambda label=label: lines.writing(f"[{label}]:"),
                              lambda target=target: _lookup(lines.index("definitions", _definitions), normalise(target)))
            for message, fix in found:
                refuse(line, message, fix)


def _refuse_target(target: str, image: bool, lines: SourceLines, refuse) -> None:
    found = _target_problems(target, image)
    if not found:
        return
    wanted = normalise(target)
    line = lines.line(("address", wanted, image),
                      lambda: _lookup(lines.index("images" if image else "links", _images if image else _links), wanted),
                      lambda: _lookup(lines.index("definitions", _definitions), wanted),
                      lambda: lines.writing(target))
    for message, fix in found:
        refuse(line, message, fix)


def _lookup(index: dict, wanted: str) -> list[int]:
    """The lines of ``wanted`` in an index of addresses as the scanner reads them: it stops at the
    first ')', which the address may go on to close ('javascript:alert(1)')."""
    found, end = [], len(wanted)
    while end > 0:
        found += index.get(wanted[:end], [])
        if wanted[end - 1] != ")":
            break
        end -= 1
    return sorted(found)


_EMAIL_AUTOLINK = re.compile(r"<([^<> !]+@[^@<> ]+)>")  # Python-Markdown's: <a@example.org>, without 'mailto:'


def _links(line: str) -> list[str]:
    found = [link.target for link in markdown_scan.inline_links(line) if not link.image]
    found += markdown_scan.autolinks(line.replace("](<", "]( "))  # a link's <address> is no autolink
    found += ["mailto:" + address for address in _EMAIL_AUTOLINK.findall(line)]
    return [normalise(target) for target in found]


def _images(line: str) -> list[str]:
    return [normalise(link.target) for link in markdown_scan.inline_links(line) if link.image]


def _definitions(line: str) -> list[str]:
    """The address a reference definition gives, also in a list or a quote."""
    definition = markdown_scan.reference(line[limits.depth(line[:1000])[1]:])
    return [normalise(definition[1])] if definition else []


# The attributes Markdown writes itself; any other comes from an attribute list ({: … }) or raw HTML.
_MARKDOWN_WRITES = frozenset({("a", "href"), ("a", "title"), ("img", "src"), ("img", "alt"), ("img", "title"),
                              ("th", "align"), ("td", "align"), ("ol", "start")})
_MARKDOWN_CLASSES = (("code", "language-"), ("div", "toc"))  # fenced code's language, the [TOC] marker


def _refused_attributes(tag: str, name: str, value: str) -> list[tuple[str, str | None]]:
    """(what it sets, the class or None) of each thing an attribute sets that texts may not set."""
    if (tag, name) in _MARKDOWN_WRITES or (name == "id" and value):
        return []
    if name != "class":
        return [(f"the attribute '{name}'", None)]
    return [(f"the class '{value}'", value) for value in value.split() if value not in AUTHOR_CLASSES
            and not any(tag == own and value.startswith(prefix) for own, prefix in _MARKDOWN_CLASSES)]


def _check_attributes(rendered: Rendered, lines: SourceLines, refuse) -> None:
    for tag, name, value in rendered.attributes:
        for what, css_class in _refused_attributes(tag, name, value):
            line = lines.line(("attribute", name, css_class),
                              lambda key=(name, css_class): lines.index("attributes", _attributes_set).get(key, []))
            if line is None and rendered.markup:
                continue  # set by raw HTML, which is refused as such
            written = next((text for text, pairs in markdown_scan.attribute_lists(lines.text(line))
                            if _setting(pairs, name, css_class)), None) if line else None
            refuse(line, f"'{written or f'{name}={value}'}' sets {what}, which texts may not set",
                   "delete the braces; a heading may keep its own id ({#my-id}), and the only classes are "
                   + ", ".join(f".{c}" for c in sorted(AUTHOR_CLASSES)))


def _attributes_set(line: str):
    """(name, None) for each attribute an attribute list of the line sets, and ('class', name) for each class."""
    pairs = [pair for _, found in markdown_scan.attribute_lists(line) for pair in found]
    return dict.fromkeys([(name, None) for name, _ in pairs] + [pair for pair in pairs if pair[0] == "class"])


def _setting(pairs, name: str, css_class: str | None) -> bool:
    return any(n == name and (css_class is None or v == css_class) for n, v in pairs)


def _check_direction_references(rendered: Rendered, lines: SourceLines, refuse) -> None:
    for _ in range(min(rendered.direction_controls, len(lines.raw))):
        line = lines.line("direction", lambda: lines.index("direction", _direction_reference).get(True, []))
        found = DIRECTION_REFERENCE.search(lines.text(line)) if line else None
        refuse(line, f"'{found.group() if found else '&#x202E;'}' writes an invisible direction control, which "
               "shows the text in another order than it is written", "delete it (none of the site's languages needs it)")


def _direction_reference(line: str) -> list[bool]:
    return [True] if DIRECTION_REFERENCE.search(line) else []


def _target_problems(target: str, image: bool | None) -> list[tuple[str, str]]:
    """(what is wrong, what to write) with an address; ``image`` is None for a reference definition
    that no link or image uses."""
    scheme = scheme_of(target)
    shown = normalise(target)[:80]
    if image:
        return [] if is_local(target) else [(f"the image '{shown}' is not a file of this site", IMAGE_FIX)]
    if scheme and scheme not in SCHEMES:
        return [(f"the address '{shown}' uses '{scheme}:', which links may not use", LINK_FIX)]
    if scheme == "mailto" and mailto_problem(target):
        written = "".join(c if c.isprintable() else "?" for c in target[:80])
        return [(f"the email link '{written}' {mailto_problem(target)}; a link that reads as one address "
                 "could send a copy of the reader's message elsewhere",
                 "write the address only: [write to us](mailto:hello@example.org)")]
    if not scheme and normalise(target).startswith("//"):
        return [(f"the address '{shown}' does not say how to reach the other website",
                 "write the full address, starting with https://" if image is False else IMAGE_FIX)]
    return []


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
