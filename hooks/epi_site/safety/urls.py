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


# A plain email address: the one form the site's own fields take, and the one a mailto: link takes.
EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def mailto_problem(url: str) -> str | None:
    """Why a ``mailto:`` address is not one plain address, or None. Mail programs read fields after
    '?' (bcc=, cc=, body=), several recipients separated by ',' or ';', and percent-escapes ('%3F' is
    '?', '%2C' is ',', '%40' is '@'): a link that reads as the project's address could send a copy
    elsewhere, or a message other than the reader wrote."""
    address = html.unescape(url).partition(":")[2]
    if "%" in address:
        return "writes characters in code (%…), which mail programs read as '?', ',' or '@'"
    if "?" in address or "&" in address:
        return "adds fields after the address ('?…'), such as a hidden copy to another address"
    if "," in address or ";" in address:
        return "names more than one recipient"
    if not EMAIL.fullmatch(address):
        return "is not one plain email address"
    return None


def is_local(url: str) -> bool:
    """An address within the site: no scheme and no other host ("//host/…")."""
    return scheme_of(url) == "" and not normalise(url).startswith("//")


def is_plain_path(value: str) -> bool:
    """A path within docs/: no scheme, host, absolute path or '..'."""
    text = normalise(value)
    return is_local(value) and not text.startswith("/") and ".." not in text.split("/")


# The schemes a web-address field of content/ may take (a partner's website, the project's own, a
# channel): one rule for every such field, so that 'website: javascript:...' is refused wherever it
# is written, not only in the file whose check first learnt it.
WEB_SCHEMES = ("https", "http")
# Nothing a browser would drop, decode or read as the end of the attribute; no backslash ("https:\\evil").
_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.\-]+(?::[0-9]{1,5})?(?:[/?#][!#$&'()*+,\-./0-9:;=?@A-Z_a-z~%]*)?")


def web_address_problem(value: str) -> str | None:
    """Why ``value`` is not a plain web address (``https://host/...``), or None when it is one.
    A host is required and user names are refused: "https://epi-project.com@elsewhere.example/"
    reads as the project's address and leads to another host."""
    if scheme_of(value) not in WEB_SCHEMES or not value.lower().startswith(("https://", "http://")):
        return "is not a web address"
    host = re.split(r"[/?#]", value[value.index("//") + 2:], maxsplit=1)[0]
    if "@" in host:
        return "names a user before the host ('…@'), which hides where the link leads"
    if not host.strip(".:"):
        return "names no host"
    if not _WEB_ADDRESS.fullmatch(value):
        return "holds characters a web address does not (spaces, quotes, '<', '>', '\\' or letters outside A-Z)"
    return None
