"""Local geometry of one foot seen from the side (build tool; uses Qt).

- medial: the LEFT foot seen from its medial side: toes point to +x.
- lateral: the RIGHT foot seen from its lateral side: toes point to +x.

Both share the leg, the ankle and the heel: the heel is a smooth posterior
curve under the Achilles tendon, the leg ends in a gently curved cut.
The medial malleolus sits higher and further forward than the lateral one.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from tools.mapgen.feet_shapes import FAR, FootArt, Toe, edge_band, leg_cut
from tools.mapgen.feet_svg import (
    Cutter,
    Point,
    polygon,
    side_of,
    smooth_closed,
    smooth_open,
    union,
    with_winding,
)

LEG_CUT = [(40, 4), (120, -4), (210, 4)]
# The groove in front of the Achilles tendon, from the calf to the heel.
ACHILLES = [(104, 120), (108, 220), (110, 300), (104, 352), (90, 402)]

# From the top of the leg down its back, round the heel, to the heel's
# ground contact; shared by both side views.
POSTERIOR = [
    (46, -40),
    (54, 60),
    (68, 160),
    (82, 240),
    (86, 300),
    (82, 345),
    (70, 392),
    (61, 436),
    (61, 476),
    (73, 508),
    (98, 530),
    (136, 540),
]
# From the front of the ankle up the shin to the top of the leg.
ANTERIOR = [
    (256, 352),
    (232, 322),
    (218, 280),
    (207, 200),
    (200, 100),
    (197, -40),
]


def _malleolus_points(
    cx: float, cy: float, rx: float, ry: float, drop: float, taper: float, degrees: range
) -> list[Point]:
    pts = []
    for deg in degrees:
        a = math.radians(deg)
        narrow = 1 - taper * max(0.0, -math.cos(a)) ** 2
        x, y = cx + rx * narrow * math.sin(a), cy - ry * math.cos(a)
        low = max(0.0, -math.cos(a))  # 0 above the centre, 1 at the tip
        pts.append((x - drop * 0.4 * low**3, y + drop * low**3))
    return pts


def malleolus_side(
    cx: float, cy: float, rx: float, ry: float, drop: float, taper: float = 0.0
) -> QPainterPath:
    """A malleolus seen from the side: a rounded bony knob whose blunt tip
    hangs `drop` lower and a little backwards (towards -x); `taper` narrows
    it towards that tip (the lateral malleolus ends in a narrower point)."""
    return smooth_closed(_malleolus_points(cx, cy, rx, ry, drop, taper, range(0, 360, 30)))


def malleolus_rim(
    cx: float, cy: float, rx: float, ry: float, drop: float, taper: float = 0.0
) -> QPainterPath:
    """The shadowed lower rim of a malleolus, just inside its outline."""
    pts = _malleolus_points(cx, cy, rx * 0.84, ry * 0.84, drop * 0.84, taper, range(110, 260, 15))
    return smooth_open(pts)


def visible_outline(shape: QPainterPath, occluders: QPainterPath) -> list[QPainterPath]:
    """The parts of a shape's outline not hidden by `occluders`, as open lines."""
    runs: list[list[Point]] = []
    current: list[Point] = []
    for poly in shape.toSubpathPolygons():
        pts = [(poly.at(i).x(), poly.at(i).y()) for i in range(poly.size())]
        for x, y in pts:
            if occluders.contains(_qp(x, y)):
                if len(current) > 2:
                    runs.append(current)
                current = []
            else:
                current.append((x, y))
        if len(current) > 2:
            runs.append(current)
        current = []
    lines = []
    for run in runs:
        step = max(1, len(run) // 12)
        pts = run[::step]
        if pts[-1] != run[-1]:
            pts.append(run[-1])
        lines.append(smooth_open(pts))
    return lines


def _qp(x: float, y: float) -> QPointF:
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def shared_leg(cut: Cutter, leg_region: str) -> None:
    """Cut the posterior calf strip, the front of the ankle and the leg."""
    leg_end = [(-FAR, 300), (80, 300), (150, 296), (210, 282), (FAR, 270)]
    leg = side_of(leg_end, [(FAR, -FAR), (-FAR, -FAR)])
    cut.take(
        "calf_posterior",
        with_winding(
            leg.intersected(
                side_of(
                    [(ACHILLES[0][0], -FAR), *ACHILLES[:3], (ACHILLES[2][0], FAR)],
                    [(-FAR, FAR), (-FAR, -FAR)],
                )
            )
        ),
    )
    cut.take(leg_region, leg)
    cut.take(
        "ankle_anterior",
        smooth_closed(
            [(200, 276), (230, 284), (258, 332), (290, 370), (272, 396), (230, 386), (206, 340)]
        ),
    )


def heel_posterior(cut: Cutter, sil: QPainterPath) -> None:
    cut.take(
        "heel_posterior",
        with_winding(
            edge_band(
                sil, 22, polygon([(-FAR, 300), (104, 300), (108, 470), (84, 530), (-FAR, 530)])
            )
        ),
    )


def heel_details() -> list[tuple[QPainterPath, bool]]:
    return [
        # the front edge of the Achilles tendon, down to its insertion
        (smooth_open(ACHILLES), False),
    ]


def medial() -> FootArt:
    body = smooth_closed(
        [
            *POSTERIOR,
            (178, 540),
            (214, 532),
            (252, 516),
            (300, 505),
            (350, 507),
            (396, 518),
            (420, 526),
            (440, 522),
            (455, 500),
            (464, 470),
            (420, 444),
            (366, 418),
            (316, 393),
            (282, 373),
            *ANTERIOR,
        ]
    )
    hallux = Toe(((398, 490), (470, 500), (530, 506), (558, 510)), (50, 68, 60, 52), 0.7)
    sil = leg_cut(union([body, hallux.shape()]), LEG_CUT)
    cut = Cutter(sil)
    medial_malleolus = (170, 318, 30, 32, 4)
    cut.take("malleolus_medial", malleolus_side(*medial_malleolus))
    heel_posterior(cut, sil)
    cut.take(
        "heel_plantar",
        with_winding(
            edge_band(sil, 20, polygon([(60, 490), (150, 470), (226, 470), (226, FAR), (60, FAR)]))
        ),
    )
    shared_leg(cut, "leg_medial")
    mtp = [(466, -FAR), (466, 460), (470, 500), (476, 540), (476, FAR)]
    toe = side_of(mtp, [(FAR, FAR), (FAR, -FAR)])
    split = side_of(
        [(-FAR, 500), (470, 500), (520, 503), (570, 507), (FAR, 508)], [(FAR, FAR), (-FAR, FAR)]
    )
    cut.take("hallux_plantar", with_winding(toe.intersected(split)))
    cut.take("hallux_dorsal", toe)
    cut.take(
        "heel_medial",
        side_of([(224, -FAR), (224, 380), (218, 450), (222, FAR)], [(-FAR, FAR), (-FAR, -FAR)]),
    )
    cut.take(
        "dorsum_medial",
        side_of(
            [(-FAR, 400), (222, 400), (290, 428), (370, 460), (466, 486), (FAR, 486)],
            [(FAR, -FAR), (-FAR, -FAR)],
        ),
    )
    cut.rest("arch_medial")

    details: list[tuple[QPainterPath, bool]] = [
        *heel_details(),
        (
            smooth_closed(
                [
                    hallux.at(0.7, 0.93),
                    hallux.at(0.86, 0.97),
                    hallux.at(0.99, 0.86),
                    hallux.at(1.02, 0.66),
                    hallux.at(0.9, 0.74),
                    hallux.at(0.72, 0.8),
                ]
            ),
            True,
        ),  # nail
        (smooth_open([hallux.at(0.56, -0.5), hallux.at(0.57, -0.95)]), False),  # IP crease
        # the malleolus: its lower rim and the medial border of the tibia above it
        (malleolus_rim(*medial_malleolus), False),
        (smooth_open([(180, 282), (178, 230)]), False),
        (smooth_open([(244, 338), (286, 384), (340, 414)]), False),  # tibialis anterior
        (smooth_open([(262, 492), (320, 480), (380, 486), (424, 506)]), False),  # arch
    ]
    return FootArt(sil, cut.regions, details)


# Lateral view toes, farthest (hallux) first, nearest (5th) last: a small
# row whose tips step forward and up.
SIDE_TOES = (
    Toe(((452, 480), (512, 482), (550, 488), (566, 494)), (42, 38, 35, 33), 0.7),
    Toe(((458, 494), (510, 494), (540, 499), (552, 504)), (30, 28, 26, 25)),
    Toe(((446, 502), (496, 502), (526, 507), (537, 512)), (30, 28, 26, 25)),
    Toe(((432, 510), (480, 510), (508, 515), (519, 520)), (30, 28, 26, 25)),
    Toe(((418, 516), (462, 517), (488, 522), (498, 526)), (30, 27, 25, 24)),
)


def lateral() -> FootArt:
    body = smooth_closed(
        [
            *POSTERIOR,
            (200, 541),
            (280, 540),
            (360, 539),
            (430, 538),
            (454, 534),
            (464, 506),
            (458, 472),
            (420, 446),
            (366, 420),
            (316, 395),
            (282, 375),
            *ANTERIOR,
        ]
    )
    toes = [t.shape() for t in SIDE_TOES]
    sil = leg_cut(union([body, *toes]), LEG_CUT)
    cut = Cutter(sil)
    lateral_malleolus = (146, 338, 26, 42, 10, 0.4)
    cut.take("malleolus_lateral", malleolus_side(*lateral_malleolus))
    heel_posterior(cut, sil)
    shared_leg(cut, "leg_anterolateral")
    little = toes[-1]
    base = side_of(
        [(454, -FAR), (454, 496), (448, 518), (450, 540), (452, FAR)], [(FAR, FAR), (FAR, -FAR)]
    )
    cut.take("little_toe", with_winding(little.intersected(base)))
    cut.take("toes_dorsal", with_winding(union(toes[:-1]).subtracted(body).intersected(base)))
    cut.take(
        "heel_lateral",
        side_of([(236, -FAR), (230, 390), (222, 460), (226, FAR)], [(-FAR, FAR), (-FAR, -FAR)]),
    )
    cut.take(
        "sole_lateral",
        with_winding(edge_band(sil, 16, polygon([(200, 500), (476, 500), (476, FAR), (200, FAR)]))),
    )
    cut.take(
        "foot_lateral_border",
        side_of(
            [(-FAR, 470), (220, 470), (300, 480), (380, 488), (452, 492), (FAR, 492)],
            [(FAR, FAR), (-FAR, FAR)],
        ),
    )
    cut.rest("dorsum_lateral")

    details: list[tuple[QPainterPath, bool]] = [*heel_details()]
    # each toe's edge where it passes in front of the farther ones
    for i in range(1, len(SIDE_TOES)):
        for line in visible_outline(toes[i], union([body, *toes[i + 1 :]])):
            details.append((line, False))
    for t in (SIDE_TOES[0], SIDE_TOES[-1]):  # the nails that show from this side
        details.append((smooth_open([t.at(0.8, 0.9), t.at(0.92, 0.86), t.at(1.01, 0.62)]), False))
    details += [
        # the lateral malleolus: its lower rim and the fibula above it
        (malleolus_rim(*lateral_malleolus), False),
        (smooth_open([(154, 292), (152, 240)]), False),
        # the peroneal tendons behind the malleolus, to the 5th metatarsal base
        (smooth_open([(118, 300), (122, 370), (150, 416), (220, 452), (290, 482)]), False),
        (smooth_open([(278, 506), (296, 496), (318, 500)]), False),  # 5th metatarsal base
        (smooth_open([(250, 352), (310, 402), (380, 438), (440, 464)]), False),  # extensors
    ]
    return FootArt(sil, cut.regions, details)
