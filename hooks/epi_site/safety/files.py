"""Which files under docs/, content/ and locales/ may exist, and which of docs/ may be published.

MkDocs copies every file of docs/ to the site as it is, and follows symbolic
links while doing so. A link could publish any file of the build machine (the
job's environment, .git/config); an .html, .js or .css file would add a page
or a script the generator never reviewed; an SVG opened on its own is a
document that can run scripts and load other hosts. So: no symbolic link
anywhere (never followed, not even to read it), only the file types pages
need in docs/, and SVGs without scripts, event handlers, foreignObject,
external references or DTDs. The check reports each one; the build drops
such files as well, should the check ever be bypassed.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from ..content.problems import Problems
from ..project import Project
from .safe_text import unshown
from .svg import svg_problems

PAGE = ".md"
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
ALLOWED = (PAGE, *IMAGES, ".pdf")


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _links_under(folder: Path) -> list[Path]:
    """Every symbolic link at or below ``folder``, without following any."""
    if folder.is_symlink():
        return [folder]
    found = []
    for parent, dirs, files in os.walk(folder, followlinks=False):
        for name in (*dirs, *files):
            path = Path(parent, name)
            if path.is_symlink():
                found.append(path)
    return sorted(found)


def invisible_character(name: str) -> str | None:
    """The first control or invisible formatting character of a file name (a direction override
    shows "photo\u202egnp.exe" as "photoexe.png"), or None. A name that is not UTF-8 reaches Python
    with its bytes as lone surrogates (U+DC80-U+DCFF), which no text can hold: those count too."""
    return next((c for c in name if unshown(c)), None)


def _names_with_invisible_characters(folder: Path) -> list[tuple[Path, str]]:
    found = []
    for parent, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in (*dirs, *sorted(files)):
            character = invisible_character(name)
            if character:
                found.append((Path(parent, name), character))
    return found


def check_files(project: Project, problems: Problems) -> bool:
    """Report links, file types and unsafe SVGs; True when a link makes reading anything unsafe."""
    links = []
    for folder in (project.docs_dir, project.content_dir, project.locales_dir):
        links += _links_under(folder)
    for link in links:
        problems.add(_rel(link, project.root), "this is a symbolic link; the site never follows links, because one "
                     "could publish any file of the computer that builds the site",
                     fix="put the file itself here (a copy), or delete the link")
    if links:
        return True
    for folder in (project.docs_dir, project.content_dir, project.locales_dir):
        for path, character in _names_with_invisible_characters(folder):
            what = ("is not UTF-8 text, which the build cannot read" if unicodedata.category(character) == "Cs" else
                    f"holds an invisible character (U+{ord(character):04X}), which shows it as another name than it is")
            problems.add(_rel(path, project.root), f"this name {what}",
                         fix="rename it with letters, digits and hyphens only, such as photo-riga.jpg",
                         category="unsafe content")
    docs = project.docs_dir
    for parent, dirs, files in os.walk(docs):
        dirs.sort()
        for name in sorted(files):
            path = Path(parent, name)
            file = _rel(path, project.root)
            suffix = path.suffix.lower()
            if name.startswith(".") or suffix not in ALLOWED:
                problems.add(file, f"files of this type ({suffix or name}) are not published: docs/ holds pages, "
                             "pictures and PDF documents only",
                             fix="write a page as Markdown (.md); save a picture as .png, .jpg, .gif, .webp, .avif "
                                 "or .svg; or delete the file")
            elif suffix == ".svg":
                for line, message, fix in svg_problems(path.read_bytes()):
                    problems.add(file, message, line=line, fix=fix)
    return False


def publishable(docs_dir: Path, path: Path) -> bool:
    """May the build copy this file of docs/ to the site? The same rules as the check."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(docs_dir))
    except ValueError:
        return True  # the theme's own files, not a contributor's
    current = Path(os.path.abspath(docs_dir))
    if current.is_symlink():
        return False
    for part in relative.parts:
        current = current / part
        if current.is_symlink() or invisible_character(part):
            return False
    if path.name.startswith(".") or path.suffix.lower() not in ALLOWED:
        return False
    return path.suffix.lower() != ".svg" or not svg_problems(path.read_bytes())
