"""Keeping the gettext catalogs in step with the templates and code (``tools/dev.py extract``)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import write_po

from .i18n import TEMPLATE, po_path, read_catalog
from ..project import Project

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
# A fixed date keeps the catalogs' headers the same from one run to the next.
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true", "newstyle_gettext": "true"}


def sources(project: Project) -> list[tuple[Path, str]]:
    package = project.root / "hooks" / "epi_site"
    found = [(path, "python") for path in sorted(package.rglob("*.py"))]
    for folder in (package / "rendering" / "templates", project.root / "overrides"):
        found += [(path, "jinja2") for path in sorted(folder.rglob("*")) if path.suffix in (".html", ".txt")]
    return found


def extract(project: Project) -> Catalog:
    catalog = Catalog(project="EPI website", version="1", copyright_holder="European Pact for Integration",
                      creation_date=FIXED_DATE, revision_date=FIXED_DATE, fuzzy=False, charset="utf-8")
    for path, method in sources(project):
        function = "python" if method == "python" else "jinja2.ext:babel_extract"
        options = {} if method == "python" else JINJA_OPTIONS
        for lineno, message, comments, context in extract_from_file(function, str(path), keywords=KEYWORDS,
                                                                    options=options, strip_comment_tags=True):
            catalog.add(message, None, [(path.relative_to(project.root).as_posix(), lineno)],
                        auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path) -> bool:
    buffer = io.BytesIO()
    # File names without line numbers: a code change elsewhere in a file does not touch the catalogs.
    write_po(buffer, catalog, width=100, sort_output=True, ignore_obsolete=True, include_previous=False,
             include_lineno=False)
    data = buffer.getvalue()
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def update(project: Project) -> list[str]:
    """Write the template and merge it into each language's catalog; return what changed."""
    template = extract(project)
    changed = []
    if _write(template, project.locales_dir / TEMPLATE):
        changed.append(TEMPLATE)
    for lang in project.other_languages:
        path = po_path(project, lang)
        if path.exists():
            catalog = read_catalog(path, lang)
        else:
            catalog = Catalog(locale=lang, project="EPI website", version="1", creation_date=FIXED_DATE,
                              revision_date=FIXED_DATE, fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.revision_date = FIXED_DATE
        catalog.language_team = f"{project.language_name(lang)} <{lang}@li.org>"
        catalog.last_translator = "EPI communication team"
        if _write(catalog, path):
            changed.append(path.name)
    return changed
