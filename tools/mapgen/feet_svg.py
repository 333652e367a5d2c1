"""Shared helpers for the foot and spine map generators (build tool; uses Qt).

Shapes are QPainterPaths with the nonzero (winding) fill rule. Smooth outlines
are Catmull-Rom splines through a few anatomical landmarks, converted to cubic
Béziers; regions are cut from a silhouette with Qt's path booleans, so the
regions of a view tile the silhouette exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QTransform

Point = tuple[float, float]

# One calm palette and one line weight for every map.
SKIN = "#f4dcc8"
SKIN_SHADE = "#ecc9ae"
REGION_LINE = "#c99f85"
OUTLINE = "#7a4a36"
DETAIL = "#a8755d"
LABEL = "#4a3228"
LINE_WEIGHT = 2.2


def new_path() -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


def _catmull_segments(points: Sequence[Point], closed: bool, tension: float) -> QPainterPath:
    pts = [QPointF(x, y) for x, y in points]
    n = len(pts)
    path = new_path()
    path.moveTo(pts[0])
    last = n if closed else n - 1
    k = tension / 6.0
    for i in range(last):
        p0 = pts[(i - 1) % n] if (closed or i > 0) else pts[0]
        p1 = pts[i % n]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if (closed or i + 2 < n) else pts[n - 1]
        c1 = p1 + (p2 - p0) * k
        c2 = p2 - (p3 - p1) * k
        path.cubicTo(c1, c2, p2)
    if closed:
        path.closeSubpath()
    return path


def smooth_closed(points: Sequence[Point], tension: float = 1.0) -> QPainterPath:
    """A closed smooth curve through the landmarks (Catmull-Rom as cubic Béziers)."""
    return _catmull_segments(points, True, tension)


def smooth_open(points: Sequence[Point], tension: float = 1.0) -> QPainterPath:
    """An open smooth curve through the landmarks (for detail lines)."""
    return _catmull_segments(points, False, tension)


def polygon(points: Sequence[Point]) -> QPainterPath:
    path = new_path()
    path.moveTo(*points[0])
    for x, y in points[1:]:
        path.lineTo(x, y)
    path.closeSubpath()
    return path


def ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> QPainterPath:
    path = new_path()
    path.addEllipse(QPointF(0, 0), rx, ry)
    tr = QTransform()
    tr.translate(cx, cy)
    tr.rotate(angle)
    return with_winding(tr.map(path))


def side_of(curve: Sequence[Point], closing: Sequence[Point]) -> QPainterPath:
    """The area bounded by a cut line and straight closing points.

    `curve` crosses the whole shape: its first and last points lie far outside
    the silhouette and are joined by straight lines to a smooth curve through
    the inner points. `closing` are far points that close the wanted side.
    """
    inner = smooth_open(curve[1:-1])
    path = new_path()
    path.moveTo(*curve[0])
    path.lineTo(inner.elementAt(0).x, inner.elementAt(0).y)
    path.connectPath(inner)
    path.lineTo(*curve[-1])
    for x, y in closing:
        path.lineTo(x, y)
    path.closeSubpath()
    return with_winding(path)


def with_winding(path: QPainterPath) -> QPainterPath:
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


def union(paths: Iterable[QPainterPath]) -> QPainterPath:
    out = new_path()
    for p in paths:
        out = with_winding(out.united(p))
    return out


def inner_band(shape: QPainterPath, width: float) -> QPainterPath:
    """The strip of `shape` within `width` of its edge."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * width)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    return with_winding(shape.intersected(with_winding(stroker.createStroke(shape))))


