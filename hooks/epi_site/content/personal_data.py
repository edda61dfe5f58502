"""Personal data in a text: a warning, because publishing it is a decision to take on purpose.

A news item that thanks "Anna (anna.svensson@gmail.com, 0761 234567)" publishes a private
person's address and number in every language, in the feeds and in the newsletter's email
edition, where no later edit takes them back. The check cannot know whether the person agreed,
so it warns rather than refuses. The project's own address, an address at the project's or a
partner's website domain, and the reserved example domains are not a person's.

Numbers: dates (2020-01-01, 01/01/2020), the grant number (863614), years and figures (1,200;
30 000) are not telephone numbers. A number counts only when it is written as one: an
international '+' prefix, or a leading 0 followed by groups, with 8 to 15 digits in all.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..project import Project
from ..safety import limits
from .markup_check import contributor_texts
from ..problems import Problems
from .sources import read_text, rel

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b", re.ASCII)
# A '+' and a country code, or a leading 0 and an area code, then groups of digits.
_INTERNATIONAL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .\-]?\(?\d{1,5}\)?){2,6}(?![\w])", re.ASCII)
_NATIONAL = re.compile(r"(?<![\w.,/:+-])(?:0\d{1,4}(?:[ \-/]\d{2,8}){1,4}|0\d{8,11})(?![\w]|[.,/-]\d)", re.ASCII)
_DATE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net", "example")


def _domain(address: str | None) -> str | None:
    host = urlsplit(address).hostname if address else None
    return host.removeprefix("www.") if host else None


def _own(address: str, emails: set[str], domains: set[str]) -> bool:
    address = address.casefold()
    domain = address.rpartition("@")[2]
    return address in emails or any(domain == d or domain.endswith("." + d) for d in domains)


def phone_numbers(line: str) -> list[str]:
    """The telephone numbers written in ``line``."""
    found, taken = [], []
    for pattern in (_INTERNATIONAL, _NATIONAL):
        for match in pattern.finditer(line):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue  # "+39 0544 123456": the national part of an international number
            number = match.group().strip()
            digits = sum(c.isdigit() for c in number)
            if 8 <= digits <= 15 and not _DATE.fullmatch(number):
                found.append("(" + number if number.count(")") > number.count("(") else number)
                taken.append(match.span())
    return found


def emails(line: str) -> list[str]:
    return [m.group().rstrip(".-") for m in _EMAIL.finditer(line)] if "@" in line else []


def warn_personal_data(project: Project, site, partners, problems: Problems) -> None:
    """Warn about every private email address and telephone number in a contributor's text."""
    own_emails = {e.casefold() for e in (getattr(site, "email", None),
                                         getattr(getattr(site, "publisher", None), "email", None)) if e}
    domains = {d for d in [_domain(getattr(site, "website", None)),
                           *(_domain(p.website) for p in partners or [])] if d}
    domains |= set(_EXAMPLE_DOMAINS)
    count = len(project.languages)
    languages = _NUMBERS[count] if count < len(_NUMBERS) else str(count)
    for path in contributor_texts(project):
        text = read_text(path, project.root, Problems())
        if text is None:
            continue
        file = rel(path, project.root)
        fed = file.startswith(("content/news/", "content/newsletter/"))
        where = f"it would be published in {languages} languages" + (", the feeds and the email edition" if fed else "")
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > limits.MAX_LINE_CHARACTERS:
                continue  # refused as too long; not read further, to keep the check fast
            for address in dict.fromkeys(emails(line)):
                if not _own(address, own_emails, domains):
                    problems.warn(file, f"this text holds a private email address ({address}); {where}",
                                  line=number,
                                  fix="remove it unless the person agreed; the project's own address is "
                                      + (sorted(own_emails)[0] if own_emails else "in content/site.yml"))
            if any(c.isdigit() for c in line):
                for phone in dict.fromkeys(phone_numbers(line)):
                    problems.warn(file, f"this text holds a telephone number ({phone}); {where}", line=number,
                                  fix="remove it unless the person agreed (a partner's office number may stay)")
