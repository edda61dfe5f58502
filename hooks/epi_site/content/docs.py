"""Hand-written pages in docs/ (``name.<lang>.md``) and their checks."""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify

from . import directives
from .fields import Entry
from .markdown_scan import inline_links, without_code
from ..safety.urls import is_local
from ..problems import Problems
from ..project import Project
from .sources import rel
from .texts import read_markdown, read_text_sets
from .translations import TextSet

FIELDS = ("title", "description", "template", "translated_from", "hide", "search")
PAGE_TEMPLATES = ("home.html",)

_HEADING = re.compile(r"(#{1,6})[ \t]+(.*)")
_HEADING_ID = re.compile(r"\{\s*#([\w-]+)\s*\}")


@dataclass
class DocPage:
    key: str
    text_set: TextSet
    meta: dict = field(default_factory=dict)
    bodies: dict = field(default_factory=dict)
    first_lines: dict = field(default_factory=dict)

    def anchors(self, lang: str) -> set[str]:
        found = set()
        for line in self.bodies.get(lang, "").split("\n"):
            match = _HEADING.fullmatch(line)
            if match:
                found.add(_anchor(match.group(2)))
        return found


def _anchor(heading: str) -> str:
    """The id of a heading's text: its own {#id}, or the toc's slug of it (read without a
    backtracking pattern, as headings are contributor text)."""
    text = heading.strip().rstrip("#").strip()
    brace = text.rfind("{")
    if brace >= 0 and text.endswith("}"):
        match = _HEADING_ID.fullmatch(text[brace:])
        if match:
            return match.group(1)
    return slugify(text, "-")


def load_docs(project: Project, problems: Problems) -> dict[str, DocPage]:
    pages = {}
    for key, text_set in read_text_sets(project, project.docs_dir, "page", problems).items():
        page = DocPage(key, text_set)
        for lang, path in text_set.files.items():
            meta, body, first = read_markdown(path, project, problems)
            page.meta[lang], page.bodies[lang], page.first_lines[lang] = meta, body, first
        pages[key] = page
    return pages


def check_docs(project: Project, pages: dict[str, DocPage], charts: set[str], generated: set[str],
               problems: Problems) -> None:
    """Front matter, directives, links and images of every page; ``generated`` are the keys of the
    pages the generator makes (authors link to them like to any page)."""
    keys = set(pages) | generated
    # timeline.md and timeline/index.md are both /timeline/: a page of docs/ there would replace the generated one.
    addresses = {posixpath.dirname(k) if posixpath.basename(k) == "index" else k: k for k in generated}
    for page in pages.values():
        address = posixpath.dirname(page.key) if posixpath.basename(page.key) == "index" else page.key
        for path in page.text_set.files.values() if address in addresses else ():
            problems.add(rel(path, project.root), f"the site makes the page '{address}/' itself, so this page would "
                         "replace it", fix="rename the file; to change the generated page, edit its content "
                         "(content/news/, content/partners.yml, content/timeline.yml) or the catalogs in locales/")
    for page in pages.values():
        for lang, path in page.text_set.files.items():
            file = rel(path, project.root)
            entry = Entry(page.meta[lang], file, "front matter", problems)
            entry.known_keys(FIELDS)
            entry.text("title", example="The page's title")
            entry.text("description", example="One sentence for search engines and link previews")
            template = page.meta[lang].get("template")
            if template is not None and template not in PAGE_TEMPLATES:
                entry.problem("template", f"there is no template '{template}'",
                              f"write one of: {', '.join(PAGE_TEMPLATES)}, or leave the line out")
            body, first = page.bodies[lang], page.first_lines[lang]
            for directive in directives.find(body, first):
                found = directives.problem_of(directive, charts)
                if found:
                    problems.add(file, found[0], line=directive.line, fix=found[1])
            check_links(project, page, lang, file, body, first, keys, pages, problems)


def check_links(project: Project, page: DocPage | None, lang: str, file: str, body: str, first: int, keys: set[str],
                pages: dict[str, DocPage], problems: Problems, key: str | None = None) -> None:
    """Links and images of one Markdown text; ``key`` places a text that is not a docs page (a news item)."""
    key = key or page.key
    for number, line in directives.prose_lines(body, first):
        for link in inline_links(without_code(line)):
            image, text, target = link.image, link.text, link.target
            if image and not text.strip():
                problems.add(file, "this image has no alternative text", line=number,
                             fix="write what the image shows between the brackets: ![A roundtable in Lublin](photo.jpg)")
            if not is_local(target):
                continue  # another website, or refused by the check of unsafe content
            path, _, anchor = target.partition("#")
            if not path:
                if page and anchor and anchor not in page.anchors(lang):
                    problems.add(file, f"there is no heading '#{anchor}' on this page", line=number,
                                 fix=f"link to one of: {', '.join(sorted(page.anchors(lang))) or 'no heading yet'}")
                continue
            base = posixpath.dirname(key)
            resolved = posixpath.normpath(posixpath.join(base, path))
            if image:
                if not (project.docs_dir / resolved).is_file():
                    problems.add(file, f"there is no image '{path}'", line=number,
                                 fix="put the image in docs/ and give its path from this page")
                continue
            if not resolved.endswith(".md"):
                # Only a file of docs/ is published (once, at the site's root): a folder, or a path that
                # leaves docs/, leads nowhere on the site even when it exists on disk.
                outside = resolved == ".." or resolved.startswith(("../", "/"))
                if outside or not (project.docs_dir / resolved).is_file():
                    problems.add(file, f"the link '{target}' leads to no file"
                                 + ("" if outside else f" (there is no file docs/{resolved})"), line=number,
                                 fix="put the document in docs/assets/ and link to it as [The report (PDF)](assets/report.pdf)"
                                     + (" (paths start at docs/, whatever folder this text is in)" if page is None else "")
                                     + ", or link to a page by its file name, such as [Contact](contact.md)")
                continue
            target_key = resolved[:-3]
            if target_key not in keys:
                close = difflib.get_close_matches(target_key, sorted(keys), n=1, cutoff=0.6)
                problems.add(file, f"the link '{target}' leads to no page", line=number,
                             fix="link to a page by its name without the language, such as [Contact](contact.md)"
                             + (f"; did you mean {close[0]}.md?" if close else ""))
                continue
            if anchor and target_key in pages:
                target = pages[target_key]
                target_lang = lang if lang in target.bodies else project.default_language
                if anchor not in target.anchors(target_lang):
                    problems.add(file, f"the page '{path}' has no heading '#{anchor}'", line=number,
                                 fix=f"link to one of: {', '.join(sorted(target.anchors(target_lang))) or 'the page itself'}")
