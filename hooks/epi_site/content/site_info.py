"""The project's own facts (content/site.yml): contact, funding, channels, and the publisher the legal pages
name, with the decisions about it that only the partnership can take (the check warns of each)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .fields import Entry
from ..problems import Problems
from ..project import Project
from ..safety.urls import EMAIL
from .sources import read_yaml


@dataclass(frozen=True)
class Channel:
    name: str
    url: str | None


@dataclass(frozen=True)
class Authority:
    """A data protection supervisory authority (GDPR Art. 51), by its official name in its own language."""

    name: str
    short: str  # the abbreviation the authority uses for itself ("" when it uses none)
    lang: str  # the language of its official name, for screen readers
    url: str


# The supervisory authority of each partner's country, competent for a controller established there
# (GDPR Art. 55 and 77): one table, read by the privacy notice and the check. Only names and addresses
# the authorities publish themselves; a country not here is reported by the check, never guessed.
# Germany has no single authority for a private body: that of the Land (federal state) in which the
# body is established is competent, so the table cannot name it (None).
AUTHORITIES: dict[str, Authority | None] = {
    "RO": Authority("Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal", "ANSPDCP",
                    "ro", "https://www.dataprotection.ro/"),
    "IT": Authority("Garante per la protezione dei dati personali", "", "it", "https://www.garanteprivacy.it/"),
    "ES": Authority("Agencia Española de Protección de Datos", "AEPD", "es", "https://www.aepd.es/"),
    "DE": None,
    "SE": Authority("Integritetsskyddsmyndigheten", "IMY", "sv", "https://www.imy.se/"),
    "PL": Authority("Prezes Urzędu Ochrony Danych Osobowych", "UODO", "pl", "https://uodo.gov.pl/"),
    "LV": Authority("Datu valsts inspekcija", "DVI", "lv", "https://www.dvi.gov.lv/"),
    "EE": Authority("Andmekaitse Inspektsioon", "AKI", "et", "https://www.aki.ee/"),
}


def authority_for(country: str | None) -> Authority | None:
    """The supervisory authority competent for a controller established in ``country``, if the table names one."""
    return AUTHORITIES.get(country or "")


@dataclass(frozen=True)
class Decision:
    """A fact about the publisher that only the partnership can give, still open: where, and what to do."""

    key: str
    line: int | None
    message: str
    fix: str


@dataclass(frozen=True)
class Publisher:
    """Who publishes the website: the controller a privacy notice must name (GDPR Art. 13(1)(a)), the
    publisher JSON-LD names and the body that makes the accessibility statement.

    ``address`` is None and ``dpo`` is None (not stated) until the partnership gives them; ``confirmed``
    stays False until it has checked every field: the deployment refuses to publish until then."""

    name: str
    country: str
    email: str
    address: tuple[str, ...] | None = None  # the postal address, line by line
    dpo: bool | None = None  # has a data protection officer been designated (GDPR Art. 37)?
    dpo_email: str | None = None
    public_sector_body: bool | None = None  # Directive (EU) 2016/2102, Art. 3(1)
    feedback_days: int | None = None  # the longest reply time to accessibility feedback, in working days
    confirmed: bool = False
    decisions: tuple[Decision, ...] = ()  # what is still open, for the check and the status page

    @property
    def authority(self) -> Authority | None:
        return authority_for(self.country)


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


PUBLISHER_FIELDS = ("name", "address", "email", "country", "dpo", "dpo_email", "public_sector_body",
                    "feedback_days", "confirmed")


def _tri_state(block: Entry, key: str) -> bool | None:
    """true, false, or nothing yet (None): a fact the partnership has not stated."""
    value = block.data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, bool):
        block.problem(key, f"'{key}' must be true or false",
                      f"write '{key}: true' or '{key}: false', or leave it empty until the partnership decides")
        return None
    return value


def _address(block: Entry) -> tuple[str, ...] | None:
    """The postal address as lines: one line with commas, or a YAML block (``address: |``) of lines."""
    text = block.text("address", required=False, example="Street 1, 400000 Town, Country")
    if text is None:
        return None
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def open_decisions(publisher: Publisher, block: Entry) -> tuple[Decision, ...]:
    """Every fact about the publisher that is still the partnership's to give (the check warns of each)."""
    found = []
    if publisher.address is None:
        found.append(Decision("address", block.line_of("address"), "the publisher's postal address is missing "
                              "(the privacy notice must give it, GDPR Art. 13(1)(a))",
                              "write the postal address of the publisher as 'address: Street 1, 400000 Town, "
                              "Country' (the brochure gives none)"))
    if publisher.dpo is None:
        found.append(Decision("dpo", block.line_of("dpo"), "whether the publisher has designated a data protection "
                              "officer is not stated (GDPR Art. 13(1)(b))",
                              "write 'dpo: false' if it has not, or 'dpo: true' with 'dpo_email: ...' if it has"))
    if publisher.public_sector_body is None:
        found.append(Decision("public_sector_body", block.line_of("public_sector_body"), "whether the publisher is "
                              "a public sector body (Directive (EU) 2016/2102, Art. 3(1)) is not stated",
                              "write 'public_sector_body: false' (the accessibility statement says that the "
                              "Directive does not apply because the publisher is not one)"))
    if publisher.feedback_days is None:
        found.append(Decision("feedback_days", block.line_of("feedback_days"), "the time within which the "
                              "publisher answers accessibility feedback is not stated",
                              "write the number of working days the publisher commits to, such as "
                              "'feedback_days: 10'"))
    if publisher.authority is None:
        found.append(Decision("country", block.line_of("country"), "the table of supervisory authorities names "
                              f"no single authority for '{publisher.country}', so the privacy notice names none",
                              "a maintainer adds the competent authority to AUTHORITIES in "
                              "hooks/epi_site/content/site_info.py (in Germany, that of the Land)"))
    if not publisher.confirmed:
        found.append(Decision("confirmed", block.line_of("confirmed") or block.line, "the partnership has not yet "
                              "confirmed the publisher: the website is not deployed until it has",
                              "once the partnership has checked the legal name, postal address, contact address, "
                              "country, data protection officer, that it is not a public sector body, and the "
                              "feedback reply time, write 'confirmed: true'"))
    return tuple(found)


