"""What an address really says, read the way a browser reads it."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

# Browsers drop these anywhere in a URL's scheme: "java\tscript:" is "javascript:".
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def normalise(url: str) -> str:
    """``url`` with entities and percent-escapes decoded (twice, as a double escape may be read
    twice), invisible characters removed and backslashes read as slashes, as a browser does."""
    text = url
    for _ in range(2):
        text = unquote(html.unescape(text))
    return _INVISIBLE.sub("", text).replace("\\", "/")


def scheme_of(url: str) -> str:
    """The scheme, lower-case ("" for a relative address); a colon before any slash, '?' or '#'
    makes one."""
    text = normalise(url)
    match = _SCHEME.match(text)
    if match:
        return match.group(1).casefold()
    head = re.split(r"[/?#]", text, maxsplit=1)[0]
    return "invalid" if ":" in head else ""


def is_local(url: str) -> bool:
    """An address within the site: no scheme and no other host ("//host/…")."""
    return scheme_of(url) == "" and not normalise(url).startswith("//")
