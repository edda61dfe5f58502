"""Text that is safe in XML 1.0 and HTML, whatever a contributor typed."""

from __future__ import annotations

import re

# XML 1.0 allows tab, newline and carriage return, and no other C0 control,
# nor lone surrogates or the two non-characters U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    return _FORBIDDEN.sub("", text)


def one_line(text: str) -> str:
    """A title or summary on one line: every run of white space becomes one space."""
    return " ".join(clean(text).split())
