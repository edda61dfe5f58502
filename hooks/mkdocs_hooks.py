"""MkDocs hooks: a thin layer that hands the epi_site package's output to MkDocs.

All content logic (models, validation, rendering, feeds) lives in ``epi_site``,
which does not import MkDocs. These hooks only:

- load and check the content once, and stop the build with every problem listed;
- add the generated pages and files of the language being built, in memory;
- expand directives and sanitise hand-written pages, and give templates the page's languages and strings;
- set each finished page in its language's typography (rendering/typography.py);
- make the eight language builds cheaper: the theme's files are listed and its templates compiled
  once, generated pages skip Python-Markdown, and generated files are written on a second thread;
- after the last language, write the sitemap and the search index.
"""

from __future__ import annotations

import itertools
import sys
import types
from pathlib import Path

from markupsafe import escape

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).parent))

from epi_site.rendering import hand_written
from epi_site.safety.markup import Fragments
from mkdocs_adapter.anchors import LazyIds, as_python_markdown_returns
from mkdocs_adapter.failed_build import FailedBuild
from epi_site.rendering.image_cache import stop_helpers
from mkdocs_adapter.site_writer import SiteWriter
from mkdocs_adapter.template_cache import SharedTemplateCode
from epi_site.rendering.typography import bind_html
from epi_site.rendering.search_index import SearchIndexError, build_search_index
from epi_site.safety.files import publishable
from epi_site.safety.photos import RASTER, published_file
from epi_site.safety.safe_text import without_direction_controls
from epi_site.safety.template_text import text_gettext
from epi_site.site_state import SiteState
from epi_site.rendering.page_context import PageFacts
from epi_site.rendering.urls import page_url

state = SiteState()
theme_code = SharedTemplateCode()  # each language's environment compiles the theme again without it
writer = SiteWriter()


class _WrittenInBackground(File):
    """A generated file (image, data, feed) that the writer thread puts in the site, not MkDocs."""

    def copy_file(self, dirty: bool = False) -> None:
        writer.write(Path(self.abs_dest_path), self.content_bytes)


def _copy_published_photo(file: File, dirty: bool = False) -> None:
    """A photo of docs/ without its metadata, at a width a page uses (safety/photos.py)."""
    writer.write(Path(file.abs_dest_path), published_file(Path(file.abs_src_path)))


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n and i18n.current_language else state.project.default_language


def _is_last_build(config) -> bool:
    """True in the outer build, once the i18n plugin has built every other language."""
    i18n = config.plugins.get("i18n")
    return not (i18n and i18n.building)


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        state.load(root)
    except Exception as error:  # a content problem must stop the build, with its report
        raise PluginError(str(error)) from None
    _list_theme_once(config.theme)
    return config


def _list_theme_once(theme) -> None:
    """MkDocs lists the theme's files in each language's build to find its static files: 14,500
    names, nearly all Material's icons in the hidden ``.icons`` folder, which its own filter then
    drops (``.*``). List them once per build, without the hidden ones: 0.5 s of a 3 s build."""
    if getattr(theme, "epi_listed_once", False):
        return
    make_env, listed = theme.get_env, []

    def get_env():
        env = make_env()
        loader = env.loader

        def list_templates() -> list[str]:
            if not listed:
                listed.extend(name for name in type(loader).list_templates(loader) if not name.startswith("."))
            return list(listed)

        loader.list_templates = list_templates
        return env

    theme.get_env = get_env
    theme.epi_listed_once = True


# Material's scripts, search worker and source maps: the pages load none of them.
UNUSED_THEME_FILES = ("assets/javascripts/", "assets/images/")


