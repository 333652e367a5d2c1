"""Moving between a map's regions with the keyboard: pure geometry on label points.

``neighbour(points, current, "right", outlines)`` is the region a user expects the Right
arrow to reach on screen: one whose label point lies that way, preferring those with a
point (of its outline, or its label point) within 45 degrees of the direction, then the
nearest such point (straight-line distance plus the distance across the direction, so a
region in line beats one off to the side). Ties go to the smaller key, so the answer
never depends on dict order. ``find(names, text)`` is type-to-find.
``first_key``/``last_key`` are where Home and End go: the region nearest the top-left
(bottom-right) corner of the label points, as a reader starts a page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

Point = tuple[float, float]
CONE = 0.75  # how far off the direction a point may lie (across / along: ~37 degrees)
DIRECTIONS: dict[str, Point] = {
    "right": (1.0, 0.0),
    "left": (-1.0, 0.0),
    "up": (0.0, -1.0),  # scene y grows downwards
    "down": (0.0, 1.0),
}


def neighbour(
    points: Mapping[str, Point],
    current: str,
    direction: str,
    outlines: Mapping[str, Sequence[Point]] | None = None,
) -> str | None:
    """The key reached from ``current`` by one arrow key, or None at the map's edge.

    With ``outlines`` (key -> points along the region's outline, in the same
    coordinates as ``points``), a region is as near as the nearest point of its outline
    that lies that way: Up from a toe reaches the region just above the toe, not a
    larger one whose middle happens to be nearer."""
    dx, dy = DIRECTIONS[direction]
    ox, oy = points[current]
    best: tuple[int, float, str] | None = None
    for key, label in points.items():
        if key == current or _along(label, ox, oy, dx, dy) <= 0.5:
            continue  # its middle is not that way (or is level with the current region)
        score: tuple[int, float, str] | None = None
        for x, y in (label, *(outlines or {}).get(key, ())):
            along = (x - ox) * dx + (y - oy) * dy
            if along <= 0.5:
                continue
            across = abs((x - ox) * dy - (y - oy) * dx)
            if across > along * CONE:
                continue  # off to the side: not "that way" on screen
            point_score = (0, math.hypot(along, across) + across, key)
            if score is None or point_score < score:
                score = point_score
        if score is not None and (best is None or score < best):
            best = score
    return best[2] if best is not None else None


def _along(point: Point, ox: float, oy: float, dx: float, dy: float) -> float:
    return (point[0] - ox) * dx + (point[1] - oy) * dy


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


def find(names: Mapping[str, str], text: str, side: str = "") -> list[str]:
    """Type-to-find: the keys whose name has a word starting with each typed word.

    ``names``: key -> words a user reads ("Little toe — patient's left"). Regions whose
    name starts with the first typed word come first, then those on ``side`` (the side
    the user is on), then by key."""
    typed = _words(text)
    if not typed:
        return []
    found = []
    for key, name in names.items():
        words = _words(name)
        if all(any(w.startswith(t) for w in words) for t in typed):
            starts = words[:1] and words[0].startswith(typed[0])
            found.append((not starts, not key.startswith(f"{side}."), key))
    return [key for *_rank, key in sorted(found)]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'s", ""))
