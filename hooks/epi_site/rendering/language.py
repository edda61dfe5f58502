"""One language of a build, as an object: made once per build language and handed to whatever renders.

Like mkdocs-static-i18n's ``current_language_config``, it carries what a renderer needs of its language
(the code and folder, the catalog, Babel's formats, the language's name), so that no renderer looks
up a catalog or makes a ``Formats`` of its own, and a language is never a bare code passed around.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.support import NullTranslations

from ..content.i18n import translations
from ..project import Project
from .render import Formats
from .urls import page_url


@dataclass(frozen=True, eq=False)
class Language:
    project: Project
    code: str
    translations: NullTranslations = field(repr=False)
    fmt: Formats = field(repr=False)

    @classmethod
    def of(cls, project: Project, code: str) -> Language:
        """The language as the catalogs on disk stand now (a site state makes one per load)."""
        return cls(project, code, translations(project, code), Formats(code))

    @property
    def is_default(self) -> bool:
        return self.code == self.project.default_language

    @property
    def prefix(self) -> str:
        """Its folder in the site ('' for the default language)."""
        return self.project.prefix(self.code)

    @property
    def own_name(self) -> str:
        """Its name in itself, as a reader looks for it in the switcher (Svenska, Polski)."""
        return self.project.language_name(self.code)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def url(self, key: str) -> str:
        """The address of page ``key`` in this language, from the site's root."""
        return page_url(self.project, key, self.code)

    def template_context(self) -> dict:
        """What every template of the generator reads of its language."""
        return {"lang": self.code, "fmt": self.fmt, "translations": self.translations}
