"""Plane geometry for map regions: flattening, point-in-path, bounds, an interior point.

Pure Python, no Qt. A path is a tuple of absolute commands ("M", x, y), ("L", x, y),
("C", x1, y1, x2, y2, x, y), ("Z",); its area is read with the nonzero winding rule.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from typing import Any

Point = tuple[float, float]
Ring = tuple[Point, ...]
Command = tuple[Any, ...]  # ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y) | ("Z",)
BBox = tuple[float, float, float, float]

CURVE_STEPS = 12  # a cubic is flattened into this many chords for hit-testing


def rings(commands: Sequence[Command]) -> tuple[Ring, ...]:
    """The closed polygons (one per subpath) that approximate the path."""
    out: list[Ring] = []
    current: list[Point] = []
    x = y = 0.0
    for command in commands:
        op = command[0]
        if op == "M":
            if len(current) > 2:
                out.append(tuple(current))
            x, y = command[1], command[2]
            current = [(x, y)]
        elif op == "L":
            x, y = command[1], command[2]
            current.append((x, y))
        elif op == "C":
            x1, y1, x2, y2, x3, y3 = command[1:7]
            for i in range(1, CURVE_STEPS + 1):
                t = i / CURVE_STEPS
                u = 1.0 - t
                a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
                current.append((a * x + b * x1 + c * x2 + d * x3, a * y + b * y1 + c * y2 + d * y3))
            x, y = x3, y3
        elif op == "Z" and current:
            x, y = current[0]
    if len(current) > 2:
        out.append(tuple(current))
    return tuple(out)


def bbox(path_rings: Sequence[Ring]) -> BBox:
    xs = [p[0] for ring in path_rings for p in ring]
    ys = [p[1] for ring in path_rings for p in ring]
    return (min(xs), min(ys), max(xs), max(ys))


def winding(path_rings: Sequence[Ring], x: float, y: float) -> int:
    """The winding number of the rings around (x, y)."""
    total = 0
    for ring in path_rings:
        n = len(ring)
        for i in range(n):
            x0, y0 = ring[i]
            x1, y1 = ring[(i + 1) % n]
            if y0 <= y:
                if y1 > y and (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0) > 0:
                    total += 1
            elif y1 <= y and (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0) < 0:
                total -= 1
    return total


def contains(path_rings: Sequence[Ring], box: BBox, x: float, y: float) -> bool:
    """Point-in-path with the nonzero rule, pruned by the bounding box."""
    if not (box[0] <= x <= box[2] and box[1] <= y <= box[3]):
        return False
    return winding(path_rings, x, y) != 0


def _edge_distance(path_rings: Sequence[Ring], x: float, y: float) -> float:
    best = math.inf
    for ring in path_rings:
        n = len(ring)
        for i in range(n):
            ax, ay = ring[i]
            bx, by = ring[(i + 1) % n]
            dx, dy = bx - ax, by - ay
            length2 = dx * dx + dy * dy
            t = (
                0.0
                if length2 == 0
                else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length2))
            )
            ex, ey = ax + t * dx - x, ay + t * dy - y
            d2 = ex * ex + ey * ey
            if d2 < best:
                best = d2
    return math.sqrt(best)


def _thinned(ring: Ring, most: int = 64) -> Ring:
    """Every k-th vertex, so that a label search on a long ring stays quick."""
    step = -(-len(ring) // most)
    return ring if step <= 1 else ring[::step]


def interior_point(path_rings: Sequence[Ring], precision: float | None = None) -> Point:
    """The pole of inaccessibility: the inside point farthest from the edge (polylabel).

    Unlike a centroid it always lies inside, even in a crescent or an L-shaped region.
    """
    coarse = tuple(_thinned(ring) for ring in path_rings)
    if coarse != tuple(path_rings):
        point = interior_point(coarse, precision)
        if winding(path_rings, *point) != 0:
            return point
    box = bbox(path_rings)

    def signed(x: float, y: float) -> float:
        d = _edge_distance(path_rings, x, y)
        return d if winding(path_rings, x, y) != 0 else -d

    width, height = box[2] - box[0], box[3] - box[1]
    # cells as wide as the shape is thin, but no more than ~64 of them to start with
    size = max(min(width, height), math.sqrt(width * height / 64))
    if size <= 0:
        return (box[0], box[1])
    if precision is None:  # a fortieth of the region's size is ample for a label
        precision = max(0.25, size / 40)
    half = size / 2
    queue: list[tuple[float, float, float, float, float]] = []

    def push(x: float, y: float, h: float) -> None:
        d = signed(x, y)
        heapq.heappush(queue, (-(d + h * math.sqrt(2)), d, x, y, h))

    x = box[0]
    while x < box[2]:
        y = box[1]
        while y < box[3]:
            push(x + half, y + half, half)
            y += size
        x += size
    # start from the best of the grid cells' centres (never the centroid, which may be outside)
    best_d, best = -math.inf, (box[0] + width / 2, box[1] + height / 2)
    for _, d, cx, cy, _ in queue:
        if d > best_d:
            best_d, best = d, (cx, cy)
    while queue:
        bound, d, cx, cy, h = heapq.heappop(queue)
        if d > best_d:
            best_d, best = d, (cx, cy)
        if -bound - best_d <= precision:
            continue
        h /= 2
        for sx in (-h, h):
            for sy in (-h, h):
                push(cx + sx, cy + sy, h)
    return best
