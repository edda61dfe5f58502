"""safety/files.py: the files a pull request can add. Names the strict build refuses or that would mislead,
links to files elsewhere, and types outside the allow-list are refused by the check with a message, and never
published."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build, check, copy_project, problems_of
from hostile import build_unchecked, make_pdf

PAGE = "---\ntitle: Test\ndescription: A test.\n---\n\n# Test\n"


def test_a_name_differing_only_in_capitals_is_refused(scratch):
    (scratch / "docs/Goals.en.md").write_text(PAGE)
    result = check(scratch)
    assert result.returncode == 1
    assert "docs/goals.en.md: this name differs from docs/Goals.en.md only in capital letters" in result.stdout \
        or "docs/Goals.en.md: this name differs from docs/goals.en.md only in capital letters" in result.stdout, result.stdout
    assert "rename one of them" in result.stdout


def test_a_folder_differing_only_in_capitals_is_refused(scratch):
    (scratch / "docs/Assets").mkdir()
    (scratch / "docs/assets").mkdir(exist_ok=True)
    result = check(scratch)
    assert result.returncode == 1 and "only in capital letters" in result.stdout, result.stdout


@pytest.mark.parametrize(("name", "shown"), [
    ("g\u043eals.en.md", "U+043E cyrillic small letter o"),
    ("assets/linköping.png", "U+00F6 latin small letter o with diaeresis"),
])
def test_a_name_outside_ascii_is_refused_naming_its_characters(scratch, name, shown):
    from epi_site.safety.files import publishable

    path = scratch / "docs" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(PAGE.encode() if name.endswith(".md") else b"\x89PNG\r\n\x1a\n")
    result = check(scratch)
    assert result.returncode == 1
    assert "this name holds letters outside the English alphabet" in result.stdout and shown in result.stdout, result.stdout
    assert not publishable(scratch / "docs", path)


def test_a_homoglyph_news_file_is_refused(scratch):
    (scratch / "content/news/2020-01-01-epi-st\u0430rts.en.md").write_text(PAGE)
    result = check(scratch)
    assert result.returncode == 1 and "U+0430 cyrillic small letter a" in result.stdout, result.stdout


@pytest.mark.parametrize("name", ["news/index.en.md", "partners/index.en.md", "partners.en.md", "timeline.en.md",
                                  "timeline/index.en.md", "status.en.md", "search.en.md", "partners/cartagena.en.md",
                                  "news/2020-01-01-epi-starts.en.md"])
def test_a_page_that_shadows_a_generated_one_is_refused(scratch, name):
    path = scratch / "docs" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(PAGE)
    result = check(scratch)
    assert result.returncode == 1
    address = name.removesuffix(".en.md").removesuffix("/index")
    assert f"docs/{name}: the site makes the page '{address}/' itself, so this page would replace it" in result.stdout, \
        result.stdout


def symlink_or_skip(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except OSError:
        pytest.skip("this file system cannot hold symbolic links")


@pytest.mark.parametrize("where", ["docs/secret.md", "docs/assets/config.png", "content/news/2022-01-01-x.en.md",
                                   "content/partners", "locales/fr.po", "docs/linked-folder"])
def test_a_symbolic_link_is_refused_and_never_followed(scratch, tmp_path, where):
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "config").write_text("[remote]\ntoken = SECRET-TOKEN\n")
    link = scratch / where
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists():
        import shutil
        shutil.rmtree(link) if link.is_dir() else link.unlink()
    symlink_or_skip(link, secret if where.endswith(("folder", "partners")) else secret / "config")
    result = check(scratch)
    assert result.returncode == 1
    assert f"{where}: this is a symbolic link" in result.stdout
    assert "put the file itself here (a copy), or delete the link" in result.stdout
    site = tmp_path / "site"
    built = build(scratch, site)
    assert built.returncode != 0 and "symbolic link" in built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert not site.exists() or "SECRET-TOKEN" not in "".join(
        p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())


def test_a_dangling_link_gives_a_message_not_a_traceback(scratch, tmp_path):
    symlink_or_skip(scratch / "docs/gone.md", tmp_path / "does-not-exist")
    result = check(scratch)
    assert result.returncode == 1 and "docs/gone.md: this is a symbolic link" in result.stdout
    built = build(scratch, tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.stdout + built.stderr


@pytest.mark.parametrize("where", ["docs/secret.md", "docs/assets/config.png", "content/news/2022-01-01-x.en.md"])
def test_a_hard_link_is_refused_like_a_symbolic_link(scratch, tmp_path, where):
    from epi_site.safety.files import publishable

    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "config").write_text("---\ntitle: x\n---\n[remote]\ntoken = SECRET-TOKEN\n")
    link = scratch / where
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(secret / "config", link)
    except OSError:
        pytest.skip("this file system cannot hold hard links")
    result = check(scratch)
    assert result.returncode == 1
    assert f"{where}: this file is a hard link" in result.stdout, result.stdout
    assert "put a copy of the file here instead" in result.stdout
    assert not publishable(scratch / "docs", link) if where.startswith("docs/") else True
    site = tmp_path / "site"
    built = build(scratch, site)
    assert built.returncode != 0 and "hard link" in built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert not site.exists() or "SECRET-TOKEN" not in "".join(
        p.read_text(errors="replace") for p in site.rglob("*") if p.is_file())


REFUSED_TYPES = ["page.html", "assets/app.js", "assets/extra.css", ".htaccess", "index.php", "assets/PAGE.HTM", "data.json",
                 "assets/movie.mp4"]


@pytest.fixture(scope="module")
def refused_types(tmp_path_factory):
    """A file of every refused type in one scratch copy: one check and one build for them all."""
    root = copy_project(tmp_path_factory.mktemp("refused-types") / "project")
    for name in REFUSED_TYPES:
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<script>alert(1)</script>")
    site = root.parent / "site"
    built = build_unchecked(root, site)
    assert built.returncode == 0, built.stdout + built.stderr
    return check(root), site


@pytest.mark.parametrize("name", REFUSED_TYPES)
def test_a_file_type_outside_the_allow_list_is_refused_and_not_published(refused_types, name):
    result, site = refused_types
    assert result.returncode == 1
    found = problems_of(result.stdout, f"docs/{name}")
    assert any(": files of this type" in entry and "docs/ holds pages, pictures and PDF documents only" in entry
               for entry in found), result.stdout
    assert not (site / name).exists() and not (site / "de" / name).exists()


def test_allowed_file_types_are_published(scratch, tmp_path):
    from PIL import Image

    (scratch / "docs/assets").mkdir(exist_ok=True)
    Image.new("RGB", (4, 4), "white").save(scratch / "docs/assets/photo.png")
    (scratch / "docs/assets/report.pdf").write_bytes(make_pdf())  # a real PDF: an unreadable one is refused
    (scratch / "docs/assets/drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><defs><linearGradient id="g"/></defs>'
        '<rect width="4" height="4" fill="url(#g)"/></svg>')
    assert check(scratch).returncode == 0
    site = tmp_path / "site"
    assert build(scratch, site).returncode == 0
    for name in ("photo.png", "report.pdf", "drawing.svg"):
        assert (site / "assets" / name).exists(), name


def test_a_file_name_that_is_not_utf8_is_refused_with_a_message_not_a_traceback(scratch, tmp_path):
    """Git stores names as bytes: a pull request can add one that is not UTF-8. Python reads it with
    lone surrogates, which MkDocs cannot quote into an address nor a strict terminal print."""
    (scratch / "docs" / "assets").mkdir(exist_ok=True)
    Path(os.fsdecode(os.fsencode(scratch / "docs" / "assets") + b"/photo\xff.png")).write_bytes(b"\x89PNG\r\n\x1a\n")
    Path(os.fsdecode(os.fsencode(scratch / "docs") + b"/te\xfest.en.md")).write_bytes(b"---\ntitle: Test\n---\n\n# Test\n")
    result = subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(scratch), "--no-status"],
                            capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    out = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in out, out
    assert "docs/assets/photo\\xff.png: this name is not UTF-8 text" in out and "docs/te\\xfest.en.md" in out, out
    built = build(scratch, tmp_path / "site")
    out = built.stdout + built.stderr
    assert built.returncode != 0 and "Traceback" not in out, out[-3000:]
    assert "docs/assets/photo\\xff.png: this name is not UTF-8 text" in out
