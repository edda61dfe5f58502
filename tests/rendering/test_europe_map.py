"""rendering/europe_map.py and content/map_positions.py: the map of Europe on the home page."""

from __future__ import annotations

import re

import pytest
from lxml import etree, html

from conftest import LANGUAGES, ROOT, page_path
from epi_site.content.loading import load_content
from epi_site.content.map_positions import load_positions
from epi_site.content.partners import load_partners
from epi_site.problems import Problems
from epi_site.project import load_project
from epi_site.rendering import europe_map

PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)
CITIES = [p for p in CONTENT.partners if p.role == "city"]


def _rings(path_data: str) -> list[list[tuple[float, float]]]:
    return [[tuple(map(float, point.split(","))) for point in ring.split("L")]
            for ring in re.findall(r"M([^MZ]+)Z", path_data)]


def _inside(point, ring) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_every_city_lies_in_its_own_country_on_the_vendored_boundaries():
    """The build's projection and the one tools/make_map.py used agree: each dot falls inside the
    outline of its partner's country (a swapped latitude, or two projections, would not)."""
    countries = europe_map._data()["countries"]
    names = {p.id: p.id for p in CITIES}
    for mark in europe_map.marks(CONTENT.positions, names):
        country = next(p.country for p in CITIES if p.id == mark.key)
        assert any(_inside((mark.x, mark.y), ring) for ring in _rings(countries[country])), mark


@pytest.mark.parametrize("lang", LANGUAGES)
def test_names_stay_on_the_map_and_clear_of_each_other(lang):
    names = {p.id: CONTENT.places.city(p, lang) for p in CITIES}
    marks = europe_map.marks(CONTENT.positions, names)
    assert len(marks) == len(CITIES)
    view = europe_map.frame()
    boxes = []
    for mark in marks:
        width = len(names[mark.key]) * europe_map.LABEL_SIZE * 0.56
        box = europe_map._box(mark.label_x, mark.label_y, mark.anchor, width)
        assert box[0] >= 0 and box[2] <= view.width and box[1] >= 0 and box[3] <= view.height, (mark, box)
        boxes.append(box)
    assert not [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if europe_map._overlaps(a, b)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_maps_every_city_as_a_link_named_in_its_language(site, lang):
    tree = html.fromstring(page_path(site, lang).read_bytes())
    figure = tree.xpath("//figure[@class='epi-map']")[0]
    svg = figure.xpath(".//svg")[0]
    # The figure takes its name from its caption; the drawing has no role of its own (role="img"
    # would hide its links from screen readers, and the HTML checker allows no "group" on an svg).
    assert figure.xpath("string(figcaption)").strip() and svg.get("role") is None
    image = svg.xpath("image")[0]
    assert (page_path(site, lang).parent / image.get("href")).resolve() == (site / europe_map.MAP_PATH).resolve()
    links = svg.xpath(".//a")
    cards = tree.xpath("//ul[@class='epi-cities']//a")
    assert len(links) == len(cards) == len(CITIES)
    for link in links:
        target = page_path(site, lang).parent / link.get("href") / "index.html"
        assert target.is_file(), link.get("href")
    names = {a.get("href"): " ".join(a.xpath(".//span/text()")) for a in cards}
    for link in links:
        name = link.xpath("string(.//*[@class='epi-map__label'])").strip()
        assert name
        assert link.get("aria-label").startswith(name + ", ")
        assert names[link.get("href")].startswith(name)


def test_the_base_map_is_one_inert_file_with_the_partners_countries_tinted(site):
    raw = (site / europe_map.MAP_PATH).read_bytes()
    root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    tags = {etree.QName(el).localname for el in root.iter() if isinstance(el.tag, str)}
    assert tags <= {"svg", "rect", "g", "path"}, tags
    assert b"href" not in raw and b"url(" not in raw and b"Natural Earth" in raw
    tinted = {path.get("d") for path in root.iter("{http://www.w3.org/2000/svg}path")
              if path.get("fill") == europe_map.PARTNER_LAND}
    countries = europe_map._data()["countries"]
    assert tinted == {countries[code] for code in {p.country for p in CONTENT.partners}}
    assert not list(site.glob("*/assets/europe-map.svg")), "one file for every language"


def _positions(scratch, text: str):
    (scratch / "content" / "map.yml").write_text(text, encoding="utf-8")
    project = load_project(scratch)
    problems = Problems()
    partners, _ = load_partners(project, problems)
    return load_positions(project, partners, problems), problems


@pytest.mark.parametrize(("text", "message"), [
    ("rome: [41.9, 12.5]\n", "'rome' is not the id of a city partner"),
    ("patrir: [45.0, 25.0]\n", "'patrir' is not the id of a city partner"),
    ("riga: 56.95\n", "should be two numbers"),
    ("riga: [56.95]\n", "should be two numbers"),
    ("riga: ['56.95', '24.11']\n", "should be two numbers"),
    ("riga: [true, 24.11]\n", "should be two numbers"),
    ("riga: [.nan, 24.11]\n", "should be two numbers"),
    ("riga: [.inf, 24.11]\n", "should be two numbers"),
    ("riga: [24.11, 56.95]\n", "is not on the map of Europe"),
    ("riga: [56.95, -124.11]\n", "is not on the map of Europe"),
    ("riga: [" + "9" * 400 + ", 24.11]\n", "is not on the map of Europe"),
    ("- riga\n", "one 'city id: [latitude, longitude]' line per city"),
])
def test_a_wrong_position_is_refused_with_its_line(scratch, text, message):
    positions, problems = _positions(scratch, text)
    found = [str(p) for p in problems.items]
    assert any(message in item and "content/map.yml" in item for item in found), found
    assert "riga" not in positions or message == ""


def test_a_partner_that_could_not_load_is_reported_once_in_its_own_file(scratch):
    partners = scratch / "content" / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("role: city\n  name: Riga", "role: town\n  name: Riga"),
                        encoding="utf-8")
    positions, problems = _positions(scratch, (ROOT / "content" / "map.yml").read_text(encoding="utf-8"))
    files = [p.file for p in problems.items]
    assert "content/partners.yml" in files and "content/map.yml" not in files, files
    assert "riga" not in positions and len(positions) == len(CITIES) - 1


