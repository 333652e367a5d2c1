"""Local geometry of one foot seen from above and below (build tool; uses Qt).

Each function draws ONE canonical foot in its own coordinates and cuts its
regions; feet.py places it twice (once mirrored) on the view.

Canonical feet:
- dorsal: the LEFT foot seen from the front and above, leg at the top, toes
  pointing down, medial side (big toe) on the local left (x small).
- plantar: the RIGHT sole seen from behind (patient kneeling), heel at the top,
  toes pointing down, medial side on the local left.
The side views live in feet_side.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from tools.mapgen.feet_svg import (
    Cutter,
    Point,
    polygon,
    ribbon,
    side_of,
    smooth_closed,
    smooth_open,
    union,
    with_winding,
)

FAR = 2000.0  # far outside any silhouette, for closing cut areas


@dataclass
class FootArt:
    silhouette: QPainterPath
    regions: list[tuple[str, QPainterPath]]
    details: list[tuple[QPainterPath, bool]] = field(default_factory=list)  # (path, closed)
    shading: list[QPainterPath] = field(default_factory=list)


@dataclass(frozen=True)
class Toe:
    """A toe seen from above or below: a centre line (root inside the foot to
    the tip of the pulp, less the rounding) and its widths along that line."""

    centre: tuple[Point, ...]
    widths: tuple[float, ...]
    cap: float = 0.85  # length of the rounded tip, in half-widths (smaller: blunter)

    def shifted(self, dy: float) -> Toe:
        return Toe(tuple((x, y + dy) for x, y in self.centre), self.widths, self.cap)

    def shape(self) -> QPainterPath:
        """The outline: smooth sides and a rounded pulp at the tip."""
        stations = (0.0, 0.3, 0.55, 0.8, 1.0)
        right = [self.at(s, 1.0) for s in stations]
        left = [self.at(s, -1.0) for s in stations[::-1]]
        (ex, ey), (bx, by) = self.at(1.0), self.at(0.97)
        d = math.hypot(ex - bx, ey - by)
        ux, uy = (ex - bx) / d, (ey - by) / d  # along the toe, outwards
        (rx, ry) = self.at(1.0, 1.0)
        half = math.hypot(rx - ex, ry - ey)
        nx, ny = (rx - ex) / half, (ry - ey) / half
        cap = []
        for deg in (35, 65, 90, 115, 145):
            a = math.radians(deg)
            cap.append(
                (
                    ex + nx * half * math.cos(a) + ux * half * self.cap * math.sin(a),
                    ey + ny * half * math.cos(a) + uy * half * self.cap * math.sin(a),
                )
            )
        return smooth_closed([*right, *cap, *left], tension=0.9)

    def at(self, s: float, t: float = 0.0) -> Point:
        """A point at fraction `s` along the centre line, `t` half-widths across
        (positive t towards +x when the toe points down the page)."""
        line = smooth_open(self.centre)
        clamped = min(1.0, max(0.0, s))
        p = line.pointAtPercent(clamped)
        angle = math.radians(line.angleAtPercent(clamped))
        beyond = (s - clamped) * line.length()  # extrapolate along the tangent
        p.setX(p.x() + math.cos(angle) * beyond)
        p.setY(p.y() - math.sin(angle) * beyond)
        s = clamped
        nx, ny = -math.sin(angle), -math.cos(angle)  # unit normal, +x side for a downward toe
        pos = s * (len(self.widths) - 1)
        j = min(int(pos), len(self.widths) - 2)
        w = self.widths[j] + (self.widths[j + 1] - self.widths[j]) * (pos - j)
        return (p.x() + nx * t * w / 2, p.y() + ny * t * w / 2)


# The toes of the canonical dorsal foot, hallux first. Short, slightly curved,
# rounded pulps, decreasing from the 2nd to the 5th; the 5th angled outward.
# The tips lie on a gentle oblique arc.
TOES = (
    Toe(((62, 500), (62, 566), (67, 616), (70, 634)), (56, 68, 67, 62), 0.62),
    Toe(((117, 528), (119, 584), (123, 616), (125, 628)), (44, 41, 38, 37)),
    Toe(((155, 524), (158, 578), (163, 604), (165, 614)), (42, 39, 36, 35)),
    Toe(((190, 516), (194, 562), (200, 586), (202, 595)), (40, 37, 34, 33)),
    Toe(((222, 498), (229, 538), (237, 561), (238, 569)), (38, 34, 31, 30)),
)
# Where each cleft between neighbouring toes starts (the web), as a fraction
# along the toes' centre lines.
WEB_AT = (0.5, 0.52, 0.46, 0.4)
CLEFT = 2.4  # width of the gap between two toes


def cleft_line(a: Toe, b: Toe, web: float) -> list[Point]:
    """The centre of the cleft between toes a and b, from the web outwards."""
    pts = []
    for s in (web, (web + 1) / 2, 1.0):
        ax, ay = a.at(s, 1.0)
        bx, by = b.at(s, -1.0)
        pts.append(((ax + bx) / 2, (ay + by) / 2))
    (x1, y1), (x2, y2) = pts[-2], pts[-1]
    pts.append((x2 + (x2 - x1) * 2.5, y2 + (y2 - y1) * 2.5))
    return pts


def toe_row(
    body: QPainterPath, dy: float = 0.0
) -> tuple[QPainterPath, list[Toe], list[list[Point]]]:
    """The body with its toes, and the cleft centre lines (web first)."""
    toes = [t.shifted(dy) for t in TOES]
    sil = union([body, *(t.shape() for t in toes)])
    clefts = [cleft_line(toes[i], toes[i + 1], WEB_AT[i]) for i in range(4)]
    for line in clefts:
        sil = with_winding(sil.subtracted(ribbon(line, [CLEFT] * len(line))))
    return sil, toes, clefts


def along(line: list[Point], up: float) -> list[Point]:
    """A cut line that follows a cleft and continues `up` beyond its web."""
    (x0, y0), (x1, y1) = line[0], line[1]
    k = up / max(1.0, math.hypot(x1 - x0, y1 - y0))
    top = (x0 - (x1 - x0) * k, y0 - (y1 - y0) * k)
    return [(top[0], -FAR), top, *line[:-1], (line[-1][0], FAR)]


def web_patch(web: Point, up: float, half: float, down: float) -> QPainterPath:
    """A small rounded triangle of skin over a web space, apex proximal."""
    x, y = web
    return smooth_closed(
        [
            (x, y - up),
            (x + half * 0.55, y - up * 0.45),
            (x + half, y + down * 0.6),
            (x + half * 0.5, y + down),
            (x - half * 0.5, y + down),
            (x - half, y + down * 0.6),
            (x - half * 0.55, y - up * 0.45),
        ],
        tension=0.8,
    )


def take_toes(
    cut: Cutter,
    clefts: list[list[Point]],
    toe_line: list[Point],
    web: tuple[str, QPainterPath],
    face: str,
) -> None:
    """Cut the toes below the toe-base line: the web patch, the hallux, the little toe, toes 2-4.

    ``face`` is ``dorsal`` or ``plantar``: it names the hallux and toes regions.
    """
    below_toes = side_of(toe_line, [(FAR, FAR), (-FAR, FAR)])
    cut.take(*web)
    cut.take(
        f"hallux_{face}",
        with_winding(
            below_toes.intersected(side_of(along(clefts[0], 40), [(-FAR, FAR), (-FAR, -FAR)]))
        ),
    )
    cut.take(
        "little_toe",
        with_winding(
            below_toes.intersected(side_of(along(clefts[3], 40), [(FAR, FAR), (FAR, -FAR)]))
        ),
    )
    cut.take(f"toes_{face}", below_toes)


def dorsal() -> FootArt:
    body = smooth_closed(
        [
            (72, -40),
            (135, -40),
            (198, -40),
            (197, 70),
            (201, 130),
            (211, 172),
            (222, 204),
            (217, 236),
            (214, 266),
            (223, 312),
            (238, 362),
            (247, 402),
            (253, 445),
            (255, 478),
            (245, 510),
            (226, 538),
            (200, 566),
            (160, 584),
            (110, 584),
            (60, 560),
            (31, 520),
            (29, 470),
            (35, 420),
            (44, 365),
            (50, 320),
            (57, 268),
            (50, 230),
            (45, 198),
            (52, 166),
            (66, 132),
            (72, 70),
        ]
    )
    sil, toes, clefts = toe_row(body)
    sil = leg_cut(sil, [(60, 2), (135, -5), (210, 2)])
    cut = Cutter(sil)

    leg = side_of(
        [(-FAR, 118), (60, 122), (140, 128), (230, 124), (FAR, 120)], [(FAR, -FAR), (-FAR, -FAR)]
    )
    cut.take(
        "leg_medial",
        with_winding(
            leg.intersected(
                side_of([(118, -FAR), (116, 40), (112, 130)], [(-FAR, 130), (-FAR, -FAR)])
            )
        ),
    )
    cut.take("leg_anterolateral", leg)
    cut.take("malleolus_medial", malleolus(52, 200, 30, 38, 0.0))
    cut.take("malleolus_lateral", malleolus(216, 216, 28, 40, 0.0))
    ankle_line = [(-FAR, 262), (55, 262), (135, 276), (215, 272), (FAR, 268)]
    cut.take("ankle_anterior", side_of(ankle_line, [(FAR, -FAR), (-FAR, -FAR)]))
    # toes: below the toe-base line, a little above the webs
    webs = [c[0] for c in clefts]
    toe_line = [
        (-FAR, 520),
        (29, 522),
        (62, 540),
        (webs[0][0], webs[0][1] - 16),
        (webs[1][0], webs[1][1] - 14),
        (webs[2][0], webs[2][1] - 14),
        (webs[3][0], webs[3][1] - 14),
        (250, 522),
        (FAR, 505),
    ]
    take_toes(cut, clefts, toe_line, ("first_web_space", web_patch(webs[0], 34, 19, 12)), "dorsal")
    # edges of the foot below the malleoli
    cut.take(
        "arch_medial",
        edge_band(sil, 20, polygon([(-FAR, 240), (80, 240), (80, 600), (-FAR, 600)])),
    )
    cut.take(
        "foot_lateral_border",
        with_winding(edge_band(sil, 20, polygon([(180, 240), (FAR, 240), (FAR, 500), (180, 500)]))),
    )
    # dorsum in thirds along the metatarsals
    cut.take(
        "dorsum_medial",
        side_of(
            [(78, -FAR), (80, 262), (84, 360), (90, 460), (webs[0][0] - 14, 540), (90, FAR)],
            [(-FAR, FAR), (-FAR, -FAR)],
        ),
    )
    cut.take(
        "dorsum_lateral",
        side_of(
            [(134, -FAR), (136, 272), (145, 360), (158, 470), (webs[1][0] + 6, 560), (150, FAR)],
            [(FAR, FAR), (FAR, -FAR)],
        ),
    )
    cut.rest("dorsum_central")

    details: list[tuple[QPainterPath, bool]] = []
    for i, t in enumerate(toes):
        details.append((nail(t, big=i == 0), True))
        if i > 0:  # the dorsal crease over the proximal interphalangeal joint
            details.append((crease(t, 0.66, 0.55, -3), False))
    details.append((crease(toes[0], 0.72, 0.5, -3), False))  # hallux IP joint
    # malleoli contours and extensor tendons
    details.append((smooth_open([(64, 174), (76, 198), (70, 228)]), False))
    details.append((smooth_open([(204, 192), (196, 216), (204, 244)]), False))
    details.append((smooth_open([(112, 200), (98, 300), (80, 420), (66, 500)]), False))  # EHL
    return FootArt(sil, cut.regions, details)


def edge_band(shape: QPainterPath, width: float, area: QPainterPath) -> QPainterPath:
    """The strip of `shape` within `width` of its edge, inside `area`.

    The stroke is clipped to `area` before it meets the shape, so no ring with
    a hole (which the nonzero fill rule would fill) is ever formed."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * width)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroke = stroker.createStroke(shape).simplified()  # no self-overlaps, odd-even
    return with_winding(with_winding(area.intersected(stroke)).intersected(shape))


