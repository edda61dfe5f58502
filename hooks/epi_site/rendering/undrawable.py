"""Letters a card cannot draw: the check says so, since the image would silently leave them out.

A page's link-preview card (rendering/cards.py) draws its title with the site's font, which holds the
eight languages' letters; an emoji or a Chinese character in a title has no glyph there, and
raster_text.drawable() drops it, so "EPI 🇪🇺 in Riga" reaches social networks as "EPI in Riga". The
page itself shows every character (browsers fall back to another font); only the image loses them.
A warning, not a problem: the text is the editor's, and the page is right.
"""

from __future__ import annotations

import unicodedata

from ..problems import Problems
from .raster_text import has_glyph


def undrawable(text: str) -> list[str]:
    """The characters of ``text`` the card font has no glyph for, each once, in order."""
    found: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char.isspace() or unicodedata.category(char)[0] == "C" or char in found:
            continue
        if not has_glyph("bold", char):
            found.append(char)
    return found


def _named(chars: list[str]) -> str:
    return ", ".join(f"{c} ({unicodedata.name(c, f'U+{ord(c):04X}').lower()})" for c in chars[:5]) + (
        f" and {len(chars) - 5} more" if len(chars) > 5 else "")


def warn_undrawable(content, problems: Problems) -> None:
    """A warning for each news item's and page's title with letters its card would leave out."""
    titles: list[tuple[str, str]] = []
    for item in content.news:
        titles.extend((version.file, version.title) for version in item.versions.values())
    for doc in content.docs.values():
        for lang, meta in doc.meta.items():
            path = doc.text_set.files.get(lang)
            if path is not None and isinstance(meta.get("title"), str):
                titles.append((path.relative_to(content.project.root).as_posix(), meta["title"]))
    for file, title in titles:
        chars = undrawable(title)
        if chars:
            problems.warn(file, f"the title's link-preview image cannot draw {_named(chars)}; "
                                "the image leaves them out (the page shows them)", where="front matter.title",
                          fix="write the title with letters only, or accept the image without those characters")
