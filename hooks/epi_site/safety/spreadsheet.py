"""CSV cells that a spreadsheet would run as a formula, made inert (the OWASP rule).

Excel, LibreOffice and Google Sheets treat a cell starting with = + - @ (and,
in some versions, tab or carriage return, or those characters after leading
spaces) as a formula, which can fetch a URL or run a command when the
downloaded file is opened. A leading single quote makes the cell plain text in
all of them and is shown to nobody. Only text cells pass through here: numbers
are written by the caller and stay numbers, negative ones included.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_TRIGGERS) or text.lstrip().startswith(_TRIGGERS):
        return "'" + text
    return text
