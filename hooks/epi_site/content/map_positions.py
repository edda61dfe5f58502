"""content/map.yml: where the home page's map marks each city partner."""

from __future__ import annotations

import math

from ..project import Project
from .partners import Partner
from ..problems import Problems
from .sources import read_yaml

FILE = "content/map.yml"
EXAMPLE = "riga: [56.95, 24.11]"
# The part of the world the map shows (tools/make_map.py's frame, with a margin): a position
# outside it is a typing mistake (latitude and longitude swapped, a sign lost).
LATITUDES, LONGITUDES = (33.0, 72.0), (-25.0, 45.0)


def _finite(value) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return isinstance(value, int) or math.isfinite(value)


def load_positions(project: Project, partners: list[Partner], problems: Problems) -> dict[str, tuple[float, float]]:
    """{partner id: (latitude, longitude)} for the city partners that have one."""
    path = project.content_dir / "map.yml"
    if not path.exists():
        return {}
    data = read_yaml(path, project.root, problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add(FILE, "this file should hold one 'city id: [latitude, longitude]' line per city", fix=EXAMPLE)
        return {}
    cities = {p.id for p in partners if p.role == "city"}
    # A partner content/partners.yml could not load already has its problem there: naming it here too
    # would send the editor to the map for a mistake that is not in it.
    partners_broken = any(problem.file == "content/partners.yml" for problem in problems)
    positions = {}
    for key, value in data.items():
        line = data.line_of(key)
        if key not in cities:
            if partners_broken:
                continue
            problems.add(FILE, f"'{key}' is not the id of a city partner", line=line,
                         fix=f"use one of: {', '.join(sorted(cities))}")
            continue
        numbers = value if isinstance(value, list) and len(value) == 2 else None
        if numbers is None or not all(_finite(n) for n in numbers):
            problems.add(FILE, f"the position of '{key}' should be two numbers: latitude, then longitude",
                         line=line, fix=f"write it as {EXAMPLE}")
            continue
        lat, lon = numbers  # compared before float(): a 400-digit integer has no float
        if not (LATITUDES[0] <= lat <= LATITUDES[1] and LONGITUDES[0] <= lon <= LONGITUDES[1]):
            shown = ", ".join(str(n) if len(str(n)) < 20 else str(n)[:12] + "…" for n in numbers)
            problems.add(FILE, f"the position of '{key}' ({shown}) is not on the map of Europe", line=line,
                         fix="write the latitude first (north, 33 to 72), then the longitude (east; west is negative)")
            continue
        positions[key] = (float(lat), float(lon))
    for city in sorted(cities - set(data)):
        problems.warn(FILE, f"the city partner '{city}' has no position, so the map leaves it out",
                      fix=f"add a line such as {EXAMPLE}")
    return positions
