"""Render the foot and spine maps to PNG and check that the regions tile.

Usage: python3 tools/mapgen/feet_preview.py [OUT_DIR] [SVG ...]
Default: every foot_*.svg and spine.svg in assets/maps, PNGs to /tmp/mapgen.

For each foot view the regions are rasterised without antialiasing, one count
per pixel: pixels inside the silhouette covered 0 times are gaps, pixels
covered 2+ times are overlaps. Both should be ~0 (only boundary pixels).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import svgelements
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[2]


def qpath(element: svgelements.Path) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for seg in element.segments():
        if isinstance(seg, svgelements.Move):
            path.moveTo(seg.end.x, seg.end.y)
        elif isinstance(seg, svgelements.Line):
            path.lineTo(seg.end.x, seg.end.y)
        elif isinstance(seg, svgelements.CubicBezier):
            path.cubicTo(
                seg.control1.x, seg.control1.y, seg.control2.x, seg.control2.y, seg.end.x, seg.end.y
            )
        elif isinstance(seg, svgelements.Close):
            path.closeSubpath()
        else:
            raise ValueError(f"unexpected segment {type(seg).__name__}")
    return path


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


def mask(paths: list[QPainterPath], w: int, h: int, scale: float) -> np.ndarray:
    image = QImage(w, h, QImage.Format.Format_Grayscale8)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.scale(scale, scale)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    for p in paths:
        painter.drawPath(p)
    painter.end()
    ptr = image.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8).reshape(h, image.bytesPerLine())[:, :w]
    return arr > 127


def tiling(svg: Path, scale: float = 2.0) -> dict[str, int]:
    doc = svgelements.SVG.parse(str(svg))
    regions = [
        e
        for e in doc.elements()
        if isinstance(e, svgelements.Path)
        and str(e.id or "").startswith(("left.", "right.", "midline."))
    ]
    outline_group = next(e for e in doc.elements() if getattr(e, "id", None) == "outline")
    outline = [qpath(e) for e in outline_group.select() if isinstance(e, svgelements.Path)]
    w, h = int(doc.width * scale), int(doc.height * scale)
    count = np.zeros((h, w), dtype=np.int32)
    for e in regions:
        count += mask([qpath(e)], w, h, scale)
    inside = mask(outline, w, h, scale)
    return {
        "regions": len(regions),
        "inside_px": int(inside.sum()),
        "gap_px": int(((count == 0) & inside).sum()),
        "overlap_px": int((count >= 2).sum()),
        "outside_px": int(((count > 0) & ~inside).sum()),
    }


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
            stats = tiling(svg)
            print(f"{svg.stem}: " + ", ".join(f"{k}={v}" for k, v in stats.items()))
        else:
            svgelements.SVG.parse(str(svg))
            print(f"{svg.stem}: parsed and rendered")
    return 0


if __name__ == "__main__":
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    raise SystemExit(main(sys.argv))
