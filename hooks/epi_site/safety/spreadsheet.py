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
        text = "'" + text
    # A cell is one line: Python's csv module leaves a lone carriage return unquoted (with our
    # "\n" line ends), and a spreadsheet would start a new row there, shifting every column.
    return " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