def leg_cut(sil: QPainterPath, arc: Sequence[Point]) -> QPainterPath:
    """End the leg with a clean, gently curved cut through the landmarks `arc`."""
    y0, y1 = arc[0][1], arc[-1][1]
    keep = side_of([(-FAR, y0), *arc, (FAR, y1)], [(FAR, FAR), (-FAR, FAR)])
    return with_winding(sil.intersected(keep))


def malleolus(cx: float, cy: float, rx: float, ry: float, lean: float) -> QPainterPath:
    """A bony prominence seen from the front: rounded, a little fuller below."""
    return smooth_closed(
        [
            (cx + lean * ry, cy - ry),
            (cx + rx * 0.8, cy - ry * 0.6),
            (cx + rx, cy + ry * 0.15),
            (cx + rx * 0.6, cy + ry * 0.8),
            (cx, cy + ry),
            (cx - rx * 0.6, cy + ry * 0.8),
            (cx - rx, cy + ry * 0.15),
            (cx - rx * 0.8, cy - ry * 0.6),
        ]
    )


def nail(t: Toe, big: bool) -> QPainterPath:
    """A toenail on the distal phalanx, square-ish with a curved free edge."""
    s0, s1, half = (0.76, 1.0, 0.56) if big else (0.8, 1.0, 0.52)
    return smooth_closed(
        [
            t.at(s0, 0.0),
            t.at(s0 + 0.02, half * 0.8),
            t.at((s0 + s1) / 2, half),
            t.at(s1 - 0.01, half * 0.85),
            t.at(s1 + 0.02, 0.0),
            t.at(s1 - 0.01, -half * 0.85),
            t.at((s0 + s1) / 2, -half),
            t.at(s0 + 0.02, -half * 0.8),
        ],
        tension=0.9,
    )


