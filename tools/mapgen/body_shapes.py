"""The human figure for the body maps, in anatomical position (build tool; uses Qt).

Design units: an 800 x 1600 page, midline at x = 400, the figure ~1450 units tall
(about 7.4 heads). Landmarks are given for the viewer's right half as (dx, y), dx
measured from the midline; the other half is their mirror image. Outlines are
Catmull-Rom splines through the landmarks, i.e. smooth cubic Béziers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtGui import QPainterPath

from tools.mapgen.feet_svg import Point, mirrored, smooth_closed, union

MID = 400.0


def absolute(points: Sequence[Point]) -> list[Point]:
    return [(MID + dx, y) for dx, y in points]


def symmetric(half: Sequence[Point]) -> list[Point]:
    """A closed outline from half of it: `half` runs from a midline point to a midline point."""
    right = absolute(half)
    left = [(MID - dx, y) for dx, y in reversed(half[1:-1])]
    return right + left


HEAD = [
    (0, 88),
    (38, 93),
    (62, 112),
    (73, 145),
    (74, 172),
    (80, 180),
    (82, 200),
    (76, 214),
    (70, 222),
    (64, 244),
    (50, 264),
    (28, 280),
    (0, 285),
]

# neck, trunk and legs (the feet are added separately)
CORE = [
    (0, 240),
    (33, 246),
    (36, 285),
    (42, 316),
    (66, 333),
    (104, 345),
    (136, 355),
    (154, 366),
    (163, 392),
    (156, 428),
    (146, 462),
    (139, 512),
    (131, 562),
    (125, 608),
    (127, 650),
    (136, 700),
    (148, 745),
    (154, 792),
    (151, 850),
    (142, 920),
    (130, 1000),
    (116, 1070),
    (110, 1112),
    (108, 1152),
    (113, 1205),
    (110, 1258),
    (99, 1325),
    (89, 1392),
    (85, 1432),
    (82, 1462),
    (62, 1470),
    (40, 1462),
    (37, 1430),
    (34, 1392),
    (27, 1325),
    (18, 1258),
    (15, 1205),
    (22, 1152),
    (23, 1112),
    (17, 1062),
    (11, 990),
    (7, 920),
    (5, 872),
    (0, 856),
]

ARM = [  # lateral side down to the wrist, then the medial side back up into the trunk
    (150, 362),
    (175, 376),
    (191, 408),
    (194, 452),
    (198, 500),
    (206, 560),
    (218, 612),
    (232, 650),
    (243, 695),
    (254, 752),
    (266, 812),
    (276, 850),
    (239, 860),
    (228, 818),
    (212, 758),
    (196, 700),
    (185, 664),
    (178, 634),
    (170, 596),
    (158, 540),
    (148, 494),
    (140, 456),
    (128, 420),
    (128, 380),
]

WRIST = (257.0, 852.0)  # hand frame origin (dx, y)
HAND_ANGLE = 10.0  # degrees from the vertical, toward lateral
HAND_SCALE = 1.12  # the hand about a tenth of the standing height

# Hand frame: u lateral (thumb side), v distal; the hand is ~0.75 of the head's height,
# the palm a little longer than the middle finger.
PALM = [
    (0, -10),
    (15, -6),
    (20.5, 6),
    (27, 22),
    (30, 38),
    (29, 54),
    (25, 68),
    (12, 76),
    (0, 78),
    (-12, 76),
    (-23, 67),
    (-28, 52),
    (-27.5, 32),
    (-23, 12),
    (-16.5, -6),
]
FINGERS = {  # name: (base u, base v, angle deg lateral, length, width)
    "index_finger": (17.5, 66, 6, 60, 16.2),
    "middle_finger": (2.5, 70, 0.5, 68, 16.8),
    "ring_finger": (-12.5, 68, -4.5, 62, 15.8),
    "little_finger": (-24, 60, -10, 48, 13.8),
}
THUMB = ((19, 16), 33, 62, 22.0)  # base (u, v), angle deg lateral, length, width

# Feet in the front view: the dorsum seen from the front and a little above, so it is
# foreshortened to a trapezoid; the toes are short rounded columns in a row whose tips
# recede (rise) toward the little toe. Malleoli: the medial one higher.
FOOT_FRONT = [
    (40, 1392),
    (38, 1434),
    (34, 1456),
    (30, 1476),
    (28.5, 1494),
    (34, 1503),
    (62, 1504),
    (92, 1497),
    (104, 1489),
    (106, 1482),
    (101, 1466),
    (93, 1450),
    (87, 1434),
    (86, 1392),
]
TOES_FRONT = {  # (base dx, base y, tip dx, tip y, width)
    "hallux": (41, 1494, 40.5, 1532, 25.0),
    "toe2": (60, 1497, 61, 1530, 14.6),
    "toe3": (73.5, 1495, 75, 1525, 13.6),
    "toe4": (85.5, 1491, 88, 1519, 12.6),
    "toe5": (96, 1486, 99.5, 1511, 11.6),
}
# the bases of the toes (the dorsal toe crease), medial to lateral
TOE_LINE = [
    (10, 1486),
    (30, 1492),
    (46, 1495),
    (62, 1496),
    (76, 1494),
    (89, 1490),
    (100, 1484),
    (120, 1472),
]
MALLEOLI = {"medial": (42, 1420, 7.0, 11.0), "lateral": (81.5, 1434, 7.0, 11.0)}

# feet in the back view: the heel seen from behind, narrowing below the malleoli and
# then rounding over the calcaneus
HEEL = [
    (42, 1400),
    (41, 1440),
    (38, 1464),
    (37, 1486),
    (41, 1506),
    (50, 1522),
    (63, 1528),
    (76, 1522),
    (84, 1506),
    (88, 1486),
    (87, 1464),
    (84, 1440),
    (83, 1400),
    (62, 1396),
]


def hand_point(u: float, v: float, mirror: bool = False) -> Point:
    a = math.radians(HAND_ANGLE)
    u, v = u * HAND_SCALE, v * HAND_SCALE
    x = WRIST[0] + u * math.cos(a) + v * math.sin(a)
    y = WRIST[1] - u * math.sin(a) + v * math.cos(a)
    return (MID - x if mirror else MID + x, y)


def digit(base: Point, tip: Point, width: float, taper: float = 0.8) -> QPainterPath:
    """A finger or thumb: a capsule from base to tip, a little narrower at the tip."""
    (x0, y0), (x1, y1) = base, tip
    length = math.hypot(x1 - x0, y1 - y0)
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    nx, ny = -uy, ux
    w0, w1 = width / 2, width * taper / 2
    pts: list[Point] = []
    for t, w in ((0.0, w0), (0.5, (w0 + w1) / 2), (1.0 - w1 / length, w1)):
        pts.append((x0 + ux * length * t + nx * w, y0 + uy * length * t + ny * w))
    for i in range(1, 6):  # round tip
        a = math.pi * i / 6
        cx, cy = x0 + ux * (length - w1), y0 + uy * (length - w1)
        pts.append(
            (
                cx + nx * w1 * math.cos(a) + ux * w1 * math.sin(a),
                cy + ny * w1 * math.cos(a) + uy * w1 * math.sin(a),
            )
        )
    for t, w in ((1.0 - w1 / length, w1), (0.5, (w0 + w1) / 2), (0.0, w0)):
        pts.append((x0 + ux * length * t - nx * w, y0 + uy * length * t - ny * w))
    pts.append((x0 - ux * w0 * 0.6, y0 - uy * w0 * 0.6))
    return smooth_closed(pts)


def hand_parts() -> dict[str, QPainterPath]:
    """Palm, four fingers and thumb of the viewer's right hand."""
    parts = {"palm": smooth_closed([hand_point(u, v) for u, v in PALM])}
    for name, (u, v, angle, length, width) in FINGERS.items():
        a = math.radians(angle)
        tip = (u + length * math.sin(a), v + length * math.cos(a))
        parts[name] = digit(hand_point(u, v), hand_point(*tip), width * HAND_SCALE)
    (u, v), angle, length, width = THUMB
    a = math.radians(angle)
    tip = (u + length * math.sin(a), v + length * math.cos(a))
    parts["thumb"] = digit(hand_point(u, v), hand_point(*tip), width * HAND_SCALE)
    return parts


