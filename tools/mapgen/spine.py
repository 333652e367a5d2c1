"""Generate the lumbar spine diagram (assets/maps/spine.svg).

Usage: python3 -m tools.mapgen.spine [OUT_DIR]   (default: assets/maps)

A coronal schematic seen from behind with the posterior arches removed: the
vertebral bodies L1-L5 and the top of the sacrum (S1), the discs between them,
the dural sac with the cauda equina, and on each side the nerve roots. Each
root Ln leaves the sac above the Ln-1/Ln disc, runs down past that disc (there
it is the TRAVERSING root), turns under the Ln pedicle and EXITS through the
Ln/Ln+1 foramen, above the Ln/Ln+1 disc. S1 traverses L5-S1 and enters the S1
foramen. Seen from behind, the patient's right is on the viewer's right.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QPainterPath

from tools.mapgen.feet_svg import (
    DETAIL,
    LABEL,
    LINE_WEIGHT,
    OUTLINE,
    SvgDoc,
    ellipse,
    polygon,
    ribbon,
    smooth_closed,
    smooth_open,
    union,
)

WIDTH, HEIGHT = 800, 1060
CX = 400.0
REPO = Path(__file__).resolve().parents[2]

BONE = "#efe6d2"
BONE_LINE = "#8c7a5b"
DISC = "#b9d3dc"
DISC_LINE = "#5f8796"
DURA = "#f6efe0"
ROOT = "#f1d27a"
ROOT_LINE = "#9a7a22"

# name: (top, height, width, transverse process length)
LEVELS = {
    "L1": (172.0, 86.0, 150.0, 52.0),
    "L2": (286.0, 90.0, 158.0, 66.0),
    "L3": (404.0, 94.0, 166.0, 80.0),
    "L4": (526.0, 96.0, 174.0, 66.0),
    "L5": (650.0, 96.0, 184.0, 56.0),
}
NAMES = ["L1", "L2", "L3", "L4", "L5"]
S1_TOP = 772.0
DISC_GAP = 28.0

GROUP_STYLES = {
    "vertebrae": f'fill="{BONE}" stroke="{BONE_LINE}" stroke-width="{LINE_WEIGHT}" '
    'stroke-linejoin="round"',
    "discs": f'fill="{DISC}" stroke="{DISC_LINE}" stroke-width="{LINE_WEIGHT * 0.8:.2f}" '
    'stroke-linejoin="round"',
    "detail": f'fill="none" stroke="{DETAIL}" stroke-width="{LINE_WEIGHT * 0.6:.2f}" '
    'stroke-linecap="round" stroke-linejoin="round"',
    "roots": f'fill="{ROOT}" stroke="{ROOT_LINE}" stroke-width="{LINE_WEIGHT * 0.7:.2f}" '
    'stroke-linejoin="round"',
    "outline": f'fill="none" stroke="{OUTLINE}" stroke-width="{LINE_WEIGHT}"',
    "labels": 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"',
    "title": 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"',
}


def body(top: float, h: float, w: float) -> QPainterPath:
    """A vertebral body seen from behind: waisted sides, rounded corners."""
    x0, x1 = CX - w / 2, CX + w / 2
    y1 = top + h
    return smooth_closed(
        [
            (x0 + 10, top + 1),
            (CX, top - 2),
            (x1 - 10, top + 1),
            (x1, top + 12),
            (x1 - 7, top + h / 2),
            (x1 + 1, y1 - 11),
            (x1 - 10, y1),
            (CX, y1 + 2),
            (x0 + 10, y1),
            (x0 - 1, y1 - 11),
            (x0 + 7, top + h / 2),
            (x0, top + 12),
        ],
        tension=0.8,
    )


def transverse_process(top: float, w: float, length: float, sx: float) -> QPainterPath:
    base = CX + sx * (w / 2 - 14)
    tip = CX + sx * (w / 2 + length)
    return smooth_closed(
        [
            (base, top + 26),
            (CX + sx * (w / 2 + length * 0.5), top + 28),
            (tip, top + 26),
            (tip + sx * 8, top + 36),
            (tip, top + 46),
            (CX + sx * (w / 2 + length * 0.5), top + 48),
            (base, top + 56),
        ],
        tension=0.8,
    )


def vertebra(name: str) -> QPainterPath:
    top, h, w, tp = LEVELS[name]
    return union(
        [body(top, h, w), transverse_process(top, w, tp, 1), transverse_process(top, w, tp, -1)]
    )


def sacrum_s1() -> QPainterPath:
    """The top (S1) segment of the sacrum with its alae."""
    t = S1_TOP
    return smooth_closed(
        [
            (CX - 95, t + 2),
            (CX, t - 2),
            (CX + 95, t + 2),
            (CX + 150, t + 6),
            (CX + 178, t + 22),
            (CX + 168, t + 58),
            (CX + 140, t + 96),
            (CX + 100, t + 104),
            (CX, t + 108),
            (CX - 100, t + 104),
            (CX - 140, t + 96),
            (CX - 168, t + 58),
            (CX - 178, t + 22),
            (CX - 150, t + 6),
        ],
        tension=0.8,
    )


def sacrum_rest() -> QPainterPath:
    t = S1_TOP + 104
    return smooth_closed(
        [
            (CX - 140, t - 8),
            (CX, t),
            (CX + 140, t - 8),
            (CX + 118, t + 50),
            (CX + 70, t + 110),
            (CX + 24, t + 142),
            (CX, t + 148),
            (CX - 24, t + 142),
            (CX - 70, t + 110),
            (CX - 118, t + 50),
        ],
        tension=0.9,
    )


def disc(
    upper: tuple[float, float, float, float], lower_top: float, lower_w: float
) -> QPainterPath:
    top = upper[0] + upper[1] + 1
    bottom = lower_top - 1
    w0, w1 = upper[2] + 6, lower_w + 6
    mid = (top + bottom) / 2
    return smooth_closed(
        [
            (CX - w0 / 2 + 8, top),
            (CX, top + 2),
            (CX + w0 / 2 - 8, top),
            (CX + (w0 + w1) / 4 + 4, mid),
            (CX + w1 / 2 - 8, bottom),
            (CX, bottom - 2),
            (CX - w1 / 2 + 8, bottom),
            (CX - (w0 + w1) / 4 - 4, mid),
        ],
        tension=0.8,
    )


def sac_half(y: float) -> float:
    """Half-width of the dural sac at height y (it tapers downwards)."""
    return 38.0 - 12.0 * max(0.0, min(1.0, (y - 170) / 640))


def pedicle(name: str, sx: float) -> tuple[float, float]:
    top, _h, w, _tp = LEVELS[name]
    return CX + sx * (w / 2 - 17), top + 30


def root(name: str, sx: float) -> QPainterPath:
    if name == "S1":
        y0 = LEVELS["L5"][0] + 36
        half = sac_half(y0)
        centre = [
            (CX + sx * (half - 8), y0),
            (CX + sx * (half + 8), y0 + 34),
            (CX + sx * (half + 26), S1_TOP - 8),
            (CX + sx * (half + 44), S1_TOP + 26),
            (CX + sx * 92, S1_TOP + 58),
        ]
        return ribbon(centre, [9, 10, 11, 12, 13])
    top, h, w, _tp = LEVELS[name]
    upper_disc_top = top - DISC_GAP
    y0 = upper_disc_top - 30
    half = sac_half(y0)
    px, py = pedicle(name, sx)
    centre = [
        (CX + sx * (half - 8), y0),
        (CX + sx * (half + 12), upper_disc_top + 16),
        (px - sx * 4, py + 30),
        (CX + sx * (w / 2 + 30), top + h - 10),
        (CX + sx * (w / 2 + 96), top + h + DISC_GAP + 40),
    ]
    return ribbon(centre, [8, 8.5, 9.5, 14, 10])


def build() -> str:
    doc = SvgDoc(WIDTH, HEIGHT)
    for key in ("vertebrae", "discs", "detail", "roots", "labels", "title"):
        doc.groups[key] = []
    # context: the bottom of T12 and the rest of the sacrum, as detail
    doc.line(
        "detail",
        body(96, 46, 144),
        closed=True,
        fill=BONE,
        stroke=BONE_LINE,
        stroke_dasharray="6 5",
    )
    doc.line(
        "detail",
        disc((96, 46, 144, 0), LEVELS["L1"][0], 150),
        closed=True,
        fill=DISC,
        stroke=DISC_LINE,
        stroke_dasharray="6 5",
    )
    doc.line("detail", sacrum_rest(), closed=True, fill=BONE, stroke=BONE_LINE)
    for name in NAMES:
        doc.add("vertebrae", f'<path id="vertebra.{name}" d="{_d(vertebra(name))}"/>')
    doc.add("vertebrae", f'<path id="vertebra.S1" d="{_d(sacrum_s1())}"/>')
    lowers = [*NAMES[1:], "S1"]
    for upper, lower in zip(NAMES, lowers, strict=True):
        lower_top, lower_w = (
            (S1_TOP, 200.0) if lower == "S1" else (LEVELS[lower][0], LEVELS[lower][2])
        )
        doc.add(
            "discs",
            f'<path id="disc.{upper}-{lower}" d="{_d(disc(LEVELS[upper], lower_top, lower_w))}"/>',
        )
    # pedicles (cut surfaces), sacral foramina, the dural sac and cauda equina
    for name in NAMES:
        for sx in (-1.0, 1.0):
            px, py = pedicle(name, sx)
            doc.line("detail", ellipse(px, py, 14, 19), closed=True, fill="#e2d3b2")
    for i, y in enumerate((S1_TOP + 58, S1_TOP + 122, S1_TOP + 166, S1_TOP + 200)):
        for sx in (-1.0, 1.0):
            r = 13 - 2.5 * i
            doc.line(
                "detail",
                ellipse(CX + sx * (92 - 12 * i), y, r, r * 0.8),
                closed=True,
                fill="#d9c9a6",
            )
    sac_pts_r = [(CX + sac_half(y), y) for y in (98, 250, 450, 650, 810)]
    sac = smooth_closed(
        [
            *sac_pts_r,
            (CX + 16, 890),
            (CX, 900),
            (CX - 16, 890),
            *[(2 * CX - x, y) for x, y in reversed(sac_pts_r)],
        ],
        tension=0.8,
    )
    sac_open = QPainterPath(sac)
    doc.line("detail", sac_open, closed=True, fill=DURA, fill_opacity="0.85", stroke=DETAIL)
    for k in range(-3, 4):
        x = CX + k * 7
        doc.line(
            "detail",
            smooth_open([(x, 102), (x + k * 0.8, 470), (x + k * 1.0, 750), (CX + k * 3, 888)]),
            stroke="#d2b48c",
        )
    doc.line(
        "detail",
        polygon([(CX - 2, 894), (CX + 2, 894), (CX + 1, 980), (CX - 1, 980)]),
        closed=True,
        fill=DETAIL,
    )  # filum terminale
    # roots: left on the viewer's left (seen from behind)
    for side, sx in (("left", -1.0), ("right", 1.0)):
        for name in [*NAMES, "S1"]:
            doc.add("roots", f'<path id="root.{side}.{name}" d="{_d(root(name, sx))}"/>')
    # labels
    # the page title in its own group, so that a window with its own caption can leave it out
    doc.text(28, 40, "Lumbar spine, viewed from behind", 24, "bold", anchor="start", group="title")
    doc.text(
        28,
        64,
        "Posterior arches removed. The patient's right is on your right.",
        15,
        anchor="start",
        group="title",
    )
    for name in NAMES:
        top, h, w, _tp = LEVELS[name]
        doc.text(58, top + h / 2 + 8, name, 24, "bold")
        for side_x, anchor in ((CX - w / 2 - 100, "end"), (CX + w / 2 + 100, "start")):
            doc.text(
                side_x,
                top + h + DISC_GAP + 60,
                name,
                15,
                anchor=anchor,
                fill=ROOT_LINE,
                style="italic",
            )
    doc.text(58, S1_TOP + 62, "S1", 24, "bold")
    for x, anchor in ((CX - 100, "end"), (CX + 100, "start")):
        doc.text(
            x + (-14 if anchor == "end" else 14),
            S1_TOP + 96,
            "S1",
            15,
            anchor=anchor,
            fill=ROOT_LINE,
            style="italic",
        )
    for upper, lower in zip(NAMES, lowers, strict=True):
        y = LEVELS[upper][0] + LEVELS[upper][1] + DISC_GAP / 2 + 5
        doc.text(742, y, f"{upper}-{lower}", 15, fill=DISC_LINE)
    doc.text(742, 150, "discs", 13, fill=DISC_LINE, style="italic")
    doc.text(58, 150, "vertebrae", 13, fill=BONE_LINE, style="italic")
    doc.text(110, 990, "L", 40, "bold")
    doc.text(110, 1016, "patient's left", 13)
    doc.text(690, 990, "R", 40, "bold")
    doc.text(690, 1016, "patient's right", 13)
    doc.text(
        CX,
        1046,
        "At a disc, the root of the level above EXITS through the foramen; "
        "the root of the level below TRAVERSES the disc.",
        13,
        fill=LABEL,
    )
    return doc.render(GROUP_STYLES, "Lumbar spine, viewed from behind")


def _d(path: QPainterPath) -> str:
    from tools.mapgen.feet_svg import path_d

    return path_d(path)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else REPO / "assets" / "maps"
    out_dir.mkdir(parents=True, exist_ok=True)
    text = build()
    (out_dir / "spine.svg").write_text(text, encoding="utf-8")
    print(f"wrote {out_dir / 'spine.svg'} ({len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    raise SystemExit(main(sys.argv))
