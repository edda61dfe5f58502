"""One type system: the vendored web fonts are tools/subset_font.py's output byte for byte, they
draw every character of every language's texts, and the stylesheets point at files that exist."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fontTools.ttLib import TTFont
from lxml import html

from conftest import LANGUAGES, ROOT, html_pages
from subset_font import FALLBACK_EM, FALLBACK_WIDTHS, SOURCE  # tools/ is on the path (conftest.py)

FONTS = ROOT / "overrides" / "assets" / "fonts"
WOFF2 = sorted(FONTS.glob("*.woff2"))
SCRIPT = ROOT / "tools" / "subset_font.py"
LIBERATION = Path("/usr/share/fonts/truetype/liberation")


def cmap(path: Path) -> set[int]:
    return set(TTFont(path).getBestCmap())


def drawable(char: str) -> bool:
    """A character the reader sees: not a control or formatting character, and not a space the font
    itself lacks (the browser takes such a space from the next font in the list; a space looks alike in any)."""
    category = unicodedata.category(char)
    return not (category in ("Cc", "Cf", "Zl", "Zp") or (category == "Zs" and char not in SOURCE_SPACES))


SOURCE_SPACES = {chr(c) for c in TTFont(SOURCE / "SourceSansPro-Regular.ttf").getBestCmap()
                 if unicodedata.category(chr(c)) == "Zs"}


def test_the_vendored_fonts_are_the_scripts_output_byte_for_byte(tmp_path):
    result = subprocess.run([sys.executable, "-P", str(SCRIPT), "--out", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    made = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    vendored = {p.name: p.read_bytes() for p in FONTS.iterdir()}
    assert set(made) == set(vendored), "run python3 tools/subset_font.py and commit overrides/assets/fonts/"
    for name, data in made.items():
        assert data == vendored[name], f"{name} differs from the script's output: run python3 tools/subset_font.py"
    again = tmp_path / "again"
    subprocess.run([sys.executable, "-P", str(SCRIPT), "--out", str(again)], check=True, capture_output=True)
    assert {p.name: p.read_bytes() for p in again.iterdir()} == made, "two runs give the same bytes"


def test_the_fonts_are_woff2_of_source_sans_pro_in_two_weights_with_their_licence():
    assert [p.name for p in WOFF2] == ["source-sans-pro-bold.woff2", "source-sans-pro-regular.woff2"]
    for path in WOFF2:
        font = TTFont(path)
        assert font.flavor == "woff2"
        assert font["name"].getDebugName(1) == "Source Sans Pro"
        assert path.stat().st_size < 20_000, "a subset, not the whole font"
    licence = (FONTS / "LICENSE.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in licence and "Adobe" in licence


def _texts(lang: str) -> str:
    """Everything a language's pages are written from: its Markdown and YAML (a file with no language in its
    name serves every language), and its catalog's translations (the English pages show the msgids)."""
    parts = []
    for folder in ("docs", "content"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".md", ".yml", ".yaml") or not path.is_file():
                continue
            suffix = path.name.split(".")[-2] if path.name.count(".") >= 2 else None
            if suffix in LANGUAGES and suffix != lang:
                continue
            parts.append(path.read_text(encoding="utf-8"))
    po = ROOT / "locales" / f"{lang}.po"
    if po.exists():
        with po.open("rb") as handle:
            for message in read_po(handle):
                for text in (message.string if isinstance(message.string, tuple) else (message.string,)):
                    parts.append(text or "")
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                parts.extend(ids)
    return "".join(parts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_character_of_a_languages_texts_is_in_both_fonts(lang):
    used = {c for c in _texts(lang) if drawable(c)}
    for path in WOFF2:
        missing = sorted(c for c in used if ord(c) not in cmap(path))
        assert not missing, (lang, path.name, [f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing])


def test_every_character_of_the_built_site_is_in_both_fonts(site):
    by_lang: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for path in html_pages(site):
        first = path.relative_to(site).parts[0]
        lang = first if first in LANGUAGES else "en"
        page = html.fromstring(path.read_bytes())
        for element in page.xpath("//script | //style | //svg"):
            # Pictures' text: the map's names come from content/ (the test above), the wordmark is ASCII.
            element.drop_tree()
        body = page.xpath("//body")
        text = body[0].text_content() if body else ""
        text += "".join(page.xpath("//body//@alt | //body//@aria-label | //body//@placeholder | //title/text()"))
        by_lang[lang] |= {c for c in text if drawable(c)}
    fonts = {path.name: cmap(path) for path in WOFF2}
    for lang, used in by_lang.items():
        for name, points in fonts.items():
            missing = sorted(c for c in used if ord(c) not in points)
            assert not missing, (lang, name, [f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing])


def _urls(css: str) -> list[str]:
    return re.findall(r"""url\(\s*["']?([^"')]+)["']?\s*\)""", css)


def test_the_stylesheets_point_only_at_files_that_exist():
    fonts_css = (FONTS / "fonts.css").read_text(encoding="utf-8")
    referenced = _urls(fonts_css)
    assert sorted(referenced) == sorted(p.name for p in WOFF2)
    for name in referenced:
        assert (FONTS / name).is_file(), name
    for css in (ROOT / "overrides" / "assets").glob("*.css"):
        for target in _urls(css.read_text(encoding="utf-8")):
            if not target.startswith("data:"):
                assert (css.parent / target).is_file(), (css.name, target)
    base = (ROOT / "overrides" / "base.html").read_text(encoding="utf-8")
    for target in re.findall(r"""rel="preload" href="\{\{ '([^']+)' \| url \}\}" as="font\"""", base):
        assert (ROOT / "overrides" / target).is_file(), target
    assert "assets/fonts/fonts.css" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_faces_swap_and_the_fallback_is_shaped_like_the_font():
    css = (FONTS / "fonts.css").read_text(encoding="utf-8")
    faces = re.findall(r"@font-face \{(.*?)\}", css, flags=re.S)
    web = [f for f in faces if '"Source Sans Pro";' in f]
    fallback = [f for f in faces if '"Source Sans Pro Fallback";' in f]
    assert len(web) == 2 and len(fallback) == 2
    for face in web:
        assert "font-display: swap" in face and "unicode-range:" in face
    for face in fallback:
        assert 'local("Arial")' in face or 'local("Arial Bold")' in face
        for descriptor in ("size-adjust", "ascent-override", "descent-override", "line-gap-override"):
            assert re.search(descriptor + r": \d+\.\d\d%;", face), (descriptor, face)
    epi = (ROOT / "overrides" / "assets" / "epi.css").read_text(encoding="utf-8")
    assert re.search(r'--epi-font: "Source Sans Pro", "Source Sans Pro Fallback", Arial', epi)
    assert "--md-text-font-family: var(--epi-font)" in epi


@pytest.mark.skipif(not (LIBERATION / "LiberationSans-Regular.ttf").exists(), reason="Liberation Sans is not installed")
def test_the_fallbacks_widths_are_arials_as_liberation_sans_has_them():
    for weight, name in ((400, "Regular"), (700, "Bold")):
        font = TTFont(LIBERATION / f"LiberationSans-{name}.ttf")
        cmap_, hmtx = font.getBestCmap(), font["hmtx"]
        assert font["head"].unitsPerEm == FALLBACK_EM
        assert {c: hmtx[cmap_[ord(c)]][0] for c in FALLBACK_WIDTHS[weight]} == FALLBACK_WIDTHS[weight]


def test_the_email_names_source_sans_pro_first_and_links_no_web_font():
    templates = ROOT / "hooks" / "epi_site" / "rendering" / "templates"
    css = (templates / "email.css").read_text(encoding="utf-8")
    sheet = re.search(r"\.sheet \{([^}]*)\}", css).group(1)
    assert re.search(r'font-family: "Source Sans Pro", Arial, Helvetica, sans-serif', sheet)
    email = (templates / "email.html").read_text(encoding="utf-8") + css
    assert "@font-face" not in email and ".woff" not in email and "@import" not in email
