"""The card images and shareable infographics: size, language, every letter, no overflow, same bytes."""

from __future__ import annotations

import filecmp
import io
import os
import time
import unicodedata
from pathlib import Path

import pytest
from lxml import html
from PIL import Image, ImageChops, ImageFont

from conftest import LANGUAGES, ROOT, build, declared_pages

from epi_site.rendering import cards, infographics
from epi_site.rendering.canvas import WHITE, png
from epi_site.rendering.cards import HEIGHT, SAFE, TITLE_BOX, WIDTH, CardSpec, card_png, draw_card, layout
from epi_site.rendering import image_cache
from epi_site.rendering.image_cache import Drawing, ImageCache
from epi_site.rendering.raster_text import FONT_DIR, WEIGHTS, drawable, has_glyph

CHARTS = ("immigration-2018", "non-eu-residents", "unemployment-2019", "unemployment-gap-2018")
FUNDED = {"en": "Funded by the European Union", "lv": "Finansē Eiropas Savienība", "ro": "Finanțat de Uniunea Europeană",
          "de": "Finanziert von der Europäischen Union"}
# A title in each language with its own letters, and a very long one with long compounds.
TITLES = {
    "en": "Seven cities, one pact: what we learnt",
    "sv": "Linköping öppnar dörren för nyanlända – vad händer nu?",
    "ro": "Cluj-Napoca: știri și învățăminte din consultările orașului",
    "it": "Più città, più integrazione: perché la Brianza è già là",
    "es": "Cartagena: ¿cómo mejorar la integración? Mañana, diseño común",
    "de": "Große Straßen, schöne Grüße aus Dietzenbach: Übergänge gestalten",
    "pl": "Łódź? Nie, Lublin: źródła, żółć i gęś – ćwiczenia z integracji",
    "lv": "Ļaudis Rīgā: ģimenes, ķēdes un žurnāli – čaklā integrācija",
}
LONG_TITLE = ("Integrationsstrategieentwicklungsprozessbegleitungsmaßnahmen und Arbeitsmarktintegrationsförderungs"
              "programmevaluierung in sieben europäischen Städten während der gesamten Projektlaufzeit " * 4)


def built_cards(site: Path) -> dict[str, dict[str, Path]]:
    """{page key: {language: card}}, from the site's folders."""
    found: dict[str, dict[str, Path]] = {}
    for path in site.rglob("cards/**/*.png"):
        parts = path.relative_to(site).parts
        lang = parts[0] if parts[0] in LANGUAGES else "en"
        key = "/".join(parts[parts.index("cards") + 1:])[:-4]
        found.setdefault(key, {})[lang] = path
    return found


def test_each_card_is_a_1200_by_630_png_and_differs_between_languages(site):
    found = built_cards(site)
    assert len(found) >= 25 and sum(len(v) for v in found.values()) >= 25 * len(LANGUAGES)
    for key, by_lang in found.items():
        for path in by_lang.values():
            with Image.open(path) as image:
                assert image.format == "PNG" and image.size == (1200, 630), path
        contents = [path.read_bytes() for path in by_lang.values()]
        assert len(set(contents)) == len(contents), key


def test_each_chart_is_a_1080_square_png_in_every_language_beside_its_csv(site):
    for chart in CHARTS:
        contents = []
        for lang in LANGUAGES:
            folder = site / ("" if lang == "en" else lang) / "data"
            with Image.open(folder / f"{chart}.png") as image:
                assert image.format == "PNG" and image.size == (1080, 1080)
            assert (folder / f"{chart}.csv").exists()
            contents.append((folder / f"{chart}.png").read_bytes())
        assert len(set(contents)) == len(LANGUAGES), chart


def test_the_chart_offers_its_image_beside_its_data(site):
    for lang in LANGUAGES:
        page = site / ("" if lang == "en" else lang) / "background" / "index.html"
        doc = html.fromstring(page.read_bytes())
        for paragraph in doc.xpath("//p[@class='epi-chart__download']"):
            links = paragraph.xpath("./a[@download]/@href")
            assert len(links) == 2 and links[0].endswith(".csv") and links[1] == links[0][:-4] + ".png"
            assert (page.parent / links[1]).resolve().exists()
        assert doc.xpath("//p[@class='epi-chart__download']")


