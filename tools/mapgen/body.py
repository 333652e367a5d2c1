"""Generate the whole-body maps (assets/maps/body_front.svg, body_back.svg).

Usage: python3 -m tools.mapgen.body [OUT_DIR]   (default: assets/maps)

The figure (body_shapes.py) stands in anatomical position: arms a little away from
the trunk, palms forward. Regions are cut from the silhouette with Qt's path booleans
in a fixed order, each taking only what earlier ones left, so they tile the skin
exactly; the last leftovers are checked to be nothing. Geometry is built at 4x
scale so that Qt's flattening of curves stays far below a pixel.
Orientation: body_front is an anterior view (patient's right on the viewer's LEFT),
body_back a posterior view (patient's right on the viewer's RIGHT).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from PySide6.QtGui import QPainterPath, QTransform

from tools.mapgen.body_shapes import (
    MID,
    TOE_LINE,
    absolute,
    hand_point,
    silhouette,
    silhouette_parts,
)
from tools.mapgen.feet_svg import (
    DETAIL,
    LINE_WEIGHT,
    OUTLINE,
    REGION_LINE,
    SKIN,
    Point,
    SvgDoc,
    area,
    cleaned,
    ellipse,
    mirrored,
    polygon,
    smooth_closed,
    smooth_open,
    split_subpaths,
    subpath_count,
    union,
)
from tools.mapgen.feet_topology import Ring, fit_shared, fitted_d, rings_of

WIDTH, HEIGHT = 800, 1600
K = 4.0  # working scale
FIT_TOLERANCE = 0.15  # user units; borders shared by two shapes are fitted once
REPO = Path(__file__).resolve().parents[2]
FINE = ("face", "scalp_posterior", "neck_anterior", "neck_posterior")
TITLES = {
    "front": ("body_front", "Body, anterior view (front)", "FRONT"),
    "back": ("body_back", "Body, posterior view (back)", "BACK"),
}


# Results of Qt's booleans keep the fill rule Qt gives them (odd-even): forcing the
# winding rule on a result with a hole would fill the hole.


def up(path: QPainterPath) -> QPainterPath:
    return QTransform.fromScale(K, K).map(path)


def down(path: QPainterPath) -> QPainterPath:
    return QTransform.fromScale(1 / K, 1 / K).map(path)


def poly(points: Sequence[Point]) -> QPainterPath:
    """A polygon given in (dx, y) half-figure coordinates."""
    return polygon(absolute(points))


class Limb:
    """A limb's axis (a polyline) with half-widths, for cutting strips along it.

    A point is addressed by u (segment index + fraction along it; may run past the
    ends) and f (across: -1 at the medial edge, +1 at the lateral edge, roughly).
    """

    def __init__(self, axis: Sequence[Point], half_widths: Sequence[float]):
        self.axis = absolute(axis)
        self.hw = list(half_widths)
        normals = []
        for (x0, y0), (x1, y1) in pairwise(self.axis):
            length = math.hypot(x1 - x0, y1 - y0)
            normals.append(((y1 - y0) / length, -(x1 - x0) / length))  # toward +x
        self.vertex_normals = [normals[0]]
        for a, b in pairwise(normals):
            nx, ny = a[0] + b[0], a[1] + b[1]
            n = math.hypot(nx, ny)
            self.vertex_normals.append((nx / n, ny / n))
        self.vertex_normals.append(normals[-1])

    def point(self, u: float, f: float) -> Point:
        seg = min(max(math.floor(u), 0), len(self.axis) - 2)
        s = u - seg
        (x0, y0), (x1, y1) = self.axis[seg], self.axis[seg + 1]
        sc = min(max(s, 0.0), 1.0)
        n0, n1 = self.vertex_normals[seg], self.vertex_normals[seg + 1]
        nx, ny = n0[0] + (n1[0] - n0[0]) * sc, n0[1] + (n1[1] - n0[1]) * sc
        h = self.hw[seg] + (self.hw[seg + 1] - self.hw[seg]) * sc
        return (x0 + (x1 - x0) * s + nx * f * h, y0 + (y1 - y0) * s + ny * f * h)

    def strip(self, u0: float, u1: float, f0: float, f1: float) -> QPainterPath:
        # sample on one global grid, so strips that share an edge share its points
        grid = [k / 32 for k in range(math.ceil(u0 * 32), math.floor(u1 * 32) + 1)]
        us = sorted({u0, u1, *grid})
        pts = [self.point(u, f1) for u in us] + [self.point(u, f0) for u in reversed(us)]
        return polygon(pts)


ARM = Limb([(150, 395), (206, 642), (257, 852)], [44, 31, 21])
LEG_FRONT = Limb([(80, 790), (66, 1112), (62, 1432), (68, 1505)], [74, 45, 25, 42])
LEG_BACK = Limb([(80, 790), (66, 1112), (62, 1432), (64, 1525)], [74, 45, 25, 30])
FAR = 3.0  # "to the edge and beyond" across a limb (parts are clipped anyway)


class Cutter:
    """Cuts the regions of the viewer's right half of the figure.

    Each region is the half-silhouette intersected with its zone, after subtracting
    the shapes of any earlier regions that overlap the zone (`minus`). Zones of one
    limb are strips that partition the plane, so pieces never need to be cut from
    one another: Qt's booleans between two pieces cut from the same silhouette
    (sharing its edges) are unreliable, while a zone against the silhouette is not.
    """

    def __init__(self, half: QPainterPath):
        self.half = half
        self.regions: list[tuple[str, QPainterPath]] = []

    def take(
        self, region: str, zone: QPainterPath, minus: Sequence[QPainterPath] = ()
    ) -> QPainterPath:
        zone = up(zone)
        for shape in minus:
            zone = zone.subtracted(up(shape))
        piece = cleaned((self.half.intersected(zone)), 2.0 * K * K)
        self.regions.append((region, piece))
        return piece


def half_plane() -> QPainterPath:
    return poly([(0, 0), (500, 0), (500, 1700), (0, 1700)])


HEAD_ZONE = poly(
    [(-5, 60), (120, 60), (120, 228), (67, 230), (62, 242), (50, 263), (28, 279), (-5, 286)]
)
NECK = poly([(-5, 200), (70, 200), (62, 290), (50, 318), (30, 336), (-5, 342)])
SHOULDER = poly(
    [
        (30, 336),
        (50, 318),
        (62, 290),
        (70, 200),
        (300, 200),
        (300, 440),
        (210, 440),
        (182, 412),
        (150, 392),
        (110, 376),
        (64, 358),
        (30, 342),
        (-5, 342),
    ]
)
# the arm's part of the figure: lateral of the line from the axilla to the acromion
ARM_SIDE = poly([(146, 470), (154, 340), (420, 340), (420, 1000), (146, 1000)])
# the creases where the legs begin (lateral to medial), smooth curves
FOLD_FRONT = [(175, 752), (150, 782), (110, 808), (60, 834), (20, 852), (-5, 860)]  # thigh
FOLD_BACK = [
    (175, 830),
    (150, 856),
    (110, 878),
    (70, 888),
    (35, 886),
    (12, 876),
    (-5, 866),
]  # gluteal fold


def sampled(points: Sequence[Point], samples: int = 48) -> list[Point]:
    """Points along a smooth curve through (dx, y) landmarks, as (dx, y) again."""
    path = smooth_open(points)
    out = []
    for i in range(samples + 1):
        p = path.pointAtPercent(i / samples)
        out.append((p.x(), p.y()))
    return out


def up_to_floor(line: Sequence[Point]) -> QPainterPath:
    """Everything below a line given medial to lateral (dx, y) in the half-figure."""
    return poly([*line, (line[-1][0], 1600), (line[0][0], 1600)])


def below(curve: Sequence[Point]) -> QPainterPath:
    """The half-figure below a crease, within reach of the legs and clear of the hands."""
    line = sampled(curve)
    return poly([*line, (-5, 1600), (205, 1600), (205, line[0][1])])


def head_neck_shoulder(c: Cutter, view: str) -> None:
    head = silhouette_parts(view)["head"]
    front = view == "front"
    c.take("face" if front else "scalp_posterior", HEAD_ZONE)
    c.take("neck_anterior" if front else "neck_posterior", NECK, [HEAD_ZONE])
    c.take("shoulder", SHOULDER, [HEAD_ZONE, head])


def hand_and_arm(c: Cutter, view: str) -> list[QPainterPath]:
    """Cut the hand and arm; return the shapes the trunk must not take."""
    parts = silhouette_parts(view)
    front = view == "front"
    digits = ("thumb", "index_finger", "middle_finger", "ring_finger", "little_finger")
    c.take("palm" if front else "hand_dorsum", parts["palm"])
    taken = [parts["palm"]]
    for name in digits:
        c.take(name, parts[name], taken)
        taken = [*taken, parts[name]]
    hand = taken
    arm = parts["arm"].intersected(ARM_SIDE)
    not_arm = [SHOULDER, *hand]
    upper, fore = (-0.6, 1.0), (1.0, 2.6)
    c.take("arm_medial", (ARM.strip(*upper, -FAR, -0.35).intersected(arm)), not_arm)
    c.take(
        "arm_anterior" if front else "arm_posterior",
        (ARM.strip(*upper, -0.35, 0.45).intersected(arm)),
        not_arm,
    )
    c.take("arm_lateral", (ARM.strip(*upper, 0.45, FAR).intersected(arm)), not_arm)
    c.take("forearm_medial", (ARM.strip(*fore, -FAR, -0.35).intersected(arm)), not_arm)
    c.take(
        "forearm_anterior" if front else "forearm_posterior",
        (ARM.strip(*fore, -0.35, 0.38).intersected(arm)),
        not_arm,
    )
    c.take("forearm_lateral", (ARM.strip(*fore, 0.38, FAR).intersected(arm)), not_arm)
    return [HEAD_ZONE, NECK, SHOULDER, arm, *hand]


def strips(
    c: Cutter,
    limb: Limb,
    leg: QPainterPath,
    u: tuple[float, float],
    cuts: Sequence[tuple[str, float]],
    minus: Sequence[QPainterPath] = (),
) -> None:
    """Regions side by side across a limb between u[0] and u[1]: (name, f of its medial edge)."""
    edges = [f for _, f in cuts[1:]] + [FAR]
    f0 = -FAR
    for (name, _), f1 in zip(cuts, edges, strict=True):
        c.take(name, (limb.strip(*u, f0, f1).intersected(leg)), minus)
        f0 = f1


def leg_front(c: Cutter) -> QPainterPath:
    parts = silhouette_parts("front")
    leg = below(FOLD_FRONT)
    L = LEG_FRONT
    mall = [parts["malleolus_lateral"], parts["malleolus_medial"]]
    c.take("malleolus_lateral", mall[0], [])
    c.take("malleolus_medial", mall[1], [])
    line = sampled(TOE_LINE)
    distal = up_to_floor(line)
    hallux, toe5 = parts["hallux"].intersected(distal), parts["toe5"].intersected(distal)
    middle = union([parts["toe2"], parts["toe3"], parts["toe4"]]).intersected(distal)
    # the first web: a wedge between the hallux and the second toe, tapering proximally
    web = smooth_closed(
        absolute([(42, 1502), (46, 1488), (51, 1477), (56, 1488), (60, 1503), (51, 1512)])
    )
    c.take("hallux_dorsal", hallux)
    c.take("toes_dorsal", middle, [hallux])
    c.take("little_toe", toe5, [hallux, middle])
    c.take("first_web_space", web, [hallux, middle])
    foot = [*mall, hallux, middle, toe5, web]
    strips(
        c,
        L,
        leg,
        (2.12, 3.6),
        [("dorsum_medial", 0), ("dorsum_central", -0.32), ("dorsum_lateral", 0.36)],
        foot,
    )
    strips(c, L, leg, (1.91, 2.12), [("ankle_anterior", 0)], mall)
    strips(c, L, leg, (1.17, 1.91), [("leg_medial", 0), ("leg_anterolateral", -0.2)], mall)
    strips(c, L, leg, (0.88, 1.17), [("knee_medial", 0), ("knee_anterior", -0.42)])
    thigh = (-1.0, 0.88)
    c.take("thigh_medial", (L.strip(*thigh, -FAR, -0.5).intersected(leg)))
    c.take("thigh_lateral", (L.strip(*thigh, 0.45, FAR).intersected(leg)))
    c.take("thigh_anterior_upper", (L.strip(-1.0, 0.45, -0.5, 0.45).intersected(leg)))
    c.take("thigh_anterior_lower", (L.strip(0.45, 0.88, -0.5, 0.45).intersected(leg)))
    return leg


def leg_back(c: Cutter) -> QPainterPath:
    parts = silhouette_parts("back")
    leg = below(FOLD_BACK)
    L = LEG_BACK
    mall = [parts["malleolus_lateral"], parts["malleolus_medial"]]
    c.take("malleolus_lateral", mall[0])
    c.take("malleolus_medial", mall[1])
    sole = poly([(-5, 1514), (205, 1514), (205, 1600), (-5, 1600)])
    c.take("heel_plantar", (sole.intersected(leg)), mall)
    strips(
        c,
        L,
        leg,
        (1.97, 3.5),
        [("heel_medial", 0), ("heel_posterior", -0.4), ("heel_lateral", 0.4)],
        [*mall, sole],
    )
    strips(c, L, leg, (1.17, 1.97), [("leg_medial", 0), ("calf_posterior", -0.55)], mall)
    strips(c, L, leg, (0.88, 1.17), [("knee_medial", 0), ("popliteal_fossa", -0.5)])
    strips(
        c,
        L,
        leg,
        (-1.0, 0.88),
        [("thigh_medial", 0), ("thigh_posterior", -0.5), ("thigh_lateral", 0.5)],
    )
    return leg


def band(top: Sequence[Point], bottom: Sequence[Point]) -> QPainterPath:
    """The trunk between two cut lines (each given medial to lateral, from dx = -5).

    A line of more than two points is a smooth curve through them.
    """
    top, bottom = (sampled(line) if len(line) > 2 else line for line in (top, bottom))
    return poly([*top, *reversed(bottom)])


def bands(
    c: Cutter, lines: Sequence[Sequence[Point]], names: Sequence[str], minus: Sequence[QPainterPath]
) -> None:
    for name, top, bottom in zip(names, lines, lines[1:], strict=False):
        c.take(name, band(top, bottom), minus)


def trunk_front(c: Cutter, minus: Sequence[QPainterPath]) -> None:
    lines = [
        [(-5, 300), (240, 300)],
        [(-5, 468), (240, 472)],  # nipple line
        [
            (-5, 540),
            (0, 541),
            (30, 556),
            (70, 580),
            (110, 600),
            (150, 612),
            (240, 618),
        ],  # costal margin, from the xiphoid down and out
        [(-5, 628), (240, 630)],
        [(-5, 684), (240, 684)],  # below the umbilicus
        [
            (-5, 826),
            (14, 820),
            (45, 797),
            (90, 760),
            (128, 722),
            (150, 708),
            (240, 700),
        ],  # inguinal ligament, pubic tubercle to the iliac spine
        [(-5, 960), (240, 960)],
    ]
    names = [
        "chest_upper",
        "chest_lower",
        "abdomen_upper",
        "abdomen_umbilical",
        "abdomen_lower",
        "groin",
    ]
    bands(c, lines, names, minus)


def trunk_back(c: Cutter, minus: Sequence[QPainterPath]) -> None:
    lines = [
        [(-5, 300), (240, 300)],
        [(-5, 500), (240, 500)],
        [(-5, 592), (240, 592)],
        [(-5, 658), (240, 658)],
        [
            (-5, 768),
            (20, 760),
            (60, 740),
            (100, 722),
            (140, 714),
            (240, 714),
        ],  # iliac crests and sacrum
        [(-5, 960), (240, 960)],
    ]
    names = ["upper_back", "mid_back", "thoracolumbar", "lower_back", "buttock"]
    bands(c, lines, names, minus)


SADDLE = [(0, 772), (7, 790), (13, 820), (18, 850), (16, 872), (0, 878)]


def cut(view: str) -> tuple[list[tuple[str, QPainterPath]], QPainterPath, list[str]]:
    """Regions of a view: the viewer's right half is cut, the left half is its mirror."""
    sil = up(silhouette(view))
    front = view == "front"
    half = sil.intersected(up(half_plane()))
    regions: list[tuple[str, QPainterPath]] = []
    if not front:
        outline = [(MID + dx, y) for dx, y in SADDLE]
        outline += [(MID - dx, y) for dx, y in reversed(SADDLE[1:-1])]
        saddle = sil.intersected(up(polygon(outline)))
        regions.append(("midline.saddle", saddle))
        half = half.subtracted(saddle)
    cutter = Cutter(half)
    head_neck_shoulder(cutter, view)
    not_trunk = hand_and_arm(cutter, view)
    if front:
        not_trunk.append(leg_front(cutter))
        trunk_front(cutter, not_trunk)
    else:
        not_trunk.append(leg_back(cutter))
        trunk_back(cutter, not_trunk)
    # the patient's right is on the viewer's left in front, on the viewer's right behind
    this_side, other_side = ("left", "right") if front else ("right", "left")
    for region, piece in cutter.regions:
        regions.append((f"{this_side}.{region}", piece))
        regions.append((f"{other_side}.{region}", mirrored(piece, MID * K)))
    problems = []
    regions = [(key, down(piece)) for key, piece in regions]
    for key, piece in regions:
        if piece.isEmpty():
            problems.append(f"{view}: {key} is empty")
        elif subpath_count(piece) > 1:
            sizes = ", ".join(f"{area(p):.0f}" for p in split_subpaths(piece))
            problems.append(f"{view}: {key} has several pieces (areas {sizes})")
    return regions, down(sil), problems


