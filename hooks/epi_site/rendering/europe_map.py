"""The map of Europe on the home page: drawn at build time from the vendored boundaries
(data/europe-map.json, made by tools/make_map.py from Natural Earth), with no tile and no request.

Two parts: the base map, one SVG file for every language (the partners' countries tinted), shown
through an <image> so that it is cached once; and, in each page, the cities as links over it, with
their names in the page's language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from .projection import Frame

DATA = Path(__file__).parent / "data" / "europe-map.json"
MAP_PATH = "assets/europe-map.svg"
SEA, LAND, PARTNER_LAND, BORDER = "#eef3fa", "#dde3ec", "#a9bee0", "#ffffff"
LABEL_SIZE = 22  # SVG units: 12 CSS px at 360 px, where the map is 328 px wide; hidden below (epi.css)
DOT = 9
GAP = 8


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def frame() -> Frame:
    return Frame(**_data()["frame"])


def base_map(countries: frozenset[str]) -> bytes:
    """The SVG file: every country of the frame, those in ``countries`` (ISO alpha-2) tinted."""
    data, view = _data(), frame()
    paths = "".join(f'<path d="{d}" fill="{PARTNER_LAND if code in countries else LAND}"/>'
                    for code, d in data["countries"].items())
    licence = escape(data["licence"]).replace("--", "- -")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {view.width} {view.height}" '
            f'width="{view.width}" height="{view.height}">\n<!-- {escape(data["source"])}.\n{licence} -->\n'
            f'<rect width="{view.width}" height="{view.height}" fill="{SEA}"/>'
            f'<g stroke="{BORDER}" stroke-width="0.8" stroke-linejoin="round">{paths}</g></svg>\n').encode()


@dataclass(frozen=True)
class Mark:
    """A city on the map: where its dot is, and where its name goes."""
    key: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor: start (name to the right), end (to the left), middle (below or above)


def _box(x: float, y: float, anchor: str, width: float) -> tuple[float, float, float, float]:
    left = {"start": x, "end": x - width, "middle": x - width / 2}[anchor]
    return left, y - LABEL_SIZE * 0.8, left + width, y + LABEL_SIZE * 0.25


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place(points: dict[str, tuple[float, float]], names: dict[str, str]) -> list[Mark]:
    """Each city's name beside its dot, on the first side where it stays inside the map and clear of
    every other dot and name (right, left, below, above); names are measured at an average letter width."""
    view = frame()
    dots = {key: (x - DOT, y - DOT, x + DOT, y + DOT) for key, (x, y) in points.items()}
    taken: list[tuple[float, float, float, float]] = []
    marks = []
    for key, (x, y) in sorted(points.items(), key=lambda item: item[1][0]):
        width = len(names[key]) * LABEL_SIZE * 0.56
        sides = [(x + DOT + GAP, y + LABEL_SIZE * 0.3, "start"), (x - DOT - GAP, y + LABEL_SIZE * 0.3, "end"),
                 (x, y + DOT + GAP + LABEL_SIZE * 0.8, "middle"), (x, y - DOT - GAP, "middle")]
        chosen = sides[0]
        for side in sides:
            box = _box(*side, width)
            inside = box[0] >= 4 and box[2] <= view.width - 4 and box[1] >= 4 and box[3] <= view.height - 4
            clear = not any(_overlaps(box, other) for other_key, other in dots.items() if other_key != key) \
                and not any(_overlaps(box, other) for other in taken)
            if inside and clear:
                chosen = side
                break
        taken.append(_box(*chosen, width))
        marks.append(Mark(key, round(x, 1), round(y, 1), round(chosen[0], 1), round(chosen[1], 1), chosen[2]))
    return marks


def marks(positions: dict[str, tuple[float, float]], names: dict[str, str]) -> list[Mark]:
    """The marks of the cities in ``positions`` ({id: (latitude, longitude)}), named by ``names``."""
    view = frame()
    points = {key: view.point(lon, lat) for key, (lat, lon) in positions.items() if key in names}
    return place(points, names)