def test_a_city_without_a_position_is_a_warning_and_left_off(scratch):
    text = (ROOT / "content" / "map.yml").read_text(encoding="utf-8")
    positions, problems = _positions(scratch, re.sub(r"^riga: .*\n", "", text, flags=re.M))
    assert not problems.items and "riga" not in positions and len(positions) == len(CITIES) - 1
    assert any("'riga' has no position" in str(w) for w in problems.warning_list())


@pytest.mark.parametrize("lang", ["lv", "pl", "en"])
def test_map_names_are_never_under_12_px_and_the_cities_are_links_to_tab_to(browser, server, lang):
    for width, shown in ((320, False), (360, True), (390, True), (1366, True)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(server + ("" if lang == "en" else f"{lang}/"))
        sizes = page.eval_on_selector_all(".epi-map__label", """labels => labels.map(label => {
            const box = label.getBoundingClientRect();
            return getComputedStyle(label).display === 'none' ? 0 : box.height;
        })""")
        assert len(sizes) == len(CITIES)
        if shown:
            # The glyphs' box is about 1.15 times the font size: 12 CSS px of type is 13.8 px of box.
            assert min(sizes) >= 12 * 1.1, (width, sizes)
        else:
            assert not any(sizes), (width, sizes)
        assert page.eval_on_selector_all(".epi-map a", "links => links.every(a => a.tabIndex >= 0)")
        page.close()


from chromium import browser, server  # noqa: E402,F401  the same Chromium and local server fixtures
