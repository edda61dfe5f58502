"""What the generators make for one language: pages and files, in memory.

The MkDocs hooks hand them to MkDocs as virtual files, and nothing is ever written into docs/ or
content/. The generators themselves are in rendering/generators/, one per page kind, and
rendering/generation.py runs them for a language.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import yaml


@dataclass(frozen=True)
class GeneratedPage:
    key: str
    lang: str
    title: str
    description: str
    body: str
    content_lang: str
    in_search: bool = True
    noindex: bool = False

    def markdown(self) -> str:
        """The page as MkDocs reads a file: its title, the one thing MkDocs itself needs (the <title>),
        and its body. The rest of what the page says reaches the theme as the page's context."""
        head = yaml.safe_dump({"title": self.title}, allow_unicode=True, width=10_000)
        return f"---\n{head}---\n\n{self.body}\n"


class PageKindError(RuntimeError):
    """The generators and content/page_kinds.py disagree about which pages exist (a developer's mistake)."""


@dataclass(frozen=True)
class GeneratedFile:
    path: str
    content: bytes


def unlisted(page: GeneratedPage) -> GeneratedPage:
    """A page kept out of search results and search engines."""
    return replace(page, in_search=False, noindex=True)
