"""The partners of EPI (content/partners.yml and content/partners/<id>.<lang>.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale

from .fields import Entry, list_of
from .problems import Problems
from ..project import Project
from .sources import read_yaml, rel
from .texts import read_markdown, text_sets
from .translations import TextSet, in_language

ROLES = ("coordinator", "co-coordinator", "city", "technical-partner")
FIELDS = ("id", "role", "name", "country", "city", "website")
_COUNTRIES = frozenset(code for code in Locale("en").territories if code.isalpha() and len(code) == 2)


@dataclass(frozen=True)
class Partner:
    id: str
    role: str
    name: str
    country: str
    city: str | None = None
    website: str | None = None
    texts: dict = field(default_factory=dict, compare=False, hash=False)
    text_set: TextSet | None = field(default=None, compare=False, hash=False)

    def text(self, lang: str, default: str) -> tuple[str, str]:
        """The partner's short text in ``lang``, or in ``default`` when untranslated."""
        return in_language(self.texts, lang, default, "")


def load_partners(project: Project, problems: Problems) -> tuple[list[Partner], set[str]]:
    """The valid partners, and every id declared (so one wrong field is reported once, not again
    by each page that names the partner)."""
    file = "content/partners.yml"
    data = read_yaml(project.content_dir / "partners.yml", project.root, problems)
    sets = text_sets(project, project.content_dir / "partners", "partner", problems)
    partners: list[Partner] = []
    seen: dict[str, int | None] = {}
    for index, raw in enumerate(list_of(data, file, problems, "partners")):
        entry = Entry(raw, file, f"partners[{index}]", problems)
        entry.known_keys(FIELDS)
        pid = entry.slug("id")
        if pid:
            entry.where = f"partner '{pid}'"
        role = entry.choice("role", ROLES)
        name = entry.text("name", example="Pro Arbeit")
        country = entry.text("country", example="DE")
        if country and country not in _COUNTRIES:
            entry.problem("country", f"'{country}' is not a country code",
                          "write the two-letter ISO code in capitals, such as DE for Germany or SE for Sweden")
            country = None
        city = entry.text("city", required=False)
        website = entry.text("website", required=False)
        if website and not website.startswith(("https://", "http://")):
            entry.problem("website", f"'{website}' is not a web address", "write the full address, starting with https://")
            website = None
        if pid in seen:
            entry.problem("id", f"the id '{pid}' is used twice (first on line {seen[pid]})",
                          "give each partner its own id")
            continue
        if pid:
            seen[pid] = entry.line_of("id")
        if not (pid and role and name and country):
            continue
        texts = {}
        text_set = sets.get(pid)
        if text_set is None or project.default_language not in text_set.files:
            entry.problem("id", f"partner '{pid}' has no English text",
                          f"write a short text in content/partners/{pid}.{project.default_language}.md")
        else:
            for lang, path in text_set.files.items():
                _, body, _ = read_markdown(path, project, problems)
                if body.strip():
                    texts[lang] = body.strip()
                else:
                    problems.add(rel(path, project.root), "this text is empty", fix="write the partner's short text, or delete the file")
        partners.append(Partner(pid, role, name, country, city, website, texts, text_set))
    for key, text_set in sets.items():
        if key not in seen:
            some = next(iter(text_set.files.values()))
            problems.add(rel(some, project.root), f"there is no partner with the id '{key}' in content/partners.yml",
                         fix="rename the file after a partner's id, or add the partner to content/partners.yml")
    return partners, set(seen)


def country_name(code: str, lang: str) -> str:
    """The country's name in the page's language, from Babel's CLDR data."""
    return Locale.parse(lang).territories.get(code, code)
