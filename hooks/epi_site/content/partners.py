"""The partners of EPI (content/partners.yml and content/partners/<id>.<lang>.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from babel import Locale

from .fields import Entry, list_of
from ..problems import Problems
from ..project import Project
from .sources import read_yaml, rel
from .texts import read_markdown, read_text_sets
from .translations import TextSet, in_language

ROLES = ("coordinator", "co-coordinator", "city", "technical-partner")
FIELDS = ("id", "role", "name", "country", "city", "website")
# The front matter of a partner's text: a photo in the English text, its description in every language.
TEXT_FIELDS = ("image", "image_alt")
TRANSLATION_FIELDS = ("image_alt", "translated_from")


def partner_key(pid: str) -> str:
    """The page of the partner with the id ``pid``."""
    return f"partners/{pid}"


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
    image: str | None = None  # a path in docs/, such as assets/riga.jpg
    image_alts: dict = field(default_factory=dict, compare=False, hash=False)

    def image_alt(self, lang: str, default: str) -> str:
        """What the photo shows, in ``lang``, or in ``default`` when that translation does not say."""
        return self.image_alts.get(lang) or self.image_alts.get(default, "")

    @property
    def page_key(self) -> str:
        return partner_key(self.id)

    def text(self, lang: str, default: str) -> tuple[str, str]:
        """The partner's short text in ``lang``, or in ``default`` when untranslated."""
        return in_language(self.texts, lang, default, "")


def load_partners(project: Project, problems: Problems) -> tuple[list[Partner], set[str]]:
    """The valid partners, and every id declared (so one wrong field is reported once, not again
    by each page that names the partner)."""
    file = "content/partners.yml"
    data = read_yaml(project.content_dir / "partners.yml", project.root, problems)
    sets = read_text_sets(project, project.content_dir / "partners", "partner", problems)
    partners: list[Partner] = []
    seen: dict[str, int | None] = {}
    for index, raw in enumerate(list_of(data, file, problems, "partners")):
        partner = _partner(project, Entry(raw, file, f"partners[{index}]", problems), sets, seen)
        if partner is not None:
            partners.append(partner)
    for key, text_set in sets.items():
        if key not in seen:
            some = next(iter(text_set.files.values()))
            problems.add(rel(some, project.root), f"there is no partner with the id '{key}' in content/partners.yml",
                         fix="rename the file after a partner's id, or add the partner to content/partners.yml")
    return partners, set(seen)


def _partner(project: Project, entry: Entry, sets: dict[str, TextSet], seen: dict[str, int | None]) -> Partner | None:
    """One entry of content/partners.yml, with its texts; its id goes into ``seen`` (with its line) even
    when another of its fields is wrong."""
    entry.known_keys(FIELDS)
    pid = entry.slug("id")
    if pid:
        entry.where = f"partner '{pid}'"
    role = entry.choice("role", ROLES)
    name = entry.text("name", example="Pro Arbeit")
    country = entry.country("country", example="DE")
    city = entry.text("city", required=False)
    website = entry.web_address("website", example="https://www.pro-arbeit.de/")
    if pid in seen:
        entry.problem("id", f"the id '{pid}' is used twice (first on line {seen[pid]})",
                      "give each partner its own id")
        return None
    if pid:
        seen[pid] = entry.line_of("id")
    if not (pid and role and name and country):
        return None
    text_set = sets.get(pid)
    texts, image, image_alts = _texts(project, entry, pid, text_set)
    return Partner(pid, role, name, country, city, website, texts, text_set, image, image_alts)


def _texts(project: Project, entry: Entry, pid: str, text_set: TextSet | None) -> tuple[dict, str | None, dict]:
    """(the texts by language, the photo, its descriptions by language) of a partner's Markdown files."""
    default = project.default_language
    texts, image, image_alts = {}, None, {}
    if text_set is None or default not in text_set.files:
        entry.problem("id", f"partner '{pid}' has no English text",
                      f"write a short text in content/partners/{pid}.{default}.md")
        return texts, image, image_alts
    for lang, path in text_set.files.items():
        meta, body, _ = read_markdown(path, project, entry.problems)
        image_alts[lang], found = _front_matter(project, meta, rel(path, project.root), lang, pid, entry.problems)
        image = found if lang == default else image
        if body.strip():
            texts[lang] = body.strip()
        else:
            entry.problems.add(rel(path, project.root), "this text is empty",
                               fix="write the partner's short text, or delete the file")
    return texts, image, {lang: alt for lang, alt in image_alts.items() if alt}


def _front_matter(project: Project, meta, file: str, lang: str, pid: str, problems: Problems):
    """(image_alt, image) of one partner text's front matter; every other field is refused, so that
    nothing written there is silently ignored."""
    entry = Entry(meta if isinstance(meta, dict) else {}, file, "front matter", problems)
    english = lang == project.default_language
    if english:
        entry.known_keys(TEXT_FIELDS)
    else:
        for key in entry.data:
            if key == "image":
                entry.problem(key, "'image' belongs in the English file only",
                              f"delete this line; the photo is taken from content/partners/{pid}.{project.default_language}.md")
            elif key not in TRANSLATION_FIELDS:
                entry.problem(str(key), f"'{key}' is not a field of a partner's text",
                              f"the fields are: {', '.join(TRANSLATION_FIELDS)}")
    image, image_alt = entry.image(project.docs_dir, noun="photo", read=english, place_fix=(
        "put the photo in docs/assets/ and write its path from docs/, such as 'image: assets/riga.jpg'"))
    return image_alt, image


def country_name(code: str, lang: str) -> str:
    """The country's name in the page's language, from Babel's CLDR data."""
    return Locale.parse(lang).territories.get(code, code)
