"""The domain package's layers: what each part of hooks/epi_site may import, read from the code itself.

problems.py and safety/ sit below content/ and rendering/ (both report problems and keep text inert);
content/ reads contributors' files and never renders; nothing in the domain imports MkDocs, so the
site could move to another generator with only hooks/mkdocs_hooks.py rewritten.
"""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "epi_site"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _imports(path):
    """The absolute dotted names a module imports (relative imports resolved against its package)."""
    package = path.relative_to(ROOT / "hooks").with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join((*base, *(node.module.split(".") if node.module else ())))
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def _layer(path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_each_module_imports_only_from_its_layer_and_below(path):
    names = set(_imports(path))
    assert not {n for n in names if n == "mkdocs" or n.startswith(("mkdocs.", "material"))}, "the domain imports MkDocs"
    forbidden = {"problems": ("epi_site.content", "epi_site.rendering"),
                 "safety": ("epi_site.content", "epi_site.rendering"),
                 "content": ("epi_site.rendering",)}.get(_layer(path), ())
    wrong = sorted(n for n in names if n.startswith(forbidden)) if forbidden else []
    assert not wrong, f"{path.relative_to(PACKAGE)} reaches up a layer: {wrong}"


def test_the_layers_are_read_from_real_imports():
    """The reader above resolves relative imports: a module of content/ is seen importing problems."""
    names = set(_imports(PACKAGE / "content" / "news.py"))
    assert "epi_site.problems.Problems" in names


def test_the_domain_never_reaches_into_the_adapter():
    """hooks/mkdocs_adapter/ serves MkDocs alone: the domain works without it, and it without the domain."""
    reaching = [p.relative_to(PACKAGE).as_posix() for p in MODULES
                if any(n == "mkdocs_adapter" or n.startswith("mkdocs_adapter.") for n in _imports(p))]
    assert not reaching
    adapter = sorted((ROOT / "hooks" / "mkdocs_adapter").glob("*.py"))
    assert adapter, "the adapter's modules have moved: update this test"
    for path in adapter:
        assert not [n for n in _imports(path) if n.startswith("epi_site")], path.name
