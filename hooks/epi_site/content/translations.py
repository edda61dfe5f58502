"""Which texts exist in which language, and whether a translation is up to date.

A translation records the fingerprint of the English text it was made from,
as ``translated_from: <fingerprint>`` in its front matter (Markdown) or at its
top level (YAML). A fingerprint is computed from the English file's content,
so it survives renames and needs no Git history (it works in a shallow clone).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

TRANSLATED = "translated"
MISSING = "missing"
OUTDATED = "outdated"

_MARK = re.compile(r"^translated_from:.*\n?", re.M)


def in_language(texts: dict, lang: str, default: str, missing=None):
    """(the text in ``lang``, ``lang``), or the default language's when it is not translated yet."""
    if lang in texts:
        return texts[lang], lang
    return texts.get(default, missing), default


def fingerprint(text: str) -> str:
    """A short, stable fingerprint of an English source text."""
    normal = "\n".join(line.rstrip() for line in _MARK.sub("", text).replace("\r\n", "\n").strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:10]


def recorded_fingerprint(text: str) -> str | None:
    match = re.search(r"^translated_from:\s*[\"']?([0-9a-f]+)[\"']?\s*$", text, re.M)
    return match.group(1) if match else None


@dataclass
class TextSet:
    """One text (a page, a news item, a partner's text) in all its languages."""

    kind: str
    key: str
    files: dict[str, Path] = field(default_factory=dict)

    def status(self, lang: str, source_lang: str) -> str:
        if lang not in self.files:
            return MISSING
        if lang == source_lang:
            return TRANSLATED
        source = self.files.get(source_lang)
        if source is None:
            return TRANSLATED
        wanted = fingerprint(source.read_text(encoding="utf-8-sig"))
        have = recorded_fingerprint(self.files[lang].read_text(encoding="utf-8-sig"))
        # A translation that records no English text yet is new, not outdated: nothing says the English changed.
        return TRANSLATED if have in (wanted, None) else OUTDATED

    def unmarked(self, lang: str, source_lang: str) -> bool:
        """A translation that does not record yet which English text it was made from."""
        path = self.files.get(lang)
        if path is None or lang == source_lang or source_lang not in self.files:
            return False
        return recorded_fingerprint(path.read_text(encoding="utf-8-sig")) is None

    def source_fingerprint(self, source_lang: str) -> str | None:
        source = self.files.get(source_lang)
        return fingerprint(source.read_text(encoding="utf-8-sig")) if source else None


def mark_translated(path: Path, source: Path) -> str:
    """Record in ``path`` that it translates the current text of ``source``; return the fingerprint.

    Only the ``translated_from`` line is added or replaced; the rest of the file is kept as it is.
    """
    mark = fingerprint(source.read_text(encoding="utf-8-sig"))
    text = path.read_text(encoding="utf-8-sig")
    line = f"translated_from: {mark}"
    if _MARK.search(text):
        text = _MARK.sub(line + "\n", text, count=1)
    elif path.suffix == ".md":
        text = "---\n" + line + "\n" + text[4:] if text.startswith("---\n") else f"---\n{line}\n---\n\n{text}"
    else:
        text = line + "\n" + text
    path.write_text(text, encoding="utf-8")
    return mark
