"""Turn the polygons of one view into smooth curves without opening gaps between them.

Qt's path booleans return regions as finely flattened polygons. Fitting each
polygon on its own would fit the two sides of a shared border differently and
leave slivers. Here every border is fitted once: the polygons are cut at the
vertices where the set of polygons sharing the border changes, and each piece
between two such vertices is fitted with cubic Béziers (bezier_fit.py) with its
endpoints fixed; the neighbour uses the same curves reversed.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QPainterPath

from tools.mapgen.bezier_fit import Segment, fit_run, reversed_segments

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


def _fixed(ring: Ring, owners: dict[Point, set[str]]) -> list[int]:
    """Indices where the set of shapes sharing the border changes (the run ends).

    A vertex of one shape only (its neighbour's boolean cut the border at other
    points) does not end a run: the run is fitted on that side alone.
    """
    n = len(ring)
    sets = [frozenset(owners[p]) for p in ring]
    shared = [i for i in range(n) if len(sets[i]) > 1]
    if shared:  # a vertex of this shape only takes the border of the shared vertex before it
        last = sets[shared[-1]]
        for i in range(n):
            if len(sets[i]) > 1:
                last = sets[i]
            else:
                sets[i] = last
    fixed = [
        i
        for i in range(n)
        if len(sets[i]) > 2 or sets[i - 1] != sets[i] or sets[(i + 1) % n] != sets[i]
    ]
    if not fixed:  # the whole ring is one border: anchor it on two canonical points
        first = min(range(n), key=lambda i: ring[i])
        far = max(range(n), key=lambda i: (math.dist(ring[i], ring[first]), ring[i]))
        fixed = sorted({first, far})
    return fixed


def _runs(ring: Ring, fixed: list[int]) -> list[list[Point]]:
    n = len(ring)
    return [
        [ring[k % n] for k in range(start, end + (n if end <= start else 0) + 1)]
        for start, end in zip(fixed, fixed[1:] + fixed[:1], strict=True)
    ]


FittedRing = tuple[Point, list[Segment]]  # start point, segments back round to it


def fit_shared(shapes: dict[str, list[Ring]], tol: float) -> dict[str, list[FittedRing]]:
    """Fit cubic Béziers to every ring so that shared borders stay shared.

    Each border (a run between two vertices where the set of shapes sharing it
    changes) is fitted once, in a canonical direction, and used reversed by the
    shape on its other side: both neighbours get the very same curves.
    """
    shapes = _snapped(shapes)
    owners: dict[Point, set[str]] = {}
    for key, rings in shapes.items():
        for ring in rings:
            for p in ring:
                owners.setdefault(p, set()).add(key)
    fitted: dict[tuple[Point, ...], list[Segment]] = {}

    def fit(run: list[Point]) -> list[Segment]:
        forward, backward = tuple(run), tuple(reversed(run))
        if backward < forward:
            if backward not in fitted:
                fitted[backward] = fit_run(backward, tol)
            return reversed_segments(backward[0], fitted[backward])
        if forward not in fitted:
            fitted[forward] = fit_run(forward, tol)
        return fitted[forward]

    out: dict[str, list[FittedRing]] = {}
    for key, rings in shapes.items():
        out[key] = []
        for ring in rings:
            runs = _runs(ring, _fixed(ring, owners))
            segments = [s for run in runs for s in fit(run)]
            out[key].append((runs[0][0], segments))
    return out


def fitted_d(rings: list[FittedRing]) -> str:
    """SVG path data (absolute M/L/C/Z) for fitted closed rings."""
    parts = []
    for (x0, y0), segments in rings:
        parts.append(f"M{_num(x0)} {_num(y0)}")
        for s in segments[:-1] if segments and segments[-1][0] == "L" else segments:
            if len(s) == 2:  # ("L", p)
                parts.append(f"L{_num(s[1][0])} {_num(s[1][1])}")
            else:
                (ax, ay), (bx, by), (x, y) = s[1], s[2], s[3]
                parts.append(f"C{_num(ax)} {_num(ay)} {_num(bx)} {_num(by)} {_num(x)} {_num(y)}")
        parts.append("Z")
    return "".join(parts)


def _num(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s