def _notdef_free(weight: str, text: str) -> bool:
    """Every character of ``text`` has a glyph of its own in the font (FreeType's mask differs from .notdef's)."""
    face = ImageFont.truetype(str(FONT_DIR / WEIGHTS[weight]), 48)
    notdef = face.getmask("\U0010fffd")  # private use: no font draws it
    for char in text:
        if char == " ":
            continue
        mask = face.getmask(char)
        if mask.size == notdef.size and bytes(mask) == bytes(notdef):
            return False
    return True


def test_every_letter_of_the_eight_languages_has_a_glyph():
    alphabet = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽșțăâîȘȚĂÂÎłśźżćńęąóŁŚŹŻĆŃĘĄÓöäåÖÄÅüßÜñáéíúÑ¿¡àèìòùÉ€„“”«»–—…"
    for weight in WEIGHTS:
        assert _notdef_free(weight, alphabet), weight
        assert all(has_glyph(weight, c) for c in alphabet)
    for char in ("\u0627", "中", "\U0001f600"):  # Arabic, Chinese, emoji: Source Sans Pro has none of them
        assert not has_glyph("bold", char) and not _notdef_free("bold", char)


def test_every_title_of_the_site_is_drawn_letter_for_letter(site):
    """What the cards draw is exactly the page's title: no character dropped for want of a glyph."""
    for page in site.rglob("*.html"):
        doc = html.fromstring(page.read_bytes())
        for title in doc.xpath("//head/meta[@property='og:title']/@content"):
            text = " ".join(unicodedata.normalize("NFC", title).split())
            assert drawable(text, "bold") == text, page
            assert _notdef_free("bold", text), page


def _drawn_box(spec: CardSpec):
    """Where the title and detail put ink: the difference from the card without them."""
    base = cards._base(spec.section, spec.funded_by, spec.domain)
    return ImageChops.difference(draw_card(spec).convert("RGB"), base).getbbox()


@pytest.mark.parametrize("lang", sorted(TITLES))
def test_titles_with_each_languages_letters_fit_the_safe_area(lang):
    spec = CardSpec(lang, TITLES[lang], "Partners", FUNDED.get(lang, FUNDED["en"]), "epi-project.com", "30 June 2022")
    parts = layout(spec)
    drawn = "".join(parts.title.lines).replace(" ", "").replace("\u00a0", "")  # no-break spaces bind words
    assert drawn == TITLES[lang].replace(" ", "")  # nothing lost or cut
    box = _drawn_box(spec)
    assert box and SAFE[0] <= box[0] and box[2] <= SAFE[2] and SAFE[1] <= box[1] and box[3] <= TITLE_BOX[3] + 40


@pytest.mark.parametrize("title", [
    LONG_TITLE,
    "W" * 400,  # one word wider than the card
    "\u202eevil\u202c\u200b title\x00\x07 with\ncontrols\tand \u0627\u0644\u0639\u0631\u0628\u064a\u0629 and 中文 😀",
    "",
    " \u200b\u2028 ",
])
def test_odd_and_overlong_titles_stay_inside_the_card(title):
    spec = CardSpec("de", title, "Nachrichten", FUNDED["de"], "epi-project.com", "1. Januar 2020")
    parts = layout(spec)
    face = ImageFont.truetype(str(FONT_DIR / WEIGHTS["bold"]), parts.title.size)
    assert 1 <= len(parts.title.lines) <= 4
    assert all(face.getlength(line) <= TITLE_BOX[2] - TITLE_BOX[0] for line in parts.title.lines)
    assert all(unicodedata.category(c)[0] != "C" for line in parts.title.lines for c in line)
    box = _drawn_box(spec)
    assert SAFE[0] <= box[0] and box[2] <= SAFE[2] and SAFE[1] <= box[1] and box[3] <= TITLE_BOX[3] + 40
    if title == LONG_TITLE:
        assert parts.title.lines[-1].endswith("…") and parts.title.size == min(cards.TITLE_SIZES)


def test_a_card_is_the_same_bytes_every_time_and_the_fast_path_draws_the_plain_image():
    spec = CardSpec("lv", TITLES["lv"], "Partneri", FUNDED["lv"], "epi-project.com", "Pilsēta · Latvija")
    first = card_png(spec)
    cards._base.cache_clear()
    cards._base_indexed.cache_clear()
    assert card_png(spec) == first == png(draw_card(spec))
    image = Image.open(io.BytesIO(first))
    assert image.mode == "P" and image.convert("RGB").getpixel((600, TITLE_BOX[3] + 60)) == WHITE


