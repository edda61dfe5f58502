"""The project's settings, read from mkdocs.yml as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml
from babel import Locale


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its Python tags."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)

# MkDocs converts every page with these, first, whatever mkdocs.yml lists (its config's built-in ones).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class Project:
    root: Path
    site_url: str
    languages: tuple[str, ...]
    default_language: str
    feed_entries: int = 20
    # The Markdown extensions MkDocs converts docs/ with, and each one's options (see markdown_extensions).
    markdown_extensions: tuple = field(default=(), compare=False)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @cached_property
    def other_languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.languages if lang != self.default_language)

    def prefix(self, lang: str) -> str:
        """The folder of a language in the site ('' for the default one)."""
        return "" if lang == self.default_language else f"{lang}/"

    def language_name(self, lang: str) -> str:
        """The language's name in itself, as a reader looks for it (Svenska, Polski)."""
        return _own_name(lang)

    def absolute(self, url: str) -> str:
        return self.site_url + url.lstrip("/")


@lru_cache(maxsize=64)
def _own_name(lang: str) -> str:
    """Every page's switcher names every language: read from CLDR once, not thousands of times."""
    name = Locale.parse(lang).get_display_name(lang)
    return name[:1].upper() + name[1:]


def load_project(root: Path | str, config_file: str = "mkdocs.yml") -> Project:
    root = Path(root).resolve()
    data = yaml.load((root / config_file).read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506
    i18n = next(
        (p["i18n"] for p in data.get("plugins", []) if isinstance(p, dict) and "i18n" in p),
        None,
    )
    if not i18n:
        raise ValueError(f"{config_file} has no i18n plugin with its languages")
    languages = [entry["locale"] for entry in i18n["languages"]]
    default = next(entry["locale"] for entry in i18n["languages"] if entry.get("default"))
    ordered = (default, *(lang for lang in languages if lang != default))
    site_url = data["site_url"].rstrip("/") + "/"
    extra = data.get("extra") or {}
    return Project(root, site_url, ordered, default, int(extra.get("feed_entries", 20)),
                   markdown_extensions(data.get("markdown_extensions")))


def markdown_extensions(entries) -> tuple[tuple[str, dict], ...]:
    """(name, options) of each extension MkDocs converts the pages of docs/ with, in its order: the
    built-in ones, then those mkdocs.yml lists, each once, with the options mkdocs.yml gives it."""
    options: dict[str, dict] = {name: {} for name in MKDOCS_BUILTIN_EXTENSIONS}
    for entry in entries or ():
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        options[name] = dict(settings or {})
    return tuple(options.items())
