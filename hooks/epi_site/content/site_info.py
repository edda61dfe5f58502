"""The project's own facts (content/site.yml): contact, funding, channels."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .fields import Entry
from .problems import Problems
from ..project import Project
from .sources import read_yaml


@dataclass(frozen=True)
class Channel:
    name: str
    url: str | None


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


FIELDS = ("name", "short_name", "email", "website", "call", "grant_agreement", "start", "end", "social")


def load_site_info(project: Project, problems: Problems) -> SiteInfo | None:
    file = "content/site.yml"
    data = read_yaml(project.content_dir / "site.yml", project.root, problems)
    entry = Entry(data, file, "site", problems)
    entry.known_keys(FIELDS)
    values = {key: entry.text(key) for key in FIELDS[:6]}
    start, end = entry.date("start"), entry.date("end")
    channels = []
    for index, raw in enumerate(entry.data.get("social") or []):
        channel = Entry(raw, file, f"social[{index}]", problems)
        channel.known_keys(("name", "url"))
        name = channel.text("name", example="Facebook")
        url = channel.text("url", required=False)
        if url and not url.startswith("https://"):
            channel.problem("url", f"'{url}' is not a web address", "write the full address, starting with https://")
            url = None
        if name:
            channels.append(Channel(name, url))
    if None in values.values() or start is None or end is None:
        return None
    return SiteInfo(**values, start=start, end=end, social=tuple(channels))
