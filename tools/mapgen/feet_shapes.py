"""Local geometry of one foot for each view (build tool; uses Qt).

Each function draws ONE canonical foot in its own coordinates and cuts its
regions; feet.py places it twice (once mirrored) on the view.

Canonical feet:
- dorsal: the LEFT foot seen from the front and above, leg at the top, toes
  pointing down, medial side (big toe) on the local left (x small).
- plantar: the RIGHT sole seen from behind (patient kneeling), heel at the top,
  toes pointing down, medial side on the local left.
- medial: the LEFT foot seen from its medial side: toes point to +x.
- lateral: the RIGHT foot seen from its lateral side: toes point to +x.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from feet_svg import (
    Cutter,
    ellipse,
    inner_band,
    polygon,
    side_of,
    smooth_closed,
    smooth_open,
    union,
    with_winding,
)
from PySide6.QtGui import QPainterPath

FAR = 2000.0  # far outside any silhouette, for closing cut areas


@dataclass
class FootArt:
    silhouette: QPainterPath
    regions: list[tuple[str, QPainterPath]]
    details: list[tuple[QPainterPath, bool]] = field(default_factory=list)  # (path, closed)
    shading: list[QPainterPath] = field(default_factory=list)


def toe(
    base: tuple[float, float],
    tip: tuple[float, float],
    width: float,
    tip_width: float | None = None,
    root: float = 45.0,
) -> QPainterPath:
    """A toe seen from above or below: a rounded finger from base to tip."""
    bx, by = base
    tx, ty = tip
    tw = (tip_width or width * 0.9) / 2
    w = width / 2
    length = ty - by
    dx = tx - bx
    pts = [
        (bx - w * 1.05, by - root),
        (bx - w, by + 0.15 * length),
        (bx - w * 0.97 + dx * 0.55, by + 0.55 * length),
        (tx - tw * 0.98, ty - 0.22 * length),
        (tx - tw * 0.55, ty - 0.04 * length),
        (tx, ty),
        (tx + tw * 0.55, ty - 0.04 * length),
        (tx + tw * 0.98, ty - 0.22 * length),
        (bx + w * 0.97 + dx * 0.55, by + 0.55 * length),
        (bx + w, by + 0.15 * length),
        (bx + w * 1.05, by - root),
    ]
    return smooth_closed(pts, tension=0.9)


# Toe layout shared by the dorsal and plantar views: (base, tip, width).
DORSAL_TOES = [
    ((60, 538), (63, 648), 64),  # hallux
    ((113, 558), (119, 646), 36),
    ((150, 554), (158, 630), 34),
    ((185, 546), (195, 610), 32),
    ((223, 526), (235, 584), 30),
]


def dorsal() -> FootArt:
    body = smooth_closed(
        [
            (76, -4),
            (135, -6),
            (196, -4),
            (197, 70),
            (201, 130),
            (211, 172),
            (222, 204),
            (217, 236),
            (214, 266),
            (223, 312),
            (238, 362),
            (247, 402),
            (252, 445),
            (256, 478),
            (250, 502),
            (236, 522),
            (190, 538),
            (150, 545),
            (110, 545),
            (60, 532),
            (34, 512),
            (29, 470),
            (35, 420),
            (44, 365),
            (50, 320),
            (57, 268),
            (50, 230),
            (45, 198),
            (52, 166),
            (66, 132),
            (73, 70),
        ]
    )
    toes = [toe(b, t, w) for b, t, w in DORSAL_TOES]
    sil = union([body, *toes])
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
    cut.take("malleolus_medial", ellipse(50, 198, 32, 40))
    cut.take("malleolus_lateral", ellipse(218, 214, 30, 40))
    ankle_line = [(-FAR, 262), (55, 262), (135, 276), (215, 272), (FAR, 268)]
    cut.take("ankle_anterior", side_of(ankle_line, [(FAR, -FAR), (-FAR, -FAR)]))
    # toes: below the toe-base line (a little above the web clefts)
    toe_line = [
        (-FAR, 508),
        (28, 512),
        (60, 518),
        (113, 532),
        (150, 532),
        (185, 524),
        (219, 510),
        (262, 492),
        (FAR, 480),
    ]
    below_toes = side_of(toe_line, [(FAR, FAR), (-FAR, FAR)])
    cut.take(
        "first_web_space",
        smooth_closed(
            [
                (96, 486),
                (108, 508),
                (115, 556),
                (113, 588),
                (97, 584),
                (81, 590),
                (78, 556),
                (85, 508),
            ]
        ),
    )
    cut.take(
        "hallux_dorsal",
        with_winding(
            below_toes.intersected(
                side_of([(94, -FAR), (94, 560), (97, FAR)], [(-FAR, FAR), (-FAR, -FAR)])
            )
        ),
    )
    cut.take(
        "little_toe",
        with_winding(
            below_toes.intersected(
                side_of(
                    [(201, -FAR), (201, 515), (205, 545), (213, 610), (218, FAR)],
                    [(FAR, FAR), (FAR, -FAR)],
                )
            )
        ),
    )
    cut.take("toes_dorsal", below_toes)
    # edges of the foot below the malleoli
    band_m = inner_band(sil, 20)
    cut.take(
        "arch_medial",
        with_winding(band_m.intersected(polygon([(-FAR, 240), (80, 240), (80, 600), (-FAR, 600)]))),
    )
    cut.take(
        "foot_lateral_border",
        with_winding(
            inner_band(sil, 20).intersected(
                polygon([(180, 240), (FAR, 240), (FAR, 505), (180, 505)])
            )
        ),
    )
    # dorsum in thirds along the metatarsals
    cut.take(
        "dorsum_medial",
        side_of(
            [(78, -FAR), (80, 262), (86, 360), (94, 460), (96, 490), (97, FAR)],
            [(-FAR, FAR), (-FAR, -FAR)],
        ),
    )
    cut.take(
        "dorsum_lateral",
        side_of(
            [(134, -FAR), (136, 272), (145, 360), (163, 480), (168, 530), (169, FAR)],
            [(FAR, FAR), (FAR, -FAR)],
        ),
    )
    cut.rest("dorsum_central")

    details: list[tuple[QPainterPath, bool]] = []
    # nails
    for (_bx, by), (tx, ty), w in DORSAL_TOES:
        length = ty - by
        nw = w * 0.62
        ny = ty - length * 0.42
        details.append(
            (
                smooth_closed(
                    [
                        (tx - nw / 2, ny + 4),
                        (tx - nw / 2.2, ty - length * 0.1),
                        (tx, ty - length * 0.06),
                        (tx + nw / 2.2, ty - length * 0.1),
                        (tx + nw / 2, ny + 4),
                        (tx, ny),
                    ]
                ),
                True,
            )
        )
    # interphalangeal creases
    for (bx, by), (tx, ty), w in DORSAL_TOES[1:]:
        cy = by + (ty - by) * 0.48
        cx = bx + (tx - bx) * 0.48
        details.append((smooth_open([(cx - w * 0.3, cy), (cx, cy + 3), (cx + w * 0.3, cy)]), False))
    details.append((smooth_open([(44, 592), (60, 597), (84, 593)]), False))
    # malleoli contours and extensor tendons
    details.append((smooth_open([(64, 172), (76, 196), (70, 226)]), False))
    details.append((smooth_open([(204, 190), (196, 214), (204, 240)]), False))
    details.append((smooth_open([(112, 200), (98, 300), (80, 420), (68, 490)]), False))  # EHL
    return FootArt(sil, cut.regions, details)


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
            (254, 432),
            (258, 470),
            (252, 500),
            (236, 518),
            (190, 532),
            (150, 540),
            (110, 540),
            (60, 526),
            (34, 506),
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
    toes = [toe((bx, by - 6), (tx, ty - 6), w * 1.02) for (bx, by), (tx, ty), w in DORSAL_TOES]
    sil = union([body, *toes])
    cut = Cutter(sil)
    heel_end = [(-FAR, 178), (40, 178), (120, 186), (205, 178), (FAR, 178)]
    heel = side_of(heel_end, [(FAR, -FAR), (-FAR, -FAR)])
    band = inner_band(sil, 22)
    cut.take(
        "heel_medial",
        with_winding(
            heel.intersected(band).intersected(
                polygon([(-FAR, 30), (95, 30), (95, 200), (-FAR, 200)])
            )
        ),
    )
    cut.take(
        "heel_lateral",
        with_winding(
            heel.intersected(band).intersected(
                polygon([(145, 30), (FAR, 30), (FAR, 200), (145, 200)])
            )
        ),
    )
    cut.take("heel_plantar", heel)
    toe_line = [
        (-FAR, 500),
        (28, 504),
        (60, 510),
        (113, 522),
        (150, 514),
        (168, 506),
        (186, 510),
        (223, 500),
        (262, 484),
        (FAR, 470),
    ]
    below_toes = side_of(toe_line, [(FAR, FAR), (-FAR, FAR)])
    cut.take(
        "interdigital_3_4",
        smooth_closed(
            [
                (168, 530),
                (178, 540),
                (184, 560),
                (180, 580),
                (168, 574),
                (156, 580),
                (152, 560),
                (158, 540),
            ]
        ),
    )
    cut.take(
        "hallux_plantar",
        with_winding(
            below_toes.intersected(
                side_of([(94, -FAR), (94, 560), (97, FAR)], [(-FAR, FAR), (-FAR, -FAR)])
            )
        ),
    )
    cut.take(
        "little_toe",
        with_winding(
            below_toes.intersected(
                side_of(
                    [(203, -FAR), (204, 505), (208, 540), (216, 605), (220, FAR)],
                    [(FAR, FAR), (FAR, -FAR)],
                )
            )
        ),
    )
    cut.take("toes_plantar", below_toes)
    ball = side_of(
        [(-FAR, 392), (30, 392), (140, 380), (250, 400), (FAR, 404)], [(FAR, FAR), (-FAR, FAR)]
    )
    cut.take(
        "forefoot_plantar_medial",
        with_winding(
            ball.intersected(
                side_of(
                    [(162, -FAR), (160, 392), (166, 470), (168, FAR)], [(-FAR, FAR), (-FAR, -FAR)]
                )
            )
        ),
    )
    cut.take("forefoot_plantar_lateral", ball)
    cut.take(
        "foot_lateral_border",
        with_winding(
            inner_band(sil, 20).intersected(
                polygon([(150, 150), (FAR, 150), (FAR, 420), (150, 420)])
            )
        ),
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
    # toe pads: the crease at the base of each toe
    for (bx, by), (_tx, ty), w in DORSAL_TOES:
        cy = by + (ty - by) * 0.12 - 6
        details.append(
            (smooth_open([(bx - w * 0.36, cy), (bx, cy + 4), (bx + w * 0.36, cy)]), False)
        )
    details.append((smooth_open([(40, 596), (60, 602), (86, 596)]), False))  # hallux IP crease
    details.append((smooth_open([(36, 470), (90, 488), (150, 486), (210, 470), (246, 450)]), False))
    details.append((smooth_open([(70, 150), (120, 168), (172, 150)]), False))  # heel pad margin
    details.append((smooth_open([(70, 260), (78, 330), (64, 400)]), False))  # arch hollow
    return FootArt(sil, cut.regions, details)


def medial() -> FootArt:
    body = smooth_closed(
        [
            (40, -4),
            (120, -6),
            (196, -4),
            (197, 80),
            (198, 170),
            (203, 250),
            (214, 312),
            (236, 352),
            (290, 385),
            (350, 414),
            (410, 440),
            (450, 456),
            (466, 492),
            (448, 522),
            (404, 530),
            (352, 508),
            (300, 494),
            (240, 500),
            (190, 520),
            (140, 532),
            (98, 530),
            (66, 512),
            (50, 470),
            (50, 410),
            (64, 350),
            (80, 292),
            (82, 230),
            (70, 160),
            (54, 90),
        ]
    )
    hallux = smooth_closed(
        [
            (430, 452),
            (480, 456),
            (528, 462),
            (560, 472),
            (576, 490),
            (568, 510),
            (540, 520),
            (500, 522),
            (462, 526),
            (436, 528),
        ]
    )
    sil = union([body, hallux])
    cut = Cutter(sil)
    cut.take("malleolus_medial", ellipse(166, 294, 30, 34))
    cut.take(
        "heel_posterior",
        with_winding(
            inner_band(sil, 24).intersected(
                polygon([(-FAR, 250), (90, 250), (96, 470), (70, 520), (-FAR, 520)])
            )
        ),
    )
    cut.take(
        "heel_plantar",
        with_winding(
            inner_band(sil, 20).intersected(polygon([(40, 470), (210, 470), (210, FAR), (40, FAR)]))
        ),
    )
    leg_end = [(-FAR, 250), (70, 250), (140, 268), (200, 262), (FAR, 240)]
    leg = side_of(leg_end, [(FAR, -FAR), (-FAR, -FAR)])
    cut.take(
        "calf_posterior",
        with_winding(
            leg.intersected(
                side_of(
                    [(112, -FAR), (106, 60), (98, 180), (90, 250), (88, FAR)],
                    [(-FAR, FAR), (-FAR, -FAR)],
                )
            )
        ),
    )
    cut.take(
        "ankle_anterior",
        smooth_closed(
            [(178, 244), (232, 256), (270, 330), (262, 394), (222, 386), (196, 340), (184, 290)]
        ),
    )
    cut.take("leg_medial", leg)
    cut.take(
        "hallux_dorsal", with_winding(polygon([(448, -FAR), (FAR, -FAR), (FAR, 490), (448, 490)]))
    )
    cut.take(
        "hallux_plantar", with_winding(polygon([(448, 490), (FAR, 490), (FAR, FAR), (448, FAR)]))
    )
    cut.take(
        "heel_medial",
        side_of([(206, -FAR), (206, 380), (200, 450), (204, FAR)], [(-FAR, FAR), (-FAR, -FAR)]),
    )
    cut.take(
        "dorsum_medial",
        side_of(
            [(-FAR, 380), (200, 380), (260, 412), (340, 446), (450, 478), (FAR, 478)],
            [(FAR, -FAR), (-FAR, -FAR)],
        ),
    )
    cut.rest("arch_medial")

    details: list[tuple[QPainterPath, bool]] = [
        (smooth_open([(538, 474), (556, 476), (566, 488), (558, 498), (540, 496)]), False),  # nail
        (smooth_open([(500, 466), (506, 490), (498, 518)]), False),  # IP crease
        (smooth_open([(146, 300), (160, 292), (180, 302)]), False),  # malleolus contour
        (smooth_open([(92, 120), (98, 230), (86, 330), (76, 420)]), False),  # Achilles tendon
        (smooth_open([(230, 330), (280, 378), (330, 400)]), False),  # tibialis anterior
        (smooth_open([(260, 486), (320, 470), (380, 474), (430, 496)]), False),  # arch
    ]
    return FootArt(sil, cut.regions, details)


def lateral() -> FootArt:
    body = smooth_closed(
        [
            (40, -4),
            (120, -6),
            (196, -4),
            (197, 80),
            (198, 170),
            (203, 250),
            (214, 312),
            (236, 352),
            (290, 388),
            (350, 420),
            (410, 446),
            (440, 460),
            (448, 506),
            (420, 530),
            (380, 534),
            (330, 532),
            (270, 530),
            (200, 530),
            (140, 534),
            (98, 530),
            (66, 512),
            (50, 470),
            (50, 410),
            (64, 350),
            (80, 292),
            (82, 230),
            (70, 160),
            (54, 90),
        ]
    )
    little = smooth_closed(
        [
            (418, 486),
            (450, 489),
            (480, 497),
            (500, 507),
            (504, 519),
            (492, 528),
            (456, 531),
            (418, 531),
        ]
    )
    others = union(
        [
            smooth_closed(
                [(415, 455), (470, 462), (510, 470), (522, 480), (520, 500), (490, 506), (430, 500)]
            ),
            ellipse(522, 490, 20, 16, -8),
            ellipse(541, 487, 19, 15, -8),
            ellipse(557, 484, 17, 15, -8),
        ]
    )
    sil = union([body, little, others])
    cut = Cutter(sil)
    cut.take("malleolus_lateral", ellipse(134, 300, 30, 36))
    cut.take(
        "heel_posterior",
        with_winding(
            inner_band(sil, 24).intersected(
                polygon([(-FAR, 250), (90, 250), (96, 470), (70, 520), (-FAR, 520)])
            )
        ),
    )
    leg_end = [(-FAR, 250), (70, 250), (140, 268), (200, 262), (FAR, 240)]
    leg = side_of(leg_end, [(FAR, -FAR), (-FAR, -FAR)])
    cut.take(
        "calf_posterior",
        with_winding(
            leg.intersected(
                side_of(
                    [(112, -FAR), (106, 60), (98, 180), (90, 250), (88, FAR)],
                    [(-FAR, FAR), (-FAR, -FAR)],
                )
            )
        ),
    )
    cut.take(
        "ankle_anterior",
        smooth_closed(
            [(178, 244), (232, 256), (270, 330), (262, 394), (222, 386), (196, 340), (184, 290)]
        ),
    )
    cut.take("leg_anterolateral", leg)
    cut.take("little_toe", little)
    cut.take("toes_dorsal", with_winding(others.subtracted(body)))
    cut.take(
        "heel_lateral",
        side_of([(206, -FAR), (206, 390), (200, 450), (204, FAR)], [(-FAR, FAR), (-FAR, -FAR)]),
    )
    cut.take(
        "sole_lateral",
        with_winding(
            inner_band(sil, 16).intersected(
                polygon([(180, 500), (430, 500), (430, FAR), (180, FAR)])
            )
        ),
    )
    cut.take(
        "foot_lateral_border",
        side_of(
            [(-FAR, 478), (200, 478), (300, 480), (380, 486), (430, 490), (FAR, 490)],
            [(FAR, FAR), (-FAR, FAR)],
        ),
    )
    cut.rest("dorsum_lateral")

    details: list[tuple[QPainterPath, bool]] = [
        (smooth_open([(478, 500), (492, 504), (498, 514)]), False),  # little toe nail
        (smooth_open([(534, 478), (546, 480), (550, 490)]), False),  # 3rd toe nail
        (smooth_open([(552, 475), (563, 478), (566, 488)]), False),  # 2nd toe nail
        (smooth_open([(118, 318), (136, 308), (156, 318)]), False),  # malleolus contour
        (smooth_open([(92, 120), (98, 230), (86, 330), (76, 420)]), False),  # Achilles tendon
        (smooth_open([(296, 512), (310, 500), (326, 512)]), False),  # 5th metatarsal base
        (smooth_open([(250, 370), (320, 410), (400, 440)]), False),  # extensor tendons
    ]
    return FootArt(sil, cut.regions, details)
