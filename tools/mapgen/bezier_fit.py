"""Fit cubic Béziers to the flattened polylines Qt's path booleans return (build tool).

Schneider's algorithm ("An Algorithm for Automatically Fitting Digitized Curves",
Graphics Gems, 1990): a run of points is fitted by one cubic with least-squares
control points and Newton reparameterisation, and split at its worst point until
every point lies within `tol` of the curve. Runs are first split at sharp corners
(the notch between two fingers, the corner of a cut line), which stay corners.
A straight run becomes one line segment.

No Qt here: points are (x, y) tuples. A segment is ("L", p) or ("C", c1, c2, p);
a fitted run starts at its first point.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

Point = tuple[float, float]
Segment = tuple[str, Point] | tuple[str, Point, Point, Point]  # ("L", p) | ("C", c1, c2, p)

CORNER_DEGREES = 40.0  # a turn sharper than this (over a short reach) is kept as a corner
REACH = 1.2  # user units either side of a point used to measure its direction
MAX_SPAN = 60.0  # longest fitted curve, so that a 12-chord flattening stays close


def _sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def _unit(v: Point) -> Point:
    n = math.hypot(*v)
    return (v[0] / n, v[1] / n) if n > 1e-12 else (0.0, 0.0)


def _lengths(points: Sequence[Point]) -> list[float]:
    acc = [0.0]
    for a, b in pairwise(points):
        acc.append(acc[-1] + math.dist(a, b))
    return acc


def _point_at_distance(
    points: Sequence[Point], acc: list[float], i: int, reach: float, forward: bool
) -> Point:
    """The first point at least `reach` along the run from point i (or the run's end)."""
    step = 1 if forward else -1
    j = i
    while 0 <= j + step < len(points):
        j += step
        if abs(acc[j] - acc[i]) >= reach:
            break
    return points[j]


def _corners(points: Sequence[Point], acc: list[float]) -> list[int]:
    """Inner indices where the run turns sharply (symmetric under reversal)."""
    out: list[int] = []
    for i in range(1, len(points) - 1):
        a = _unit(_sub(points[i], _point_at_distance(points, acc, i, REACH, False)))
        b = _unit(_sub(_point_at_distance(points, acc, i, REACH, True), points[i]))
        if a == (0.0, 0.0) or b == (0.0, 0.0):
            continue
        cos = max(-1.0, min(1.0, a[0] * b[0] + a[1] * b[1]))
        if math.degrees(math.acos(cos)) > CORNER_DEGREES:
            # keep only the sharpest point of a cluster of turning points
            if out and acc[i] - acc[out[-1]] < REACH:
                continue
            out.append(i)
    return out


def _straight(points: Sequence[Point], tol: float) -> bool:
    a, b = points[0], points[-1]
    d = _sub(b, a)
    n = math.hypot(*d)
    if n < 1e-9:
        return False
    return all(abs(d[1] * (p[0] - a[0]) - d[0] * (p[1] - a[1])) / n <= tol for p in points)


def _bezier(ctrl: Sequence[Point], t: float) -> Point:
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (
        a * ctrl[0][0] + b * ctrl[1][0] + c * ctrl[2][0] + d * ctrl[3][0],
        a * ctrl[0][1] + b * ctrl[1][1] + c * ctrl[2][1] + d * ctrl[3][1],
    )


def _generate(points: Sequence[Point], u: Sequence[float], t1: Point, t2: Point) -> list[Point]:
    p0, p3 = points[0], points[-1]
    c00 = c01 = c11 = x0 = x1 = 0.0
    for p, t in zip(points, u, strict=True):
        s = 1 - t
        a1 = (t1[0] * 3 * s * s * t, t1[1] * 3 * s * s * t)
        a2 = (t2[0] * 3 * s * t * t, t2[1] * 3 * s * t * t)
        c00 += a1[0] * a1[0] + a1[1] * a1[1]
        c01 += a1[0] * a2[0] + a1[1] * a2[1]
        c11 += a2[0] * a2[0] + a2[1] * a2[1]
        b0 = s * s * s + 3 * s * s * t
        b1 = 3 * s * t * t + t * t * t
        tmp = (p[0] - (p0[0] * b0 + p3[0] * b1), p[1] - (p0[1] * b0 + p3[1] * b1))
        x0 += a1[0] * tmp[0] + a1[1] * tmp[1]
        x1 += a2[0] * tmp[0] + a2[1] * tmp[1]
    det = c00 * c11 - c01 * c01
    seg = math.dist(p0, p3)
    alpha1 = alpha2 = 0.0
    if abs(det) > 1e-12:
        alpha1 = (x0 * c11 - c01 * x1) / det
        alpha2 = (c00 * x1 - x0 * c01) / det
    eps = 1e-6 * seg
    if alpha1 < eps or alpha2 < eps or alpha1 > 2 * seg or alpha2 > 2 * seg:
        alpha1 = alpha2 = seg / 3  # Wu/Barsky heuristic
    return [
        p0,
        (p0[0] + t1[0] * alpha1, p0[1] + t1[1] * alpha1),
        (p3[0] + t2[0] * alpha2, p3[1] + t2[1] * alpha2),
        p3,
    ]


def _reparameterise(ctrl: Sequence[Point], points: Sequence[Point], u: list[float]) -> list[float]:
    d1 = [(3 * (ctrl[i + 1][0] - ctrl[i][0]), 3 * (ctrl[i + 1][1] - ctrl[i][1])) for i in range(3)]
    d2 = [(2 * (d1[i + 1][0] - d1[i][0]), 2 * (d1[i + 1][1] - d1[i][1])) for i in range(2)]
    out = []
    for p, t in zip(points, u, strict=True):
        q = _bezier(ctrl, t)
        s = 1 - t
        q1 = (
            d1[0][0] * s * s + d1[1][0] * 2 * s * t + d1[2][0] * t * t,
            d1[0][1] * s * s + d1[1][1] * 2 * s * t + d1[2][1] * t * t,
        )
        q2 = (d2[0][0] * s + d2[1][0] * t, d2[0][1] * s + d2[1][1] * t)
        num = (q[0] - p[0]) * q1[0] + (q[1] - p[1]) * q1[1]
        den = q1[0] ** 2 + q1[1] ** 2 + (q[0] - p[0]) * q2[0] + (q[1] - p[1]) * q2[1]
        out.append(min(1.0, max(0.0, t - num / den)) if abs(den) > 1e-12 else t)
    return out


def _max_error(
    ctrl: Sequence[Point], points: Sequence[Point], u: Sequence[float]
) -> tuple[float, int]:
    worst, index = 0.0, len(points) // 2
    for i in range(1, len(points) - 1):
        d = math.dist(_bezier(ctrl, u[i]), points[i])
        if d > worst:
            worst, index = d, i
    return worst, index


def _tangent(points: Sequence[Point], acc: list[float], i: int, forward: bool) -> Point:
    """Unit direction at the end i of a piece, pointing into it, over a short reach."""
    return _unit(_sub(_point_at_distance(points, acc, i, REACH, forward), points[i]))


def _fit_piece(
    points: Sequence[Point], t1: Point, t2: Point, tol: float, out: list[Segment], depth: int = 0
) -> None:
    if len(points) == 2 or _straight(points, tol):
        out.append(("L", points[-1]))
        return
    acc = _lengths(points)
    total = acc[-1]
    u = [a / total for a in acc]
    ctrl = _generate(points, u, t1, t2)
    err, split = _max_error(ctrl, points, u)
    if err > tol and err < tol * 4:
        for _ in range(8):
            u = _reparameterise(ctrl, points, u)
            ctrl = _generate(points, u, t1, t2)
            err, split = _max_error(ctrl, points, u)
            if err <= tol:
                break
    if (err <= tol and total <= MAX_SPAN) or depth > 30 or len(points) < 4:
        if err > tol:  # cannot fit: keep the points
            out.extend(("L", p) for p in points[1:])
            return
        out.append(("C", ctrl[1], ctrl[2], ctrl[3]))
        return
    if err <= tol:  # too long: split in the middle
        split = max(1, min(len(points) - 2, len(points) // 2))
    split = max(1, min(len(points) - 2, split))
    centre = _unit(
        _sub(
            _point_at_distance(points, acc, split, REACH, True),
            _point_at_distance(points, acc, split, REACH, False),
        )
    )
    if centre == (0.0, 0.0):
        centre = _unit(_sub(points[split + 1], points[split - 1]))
    _fit_piece(points[: split + 1], t1, (-centre[0], -centre[1]), tol, out, depth + 1)
    _fit_piece(points[split:], centre, t2, tol, out, depth + 1)


def fit_run(points: Sequence[Point], tol: float) -> list[Segment]:
    """Segments from points[0] through points[-1], every point within `tol`."""
    points = list(points)
    if len(points) < 2:
        return []
    acc = _lengths(points)
    cuts = [0, *_corners(points, acc), len(points) - 1]
    out: list[Segment] = []
    for a, b in pairwise(cuts):
        piece = points[a : b + 1]
        pacc = _lengths(piece)
        t1 = _tangent(piece, pacc, 0, True)
        t2 = _tangent(piece, pacc, len(piece) - 1, False)
        _fit_piece(piece, t1, t2, tol, out)
    return out


def reversed_segments(start: Point, segments: Sequence[Segment]) -> list[Segment]:
    """The same curve run backwards: from the last end point back to `start`."""
    ends = [start] + [s[-1] for s in segments]
    out: list[Segment] = []
    for i in range(len(segments) - 1, -1, -1):
        s = segments[i]
        if len(s) == 2:  # ("L", p)
            out.append(("L", ends[i]))
        else:
            out.append(("C", s[2], s[1], ends[i]))
    return out
