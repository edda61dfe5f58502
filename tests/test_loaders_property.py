"""The loaders, fed wrong values in every field of every kind of file: a message naming the file, never
a traceback, and whatever the check lets through, the pages of a language build from it.

Hypothesis picks one value of a real file (a field of content/partners.yml, of a chart, of a news
item's front matter …) and replaces it with a value of another type or an extreme one: None, a
boolean, a 400-digit integer, NaN and infinity, an empty or a huge string, control characters, a
list, a mapping. Other tests try each limit's worst case by name; this one tries what nobody listed.
"""

from __future__ import annotations

import shutil

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, copy_project
from epi_site.content.loading import load_content
from epi_site.project import load_project
from epi_site.rendering.generation import Generation
from epi_site.rendering.language import Language

pytestmark = pytest.mark.slow

# The files whose values a contributor writes, and one of each kind of Markdown front matter.
YAML_FILES = ("content/site.yml", "content/partners.yml", "content/timeline.yml", "content/timeline.lv.yml",
              "content/charts/immigration-2018.yml", "content/charts/non-eu-residents.yml", "content/charts.pl.yml",
              "content/map.yml", "content/places.lv.yml", "content/glossary.yml")
FRONT_MATTER_FILES = ("content/news/2020-01-01-epi-starts.en.md", "content/news/partnership.lv.md",
                      "content/newsletter/2020-q1.en.md", "content/partners/riga.en.md", "docs/goals.en.md",
                      "docs/background.de.md")

SCALARS = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6), st.just(10**400), st.just(-(10**400)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just(""), st.just(" "), st.just("x" * 20_000), st.just("9999-12-31"), st.just("0000-01-01"),
    st.just("2020-02-30"), st.just("javascript:alert(1)"), st.just("<script>x</script>"),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=8)


def _paths(value, prefix=()):
    """Every place in a parsed YAML value that a contributor could write, the containers included."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*prefix, index))


def _replaced(data, path, new):
    if not path:
        return new
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replaced(data[head], rest, new)
    return copy


def _dump(value) -> str:
    try:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10**6)
    except (ValueError, OverflowError):  # a value PyYAML cannot write: try it as the contributor's text
        return str(value) + "\n"


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("loaders") / "project")


def _split_front_matter(text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):  # a partner text has none: the example then writes one
        return {}, text
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


def _assert_message_or_build(root, changed: str) -> None:
    project = load_project(root)
    try:
        content, problems = load_content(project)
    except Exception as error:  # the point of the test: name what crashed, with the file that did it
        pytest.fail(f"{changed}: the check crashed with {type(error).__name__}: {error}")
    known = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    for problem in problems:
        assert problem.file in known or problem.file.rstrip("/") in {"docs", "content", "locales"}, problem
    if content is None:
        assert problems, f"{changed}: nothing was loaded, and no problem says why"
        return
    try:
        Generation(content, Language.of(content.project, "lv")).pages()
    except Exception as error:
        pytest.fail(f"{changed}: the check let it through, then the pages crashed: {type(error).__name__}: {error}")


@pytest.mark.parametrize("file", YAML_FILES)
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), new=VALUES)
def test_a_wrong_value_in_a_yaml_file_is_a_message_never_a_traceback(project_copy, file, data, new):
    path = project_copy / file
    original = (ROOT / file).read_text(encoding="utf-8")
    parsed = yaml.safe_load(original)
    where = data.draw(st.sampled_from(list(_paths(parsed))), label="where")
    path.write_text(_dump(_replaced(parsed, where, new)), encoding="utf-8")
    try:
        _assert_message_or_build(project_copy, f"{file} at {list(where)} = {new!r:.80}")
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("file", FRONT_MATTER_FILES)
@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), new=VALUES)
def test_a_wrong_value_in_front_matter_is_a_message_never_a_traceback(project_copy, file, data, new):
    path = project_copy / file
    original = (ROOT / file).read_text(encoding="utf-8")
    head, body = _split_front_matter(original)
    where = data.draw(st.sampled_from(list(_paths(head))), label="where")
    path.write_text("---\n" + _dump(_replaced(head, where, new)) + "---\n" + body, encoding="utf-8")
    try:
        _assert_message_or_build(project_copy, f"{file} at {list(where)} = {new!r:.80}")
    finally:
        path.write_text(original, encoding="utf-8")


def test_the_copy_is_left_as_the_repository_is(project_copy):
    """What the examples wrote was put back: the copy loads without a problem, as the repository does."""
    content, problems = load_content(load_project(project_copy))
    assert content is not None and not problems, problems.report()
    shutil.rmtree(project_copy / ".cache", ignore_errors=True)