def front_toe(name: str) -> QPainterPath:
    bx, by, tx, ty, width = TOES_FRONT[name]
    return digit((MID + bx, by), (MID + tx, ty), width, taper=0.9)


def malleolus(which: str) -> QPainterPath:
    dx, y, rx, ry = MALLEOLI[which]
    return smooth_closed(
        [
            (
                MID + dx + rx * math.cos(2 * math.pi * i / 12),
                y + ry * math.sin(2 * math.pi * i / 12),
            )
            for i in range(12)
        ]
    )


def both(path: QPainterPath) -> QPainterPath:
    return union([path, mirrored(path, MID)])


def silhouette_parts(view: str) -> dict[str, QPainterPath]:
    """The pieces of the figure for the viewer's right half (mirror for the left)."""
    parts = {
        "head": smooth_closed(symmetric(HEAD)),
        "core": smooth_closed(symmetric(CORE)),
        "arm": smooth_closed(absolute(ARM)),
        **hand_parts(),
    }
    parts["malleolus_medial"] = malleolus("medial")
    parts["malleolus_lateral"] = malleolus("lateral")
    if view == "front":
        parts["foot"] = smooth_closed(absolute(FOOT_FRONT))
        for name in TOES_FRONT:
            parts[name] = front_toe(name)
    else:
        parts["foot"] = smooth_closed(absolute(HEEL))
    return parts


def silhouette(view: str) -> QPainterPath:
    parts = silhouette_parts(view)
    shared = union([parts["head"], parts["core"]])
    half = union(p for k, p in parts.items() if k not in ("head", "core"))
    return union([shared, half, mirrored(half, MID)])
