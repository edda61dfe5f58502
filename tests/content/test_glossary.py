"""The glossary of key terms (content/glossary.yml): its own checks, and the warnings it gives
where a translation does not use its language's term."""

from __future__ import annotations

import unicodedata

import pytest

from conftest import ROOT
from epi_site import check
from epi_site.content.glossary import load_glossary, comparable as _normal
from epi_site.content.loading import load_content
from epi_site.problems import Problems
from epi_site.project import load_project

PROJECT = load_project(ROOT)


def glossary():
    problems = Problems()
    terms = {t.id: t for t in load_glossary(PROJECT, problems)}
    assert not problems, [str(p) for p in problems]
    return terms


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def warnings_of(root):
    content, problems = load_content(load_project(root))
    assert not problems and content is not None, "a warning never stops the build"
    return problems.warning_list()


def test_every_key_term_has_a_rendering_in_every_language():
    terms = glossary()
    assert {"city-integration-strategies", "intercultural-review", "policy-co-design", "technical-partner", "fund",
            "fund-acronym", "third-country-nationals", "grant-agreement"} <= set(terms)
    for term in terms.values():
        assert set(term.renderings) == set(PROJECT.other_languages), term.id
    assert terms["fund-acronym"].renderings["it"].write == "FAMI"
    assert terms["fund-acronym"].renderings["lv"].write == "PMIF"
    assert terms["fund"].renderings["pl"].write == "Fundusz Azylu, Migracji i Integracji (FAMI)"


@pytest.mark.parametrize("term, lang, text", [
    ("city-integration-strategies", "pl", "Testowanie miejskich strategii integracji"),
    ("city-integration-strategies", "pl", "swoją miejską strategię integracji"),
    ("intercultural-review", "pl", "wyniki przeglądu międzykulturowego"),
    ("intercultural-review", "lv", "starpkultūru izvērtējuma rezultāti"),
    ("third-country-nationals", "lv", "trešo valstu valstspiederīgajiem"),
    ("grant-agreement", "de", "im Rahmen der Finanzhilfevereinbarung Nr. 863614"),
    ("fund", "ro", "Fondul pentru azil, migrație și integrare"),
    ("city-integration-strategies", "it", "le Strategie di integrazione cittadine"),
])
def test_inflected_forms_count_as_the_term(term, lang, text):
    rendering = glossary()[term].renderings[lang]
    assert rendering.used_in(_normal(text))
    assert rendering.used_in(_normal(unicodedata.normalize("NFD", text.upper()))), "case and Unicode form do not matter"


def test_other_words_do_not_count_as_the_term():
    terms = glossary()
    assert not terms["third-country-nationals"].renderings["sv"].used_in(_normal("medborgare i länder utanför EU"))
    assert not terms["fund-acronym"].renderings["it"].used_in(_normal("il fondo (AMIF)"))
    assert not terms["fund-acronym"].in_english(_normal("the call AMIF-2018-AG-INTE-1")), "a call's code is not the acronym"
    assert terms["fund-acronym"].in_english(_normal("the fund (AMIF) under"))


def test_a_translation_without_the_term_gets_a_warning(scratch):
    path = scratch / "docs/background.sv.md"
    assert not [w for w in warnings_of(scratch) if w.file == "docs/background.sv.md"]
    edit(path, "det vill säga tredjelandsmedborgare", "det vill säga medborgare i länder utanför EU")
    found = [w for w in warnings_of(scratch) if w.file == "docs/background.sv.md"]
    assert len(found) == 1
    assert "third-country nationals" in found[0].message and "Swedish" in found[0].message
    assert "tredjelandsmedborgare" in found[0].fix and "content/glossary.yml" in found[0].fix


def test_a_label_file_entry_without_the_term_gets_a_warning_on_its_line(scratch):
    path = scratch / "content/timeline.pl.yml"
    edit(path, "title: Testowanie miejskich strategii integracji", "title: Testowanie strategii miast")
    found = [w for w in warnings_of(scratch) if w.file == "content/timeline.pl.yml"]
    assert len(found) == 1
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text == "  testing:")
    assert found[0].line == line and found[0].where.startswith("phases.testing")
    assert "miejskie strategie integracji" in found[0].fix


def test_a_text_whose_english_lacks_the_term_is_not_warned(scratch):
    edit(scratch / "docs/background.en.md", "third-country nationals", "nationals of countries outside the EU")
    edit(scratch / "docs/background.sv.md", "det vill säga tredjelandsmedborgare", "det vill säga medborgare utanför EU")
    assert not [w for w in warnings_of(scratch) if w.file == "docs/background.sv.md"]


