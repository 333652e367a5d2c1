"""Thin the polygons of one view without opening gaps between them.

Qt's path booleans return regions as finely flattened polygons. Thinning each
polygon on its own (Douglas-Peucker) would simplify the two sides of a shared
border differently and leave slivers. Here every border is thinned once: the
polygons are cut at the vertices where the set of polygons sharing the border
changes, and each piece between two such vertices is simplified with its
endpoints fixed, which gives the same points seen from either side.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QPainterPath

Point = tuple[float, float]
Ring = list[Point]


def rings_of(path: QPainterPath, decimals: int = 2) -> list[Ring]:
    """The closed polygons of a path, rounded, without repeated points."""
    rings: list[Ring] = []
    for poly in path.toSubpathPolygons():
        ring: Ring = []
        for i in range(poly.size()):
            p = (round(poly.at(i).x(), decimals), round(poly.at(i).y(), decimals))
            if not ring or ring[-1] != p:
                ring.append(p)
        while len(ring) > 1 and ring[0] == ring[-1]:
            ring.pop()
        if len(ring) >= 3:
            rings.append(ring)
    return rings


def _simplify(points: list[Point], tol: float) -> list[Point]:
    """Douglas-Peucker with both endpoints kept; symmetric under reversal
    except for exact ties, which are broken by the point's coordinates."""
    if len(points) < 3:
        return points
    (ax, ay), (bx, by) = points[0], points[-1]
    dx, dy = bx - ax, by - ay
    norm = math.hypot(dx, dy)
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        if norm == 0:
            dist = math.hypot(px - ax, py - ay)
        else:
            dist = abs(dy * (px - ax) - dx * (py - ay)) / norm
        if dist > best + 1e-12 or (abs(dist - best) <= 1e-12 and points[i] < points[index]):
            best, index = dist, i
    if best <= tol:
        return [points[0], points[-1]]
    left = _simplify(points[: index + 1], tol)
    return left[:-1] + _simplify(points[index:], tol)


def thin_shared(shapes: dict[str, list[Ring]], tol: float) -> dict[str, list[Ring]]:
    """Thin every ring of every shape so that shared borders stay shared."""
    shapes = _snapped(shapes)
    owners: dict[Point, set[str]] = {}
    for key, rings in shapes.items():
        for ring in rings:
            for p in ring:
                owners.setdefault(p, set()).add(key)
    out: dict[str, list[Ring]] = {}
    for key, rings in shapes.items():
        out[key] = [_thin_ring(ring, owners, tol) for ring in rings]
    return out


def _snapped(shapes: dict[str, list[Ring]], reach: float = 0.04) -> dict[str, list[Ring]]:
    """Merge vertices closer than `reach`: the booleans cut the two sides of
    a border with near-identical, not always identical, coordinates."""
    cell = 0.1
    grid: dict[tuple[int, int], list[Point]] = {}

    def rep(p: Point) -> Point:
        cx, cy = int(p[0] // cell), int(p[1] // cell)
        for i in (cx - 1, cx, cx + 1):
            for j in (cy - 1, cy, cy + 1):
                for q in grid.get((i, j), ()):
                    if abs(q[0] - p[0]) <= reach and abs(q[1] - p[1]) <= reach:
                        return q
        grid.setdefault((cx, cy), []).append(p)
        return p

    out: dict[str, list[Ring]] = {}
    for key, rings in shapes.items():
        out[key] = []
        for ring in rings:
            snapped: Ring = []
            for p in ring:
                q = rep(p)
                if not snapped or snapped[-1] != q:
                    snapped.append(q)
            while len(snapped) > 1 and snapped[0] == snapped[-1]:
                snapped.pop()
            if len(snapped) >= 3:
                out[key].append(snapped)
    return out


def _thin_ring(ring: Ring, owners: dict[Point, set[str]], tol: float) -> Ring:
    n = len(ring)
    sets = [frozenset(owners[p]) for p in ring]
    fixed = [
        i
        for i in range(n)
        if len(sets[i]) != 2 or sets[i - 1] != sets[i] or sets[(i + 1) % n] != sets[i]
    ]
    if not fixed:  # the whole ring is one border: anchor it on two canonical points
        first = min(range(n), key=lambda i: ring[i])
        far = max(range(n), key=lambda i: (math.dist(ring[i], ring[first]), ring[i]))
        fixed = sorted({first, far})
    out: Ring = []
    for j, start in enumerate(fixed):
        end = fixed[(j + 1) % len(fixed)]
        run = [ring[k % n] for k in range(start, end + (n if end <= start else 0) + 1)]
        out.extend(_simplify(run, tol)[:-1])
    return out


def _num(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def rings_d(rings: list[Ring]) -> str:
    """SVG path data (absolute M/L/Z) for closed rings."""
    parts = []
    for ring in rings:
        (x0, y0), rest = ring[0], ring[1:]
        parts.append(f"M{_num(x0)} {_num(y0)}" + "".join(f"L{_num(x)} {_num(y)}" for x, y in rest))
        parts.append("Z")
    return "".join(parts)
