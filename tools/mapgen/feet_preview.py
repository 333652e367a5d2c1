"""Render the foot and spine maps to PNG and check that the regions tile.

Usage: python3 -m tools.mapgen.feet_preview [OUT_DIR] [SVG ...]
Default: every foot_*.svg and spine.svg in assets/maps, PNGs to /tmp/mapgen.

For each foot view the tiling is checked the way ``rootmap check-assets`` does it
(rasterised regions against the silhouette: gaps and overlaps, each described).
"""

from __future__ import annotations

import sys
from pathlib import Path

import svgelements
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[2]


def render_png(svg: Path, out: Path, width: int = 1600) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: QSvgRenderer cannot load it")
    size = renderer.defaultSize()
    height = round(width * size.height() / size.width())
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))
    painter.end()
    image.save(str(out))


def tiling_flaws(svg: Path) -> list[str]:
    """The rasterised tiling check of ``rootmap check-assets``, described in words."""
    from rootmap.commands.check_assets import find_flaws
    from rootmap.maps import read_view
    from rootmap.maps.svgfile import read_groups

    view = read_view(svg.stem, svg)
    outline = [c for _, c in read_groups(svg, ("outline",))["groups"]["outline"]]
    flaws = find_flaws(view.width, view.height, view.regions, outline)
    return [f.describe(0.25) for f in flaws]


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else Path("/tmp/mapgen")
    out_dir.mkdir(parents=True, exist_ok=True)
    maps = REPO / "assets" / "maps"
    svgs = [Path(a) for a in argv[2:]] or [*sorted(maps.glob("foot_*.svg")), maps / "spine.svg"]
    for svg in svgs:
        if not svg.exists():
            print(f"{svg}: missing")
            continue
        render_png(svg, out_dir / (svg.stem + ".png"))
        if svg.stem.startswith("foot_"):
            flaws = tiling_flaws(svg)
            print(f"{svg.stem}: " + ("; ".join(flaws) if flaws else "tiles without flaws"))
        else:
            svgelements.SVG.parse(str(svg))
            print(f"{svg.stem}: parsed and rendered")
    return 0


if __name__ == "__main__":
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    raise SystemExit(main(sys.argv))
