"""The map's projection: Lambert azimuthal equal-area centred on 10° E, 52° N, the projection of
the EU's own statistical maps (ETRS89-LAEA, EPSG:3035), on a sphere, scaled into the map's frame.

Shared by tools/make_map.py, which projected the vendored boundaries once, and the build, which
places the cities on them: the two must agree to the pixel, so the formula is written once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

CENTRE = (10.0, 52.0)  # longitude, latitude


def laea(lon: float, lat: float) -> tuple[float, float]:
    """Unit-sphere coordinates, x to the east and y to the north."""
    lon0, lat0 = (math.radians(v) for v in CENTRE)
    lam, phi = math.radians(lon), math.radians(lat)
    k = math.sqrt(2 / (1 + math.sin(lat0) * math.sin(phi) + math.cos(lat0) * math.cos(phi) * math.cos(lam - lon0)))
    x = k * math.cos(phi) * math.sin(lam - lon0)
    y = k * (math.cos(lat0) * math.sin(phi) - math.sin(lat0) * math.cos(phi) * math.cos(lam - lon0))
    return x, y


@dataclass(frozen=True)
class Frame:
    """Which part of the projected plane the map shows, and at what size (SVG user units)."""
    left: float
    top: float
    scale: float
    width: int
    height: int

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = laea(lon, lat)
        return (x - self.left) * self.scale, (self.top - y) * self.scale
