"""The gettext catalogs: the template matches the strings that templates and code use, and every
language's catalog is complete."""

from __future__ import annotations

from babel.messages.pofile import read_po

from conftest import ROOT
from epi_site.content.catalogs import extract
from epi_site.content.i18n import check_catalogs
from epi_site.problems import Problems
from epi_site.project import load_project

PROJECT = load_project(ROOT)


def test_the_template_holds_exactly_the_strings_in_use():
    with (ROOT / "locales/messages.pot").open("rb") as handle:
        stored = {m.id for m in read_po(handle) if m.id}
    used = {m.id for m in extract(PROJECT) if m.id}
    assert used - stored == set(), "run: python3 tools/dev.py extract"
    assert stored - used == set(), "run: python3 tools/dev.py extract"
    assert len(used) > 90


def test_every_language_has_a_complete_catalog():
    problems = Problems()
    check_catalogs(PROJECT, problems)
    assert not problems, problems.report()
    for lang in PROJECT.other_languages:
        assert (ROOT / "locales" / f"{lang}.po").exists()


def test_plural_forms_come_from_babels_locale_data():
    for lang, forms in {"sv": 2, "de": 2, "pl": 3, "ro": 3, "lv": 3}.items():
        with (ROOT / "locales" / f"{lang}.po").open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        assert catalog.num_plurals == forms
        plural = next(m for m in catalog if isinstance(m.id, tuple))
        assert len(plural.string) == forms and all(plural.string)


def _catalog_problems(root) -> list:
    problems = Problems()
    check_catalogs(load_project(root), problems)
    return problems.items


def test_a_translation_of_a_string_no_longer_used_is_named_not_a_crash(scratch):
    """A string removed from the templates leaves its translation behind (the check crashed on it)."""
    with (scratch / "locales" / "sv.po").open("a", encoding="utf-8") as po:
        po.write('\nmsgid "A string nobody uses"\nmsgstr "En sträng som ingen använder"\n')
    found = [p for p in _catalog_problems(scratch) if "no longer used" in p.message]
    assert len(found) == 1 and found[0].file == "locales/sv.po" and found[0].line
    assert "'A string nobody uses'" in found[0].message and "tools/dev.py extract" in found[0].fix


def test_an_obsolete_entry_is_left_alone(scratch):
    with (scratch / "locales" / "sv.po").open("a", encoding="utf-8") as po:
        po.write('\n#~ msgid "An old string"\n#~ msgstr "En gammal sträng"\n')
    assert not [p for p in _catalog_problems(scratch) if "no longer used" in p.message]