def test_an_infographic_is_the_same_bytes_as_its_plain_drawing():
    data = {"lang": "ro", "kind": "bar", "title": "Șomeri: cetățeni ai UE și resortisanți din afara UE, 2019",
            "source": "Sursa: Eurostat · UE-27 · 2019", "total": "",
            "bars": [{"label": "Cetățeni ai UE", "value": "26.809.473 de persoane", "share": 1.0},
                     {"label": "Resortisanți din afara UE", "value": "2.328.556 de persoane", "share": 0.087}],
            "rows": [], "funded_by": FUNDED["ro"], "funding": "Proiectul este finanțat de UE.",
            "disclaimer": "Comisia Europeană nu este responsabilă.", "domain": "epi-project.com"}
    assert infographics.infographic_png(data) == png(infographics.draw(data))


def test_the_cache_returns_the_drawn_bytes_and_redraws_a_damaged_entry(tmp_path):
    spec = CardSpec("pl", TITLES["pl"], "Aktualności", "Finansowane przez Unię Europejską", "epi-project.com")
    cache = ImageCache(tmp_path / "cache")
    first = cache.get("card", repr(spec), lambda: card_png(spec))
    again = cache.get("card", repr(spec), lambda: pytest.fail("a cached card was drawn again"))
    assert first == again == card_png(spec) and cache.drawn == 1
    (entry,) = (tmp_path / "cache").rglob("*.png")
    entry.write_bytes(first[:100])
    assert cache.get("card", repr(spec), lambda: card_png(spec)) == first and cache.drawn == 2


def _fail_if_drawn(spec):
    raise AssertionError(f"a cached image was drawn again: {spec.title}")


@pytest.mark.slow
def test_many_missing_images_are_drawn_by_helper_processes_with_the_same_bytes(tmp_path):
    specs = [CardSpec(lang, f"{title} {n}", "News", FUNDED.get(lang, FUNDED["en"]), "epi-project.com")
             for n in range(5) for lang, title in TITLES.items()]
    assert len(specs) - 1 >= image_cache.PARALLEL_FROM
    cache = ImageCache(tmp_path / "cache")
    cache.get("card", "already there", lambda: card_png(specs[0]))
    drawings = [Drawing("card", "already there", _fail_if_drawn, specs[0])]
    drawings += [Drawing("card", repr(spec), card_png, spec) for spec in specs[1:]]
    images = cache.get_all(drawings)
    assert image_cache._helpers is not None  # drawn in helper processes, not here
    processes = list(image_cache._helpers._processes.values())
    assert images == [card_png(spec) for spec in specs]  # the same bytes, in the same order
    assert cache.drawn == len(specs)
    # Drawn once: a second pass reads every image from the cache.
    assert cache.get_all([Drawing(d.kind, d.content, _fail_if_drawn, d.argument) for d in drawings]) == images
    image_cache.stop_helpers()
    assert image_cache._helpers is None and processes and not any(p.is_alive() for p in processes)


