"""Local geometry of one foot seen from the side (build tool; uses Qt).

- medial: the LEFT foot seen from its medial side: toes point to +x.
- lateral: the RIGHT foot seen from its lateral side: toes point to +x.
"""

from __future__ import annotations

from feet_shapes import FAR, FootArt
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