def test_the_check_prints_warnings_after_problems_as_github_annotations(scratch, capsys):
    edit(scratch / "docs/background.sv.md", "det vill säga tredjelandsmedborgare", "det vill säga medborgare utanför EU")
    assert check.main(["--root", str(scratch), "--format", "github", "--no-status"]) == 0
    out = capsys.readouterr().out
    annotations = [line for line in out.splitlines() if line.startswith("::warning file=docs/background.sv.md")]
    assert len(annotations) == 1 and "tredjelandsmedborgare" in annotations[0]
    assert out.index("No problems found") < out.index(annotations[0])
    # A real problem is printed first, and the warnings still follow it.
    edit(scratch / "content/partners.yml", "country: LV\n  city: Riga", "country: XY\n  city: Riga")
    assert check.main(["--root", str(scratch), "--no-status"]) == 1
    out = capsys.readouterr().out
    assert out.index("'XY' is not a country code") < out.index("docs/background.sv.md (glossary: third-country-nationals)")


@pytest.mark.parametrize("old, new, message, fix", [
    ("  lv: PMIF\n", "  lv: PMIF\n  fr: FAMI\n", "'fr' is not a language of the site", "lv"),
    ("  english: [AMIF]\n", "", "'fund-acronym.english' should be a list", "form"),
    ("  english: [AMIF]\n", "  english: []\n", "'fund-acronym.english' should be a list", "form"),
    ("    write: bidragsavtal\n", "    writ: bidragsavtal\n", "the rendering 'grant-agreement.sv' has no 'write:'", "write:"),
    ("    accept: [bidragsavtal*]\n", "    accept: [bidragsavtal*]\n    note: x\n    hint: y\n",
     "'hint' is not a field of a rendering", "write, note, accept"),
    # A form's cost is its length times each text's: 60,000 words hung the check.
    ("  english: [AMIF]\n", "  english: [" + "fund " * 60_000 + "]\n", "is too long for a term (60,000 words", "short phrase"),
    ("  english: [AMIF]\n", "  english: [" + "x" * 151 + "]\n", "151 characters; the limit is 12 words and 150", "phrase"),
])
def test_glossary_mistakes_are_problems_with_what_to_write(scratch, old, new, message, fix):
    edit(scratch / "content/glossary.yml", old, new)
    content, problems = load_content(load_project(scratch))
    found = [p for p in problems if message in p.message]
    assert found, [str(p) for p in problems]
    assert found[0].file == "content/glossary.yml" and found[0].line and fix in found[0].fix
    assert content is None


def test_a_term_without_a_rendering_in_a_language_is_a_warning_that_says_what_is_unchecked(scratch):
    # A new language arrives before its terminologist: the site builds, and the check says what it cannot check yet.
    edit(scratch / "content/glossary.yml", "  lv: PMIF\n", "")
    content, problems = load_content(load_project(scratch))
    assert content is not None and not problems
    problems = Problems()
    terms = {t.id: t for t in load_glossary(load_project(scratch), problems)}
    assert not problems
    found = [w for w in problems.warning_list() if "has no rendering in Latvian (lv)" in w.message]
    assert found and found[0].file == "content/glossary.yml" and found[0].line and "lv:" in found[0].fix
    assert "not checked" in found[0].message
    term = terms["fund-acronym"]
    assert "lv" not in term.renderings and term.renderings["sv"].write


def test_a_glossary_that_is_not_a_mapping_is_a_problem(scratch):
    (scratch / "content/glossary.yml").write_text("- AMIF\n- FAMI\n", encoding="utf-8")
    problems = list(load_content(load_project(scratch))[1])
    assert any(p.file == "content/glossary.yml" and "'term-id:' entries" in p.message and p.fix for p in problems)


# --- forms a language does not write ------------------------------------------------------------

@pytest.mark.parametrize("term, lang, form", [
    ("technical-partner", "de", "Fachpartner"), ("policy-co-design", "ro", "co-proiectare"),
    ("co-coordinator", "ro", "co-coordonator"), ("indicative", "sv", "preliminära"),
    ("indicative", "de", "vorläufig"), ("ravenna", "es", "Ravenna"), ("habitual-residence", "sv", "vanliga vistelseort"),
    ("contact-us", "pl", "Skontaktuj się z nami"), ("scientific-committee", "lv", "Zinātnisko komiteju"),
    ("news", "de", "Neuigkeiten"), ("news", "de", "Meldungen"),
])
def test_each_language_avoids_the_forms_the_glossary_replaces(term, lang, form):
    rendering = glossary()[term].renderings[lang]
    assert any(p.search(form) for p in rendering.avoid), f"{form!r} is not avoided in {lang}"
    assert not any(p.search(rendering.write) for p in rendering.avoid), "the form to write is not avoided"


