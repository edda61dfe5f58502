"""Place names as each language writes them (content/places.<lang>.yml).

Cities and statistical areas have a standard form in each language (Rīga and
Ryga, UE-27 and ES-27), while the official names of organisations stay as the
brochure gives them. The English file is the source the others translate:

    cities:          # partner id: the city's name
      riga: Riga
    areas:           # area code of content/charts/*.yml: its label
      EU-27: EU-27

A language without a name falls back to the English one, then to partners.yml.
"""

from __future__ import annotations

from dataclasses import dataclass

from .labels import LabelFiles, load_label_files
from .partners import Partner
from ..problems import Problems
from ..project import Project

SECTIONS = ("cities", "areas")


@dataclass
class Places:
    labels: LabelFiles
    default: str

    def _name(self, section: str, key: str, lang: str) -> str | None:
        for code in (lang, self.default):
            block = self.labels.data.get(code, {}).get(section)
            if isinstance(block, dict) and isinstance(block.get(key), str) and block[key].strip():
                return block[key].strip()
        return None

    def city(self, partner: Partner, lang: str) -> str | None:
        """The partner's city in ``lang``, or None when the brochure gives no city."""
        if not partner.city:
            return None
        return self._name("cities", partner.id, lang) or partner.city

    def partner_name(self, partner: Partner, lang: str) -> str:
        """A city partner named after its city takes the city's name in ``lang``; an official
        body (Comune di Ravenna) keeps its name."""
        if partner.city and partner.name == partner.city:
            return self.city(partner, lang) or partner.name
        return partner.name

    def area(self, code: str, lang: str) -> str:
        return self._name("areas", code, lang) or code


def load_places(project: Project, partners: list[Partner], partner_ids: set[str], areas: set[str],
                problems: Problems) -> Places:
    """``partner_ids`` holds every id declared, so that a partner with a wrong field is reported once."""
    labels = load_label_files(project, "places", problems)
    known = {"cities": partner_ids, "areas": areas}
    needed = {"cities": {p.id for p in partners if p.city}, "areas": areas}
    for lang, data in labels.data.items():
        file = labels.file(lang)
        for key in data:
            if key not in SECTIONS:
                problems.add(file, f"'{key}' is not a section of the place names", line=data.line_of(key),
                             fix="write the names under 'cities:' (by partner id) or 'areas:' (by area code)")
        for section in SECTIONS:
            block = data.get(section)
            if block is None:
                continue
            if not isinstance(block, dict):
                problems.add(file, f"'{section}' should hold 'key: name' lines", line=data.line_of(section),
                             fix=f"write each name on its own line under '{section}:', such as 'riga: Rīga'")
                continue
            for key, value in block.items():
                line = block.line_of(key)
                if key not in known[section]:
                    what = "the id of a partner" if section == "cities" else "an area of content/charts/"
                    problems.add(file, f"'{key}' is not {what}", line=line, where=f"{section}.{key}",
                                 fix=f"use one of: {', '.join(sorted(known[section]))}")
                elif not isinstance(value, str) or not value.strip():
                    problems.add(file, f"the name of '{key}' is empty or not text", line=line, where=f"{section}.{key}",
                                 fix=f"write the name as this language writes it, such as '{key}: {key.title()}'")
    english = labels.data.get(project.default_language, {})
    for section in SECTIONS:
        block = english.get(section) if isinstance(english, dict) else None
        missing = sorted(needed[section] - set(block if isinstance(block, dict) else ()))
        if missing and project.default_language in labels.data:
            problems.add(labels.file(project.default_language), f"no English name for {', '.join(missing)}",
                         where=section, fix=" and ".join(f"add '{key}: ...' under '{section}:'" for key in missing))
    return Places(labels, project.default_language)