def ribbon(centre: Sequence[Point], widths: Sequence[float]) -> QPainterPath:
    """A closed ribbon of varying width along a smooth centre line."""
    line = smooth_open(centre)
    steps = 80
    left: list[Point] = []
    right: list[Point] = []
    for i in range(steps + 1):
        t = i / steps
        p = line.pointAtPercent(t)
        angle = math.radians(line.angleAtPercent(t))
        nx, ny = -math.sin(angle), -math.cos(angle)
        # widths are given at evenly spaced stations along the line
        pos = t * (len(widths) - 1)
        j = min(int(pos), len(widths) - 2)
        w = widths[j] + (widths[j + 1] - widths[j]) * (pos - j)
        left.append((p.x() + nx * w / 2, p.y() + ny * w / 2))
        right.append((p.x() - nx * w / 2, p.y() - ny * w / 2))
    # smooth sides, rounded ends
    path = smooth_open([*left[::4], left[-1]])
    end = smooth_open([left[-1], _mid(left[-1], right[-1], line, 1.0), right[-1]])
    path.connectPath(end)
    side = smooth_open([*right[::-1][::4], right[0]])
    path.connectPath(side)
    start = smooth_open([right[0], _mid(right[0], left[0], line, 0.0), left[0]])
    path.connectPath(start)
    path.closeSubpath()
    return with_winding(path)


def _mid(a: Point, b: Point, line: QPainterPath, t: float) -> Point:
    """A point that rounds a ribbon end: beyond the centre line's end."""
    p = line.pointAtPercent(t)
    angle = math.radians(line.angleAtPercent(t))
    dx, dy = math.cos(angle), -math.sin(angle)
    half = math.dist(a, b) / 2
    sign = 1.0 if t >= 1.0 else -1.0
    return (p.x() + sign * dx * half * 0.7, p.y() + sign * dy * half * 0.7)


def mirrored(path: QPainterPath, axis_x: float) -> QPainterPath:
    tr = QTransform(-1, 0, 0, 1, 2 * axis_x, 0)
    return with_winding(tr.map(path))


def placed(
    path: QPainterPath, dx: float, dy: float, scale: float = 1.0, mirror: bool = False
) -> QPainterPath:
    """Scale about the origin, optionally mirror (x -> -x), then translate."""
    sx = -scale if mirror else scale
    tr = QTransform(sx, 0, 0, scale, dx, dy)
    return with_winding(tr.map(path))


def _douglas_peucker(points: list[Point], tol: float) -> list[Point]:
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
        if dist > best:
            best, index = dist, i
    if best <= tol:
        return [points[0], points[-1]]
    left = _douglas_peucker(points[: index + 1], tol)
    return left[:-1] + _douglas_peucker(points[index:], tol)


