"""Moving between a map's regions with the keyboard: pure geometry on label points.

``neighbour(points, current, "right")`` is the region a user expects the Right arrow
to reach: one whose label point lies that way, preferring those within 45 degrees of
the direction, then the nearest (straight-line distance plus the distance across the
direction, so a region in line beats one off to the side). Ties go to the smaller key,
so the answer never depends on dict order.
``first_key``/``last_key`` are where Home and End go: the region nearest the top-left
(bottom-right) corner of the label points, as a reader starts a page.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

Point = tuple[float, float]
DIRECTIONS: dict[str, Point] = {
    "right": (1.0, 0.0),
    "left": (-1.0, 0.0),
    "up": (0.0, -1.0),  # scene y grows downwards
    "down": (0.0, 1.0),
}


def neighbour(points: Mapping[str, Point], current: str, direction: str) -> str | None:
    """The key reached from ``current`` by one arrow key, or None at the map's edge."""
    dx, dy = DIRECTIONS[direction]
    ox, oy = points[current]
    best: tuple[int, float, str] | None = None
    for key, (x, y) in points.items():
        if key == current:
            continue
        along = (x - ox) * dx + (y - oy) * dy
        across = abs((x - ox) * dy - (y - oy) * dx)
        if along <= 0.5:  # not that way (or level with the current region)
            continue
        score = (0 if across <= along else 1, math.hypot(along, across) + across, key)
        if best is None or score < best:
            best = score
    return best[2] if best is not None else None


def _nearest_corner(points: Mapping[str, Point], right_bottom: bool) -> str | None:
    if not points:
        return None
    xs = [x for x, _y in points.values()]
    ys = [y for _x, y in points.values()]
    cx, cy = (max(xs), max(ys)) if right_bottom else (min(xs), min(ys))
    return min(points, key=lambda k: (math.hypot(points[k][0] - cx, points[k][1] - cy), k))


def first_key(points: Mapping[str, Point]) -> str | None:
    """Where Home goes: the region nearest the top-left corner."""
    return _nearest_corner(points, right_bottom=False)


def last_key(points: Mapping[str, Point]) -> str | None:
    """Where End goes: the region nearest the bottom-right corner."""
    return _nearest_corner(points, right_bottom=True)
