"""The project's own facts (content/site.yml): contact, funding, channels."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .fields import Entry
from .partners import _COUNTRIES
from .problems import Problems
from ..project import Project
from ..safety.urls import EMAIL
from .sources import read_yaml


@dataclass(frozen=True)
class Channel:
    name: str
    url: str | None


@dataclass(frozen=True)
class Publisher:
    """Who publishes the website: the controller a privacy notice must name (GDPR Art. 13)."""

    name: str
    country: str
    email: str


@dataclass(frozen=True)
class SiteInfo:
    name: str
    short_name: str
    email: str
    website: str
    call: str
    grant_agreement: str
    start: dt.date
    end: dt.date
    social: tuple[Channel, ...]
    publisher: Publisher | None = None


# A plain address: written after "mailto:", a '?' or '&' would add headers (bcc=someone@elsewhere
# copies every reader's message to another host), and '%' would hide them. No such character is
# needed in an address an organisation publishes.
_EMAIL = EMAIL  # one rule with mailto: links in texts (safety/urls.py)


def _email(entry: Entry, key: str) -> str | None:
    email = entry.text(key, example="hello@epi-project.com")
    if email and not _EMAIL.fullmatch(email):
        entry.problem(key, f"'{email}' is not an email address",
                      "write an address such as hello@epi-project.com (letters, digits, '.', '-', '_', '+' and one @; "
                      "nothing after the address)")
        return None
    return email


FIELDS = ("name", "short_name", "email", "website", "call", "grant_agreement", "start", "end", "social", "publisher")


def _publisher(entry: Entry, file: str, problems: Problems) -> Publisher | None:
    if entry.data.get("publisher") is None:
        entry.problem("publisher", "the publisher of the website is missing (the privacy notice must name it)",
                      "add a block 'publisher:' with 'name: ...', 'country: ...' (the two-letter ISO code, such "
                      "as RO) and 'email: ...' of the organisation responsible for the website")
        return None
    block = Entry(entry.data["publisher"], file, "publisher", problems)
    block.known_keys(("name", "country", "email"))
    name = block.text("name", example="PATRIR")
    country = block.text("country", example="RO")
    email = _email(block, "email")
    if country and country not in _COUNTRIES:
        block.problem("country", f"'{country}' is not a country code",
                      "write the two-letter ISO code in capitals, such as RO for Romania")
        country = None
    return Publisher(name, country, email) if name and country and email else None


def load_site_info(project: Project, problems: Problems) -> SiteInfo | None:
    file = "content/site.yml"
    data = read_yaml(project.content_dir / "site.yml", project.root, problems)
    entry = Entry(data, file, "site", problems)
    entry.known_keys(FIELDS)
    values = {key: entry.text(key) for key in FIELDS[:6] if key not in ("email", "website")}
    values["website"] = entry.web_address("website", required=True, example="https://www.epi-project.com/")
    values["email"] = _email(entry, "email")
    start, end = entry.date("start"), entry.date("end")
    channels = []
    social = entry.data.get("social") or []
    if not isinstance(social, list):  # 'social: 5' stopped the check with a traceback
        entry.problem("social", "'social' must be a list of channels",
                      "write each channel as '- name: Facebook' with its 'url: https://...' on the next line")
        social = []
    for index, raw in enumerate(social):
        channel = Entry(raw, file, f"social[{index}]", problems)
        channel.known_keys(("name", "url"))
        name = channel.text("name", example="Facebook")
        url = channel.web_address("url", example="https://www.facebook.com/...")
        if name:
            channels.append(Channel(name, url))
    publisher = _publisher(entry, file, problems)
    if None in values.values() or start is None or end is None or publisher is None:
        return None
    return SiteInfo(**values, start=start, end=end, social=tuple(channels), publisher=publisher)
