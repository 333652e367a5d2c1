"""Generate the four foot maps (assets/maps/foot_*.svg).

Usage: python3 -m tools.mapgen.feet [OUT_DIR]   (default: assets/maps)

Each view shows both feet. The canonical foot of a view is drawn once in
feet_shapes.py; the other foot is its mirror image, so both feet carry the same
regions. Orientation (the patient's side):
- foot_dorsal (anterior view): right foot on the viewer's LEFT.
- foot_plantar (posterior view, soles seen from behind): right foot on the RIGHT.
- foot_medial / foot_lateral: right foot on the viewer's left; each foot is
  seen from its own medial / lateral side, so its toes point the true way.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPath

from tools.mapgen.feet_shapes import FootArt, dorsal, plantar
from tools.mapgen.feet_side import lateral, medial
from tools.mapgen.feet_svg import (
    DETAIL,
    LINE_WEIGHT,
    OUTLINE,
    REGION_LINE,
    SKIN,
    SvgDoc,
    area,
    placed,
    split_subpaths,
    subpath_count,
)
from tools.mapgen.feet_topology import Ring, fit_shared, fitted_d, rings_of

WIDTH, HEIGHT = 1200, 800
LABEL_SIZE = 34
FIT_TOLERANCE = 0.15  # user units; borders shared by two shapes are fitted once
REPO = Path(__file__).resolve().parents[2]

GROUP_STYLES = {
    "regions": f'fill="{SKIN}" stroke="{REGION_LINE}" stroke-width="1.2" stroke-linejoin="round"',
    "detail": f'fill="none" stroke="{DETAIL}" stroke-width="{LINE_WEIGHT * 0.6:.2f}" '
    'stroke-linecap="round" stroke-linejoin="round"',
    "outline": f'fill="none" stroke="{OUTLINE}" stroke-width="{LINE_WEIGHT}" '
    'stroke-linejoin="round"',
    "labels": 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"',
    "title": 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"',
}


@dataclass(frozen=True)
class Placement:
    side: str  # the patient's side: "left" or "right"
    mirror: bool  # mirror the canonical foot
    centre_x: float  # where the foot's centre goes on the view
    label_x: float  # centre of the R/L label, clear of the art
    label_y: float  # baseline of the R/L label


@dataclass(frozen=True)
class View:
    name: str
    title: str
    subtitle: str
    draw: Callable[[], FootArt]
    scale: float
    local_centre_x: float
    top: float  # local y that maps to `offset_y`
    offset_y: float
    placements: tuple[Placement, Placement]
    words: tuple[tuple[str, float, float], ...] = ()  # orientation words: text, local x, local y


VIEWS = (
    View(
        "foot_dorsal",
        "Feet, dorsal view (top of the feet)",
        "Seen from the front: the patient's right foot is on your left.",
        dorsal,
        1.04,
        145,
        -6,
        82,
        (Placement("right", True, 370, 215, 470), Placement("left", False, 830, 985, 470)),
    ),
    View(
        "foot_plantar",
        "Feet, plantar view (soles)",
        "Seen from behind, as when the patient kneels: the right foot is on your right.",
        plantar,
        1.06,
        145,
        0,
        105,
        (Placement("right", False, 830, 985, 470), Placement("left", True, 370, 215, 470)),
    ),
    View(
        "foot_medial",
        "Feet, medial view (inner side of each foot)",
        "Right foot on your left, left foot on your right; heels face each other.",
        medial,
        0.98,
        305,
        -4,
        100,
        (Placement("right", True, 300, 300, 695), Placement("left", False, 900, 900, 695)),
    ),
    View(
        "foot_lateral",
        "Feet, lateral view (outer side of each foot)",
        "Right foot on your left, left foot on your right; toes face each other.",
        lateral,
        0.98,
        305,
        -4,
        100,
        (Placement("right", False, 300, 300, 695), Placement("left", True, 900, 900, 695)),
    ),
)


def build(view: View) -> tuple[str, list[str]]:
    """The SVG text of a view, and any problems found while cutting it."""
    art = view.draw()
    doc = SvgDoc(WIDTH, HEIGHT)
    problems: list[str] = []
    for key in ("regions", "detail", "outline", "labels", "title"):
        doc.groups[key] = []
    art_shapes = []
    shapes: dict[str, list[Ring]] = {}  # regions by id, outlines by "outline:<side>"
    for pl in view.placements:
        s = view.scale
        dx = pl.centre_x + (s if pl.mirror else -s) * view.local_centre_x
        dy = view.offset_y - s * view.top

        def put(
            path: QPainterPath, dx: float = dx, dy: float = dy, pl: Placement = pl
        ) -> QPainterPath:
            return placed(path, dx, dy, view.scale, pl.mirror)

        for region, piece in art.regions:
            key = f"{pl.side}.{region}"
            if piece.isEmpty():
                problems.append(f"{view.name}: {key} is empty")
                continue
            if subpath_count(piece) > 1:
                sizes = ", ".join(f"{area(p):.0f}" for p in split_subpaths(piece))
                problems.append(
                    f"{view.name}: {key} has {subpath_count(piece)} subpaths (areas {sizes})"
                )
            shapes[key] = rings_of(put(piece))
        for path, closed in art.details:
            doc.line("detail", put(path), closed=closed)
        shapes[f"outline:{pl.side}"] = rings_of(put(art.silhouette))
        art_shapes.append(put(art.silhouette))
    for key, fitted in fit_shared(shapes, FIT_TOLERANCE).items():
        if key.startswith("outline:"):
            doc.add("outline", f'<path d="{fitted_d(fitted)}"/>')
        else:
            doc.add("regions", f'<path id="{key}" d="{fitted_d(fitted)}"/>')
    for pl in view.placements:
        doc.text(pl.label_x, pl.label_y, "R" if pl.side == "right" else "L", LABEL_SIZE, "bold")
        box = QRectF(
            pl.label_x - LABEL_SIZE * 0.5,
            pl.label_y - LABEL_SIZE * 0.8,
            LABEL_SIZE,
            LABEL_SIZE * 0.9,
        )
        if any(shape.intersects(box) for shape in art_shapes):
            problems.append(f"{view.name}: the {pl.side} label touches the art")
    # the page title in its own group, so a window with its own caption can leave it out
    doc.text(28, 40, view.title, 24, "bold", anchor="start", group="title")
    doc.text(28, 66, view.subtitle, 16, anchor="start", group="title")
    return doc.render(GROUP_STYLES, view.title), problems


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else REPO / "assets" / "maps"
    out_dir.mkdir(parents=True, exist_ok=True)
    status = 0
    for view in VIEWS:
        text, problems = build(view)
        (out_dir / f"{view.name}.svg").write_text(text, encoding="utf-8")
        for p in problems:
            print("warning:", p)
            status = 1
        print(f"wrote {out_dir / (view.name + '.svg')} ({len(text) // 1024} KiB)")
    return status


if __name__ == "__main__":
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    raise SystemExit(main(sys.argv))