def test_the_latvian_committee_is_lower_case_and_only_upper_case_is_avoided():
    avoid = glossary()["scientific-committee"].renderings["lv"].avoid
    assert not any(p.search("Eiropas Padomi un zinātnisko komiteju") for p in avoid)


def test_the_sites_texts_and_catalogs_write_no_avoided_form():
    assert not [str(w) for w in warnings_of(ROOT) if "is not the" in w.message]
    texts = {"locales/de.po": ("Fachpartner", "Neuigkeiten", "vorläufig"), "locales/sv.po": ("preliminär",),
             "locales/ro.po": ("Co-coordonator",), "locales/pl.po": ("Skontaktuj",),
             "docs/approach.lv.md": ("Zinātnisko komiteju",), "docs/privacy.sv.md": ("vistelseort",),
             "content/partners/ravenna.es.md": ("Ravenna ",), "docs/goals.ro.md": ("co-proiect", "Co-proiect"),
             "docs/contact.de.md": ("Meldung",), "content/newsletter/2020-q1.de.md": ("Meldung",)}
    for file, forms in texts.items():
        text = (ROOT / file).read_text(encoding="utf-8")
        assert not [f for f in forms if f in text], file


@pytest.mark.parametrize("file, lang, old, new, term", [
    ("locales/de.po", "de", 'msgstr "Technischer Partner"', 'msgstr "Fachpartner"', "technical-partner"),
    ("docs/approach.sv.md", "sv", "under faserna är vägledande.", "under faserna är preliminära.", "indicative"),
    ("content/partners/ravenna.es.md", "es", "Rávena fue", "Ravenna fue", "ravenna"),
    ("content/timeline.ro.yml", "ro", "title: Procese de coproiectare", "title: Procese de co-proiectare",
     "policy-co-design"),
    ("docs/approach.lv.md", "lv", "zinātnisko komiteju", "Zinātnisko komiteju", "scientific-committee"),
])
def test_an_avoided_form_gets_a_warning_naming_file_line_and_what_to_write(scratch, file, lang, old, new, term):
    path = scratch / file
    edit(path, old, new)
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if new in text)
    found = [w for w in warnings_of(scratch) if w.where == f"glossary: {term}" and "is not the" in w.message]
    assert len(found) == 1, [str(w) for w in found]
    assert found[0].file == file and found[0].line == line
    assert f"write '{glossary()[term].renderings[lang].write}'" in found[0].fix


def test_a_comment_in_a_catalog_may_name_an_avoided_form(scratch):
    path = scratch / "locales/de.po"
    path.write_text("# not 'Fachpartner'\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert not [w for w in warnings_of(scratch) if "is not the" in w.message]


def test_the_italian_english_in_brackets_comes_once_right_after_the_first_use(scratch):
    assert not [w for w in warnings_of(ROOT) if "belongs once" in w.message]
    path = scratch / "docs/index.it.md"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    again = "Le strategie di integrazione cittadine (City Integration Strategies) erano sette."
    path.write_text(text + "\n" + again + "\n", encoding="utf-8")
    found = [w for w in warnings_of(scratch) if "belongs once" in w.message]
    assert [(w.file, w.line) for w in found] == [("docs/index.it.md", len(lines) + 2)]
    assert "(City Integration Strategies)" in found[0].message and "first use" in found[0].fix


def test_the_english_in_brackets_after_a_later_use_is_warned_at_the_first_use(scratch):
    path = scratch / "content/partners/riga.it.md"
    text = path.read_text(encoding="utf-8")
    earlier = "Una strategia di integrazione cittadina era il fine."
    head, body = text.split("\n---\n", 1)
    path.write_text(f"{head}\n---\n\n{earlier}\n{body}", encoding="utf-8")
    found = [w for w in warnings_of(scratch) if "belongs once" in w.message]
    assert len(found) == 1 and found[0].file == "content/partners/riga.it.md"
    assert path.read_text(encoding="utf-8").splitlines()[found[0].line - 1] == earlier