def crease(t: Toe, s: float, half: float, bow: float) -> QPainterPath:
    """A short skin crease across a toe, bowed by `bow` along the toe."""
    mid = t.at(s, 0.0)
    a, b = t.at(s, -half), t.at(s, half)
    return smooth_open([a, (mid[0], mid[1] + bow), b])


def plantar() -> FootArt:
    body = smooth_closed(
        [
            (120, 2),
            (162, 8),
            (190, 36),
            (199, 84),
            (198, 140),
            (203, 200),
            (214, 262),
            (229, 322),
            (243, 382),
            (253, 432),
            (254, 470),
            (244, 504),
            (224, 532),
            (200, 560),
            (160, 578),
            (110, 578),
            (60, 554),
            (30, 512),
            (26, 470),
            (28, 428),
            (38, 380),
            (52, 322),
            (58, 262),
            (52, 200),
            (45, 150),
            (43, 95),
            (52, 42),
            (78, 10),
        ]
    )
    sil, toes, clefts = toe_row(body, dy=-6)
    webs = [c[0] for c in clefts]
    cut = Cutter(sil)
    heel_end = [(-FAR, 178), (40, 178), (120, 186), (205, 178), (FAR, 178)]
    heel = side_of(heel_end, [(FAR, -FAR), (-FAR, -FAR)])
    cut.take(
        "heel_medial",
        with_winding(
            heel.intersected(
                edge_band(sil, 22, polygon([(-FAR, 64), (95, 64), (95, 200), (-FAR, 200)]))
            )
        ),
    )
    cut.take(
        "heel_lateral",
        with_winding(
            heel.intersected(
                edge_band(sil, 22, polygon([(145, 64), (FAR, 64), (FAR, 200), (145, 200)]))
            )
        ),
    )
    cut.take("heel_plantar", heel)
    # the crease at the base of the toes, on the sole
    toe_line = [
        (-FAR, 512),
        (27, 514),
        (62, 534),
        (webs[0][0], webs[0][1] - 14),
        (webs[1][0], webs[1][1] - 12),
        (webs[2][0], webs[2][1] - 12),
        (webs[3][0], webs[3][1] - 12),
        (250, 516),
        (FAR, 500),
    ]
    take_toes(cut, clefts, toe_line, ("interdigital_3_4", web_patch(webs[2], 7, 17, 30)), "plantar")
    ball = side_of(
        [(-FAR, 392), (30, 392), (140, 380), (250, 400), (FAR, 404)], [(FAR, FAR), (-FAR, FAR)]
    )
    cut.take(
        "forefoot_plantar_medial",
        with_winding(
            ball.intersected(
                side_of(
                    [(162, -FAR), (160, 392), (164, 470), (webs[1][0] + 4, 540), (150, FAR)],
                    [(-FAR, FAR), (-FAR, -FAR)],
                )
            )
        ),
    )
    cut.take("forefoot_plantar_lateral", ball)
    cut.take(
        "foot_lateral_border",
        with_winding(edge_band(sil, 20, polygon([(185, 150), (FAR, 150), (FAR, 420), (185, 420)]))),
    )
    cut.take(
        "arch_medial",
        side_of(
            [(124, -FAR), (124, 180), (126, 300), (132, 400), (134, FAR)],
            [(-FAR, FAR), (-FAR, -FAR)],
        ),
    )
    cut.rest("sole_lateral")

    details: list[tuple[QPainterPath, bool]] = []
    for i, t in enumerate(toes):
        # the flexion crease that bounds the pulp pad
        if i == 0:
            details.append((crease(t, 0.68, 0.6, 4), False))
        else:
            details.append((crease(t, 0.72, 0.5, 3), False))
    details.append((smooth_open([(38, 470), (90, 490), (150, 488), (210, 472), (244, 452)]), False))
    details.append((smooth_open([(70, 150), (120, 168), (172, 150)]), False))  # heel pad margin
    details.append((smooth_open([(70, 260), (78, 330), (64, 400)]), False))  # arch hollow
    return FootArt(sil, cut.regions, details)
