"""The build's shortcuts change how fast it is, never what it makes (issue 12's build-time target):
the theme's files listed and its templates compiled once for eight languages, generated pages
handed over as HTML, and generated files written by a second thread."""

from __future__ import annotations

import importlib.util
import types
from pathlib import Path

import markdown
import pytest
import yaml
from jinja2 import DictLoader, Environment, FileSystemLoader

from conftest import LANGUAGES, ROOT, build
from epi_site.content.loading import load_content
from epi_site.project import load_project
from mkdocs_adapter.anchors import LazyIds, element_ids
from epi_site.rendering.generation import Generation
from mkdocs_adapter.site_writer import SiteWriter
from mkdocs_adapter.template_cache import SharedTemplateCode
from epi_site.rendering.language import Language

TEMPLATE = "{% if page %}<p>{{ _('Hello') }} {{ page }}</p>{% endif %}"


def _environment(cache: SharedTemplateCode, source: str = TEMPLATE, **options) -> tuple[Environment, list]:
    compiled = []

    class Counting(Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
            compiled.append(name)
            return super().compile(source, name, filename, raw, defer_init)

    env = Counting(loader=DictLoader({"page.html": source}), extensions=["jinja2.ext.i18n"], **options)
    env.install_null_translations(newstyle=True)
    env.bytecode_cache = cache
    return env, compiled


def test_a_template_is_compiled_once_for_every_language():
    cache = SharedTemplateCode()
    outputs = []
    compiled = []
    for _ in LANGUAGES:  # the i18n plugin gives each language a new environment
        env, log = _environment(cache, autoescape=True)
        outputs.append(env.get_template("page.html").render(page="<b>"))
        compiled += log
    assert compiled == ["page.html"]
    assert set(outputs) == {"<p>Hello &lt;b&gt;</p>"}


def test_a_changed_template_or_other_compile_options_compile_again():
    cache = SharedTemplateCode()
    env, first = _environment(cache, autoescape=True)
    env.get_template("page.html").render(page="x")
    edited, second = _environment(cache, "<i>{{ page }}</i>", autoescape=True)
    assert edited.get_template("page.html").render(page="<b>") == "<i>&lt;b&gt;</i>"
    unescaped, third = _environment(cache, autoescape=False)
    # code compiled with autoescape would escape here: the options are part of the key
    assert unescaped.get_template("page.html").render(page="<b>") == "<p>Hello <b></p>"
    assert (first, second, third) == (["page.html"], ["page.html"], ["page.html"])


@pytest.fixture(scope="module")
def content():
    loaded, problems = load_content(load_project(ROOT))
    assert not problems
    return loaded


def _site_markdown() -> markdown.Markdown:
    """Python-Markdown as mkdocs.yml configures it."""
    names, options = [], {}
    for entry in yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        options[name] = settings or {}
    return markdown.Markdown(extensions=names, extension_configs=options)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_python_markdown_gives_every_generated_page_back_unchanged(content, lang):
    """What allows the build to skip Python-Markdown for generated pages: it would change nothing,
    and find no heading for a table of contents."""
    md = _site_markdown()
    pages = Generation(content, Language.of(content.project, lang)).pages()
    assert len(pages) > 20
    for page in pages:
        md.reset()
        assert md.convert(page.body) == page.body.strip(), page.key
        assert getattr(md, "toc_tokens", []) == [], page.key


def test_a_generated_pages_ids_are_read_only_when_a_link_asks():
    ids = LazyIds('<h2 id="city">Cities</h2><a name="top"></a><span name="not-an-anchor"></span>')
    assert ids._ids is None
    assert "city" in ids and "top" in ids and "not-an-anchor" not in ids
    assert set(ids) == {"city", "top"} == element_ids('<h2 id="city"></h2><a name="top">')


@pytest.mark.slow
def test_links_into_a_generated_page_are_still_checked(scratch, tmp_path):
    contact = scratch / "docs" / "contact.en.md"
    original = contact.read_text(encoding="utf-8")
    contact.write_text(original + "\nSee [the cities](partners/index.md#city).\n", encoding="utf-8")
    result = build(scratch, tmp_path / "good")
    assert result.returncode == 0, result.stdout + result.stderr
    contact.write_text(original + "\nSee [the towns](partners/index.md#towns).\n", encoding="utf-8")
    result = build(scratch, tmp_path / "bad")
    assert result.returncode != 0
    assert "does not contain an anchor '#towns'" in result.stdout + result.stderr


def test_the_writer_writes_in_order_and_a_later_write_wins(tmp_path):
    writer = SiteWriter()
    writer.write(tmp_path / "cards" / "home.png", b"first")
    writer.write(tmp_path / "cards" / "home.png", b"second")
    writer.write(tmp_path / "data" / "chart.csv", "año;valor\n")
    writer.finish()
    assert (tmp_path / "cards" / "home.png").read_bytes() == b"second"
    assert (tmp_path / "data" / "chart.csv").read_text(encoding="utf-8") == "año;valor\n"


def test_a_failed_write_stops_the_build_naming_the_file(tmp_path):
    (tmp_path / "cards").write_text("a file where a folder should be")
    writer = SiteWriter()
    writer.write(tmp_path / "cards" / "home.png", b"png")
    with pytest.raises(OSError, match=r"could not write .*cards/home\.png"):
        writer.finish()
    writer.finish()  # nothing left pending: a second call is harmless
    writer.cancel()


def test_generated_files_reach_the_site_in_every_language(site: Path):
    for lang in LANGUAGES:
        prefix = site if lang == "en" else site / lang
        assert (prefix / "cards" / "goals.png").read_bytes().startswith(b"\x89PNG")
        assert {p.name for p in (prefix / "news").glob("*.xml")} == {
            "rss.xml", "atom.xml", "newsletter.rss.xml", "newsletter.atom.xml"}


def _adapter():
    spec = importlib.util.spec_from_file_location("epi_hooks_under_test", ROOT / "hooks" / "mkdocs_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_theme_is_listed_once_for_every_language_without_hidden_folders(tmp_path, monkeypatch):
    for name in ("main.html", "assets/epi.css", ".icons/material/menu.svg"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    walks = []
    walk = FileSystemLoader.list_templates
    monkeypatch.setattr(FileSystemLoader, "list_templates", lambda self: walks.append(1) or walk(self))

    class Theme:
        dirs = (str(tmp_path),)

        def get_env(self):
            return Environment(loader=FileSystemLoader(self.dirs), autoescape=True)

    theme, adapter = Theme(), _adapter()
    adapter._list_theme_once(theme)
    adapter._list_theme_once(theme)  # every language's build runs on_config again
    listings = [theme.get_env().list_templates() for _ in LANGUAGES]
    assert listings == [["assets/epi.css", "main.html"]] * len(LANGUAGES)
    assert len(walks) == 1


@pytest.mark.slow
def test_a_new_file_in_the_overrides_is_published_and_a_hidden_one_is_not(scratch, tmp_path):
    (scratch / "overrides" / "assets" / "epi-extra.css").write_text("p { margin: 0 }\n")
    (scratch / "overrides" / ".hidden").mkdir()
    (scratch / "overrides" / ".hidden" / "secret.css").write_text("p { margin: 0 }\n")
    result = build(scratch, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "assets" / "epi-extra.css").is_file()
    assert not list((tmp_path / "site").rglob("secret.css"))


def test_a_generated_page_with_tabs_or_carriage_returns_is_handed_over_as_python_markdown_would(scratch):
    """A tab pasted from a spreadsheet into a value, or a "\\r" written as a YAML escape, reaches the
    generated HTML: Python-Markdown expanded it to spaces and line breaks, so handing the HTML over
    must too, or the page is no longer the one built before."""
    partners = scratch / "content" / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace(
        "name: PATRIR", 'name: "PAT\\tRIR \\r x \\r\\n  \\t\\n y"', 1), encoding="utf-8")
    loaded, problems = load_content(load_project(scratch))
    assert not problems, problems.report()
    md, adapter = _site_markdown(), _adapter()
    pages = [p for p in Generation(loaded, Language.of(loaded.project, "en")).pages() if "PAT" in p.body]
    assert pages
    for page in pages:
        md.reset()
        handed = types.SimpleNamespace(markdown=f"\n{page.body}\n")
        adapter._render_generated(handed, None, None)
        assert handed.content == md.convert(handed.markdown), page.key
