#!/usr/bin/env python3
"""Make hooks/epi_site/rendering/data/europe-map.json, the boundaries the home page's map is drawn
from, out of Natural Earth's 1:50m countries (public domain) as world-atlas 2.0.2 packs them
(TopoJSON, ISC licence: see the JSON's "licence"). Run again only to change the extract:

    python3 tools/make_map.py            # fetches world-atlas with npm pack into a temporary folder
    python3 tools/make_map.py FILE.json  # or reads a countries-50m.json you have

The build never fetches anything: it reads the JSON this writes, which is committed. Each country
is projected (rendering/projection.py), clipped to the frame, simplified (Douglas-Peucker, half a
unit) and written as SVG path data, keyed by ISO 3166 alpha-2 code where the country has one.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from epi_site.rendering.projection import Frame, laea  # noqa: E402  (hooks/ is put on the path just above)

OUT = ROOT / "hooks" / "epi_site" / "rendering" / "data" / "europe-map.json"
PACKAGE = "world-atlas@2.0.2"
WIDTH = 600
# The frame: from the Atlantic off Portugal to the Black Sea, from North Africa's coast to Lapland.
CORNERS = [(-10.5, 35.5), (15.0, 35.5), (-14.0, 58.0), (32.0, 38.0), (38.0, 62.0), (28.0, 70.0)]
TOLERANCE = 0.8
MIN_AREA = 4
# ISO 3166-1 numeric (world-atlas's ids) to alpha-2 (partners.yml's country codes), for the
# countries the frame shows.
ALPHA2 = {
    "008": "AL", "020": "AD", "040": "AT", "112": "BY", "056": "BE", "070": "BA", "100": "BG", "191": "HR",
    "196": "CY", "203": "CZ", "208": "DK", "233": "EE", "246": "FI", "250": "FR", "276": "DE", "300": "GR",
    "348": "HU", "352": "IS", "372": "IE", "380": "IT", "428": "LV", "438": "LI", "440": "LT", "442": "LU",
    "470": "MT", "498": "MD", "492": "MC", "499": "ME", "528": "NL", "807": "MK", "578": "NO", "616": "PL",
    "620": "PT", "642": "RO", "643": "RU", "674": "SM", "688": "RS", "703": "SK", "705": "SI", "724": "ES",
    "752": "SE", "756": "CH", "804": "UA", "826": "GB", "336": "VA", "792": "TR", "504": "MA", "012": "DZ",
    "788": "TN", "434": "LY", "818": "EG", "760": "SY", "422": "LB", "376": "IL", "268": "GE", "051": "AM",
    "031": "AZ", "368": "IQ", "364": "IR", "400": "JO", "682": "SA", "398": "KZ", "234": "FO", "831": "GG",
    "832": "JE", "833": "IM", "292": "GI", "248": "AX",
}


def frame() -> Frame:
    xs, ys = zip(*(laea(lon, lat) for lon, lat in CORNERS), strict=True)
    scale = WIDTH / (max(xs) - min(xs))
    return Frame(min(xs), max(ys), scale, WIDTH, round((max(ys) - min(ys)) * scale))


def fetch() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, capture_output=True)
        archive = next(Path(folder).glob("world-atlas-*.tgz"))
        with tarfile.open(archive) as tar:
            licence = tar.extractfile("package/LICENSE").read().decode()
            data = json.load(tar.extractfile("package/countries-50m.json"))
    data["licence"] = licence
    return data


def arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def ring(indexes: list[int], decoded) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = decoded[index] if index >= 0 else decoded[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def clip(points, left, top, right, bottom):
    """Sutherland-Hodgman against the frame (padded, so the cut edges lie outside the view)."""
    edges = [(lambda p: p[0] >= left, lambda p, q: _cross_x(p, q, left)),
             (lambda p: p[0] <= right, lambda p, q: _cross_x(p, q, right)),
             (lambda p: p[1] >= top, lambda p, q: _cross_y(p, q, top)),
             (lambda p: p[1] <= bottom, lambda p, q: _cross_y(p, q, bottom))]
    for inside, cross in edges:
        if not points:
            break
        out = []
        for i, q in enumerate(points):
            p = points[i - 1]
            if inside(q):
                if not inside(p):
                    out.append(cross(p, q))
                out.append(q)
            elif inside(p):
                out.append(cross(p, q))
        points = out
    return points


def _cross_x(p, q, x):
    t = (x - p[0]) / (q[0] - p[0])
    return x, p[1] + t * (q[1] - p[1])


def _cross_y(p, q, y):
    t = (y - p[1]) / (q[1] - p[1])
    return p[0] + t * (q[0] - p[0]), y


def simplify(points, tolerance):
    """Douglas-Peucker, iterative (a coastline has thousands of points)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (ax, ay), (bx, by) = points[start], points[end]
        length = math.hypot(bx - ax, by - ay) or 1e-9
        worst, at = 0.0, None
        for i in range(start + 1, end):
            px, py = points[i]
            distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > worst:
                worst, at = distance, i
        if at is not None and worst > tolerance:
            keep[at] = True
            stack += [(start, at), (at, end)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(points, tolerance):
    """A closed ring, simplified as two open lines: from its first point to the point farthest from
    it, and back (Douglas-Peucker cannot measure against a line whose ends are one point)."""
    if points and points[0] == points[-1]:
        points = points[:-1]
    if len(points) < 3:
        return []
    x0, y0 = points[0]
    far = max(range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
    return simplify(points[:far + 1], tolerance)[:-1] + simplify(points[far:] + points[:1], tolerance)[:-1]


def area(points) -> float:
    return abs(sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(points, points[1:] + points[:1], strict=True))) / 2


def path(rings) -> str:
    return "".join("M" + "L".join(f"{x:.1f},{y:.1f}".replace(".0,", ",").removesuffix(".0") for x, y in r) + "Z"
                   for r in rings)


def main(argv: list[str]) -> int:
    topology = json.loads(Path(argv[0]).read_text()) if argv else fetch()
    if argv:
        topology["licence"] = (Path(argv[0]).parent / "LICENSE").read_text()
    view = frame()
    decoded = arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                projected = [view.point(lon, lat) for lon, lat in ring(indexes, decoded)]
                cut = clip(projected, -20, -20, view.width + 20, view.height + 20)
                small = simplify_ring(cut, TOLERANCE)
                if len(small) >= 3 and area(small) >= MIN_AREA:
                    rings.append(small)
        if rings:
            key = ALPHA2.get(geometry.get("id") or "", geometry["properties"]["name"])
            countries[key] = countries.get(key, "") + path(rings)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({
        "source": "Natural Earth 1:50m Admin 0 countries (public domain), via world-atlas 2.0.2 "
                  "(https://github.com/topojson/world-atlas), made by tools/make_map.py",
        "licence": topology["licence"],
        "frame": {"left": view.left, "top": view.top, "scale": view.scale, "width": view.width, "height": view.height},
        "countries": dict(sorted(countries.items())),
    }, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