def test_helpers_that_cannot_start_leave_the_drawing_to_the_build(tmp_path, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        def __init__(self, **_):
            pass

        def map(self, *_, **__):
            raise BrokenProcessPool("a child process terminated abruptly")

        def shutdown(self, **_):
            pass

    monkeypatch.setattr(image_cache, "ProcessPoolExecutor", Broken)
    monkeypatch.setattr(image_cache, "_helpers", None)
    specs = [CardSpec("it", f"{TITLES['it']} {n}", "Notizie", "Finanziato dall'Unione europea", "epi-project.com")
             for n in range(image_cache.PARALLEL_FROM)]
    drawings = [Drawing("card", repr(spec), card_png, spec) for spec in specs]
    assert ImageCache(tmp_path / "cache").get_all(drawings) == [card_png(spec) for spec in specs]
    assert image_cache._helpers is None


def test_a_few_missing_images_are_drawn_in_the_build_itself(tmp_path, monkeypatch):
    monkeypatch.setattr(image_cache, "ProcessPoolExecutor", lambda **_: pytest.fail("helpers started for one image"))
    monkeypatch.setattr(image_cache, "_helpers", None)
    spec = CardSpec("lv", TITLES["lv"], "Jaunumi", FUNDED["lv"], "epi-project.com")
    assert ImageCache(tmp_path / "cache").get_all([Drawing("card", "one", card_png, spec)]) == [card_png(spec)]


def test_entries_unused_for_a_week_are_pruned_and_used_ones_kept(tmp_path):
    spec = CardSpec("sv", TITLES["sv"], "Nyheter", "Finansieras av Europeiska unionen", "epi-project.com")
    png_bytes = card_png(spec)
    first = ImageCache(tmp_path / "cache")
    names = ("old, read again", "old, unused", "recent, unused")
    for name in names:
        first.get("card", name, lambda: png_bytes)
    entries = {name: first._path("card", name) for name in names}
    leftover = entries["old, unused"].with_suffix(".123.tmp")  # a build stopped while writing
    leftover.write_bytes(png_bytes[:10])
    day = 86400
    for path, days in ((entries["old, read again"], 30), (entries["old, unused"], 8), (leftover, 8),
                       (entries["recent, unused"], 1)):
        os.utime(path, (time.time() - days * day,) * 2)
    second = ImageCache(tmp_path / "cache")
    assert second.get("card", "old, read again", lambda: pytest.fail("drawn again")) == png_bytes
    assert second.prune() == 2
    assert not entries["old, unused"].exists() and not leftover.exists()
    assert entries["old, read again"].exists() and entries["recent, unused"].exists()
    assert ImageCache(tmp_path / "cache").prune() == 0  # reading it counted as a use, for later builds too
    assert 7 * day == image_cache.UNUSED_FOR


@pytest.mark.slow
def test_a_cached_rebuild_gives_the_bytes_of_a_cold_build(site, scratch, tmp_path, monkeypatch):
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))  # an empty cache: a cold build
    assert build(scratch, cold).returncode == 0
    assert any((tmp_path / "user-cache" / "epi-site" / "images").rglob("*.png"))
    assert not (scratch / ".cache").exists()  # never in the repository
    assert build(scratch, warm).returncode == 0
    images = sorted(p.relative_to(cold) for p in cold.rglob("*.png"))
    assert len(images) >= len(LANGUAGES) * len(declared_pages(listed_only=True))  # a card a page at least
    assert images == sorted(p.relative_to(warm) for p in warm.rglob("*.png"))
    differ = [str(p) for p in images if not filecmp.cmp(cold / p, warm / p, shallow=False)
              or not filecmp.cmp(cold / p, site / p, shallow=False)]
    assert not differ, differ[:5]


def test_an_infographic_names_the_area_as_its_language_writes_it():
    from epi_site.content.loading import load_content
    from epi_site.project import load_project
    from epi_site.rendering.visibility import funded_by, funding_line
    from epi_site.rendering.language import Language

    content, _ = load_content(load_project(ROOT))
    dataset = content.datasets["unemployment-2019"]
    sources = {}
    for lang in ("en", "lv", "pl"):
        data = infographics.texts(Language.of(content.project, lang), dataset, funded_by(Language.of(content.project, lang)),
                                  funding_line(Language.of(content.project, lang), content.site),
                                  content.places.area(dataset.area, lang), disclaimer="")
        sources[lang] = data["source"].split(" · ")[1]
    assert sources == {"en": "EU-27", "lv": "ES-27", "pl": "UE-27"}


EU_FLAG_BLUE = (0, 51, 153)