def details(doc: SvgDoc, view: str) -> None:
    def line(points: Sequence[Point], both: bool = True) -> None:
        path = smooth_open(absolute(points))
        doc.line("detail", path, fill="none")
        if both:
            doc.line("detail", mirrored(path, MID), fill="none")

    def closed(path: QPainterPath, both: bool = True) -> None:
        doc.line("detail", path, closed=True, fill="none")
        if both:
            doc.line("detail", mirrored(path, MID), closed=True, fill="none")

    if view == "front":
        closed(ellipse(MID + 72, 470, 3.2, 3.2))  # nipple
        closed(ellipse(MID, 656, 3.5, 5), both=False)  # umbilicus
        closed(ellipse(MID + 68, 1114, 16, 21))  # patella
        line([(0, 560), (0, 620)], both=False)  # linea alba
        thenar = [hand_point(u, v) for u, v in ((22, 54), (12, 36), (5, 18), (3, 4))]
        doc.line("detail", smooth_open(thenar), fill="none")  # thenar crease
        doc.line("detail", mirrored(smooth_open(thenar), MID), fill="none")
    else:
        line([(0, 300), (0, 735)], both=False)  # spine
        line([(26, 400), (84, 392), (116, 394)])  # spine of the scapula
        closed(ellipse(MID + 26, 760, 3, 3))  # dimples of Venus
        line([(42, 1122), (66, 1128), (92, 1122)])  # popliteal crease
        line([(51, 1325), (56, 1400), (57, 1448), (53, 1472)])  # Achilles tendon
        line([(73, 1325), (68, 1400), (67, 1448), (71, 1472)])


