"""The second wall: contributor-written HTML reduced to what prose needs, with nh3 (ammonia).

The check (content/markup_check.py) refuses unsafe text with a message; this sanitiser runs on
every contributor text the build turns into HTML, to catch whatever the check missed. The
generator's own fragments (charts, [[cities]]…) never pass through it: they are put in after
(see ``Fragments``).
"""

from __future__ import annotations

import re
import secrets

import nh3

from .safe_text import without_direction_controls
from .urls import is_local, mailto_problem, scheme_of

TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "a", "img", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
    "code", "kbd", "samp", "pre", "blockquote", "q", "cite", "abbr", "dfn", "time",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
})
# Dropped with their content: their text is code or styling, never prose to keep.
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math", "textarea",
    "select", "title", "frameset", "noembed", "noframes", "xmp", "plaintext",
})
ATTRIBUTES = {
    "*": {"id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
}
# Classes an author may give with attr_list: Material's buttons ([Contact](contact.md){: .md-button }).
AUTHOR_CLASSES = frozenset({"md-button", "md-button--primary"})
SCHEMES = frozenset({"https", "http", "mailto", "tel"})
LINK_REL = "noopener noreferrer"
_ID = re.compile(r"[\w-][\w.:-]{0,127}")


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Per attribute, what ammonia's allow-lists cannot say: images only from the site, mailto: to
    one plain address, sane ids."""
    if name == "src" and not is_local(value):
        return None
    if name == "href" and scheme_of(value) not in SCHEMES | {""}:
        return None
    if name == "href" and scheme_of(value) == "mailto" and mailto_problem(value):
        return None  # the text stays, without a link that could copy a message elsewhere
    if name == "id" and not _ID.fullmatch(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_attribute,
    strip_comments=True,
    link_rel=LINK_REL,
    url_schemes=set(SCHEMES),
    allowed_classes={tag: set(AUTHOR_CLASSES) for tag in TAGS},
)


def sanitise(html: str) -> str:
    """Contributor HTML with only the allowed tags, attributes and addresses left, and no direction
    control: ammonia turns a character reference (&#x202E;) into the character itself."""
    return without_direction_controls(_CLEANER.clean(html))


class Fragments:
    """The generator's own HTML, kept out of the sanitiser by an inert placeholder.

    A placeholder is a paragraph holding a token drawn afresh for every page: a contributor
    cannot write one, since the token is unknown until the page is built.
    """

    def __init__(self):
        self._token = "epi" + secrets.token_hex(16)
        self._html: list[str] = []

    def add(self, html: str) -> str:
        """Keep ``html`` aside; return the line to put in the Markdown in its place."""
        self._html.append(html)
        return f"{self._token}x{len(self._html) - 1}"

    def fill(self, sanitised: str) -> str:
        """Put each fragment back where Markdown left its placeholder (a paragraph of its own)."""
        if not self._html:
            return sanitised
        pattern = re.compile(rf"<p>{self._token}x(\d+)</p>|{self._token}x(\d+)")

        def back(match: re.Match) -> str:
            index = int(match.group(1) or match.group(2))
            return self._html[index] if index < len(self._html) else ""

        return pattern.sub(back, sanitised)
