"""The build's shortcuts change how fast it is, never what it makes (issue 12's build-time target):
the theme's templates compiled once for eight languages, generated pages handed over as HTML, and
generated files written by a second thread."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from conftest import LANGUAGES
from epi_site.rendering.template_cache import SharedTemplateCode

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