def _num(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def path_d(path: QPainterPath, tolerance: float = 0.03) -> str:
    """SVG path data with absolute M/L/C/Z commands (2 decimals).

    Qt's booleans return flattened outlines; runs of straight segments are
    thinned (Douglas-Peucker, `tolerance` in user units, far below a pixel).
    """
    out: list[str] = []
    run: list[Point] = []  # current point followed by pending line ends

    def flush() -> None:
        if len(run) > 1:
            for x, y in _douglas_peucker(run, tolerance)[1:]:
                out.append(f"L{_num(x)} {_num(y)}")
        del run[1:]

    n = path.elementCount()
    i = 0
    started = False
    while i < n:
        e = path.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            flush()
            if started:
                out.append("Z")
            out.append(f"M{_num(e.x)} {_num(e.y)}")
            run[:] = [(e.x, e.y)]
            started = True
            i += 1
        elif e.type == QPainterPath.ElementType.LineToElement:
            run.append((e.x, e.y))
            i += 1
        else:  # CurveTo followed by two CurveToData elements
            flush()
            c1, c2, p = e, path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(
                f"C{_num(c1.x)} {_num(c1.y)} {_num(c2.x)} {_num(c2.y)} {_num(p.x)} {_num(p.y)}"
            )
            run[:] = [(p.x, p.y)]
            i += 3
    flush()
    if started:
        out.append("Z")
    return "".join(out)


def open_path_d(path: QPainterPath) -> str:
    """Path data for an open detail line (no closing Z)."""
    d = path_d(path)
    return d[:-1] if d.endswith("Z") else d


def subpath_count(path: QPainterPath) -> int:
    return sum(
        1
        for i in range(path.elementCount())
        if path.elementAt(i).type == QPainterPath.ElementType.MoveToElement
    )


def split_subpaths(path: QPainterPath) -> list[QPainterPath]:
    """The subpaths of a path, each as its own path (curves kept)."""
    pieces: list[QPainterPath] = []
    current = new_path()
    for i in range(path.elementCount()):
        e = path.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            current = new_path()
            pieces.append(current)
            current.moveTo(e.x, e.y)
        elif e.type == QPainterPath.ElementType.LineToElement:
            current.lineTo(e.x, e.y)
        elif e.type == QPainterPath.ElementType.CurveToElement:
            c2, p = path.elementAt(i + 1), path.elementAt(i + 2)
            current.cubicTo(e.x, e.y, c2.x, c2.y, p.x, p.y)
    return pieces


def area(path: QPainterPath) -> float:
    """Unsigned area enclosed by a single subpath (shoelace on its polygon)."""
    poly = path.toFillPolygon()
    total = 0.0
    for i in range(poly.size()):
        p, q = poly.at(i), poly.at((i + 1) % poly.size())
        total += p.x() * q.y() - q.x() * p.y()
    return abs(total) / 2


def cleaned(path: QPainterPath, min_area: float = 2.0) -> QPainterPath:
    """Drop the degenerate crumbs (zero-area subpaths) a boolean can leave."""
    out = new_path()
    for piece in split_subpaths(path):
        if area(piece) >= min_area:
            out.addPath(piece)
    return with_winding(out)


def largest_subpath(path: QPainterPath) -> QPainterPath:
    return max(split_subpaths(path), key=area)


@dataclass
class Cutter:
    """Cuts regions out of one silhouette so that they tile it exactly."""

    silhouette: QPainterPath
    claimed: QPainterPath = field(default_factory=new_path)
    regions: list[tuple[str, QPainterPath]] = field(default_factory=list)

    def take(self, key: str, area: QPainterPath) -> QPainterPath:
        piece = with_winding(self.silhouette.intersected(area))
        if not self.claimed.isEmpty():
            piece = with_winding(piece.subtracted(self.claimed))
        self.claimed = with_winding(self.claimed.united(piece))
        piece = cleaned(piece)
        self.regions.append((key, piece))
        return piece

    def rest(self, key: str) -> QPainterPath:
        piece = with_winding(self.silhouette.subtracted(self.claimed))
        self.claimed = with_winding(self.claimed.united(piece))
        piece = cleaned(piece)
        self.regions.append((key, piece))
        return piece


@dataclass
class SvgDoc:
    width: int
    height: int
    groups: dict[str, list[str]] = field(default_factory=dict)

    def add(self, group: str, element: str) -> None:
        self.groups.setdefault(group, []).append(element)

    def region(self, key: str, path: QPainterPath) -> None:
        self.add("regions", f'<path id="{key}" d="{path_d(path)}"/>')

    def line(self, group: str, path: QPainterPath, closed: bool = False, **style: str) -> None:
        d = path_d(path) if closed else open_path_d(path)
        attrs = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in style.items())
        self.add(group, f'<path d="{d}"{attrs}/>')

    def text(
        self,
        x: float,
        y: float,
        content: str,
        size: float,
        weight: str = "normal",
        anchor: str = "middle",
        fill: str = LABEL,
        group: str = "labels",
        style: str = "normal",
    ) -> None:
        self.add(
            group,
            f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" '
            f'font-weight="{weight}" font-style="{style}" text-anchor="{anchor}" '
            f'fill="{fill}">{escape(content)}</text>',
        )

    def render(self, group_styles: dict[str, str], title: str) -> str:
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}">',
            f"<title>{escape(title)}</title>",
            "<!-- Generated by tools/mapgen; edit the generator, not this file. -->",
        ]
        for name, elements in self.groups.items():
            style = group_styles.get(name, "")
            lines.append(f'<g id="{name}"{(" " + style) if style else ""}>')
            lines.extend("  " + e for e in elements)
            lines.append("</g>")
        lines.append("</svg>")
        return "\n".join(lines) + "\n"
