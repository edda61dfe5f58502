"""Adding a ninth language is one line of configuration plus its texts (issue 2)."""

from __future__ import annotations

from babel.messages.pofile import read_po, write_po
from lxml import html

from conftest import build
from epi_site.content.catalogs import update
from epi_site.content.loading import load_content
from epi_site.project import load_project


def test_a_ninth_language(scratch, tmp_path):
    config = scratch / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "        - locale: lv\n", "        - locale: fr\n          name: Français\n          build: true\n        - locale: lv\n"))
    project = load_project(scratch)
    assert "fr" in project.languages
    assert "fr.po" in update(project)  # python3 tools/dev.py extract
    _, problems = load_content(project)
    assert {p.file for p in problems} == {"locales/fr.po", "content/glossary.yml"}, \
        "only the new catalog and the key terms are left to translate"
    assert all("has no rendering in French (fr)" in p.message for p in problems if p.file == "content/glossary.yml")

    # A terminologist gives each key term its French form.
    glossary = scratch / "content/glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("\n  lv:", "\n  fr: '[fr] terme'\n  lv:"),
                        encoding="utf-8")

    # A translator fills the catalog (here: every string "translated" as itself, marked [fr]).
    path = scratch / "locales/fr.po"
    catalog = read_po(path.open("rb"), locale="fr")
    for message in catalog:
        if message.id:
            message.string = tuple(f"[fr] {message.id[min(i, 1)]}" for i in range(catalog.num_plurals)) \
                if isinstance(message.id, tuple) else f"[fr] {message.id}"
    write_po(path.open("wb"), catalog)
    (scratch / "docs/goals.fr.md").write_text("---\ntitle: Objectifs et résultats\ndescription: Les objectifs.\n---\n\n"
                                              "# Objectifs et résultats\n\nTexte.\n")

    site = tmp_path / "site"
    result = build(scratch, site)
    assert result.returncode == 0, result.stdout + result.stderr
    goals = html.fromstring((site / "fr/goals/index.html").read_bytes())
    assert goals.get("lang") == "fr" and goals.xpath("//h1")[0].text_content() == "Objectifs et résultats"
    assert "fr" in goals.xpath("//link[@rel='alternate']/@hreflang")
    # Pages not yet translated show English, said so in French, and marked as English.
    approach = html.fromstring((site / "fr/approach/index.html").read_bytes())
    assert approach.xpath("//article//div[@lang='en']")
    assert "français" in approach.xpath("string(//p[contains(@class,'epi-notice')])")
    assert approach.xpath("//a[@hreflang='fr' and @class='md-select__link']")[0].text_content().strip() == "Français"
    assert (site / "fr/partners/riga/index.html").is_file() and (site / "fr/news/rss.xml").is_file()