def labels(doc: SvgDoc, view: str) -> None:
    caption = TITLES[view][2]
    # the page title in its own group, so that a window with its own caption can leave it out
    doc.text(MID, 44, caption, 26, weight="bold", group="title")
    doc.text(
        MID,
        70,
        "anterior view" if view == "front" else "posterior view",
        17,
        style="italic",
        group="title",
    )
    right_x, left_x = (90, 710) if view == "front" else (710, 90)
    for x, letter in ((right_x, "R"), (left_x, "L")):
        doc.text(x, 200, letter, 44, weight="bold")
    doc.text(right_x, 228, "patient's right", 17, style="italic")
    doc.text(left_x, 228, "patient's left", 17, style="italic")


def build(view: str) -> tuple[str, list[str]]:
    regions, sil, problems = cut(view)
    doc = SvgDoc(WIDTH, HEIGHT)
    for key in ("regions", "detail", "outline"):
        doc.groups[key] = []
    shapes: dict[str, list[Ring]] = {
        key: rings_of(piece) for key, piece in regions if not piece.isEmpty()
    }
    shapes["outline"] = rings_of(sil)
    for key, fitted in fit_shared(shapes, FIT_TOLERANCE).items():
        if key == "outline":
            doc.add("outline", f'<path d="{fitted_d(fitted)}"/>')
        elif key.split(".")[1] in FINE:
            # the head and neck are split at the midline only so that a side can be
            # marked: their own edges are drawn fine (their other borders are drawn by
            # the outline and by the neighbouring regions)
            doc.add("regions", f'<path id="{key}" d="{fitted_d(fitted)}" stroke-width="0.6"/>')
        else:
            doc.add("regions", f'<path id="{key}" d="{fitted_d(fitted)}"/>')
    details(doc, view)
    labels(doc, view)
    styles = {
        "regions": f'fill="{SKIN}" stroke="{REGION_LINE}" stroke-width="1.2" '
        'stroke-linejoin="round"',
        "detail": f'fill="none" stroke="{DETAIL}" stroke-width="1.2" stroke-opacity="0.75" '
        'stroke-linecap="round"',
        "outline": f'fill="none" stroke="{OUTLINE}" stroke-width="{LINE_WEIGHT}" '
        'stroke-linejoin="round"',
        "labels": 'font-family="DejaVu Sans, Arial, sans-serif"',
        "title": 'font-family="DejaVu Sans, Arial, sans-serif"',
    }
    return doc.render(styles, TITLES[view][1]), problems


def tiling_flaws(svg: Path) -> list[str]:
    """The rasterised tiling check of rootmap check-assets, on a freshly written map."""
    from rootmap.commands.check_assets import find_flaws
    from rootmap.maps import read_view
    from rootmap.maps.svgfile import read_groups

    view = read_view(svg.stem, svg)
    outline = [c for _, c in read_groups(svg, ("outline",))["groups"]["outline"]]
    return [f.describe(0.25) for f in find_flaws(view.width, view.height, view.regions, outline)]


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else REPO / "assets" / "maps"
    failed = False
    for view in ("front", "back"):
        text, problems = build(view)
        for problem in problems:
            print(problem, file=sys.stderr)
        failed = failed or bool(problems)
        target = out_dir / f"{TITLES[view][0]}.svg"
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target} ({text.count('<path id=')} regions, {len(text) // 1024} KiB)")
        flaws = tiling_flaws(target)
        for flaw in flaws:
            print(f"{target.name}: {flaw}", file=sys.stderr)
        failed = failed or bool(flaws)
    return 1 if failed else 0


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    raise SystemExit(main(sys.argv))