def _publisher(entry: Entry, file: str, problems: Problems) -> Publisher | None:
    if entry.data.get("publisher") is None:
        entry.problem("publisher", "the publisher of the website is missing (the privacy notice must name it)",
                      "add a block 'publisher:' with 'name: ...', 'country: ...' (the two-letter ISO code, such "
                      "as RO) and 'email: ...' of the organisation responsible for the website")
        return None
    block = Entry(entry.data["publisher"], file, "publisher", problems)
    before = len(problems)
    block.known_keys(PUBLISHER_FIELDS)
    name = block.text("name", example="PATRIR")
    country = block.country("country", example="RO")
    email = _email(block, "email")
    address = _address(block)
    dpo, dpo_email = _dpo(block)
    public_sector_body = _public_sector_body(block)
    days = _feedback_days(block)
    confirmed = _confirmed(block)
    if not (name and country and email) or len(problems) > before:
        return None
    return _decided(Publisher(name, country, email, address, dpo, dpo_email, public_sector_body, days, confirmed),
                    block)


def _dpo(block: Entry) -> tuple[bool | None, str | None]:
    """Whether a data protection officer is designated, and their address: the two must agree."""
    dpo = _tri_state(block, "dpo")
    dpo_email = _email(block, "dpo_email") if block.data.get("dpo_email") not in (None, "") else None
    if dpo is True and not dpo_email:
        block.problem("dpo_email", "a data protection officer is designated but their contact is missing "
                      "(GDPR Art. 13(1)(b))", "add a line 'dpo_email: ...' with the officer's address")
    if dpo is not True and dpo_email:
        block.problem("dpo_email", "a data protection officer's address is given, but 'dpo' does not say that one "
                      "is designated", "write 'dpo: true', or remove the line 'dpo_email'")
    return dpo, dpo_email


def _public_sector_body(block: Entry) -> bool | None:
    value = _tri_state(block, "public_sector_body")
    if value:
        block.problem("public_sector_body", "the accessibility statement says that Directive (EU) 2016/2102 does "
                      "not apply because the publisher is not a public sector body",
                      "if the publisher is a public sector body, rewrite the statement's enforcement procedure "
                      "(docs/accessibility.*.md) with the body of its Member State, then change this line")
    return value


def _feedback_days(block: Entry) -> int | None:
    days = block.data.get("feedback_days")
    if days is not None and (isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 30):
        block.problem("feedback_days", f"'{days}' is not a number of working days",
                      "write the longest time the publisher takes to answer accessibility feedback, such as "
                      "'feedback_days: 10' (between 1 and 30 working days)")
        return None
    return days


def _confirmed(block: Entry) -> bool:
    confirmed = block.data.get("confirmed", False)
    if not isinstance(confirmed, bool):
        block.problem("confirmed", "'confirmed' must be true or false",
                      "write 'confirmed: false' until the partnership has confirmed the publisher, then 'true'")
        return False
    return confirmed


def _decided(publisher: Publisher, block: Entry) -> Publisher | None:
    """The publisher with its open decisions, each a warning; None when it is confirmed with any still open."""
    decisions = open_decisions(publisher, block)
    if publisher.confirmed:
        # Confirmed means complete: a notice that goes live must give every fact.
        for decision in decisions:
            block.problem(decision.key, f"'confirmed: true', but {decision.message}", decision.fix)
        if decisions:
            return None
    for decision in decisions:
        block.problems.warn(block.file, decision.message, line=decision.line, where=f"publisher.{decision.key}",
                            fix=decision.fix)
    return replace(publisher, decisions=decisions)


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
