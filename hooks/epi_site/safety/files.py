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

import io
import os
import unicodedata
from pathlib import Path

from PIL import Image

from ..problems import Problems
from ..project import Project
from .photos import RASTER, PhotoError, inspect, resize_fix, said
from .safe_text import unshown
from .pdf import FIX as PDF_FIX
from .pdf import pdf_problems
from .svg import svg_problems

PAGE = ".md"
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
ALLOWED = (PAGE, *IMAGES, ".pdf")


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _names_under(folder: Path) -> list[tuple[Path, bool]]:
    """Every folder and file at or below ``folder`` (True for a file), without following links, in a stable
    order: each folder's subfolders, then its files, both sorted. Every rule on names reads this one listing."""
    found = []
    for parent, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        found += [(Path(parent, name), False) for name in dirs]
        found += [(Path(parent, name), True) for name in sorted(files)]
    return found


def _links_under(folder: Path, names: list[tuple[Path, bool]]) -> list[Path]:
    """Every symbolic link at or below ``folder``."""
    if folder.is_symlink():
        return [folder]
    return sorted(path for path, _ in names if path.is_symlink())


def hard_linked(path: Path) -> bool:
    """A file with more than one name: the other may be anywhere on the disk (git cannot carry one, a local
    build can), so it could publish any file of the computer, as a symbolic link could."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return not os.path.isdir(path) and info.st_nlink > 1


def _hard_links_under(names: list[tuple[Path, bool]]) -> list[Path]:
    return sorted(path for path, is_file in names if is_file and hard_linked(path))


def invisible_character(name: str) -> str | None:
    """The first control or invisible formatting character of a file name (a direction override
    shows "photo\u202egnp.exe" as "photoexe.png"), or None. A name that is not UTF-8 reaches Python
    with its bytes as lone surrogates (U+DC80-U+DCFF), which no text can hold: those count too."""
    return next((c for c in name if unshown(c)), None)


def foreign_characters(name: str) -> str:
    """The characters of a name outside ASCII, each as U+XXXX and its Unicode name: a Cyrillic 'о' reads as a
    Latin 'o', so "gоals.en.md" would be another page than "goals.en.md" that looks the same."""
    shown = []
    for c in dict.fromkeys(c for c in name if ord(c) > 127 and not unshown(c)):
        shown.append(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character').lower()}")
    return ", ".join(shown)


def _case_collisions(names: list[tuple[Path, bool]], root: Path) -> list[tuple[str, str]]:
    """Pairs of names that differ only in capitals: one overwrites the other on Windows and macOS disks,
    and on the site."""
    seen: dict[str, str] = {}
    found = []
    for name, _ in names:
        path = _rel(name, root)
        other = seen.setdefault(path.casefold(), path)
        if other != path:
            found.append((path, other))
    return found


def check_files(project: Project, problems: Problems) -> bool:
    """Report links, file types and unsafe SVGs; True when a link makes reading anything unsafe."""
    folders = (project.docs_dir, project.content_dir, project.locales_dir)
    listed = {folder: _names_under(folder) for folder in folders}
    if _check_links(project, listed, problems):
        return True
    _check_names(project, listed, problems)
    _check_docs_files(project, listed[project.docs_dir], problems)
    return False


def _check_links(project: Project, listed: dict[Path, list[tuple[Path, bool]]], problems: Problems) -> bool:
    """Report every symbolic and hard link; True when there is any."""
    links = [link for folder, names in listed.items() for link in _links_under(folder, names)]
    for link in links:
        problems.add(_rel(link, project.root), "this is a symbolic link; the site never follows links, because one "
                     "could publish any file of the computer that builds the site",
                     fix="put the file itself here (a copy), or delete the link")
    hard = [path for names in listed.values() for path in _hard_links_under(names)]
    for path in hard:
        problems.add(_rel(path, project.root), "this file is a hard link (it has another name elsewhere on the disk); "
                     "the site never publishes one, because it could publish any file of the computer that builds the site",
                     fix="put a copy of the file here instead (copy it, delete this one, rename the copy)")
    return bool(links or hard)


def _check_names(project: Project, listed: dict[Path, list[tuple[Path, bool]]], problems: Problems) -> None:
    """Names that show as another name: invisible characters anywhere, look-alike letters and names that
    differ in capitals only where pages and files are published from."""
    for names in listed.values():
        for path, character in ((p, invisible_character(p.name)) for p, _ in names):
            if not character:
                continue
            what = ("is not UTF-8 text, which the build cannot read" if unicodedata.category(character) == "Cs" else
                    f"holds an invisible character (U+{ord(character):04X}), which shows it as another name than it is")
            problems.add(_rel(path, project.root), f"this name {what}",
                         fix="rename it with letters, digits and hyphens only, such as photo-riga.jpg",
                         category="unsafe content")
    for folder in (project.docs_dir, project.content_dir):
        for path, _ in listed[folder]:
            foreign = foreign_characters(path.name)
            if foreign:
                problems.add(_rel(path, project.root),
                             f"this name holds letters outside the English alphabet ({foreign}); some look like "
                             "Latin letters, so the name could pass for another", fix="rename it with the letters a-z, "
                             "digits and hyphens only, such as photo-linkoping.jpg", category="unsafe content")
        for path, other in _case_collisions(listed[folder], project.root):
            problems.add(path, f"this name differs from {other} only in capital letters; both would be the same "
                         "page or file on the site", fix="rename one of them, or delete the one you do not need; "
                         "names are written in small letters")


def _check_docs_files(project: Project, names: list[tuple[Path, bool]], problems: Problems) -> None:
    """Each file of docs/ is of a type pages need, and an SVG, a PDF or a photo is safe to publish."""
    for path, is_file in names:
        if not is_file:
            continue
        name = path.name
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
        elif suffix == ".pdf":
            for message in pdf_problems(path.read_bytes()):
                problems.add(file, message, fix=PDF_FIX)
        elif suffix in RASTER:
            _check_photo(path, file, problems)


def _check_photo(path: Path, file: str, problems: Problems) -> None:
    """Refuse a photo beyond the limits; say what the build leaves out of one within them."""
    data = path.read_bytes()
    try:
        photo = inspect(data)
    except PhotoError as error:
        size = _header_size(data)
        problems.add(file, str(error), category="unsafe content",
                     fix=resize_fix(*size) if size else "open it in a photo editor and save it again as JPEG or PNG")
        return
    if photo.held:
        problems.warn(file, f"this photo holds {said(photo.held)}; the site publishes the photo without them",
                      fix="nothing, if the photo may be published; remove it if it shows something private")


def _header_size(data: bytes) -> tuple[int, int] | None:
    """The width and height a PNG, JPEG or WebP header gives, without Pillow's limits (for the fix)."""
    limit = Image.MAX_IMAGE_PIXELS
    try:
        Image.MAX_IMAGE_PIXELS = None  # read the header only: nothing is decoded here
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except Exception:
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = limit


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
        if current.is_symlink() or invisible_character(part) or foreign_characters(part):
            return False
    if path.name.startswith(".") or path.suffix.lower() not in ALLOWED or hard_linked(path):
        return False
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return not pdf_problems(path.read_bytes())
    if suffix in RASTER:
        try:
            inspect(path.read_bytes())
        except PhotoError:
            return False  # beyond the limits or unreadable: refused by the check
        return True
    return suffix != ".svg" or not svg_problems(path.read_bytes())