@event_priority(-110)  # after the i18n plugin has chosen this language's files
def on_files(files: Files, config) -> Files:
    lang = _language(config)
    docs_dir = Path(config.docs_dir)
    for file in list(files):
        if file.src_uri.startswith(UNUSED_THEME_FILES) or file.src_uri.endswith(".map"):
            files.remove(file)
        # Only contributors' files need the rule; the theme's thousands of files are trusted.
        elif file.src_dir == config.docs_dir and not publishable(docs_dir, Path(file.abs_src_path)):
            files.remove(file)  # behind the check: links, scripts, unsafe SVGs are never copied
        elif file.src_dir == config.docs_dir and file.src_uri.lower().endswith(RASTER):
            file.copy_file = types.MethodType(_copy_published_photo, file)  # never the file as uploaded
    language = state.language(lang)
    build = state.build(language)
    pages = build.pages()
    for page in pages:
        # Pages reached through links rather than the menu are not "missing" from it.
        file = File.generated(config, f"{page.key}.{lang}.md", content=page.markdown(),
                              inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = page_url(state.project, page.key, lang) + "index.html"
        file.epi_key = page.key
        file.epi_page = page  # what the page says of itself reaches its context as it is, not as front matter
        files.append(file)
    for generated in [*build.files(), *state.image_files(language, pages)]:
        files.append(_WrittenInBackground.generated(config, generated.path, content=generated.content))
    return files


def on_pre_page(page, config, files):
    if getattr(page.file, "epi_key", None):
        page.render = types.MethodType(_render_generated, page)
    return page


def _render_generated(page, config, files) -> None:
    """A generated page's body is the generator's HTML, which Python-Markdown would hand back
    unchanged but for its whitespace (tested): the page takes it so, without a parser for each page."""
    page.content = as_python_markdown_returns(page.markdown)
    page.toc = get_toc([])  # its headings are in HTML, not Markdown: no table of contents, as before
    page.present_anchor_ids = LazyIds(page.content)
    page.links_to_anchors = {}


def on_page_markdown(markdown: str, page, config, files) -> str:
    lang = _language(config)
    key = _key(page)
    # str(): a title such as '2024' reaches here as a number
    page.title = escape(without_direction_controls(str(page.title))) if page.title else page.title
    if getattr(page.file, "epi_key", None):
        return markdown  # a generated page: the generator's HTML, its contributor text already sanitised
    counter = itertools.count(1)
    page.epi_fragments = Fragments()
    build = state.build(state.language(lang))
    return hand_written.prepare(markdown, lambda d: build.directive(d, key, f"{d.argument or d.name}-{next(counter)}"),
                                page.epi_fragments)


def on_page_content(html: str, page, config, files) -> str:
    fragments = getattr(page, "epi_fragments", None)
    return hand_written.finish(html, fragments) if fragments is not None else html


def on_env(env, config, files):
    lang = _language(config)
    # Escape every value unless a reviewed template marks it |safe (page.content):
    # site.yml values and catalog strings are text.
    env.autoescape = True
    env.bytecode_cache = theme_code
    if "jinja2.ext.i18n" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    catalog = state.language(lang).translations  # once per language build, not once per string
    gettext, ngettext = text_gettext(lambda context: catalog)
    env.install_gettext_callables(gettext, ngettext, newstyle=True)
    env.globals["epi_theme"] = _theme_stylesheets(config)
    return env


def on_template_context(context, template_name, config):
    # Static templates (404.html) have no page: give them the language's context.
    if template_name == "404.html":
        context["epi"] = state.page_context(state.language(_language(config)), None, PageFacts())
    return context


def _theme_stylesheets(config) -> dict:
    """Material's hashed stylesheet names, found rather than copied, to survive an upgrade."""
    found = {}
    for folder in config.theme.dirs:
        for name in ("main", "palette"):
            for path in sorted(Path(folder, "assets", "stylesheets").glob(f"{name}.*.min.css")):
                found.setdefault(f"{name}_css", f"assets/stylesheets/{path.name}")
    return found


def on_page_context(context, page, config, nav):
    lang = _language(config)
    key = _key(page)
    generated = getattr(page.file, "epi_page", None)
    facts = PageFacts.of_generated(generated) if generated else PageFacts.of_front_matter(page.meta)
    context["epi"] = state.page_context(state.language(lang), key, facts)
    return context


def on_post_template(output: str, template_name: str, config) -> str:
    # Every language renders 404.html to the same place; keep each one for the end.
    if template_name == "404.html":
        lang = _language(config)
        output = bind_html(output, lang)
        state.not_found_pages[lang] = output
    return output


def on_post_page(output: str, page, config) -> str:
    """Each language's typography on the whole page: theme, generator and contributors' text alike."""
    return bind_html(output, _language(config))


@event_priority(-110)  # after the i18n plugin, whose post_build builds the other languages
def on_post_build(config) -> None:
    if not _is_last_build(config):
        return
    site = Path(config.site_dir)
    stop_helpers()
    try:
        writer.finish()
    except OSError as error:
        raise PluginError(str(error)) from None
    state.write_site_files(site)
    state.images.prune()
    if not config.extra.get("preview"):
        try:
            build_search_index(site)
        except SearchIndexError as error:
            raise PluginError(str(error)) from None


def on_serve(server, config, builder):
    """A preview's build that fails shows its reasons in the browser, and the page reloads once a build
    succeeds; MkDocs's server would keep every request waiting for a site that does not come."""
    failed = server.builder = FailedBuild(server.builder, "mkdocs", ignored=("mkdocs.livereload",))
    serve = server.serve_request

    def app(environ, start_response):
        if not failed.answers(environ.get("PATH_INFO", "")):
            return serve(environ, start_response)
        # MkDocs's own reload script, told the site's version the browser waits to move on from
        # (the server of MkDocs 1.6, the version pyproject.toml pins; tests/test_preview_errors.py tries it).
        page = server._inject_js_into_html(failed.page(), server._visible_epoch)
        # 200: the server logs any other status as a warning, which a strict build running then counts as its own.
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(page)))])
        return [page]

    server.set_app(app)
    return server


def on_build_error(error) -> None:
    stop_helpers()
    writer.cancel()


def _key(page) -> str:
    key = getattr(page.file, "epi_key", None)
    if key:
        return key
    norm = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return norm[:-3] if norm.endswith(".md") else norm
