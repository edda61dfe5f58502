"""Share links for a page: plain addresses of each network's own share form, built at build time.

No network's script is loaded and nothing is requested until the reader follows a link, so sharing
adds no tracker. Each value is percent-encoded as a whole (``safe=""``), so a title's ``&``, ``#`` or
``?`` stays part of the title, and ``mailto:`` gets ``%20`` rather than ``+`` (RFC 6068).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote


@dataclass(frozen=True)
class ShareLink:
    network: str  # the network's name, the same in every language
    href: str


def _q(value: str) -> str:
    return quote(value, safe="")


def share_links(url: str, title: str) -> list[ShareLink]:
    """Links that share ``url`` (the page's canonical address) with its ``title``; email comes last."""
    return [
        ShareLink("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={_q(url)}"),
        ShareLink("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={_q(url)}"),
        ShareLink("X", f"https://x.com/intent/post?url={_q(url)}&text={_q(title)}"),
        ShareLink("email", f"mailto:?subject={_q(title)}&body={_q(url)}"),
    ]