def _box(image: Image.Image, region: tuple[int, int, int, int], colour: tuple[int, int, int], tolerance: int = 24):
    """The bounding box, within ``region``, of the pixels near ``colour``."""
    crop = image.crop(region)
    pixels = crop.load()
    width, height = crop.size
    found = [(x, y) for y in range(0, height, 2) for x in range(0, width, 2)
             if all(abs(a - b) <= tolerance for a, b in zip(pixels[x, y], colour, strict=False))]
    xs, ys = [x for x, _ in found], [y for _, y in found]
    return (max(xs) - min(xs), max(ys) - min(ys)) if found else (0, 0)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_cards_emblem_is_at_least_as_large_as_the_wordmark_measured_on_the_png(site, lang):
    # The EU's rules for funded projects: the emblem at least as large as the largest other logo.
    for name in ("index.png", "partners/riga.png", "news/index.png"):
        path = site / ("" if lang == "en" else lang) / "cards" / name
        image = Image.open(path).convert("RGB")
        mark = _box(image, (0, 0, WIDTH // 2, cards.BAND), WHITE)  # the white outline of EPI
        emblem = _box(image, (0, cards.FOOTER_TOP - 10, WIDTH // 2, HEIGHT), EU_FLAG_BLUE)
        assert mark[1] > 30 and emblem[1] >= mark[1], (path, mark, emblem)
        assert emblem[0] * emblem[1] >= mark[0] * mark[1], (path, mark, emblem)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_chart_images_emblem_is_at_least_as_large_as_the_wordmark_measured_on_the_png(site, lang):
    for path in sorted((site / ("" if lang == "en" else lang) / "data").glob("*.png")):
        image = Image.open(path).convert("RGB")
        mark = _box(image, (0, 0, infographics.SIZE // 2, infographics.BAND), WHITE)
        emblem = _box(image, (0, infographics.FOOTER_TOP - 10, infographics.SIZE // 2, infographics.SIZE), EU_FLAG_BLUE)
        assert mark[1] > 30 and emblem[1] >= mark[1], (path, mark, emblem)
        assert emblem[0] * emblem[1] >= mark[0] * mark[1], (path, mark, emblem)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_chart_image_leaves_no_empty_band_between_header_and_footer(site, lang):
    """Title, source and chart sit in the middle of the white band: as much white above as below."""
    top, bottom = infographics.MIDDLE
    for path in sorted((site / ("" if lang == "en" else lang) / "data").glob("*.png")):
        band = Image.open(path).convert("RGB").crop((0, top, infographics.SIZE, bottom))
        drawn = ImageChops.difference(band, Image.new("RGB", band.size, WHITE)).getbbox()
        above, below = drawn[1], band.height - drawn[3]
        assert abs(above - below) <= 1 and above < band.height // 4, (path, above, below)


@pytest.mark.slow
def test_a_png_committed_in_the_old_cache_folder_is_never_published(site, scratch, tmp_path, monkeypatch):
    """A pull request can put a file under .cache/images/ with the very key of a card; the build
    reads its cache outside the repository only, so the published card is the drawn one."""
    import subprocess

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "first-cache"))
    assert build(scratch, tmp_path / "first").returncode == 0
    entries = sorted((tmp_path / "first-cache" / "epi-site" / "images").rglob("*.png"))
    assert len(entries) >= len(LANGUAGES) * len(declared_pages(listed_only=True))
    fake = png(Image.new("RGB", (1200, 630), (255, 0, 0)))
    for entry in entries:  # every key this build reads, in the old place, holding a red square
        planted = scratch / ".cache" / "images" / entry.relative_to(entry.parents[1])
        planted.parent.mkdir(parents=True, exist_ok=True)
        planted.write_bytes(fake)
    for args in (["init", "-q"], ["add", "-A", "-f"], ["-c", "user.name=T", "-c", "user.email=t@example.org",
                                                       "commit", "-q", "-m", "a pull request"]):
        subprocess.run(["git", "-C", str(scratch), *args], check=True, capture_output=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "second-cache"))
    out = tmp_path / "second"
    assert build(scratch, out).returncode == 0
    images = sorted(p.relative_to(out) for p in out.rglob("*.png"))
    assert len(images) >= len(LANGUAGES) * len(declared_pages(listed_only=True))  # a card a page at least
    assert not [p for p in images if (out / p).read_bytes() == fake]
    differ = [str(p) for p in images if not filecmp.cmp(out / p, site / p, shallow=False)]
    assert not differ, differ[:5]


def test_the_image_cache_key_covers_every_module_that_draws():
    """A drawing module's own imports in the package are drawing code too, or make only the keyed data."""
    import ast

    folder = ROOT / "hooks" / "epi_site" / "rendering"
    for name in image_cache._DRAWING_CODE:
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                modules = [node.module] if node.module else [alias.name for alias in node.names]
                for module in modules:
                    file = f"{module.split('.')[0]}.py"
                    assert file in image_cache._DRAWING_CODE or file in image_cache.DATA_ONLY, (name, file)
