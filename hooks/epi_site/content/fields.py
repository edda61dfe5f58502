"""Checks of single fields in contributors' data, with plain-words messages."""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from pathlib import Path

from babel import Locale

from ..problems import Problems
from ..safety.limits import MAX_NUMBER, YEARS
from ..safety.urls import is_plain_path, web_address_problem
from .sources import LineDict

COUNTRIES = frozenset(code for code in Locale("en").territories if code.isalpha() and len(code) == 2)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _Calendar:
    """The date and month fields of an Entry (its ``data`` and ``problem``), within the years this site can show."""

    def date(self, key: str, *, required: bool = True) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(key, f"'{key}' is missing", f"add a line '{key}: 2020-01-31' (year-month-day)")
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            if not YEARS[0] <= value.year <= YEARS[1]:
                self.problem(key, f"'{value}' is not a year this site can show",
                             f"write a date between {YEARS[0]} and {YEARS[1]}, such as '{key}: 2020-01-31'")
                return None
            return value
        self.problem(key, f"'{value}' is not a date",
                     f"write the date as year-month-day, such as '{key}: 2020-01-31'")
        return None

    def month(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        text = str(value) if value is not None else ""
        match = re.fullmatch(r"(\d{4})-(\d{2})", text)
        if value is None:
            self.problem(key, f"'{key}' is missing", f"add a line '{key}: 2020-01' (year-month)")
            return None
        if match and 1 <= int(match.group(2)) <= 12:
            if YEARS[0] <= int(match.group(1)) <= YEARS[1]:
                return dt.date(int(match.group(1)), int(match.group(2)), 1)
            self.problem(key, f"'{value}' is not a year this site can show",
                         f"write a month between {YEARS[0]} and {YEARS[1]}, such as '{key}: 2020-01'")
            return None
        self.problem(key, f"'{value}' is not a month", f"write the month as year-month, such as '{key}: 2020-01'")
        return None


class Entry(_Calendar):
    """One mapping of a data file (a partner, a chart), checked field by field."""

    def __init__(self, data, file: str, where: str, problems: Problems):
        self.data = data if isinstance(data, dict) else LineDict()
        self.file = file
        self.where = where
        self.problems = problems
        self.line = getattr(data, "line", None) or None
        if not isinstance(data, dict):
            problems.add(file, "this entry must be a list of 'key: value' lines", line=getattr(data, "line", None),
                         where=where)

    def line_of(self, key) -> int | None:
        data = self.data
        return data.line_of(key) if isinstance(data, LineDict) else None

    def problem(self, key: str, message: str, fix: str = "") -> None:
        self.problems.add(self.file, message, line=self.line_of(key), where=f"{self.where}.{key}" if key else self.where,
                          fix=fix)

    def known_keys(self, allowed: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                self.problem(str(key), f"'{key}' is not a field of this entry",
                             f"{hint}the fields are: {', '.join(allowed)}")

    def text(self, key: str, *, required: bool = True, example: str = "") -> str | None:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problem(key, f"'{key}' is missing", f"add a line '{key}: {example or '...'}'")
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.problem(key, f"'{key}' must be text", f"write it as '{key}: {example or 'some text'}'")
            return None
        return str(value).strip()

    def web_address(self, key: str, *, required: bool = False, example: str = "https://www.example.org/") -> str | None:
        """A web-address field (a website, a channel): the one rule for every such field of every file."""
        value = self.text(key, required=required, example=example)
        problem = web_address_problem(value) if value else None
        if problem:
            self.problem(key, f"'{value[:80]}' {problem}",
                         f"write the full address, starting with https://, such as '{key}: {example}'")
            return None
        return value

    def country(self, key: str, *, example: str) -> str | None:
        """A country field: the one rule for every such field of every file (ISO 3166 codes CLDR names)."""
        value = self.text(key, example=example)
        if value and value not in COUNTRIES:
            self.problem(key, f"'{value}' is not a country code", "write the two-letter ISO code in capitals, "
                         f"such as {example} for {Locale('en').territories[example]}")
            return None
        return value

    def image(self, docs_dir: Path, *, noun: str, place_fix: str, read: bool = True) -> tuple[str | None, str | None]:
        """(image, image_alt) of a text that may show a picture from docs/: the image None unless the page can
        show it. ``read`` False: this file may not name an image (a translation), only its alternative text."""
        image = self.text("image", required=False) if read else None
        image_alt = self.text("image_alt", required=False)
        if image and not image_alt:
            self.problem("image", f"the {noun} has no alternative text",
                         f"add a line 'image_alt: ...' that says what the {noun} shows, for readers who cannot see it")
        if image and not is_plain_path(image):
            image = None  # refused by the check of unsafe content; the build shows no image rather than a link out
        elif image and not (docs_dir / image).is_file():
            self.problem("image", f"there is no image docs/{image}", place_fix)
            image = None
        return image, image_alt

    def slug(self, key: str) -> str | None:
        value = self.text(key, example="a-short-id")
        if value is not None and not SLUG.match(value):
            self.problem(key, f"'{value}' is not a valid id",
                         "use lower-case letters, digits and hyphens only, such as 'pro-arbeit'")
            return None
        return value

    def choice(self, key: str, options: tuple[str, ...]) -> str | None:
        value = self.text(key, example=options[0])
        if value is not None and value not in options:
            self.problem(key, f"'{value}' is not a valid {key}", f"write one of: {', '.join(options)}")
            return None
        return value

    def number(self, key: str, *, required: bool = True, minimum: float | None = None) -> float | int | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(key, f"'{key}' is missing", f"add a line '{key}: 123'")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(key, f"'{key}' must be a number, not {_shown(value)}",
                         "write digits with a dot for decimals and no thousands separators, such as 2328556 or 5.8")
            return None
        # Compared as they are, before any float(): a 400-digit integer has no float, NaN no order.
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(key, f"'{key}' must be a number, not {value!r}", "write the figure in digits, such as 5.8")
            return None
        if abs(value) > MAX_NUMBER:
            self.problem(key, f"'{key}' is {_shown(value)}, larger than any figure this site shows "
                              f"(the limit is {MAX_NUMBER:,})", "check the digits")
            return None
        if minimum is not None and value < minimum:
            self.problem(key, f"'{key}' is {value}, below {minimum}", f"write a number of at least {minimum}")
            return None
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.problem(key, f"'{key}' must be true or false", f"write '{key}: true' or leave the line out")
            return False
        return value


def list_of(data, file: str, problems: Problems, what: str) -> list:
    if data is None:
        problems.add(file, f"this file should hold a list of {what}", fix="start each entry with '- id: ...'")
        return []
    if not isinstance(data, list):
        problems.add(file, f"this file should hold a list of {what}", line=getattr(data, "line", None),
                     fix="start each entry with '- id: ...'")
        return []
    return data


def _shown(value) -> str:
    """A value as a message quotes it: a 400-digit number or a page of text is cut to a readable length."""
    text = repr(value)
    return text if len(text) <= 40 else text[:30] + f"… ({len(text):,} characters)"

