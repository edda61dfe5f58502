"""Adding a language starts with one entry in mkdocs.yml; its texts follow one by one."""

from __future__ import annotations

from babel.messages.pofile import read_po, write_po
from lxml import html

from conftest import build
from epi_site.content.catalogs import update
from epi_site.content.loading import load_content
from epi_site.project import load_project


def _add_language(scratch, code: str, name: str) -> None:
    config = scratch / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "        - locale: lv\n",
        f"        - locale: {code}\n          name: {name}\n          build: true\n        - locale: lv\n"))


def test_a_language_starts_with_one_entry_in_mkdocs_yml(scratch, tmp_path):
    """Finnish with nothing but its entry: the site builds, Finnish readers get English with the notice, and what
    is left to translate is listed as warnings, never as problems that stop the build."""
    _add_language(scratch, "fi", "Suomi")
    project = load_project(scratch)
    assert project.languages[-2:] == ("fi", "lv")
    content, problems = load_content(project)
    assert content is not None and not problems, "\n".join(map(str, problems))
    warned = {(w.file, w.where) for w in problems.warning_list()}
    assert ("locales/fi.po", "") in warned
    assert {where for file, where in warned if file == "content/glossary.yml"} >= {
        "technical-partner.fi", "fund.fi", "grant-agreement.fi", "third-country-nationals.fi"}

    site = tmp_path / "site"
    result = build(scratch, site)
    assert result.returncode == 0, result.stdout + result.stderr
    approach = html.fromstring((site / "fi/approach/index.html").read_bytes())
    assert approach.get("lang") == "fi" and approach.xpath("//article//div[@lang='en']")
    assert "suomi" in approach.xpath("string(//p[contains(@class,'epi-notice')])")
    switcher = [a.text_content().strip() for a in approach.xpath("//a[contains(@class,'md-select__link')]")]
    assert "Suomi" in switcher and len(switcher) == 9
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    # Pages generated in Finnish are listed; a page still showing the English text is not (its canonical is English).
    assert "<loc>https://www.epi-project.com/fi/news/</loc>" in sitemap
    assert "<loc>https://www.epi-project.com/fi/approach/</loc>" not in sitemap
    for feed in ("news/rss.xml", "news/atom.xml", "news/newsletter.rss.xml"):
        assert (site / "fi" / feed).is_file()
    assert (site / "fi/partners/riga/index.html").is_file() and (site / "fi/timeline/index.html").is_file()
    status = html.fromstring((site / "fi/status/index.html").read_bytes())
    text = status.xpath("string(//article)")
    assert "not translated yet into these languages: suomi" in text, text[:600]
    assert "Suomi: 0 of" in " ".join(text.split())


def test_a_ninth_language(scratch, tmp_path):
    _add_language(scratch, "fr", "Français")
    project = load_project(scratch)
    assert "fr" in project.languages
    assert "fr.po" in update(project)  # python3 tools/dev.py extract
    _, problems = load_content(project)
    # Once a catalog exists, each of its empty strings is a problem (a reader would meet English in mid-sentence);
    # the key terms not yet given are warnings.
    assert {p.file for p in problems} == {"locales/fr.po"}, "only the new catalog is left to translate"
    left = [p for p in problems.warning_list() if p.file == "content/glossary.yml"]
    assert left and all("has no rendering in French (fr)" in p.message for p in left)

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
