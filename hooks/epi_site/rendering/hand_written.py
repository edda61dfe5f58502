"""Hand-written pages of docs/: their Markdown made safe to convert, and their HTML sanitised.

The generator's fragments for directives ([[chart …]], [[cities]]…) are trusted HTML: they wait
outside the Markdown as placeholders, and come back only once the author's HTML is sanitised.
"""

from __future__ import annotations

from ..content import directives
from ..safety.limits import MAX_DIRECTIVES, tame
from ..safety.markup import Fragments, sanitise
from ..safety.safe_text import without_direction_controls


def prepare(markdown: str, render, fragments: Fragments) -> str:
    """The page's Markdown with each directive a placeholder; ``render(directive)`` gives the
    fragment's HTML, or None for a directive it does not know (left as text)."""

    drawn = 0

    def placeholder(directive):
        nonlocal drawn
        drawn += 1
        if drawn > MAX_DIRECTIVES:
            return None  # refused by the check; beyond it, left as text
        html = render(directive)
        return None if html is None else fragments.add(html)

    return directives.expand(tame(without_direction_controls(markdown)), placeholder)


def finish(html: str, fragments: Fragments) -> str:
    """The page's HTML sanitised, with the generator's fragments back in their places."""
    return fragments.fill(sanitise(html))
