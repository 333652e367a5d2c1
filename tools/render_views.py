"""Render the map SVGs to PNG for looking at them (docs/maps/<view>.png).

Usage: python3 -m tools.render_views [--width PX] [--regions] [--out DIR] [VIEW ...]
  --regions  colour each region differently (to check the cut), label it with its id
"""

from __future__ import annotations

import argparse
import colorsys
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]

ALL = (
    "body_front",
    "body_back",
    "foot_dorsal",
    "foot_plantar",
    "foot_medial",
    "foot_lateral",
    "spine",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("views", nargs="*", default=list(ALL))
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--regions", action="store_true")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "maps")
    args = parser.parse_args()

    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    args.out.mkdir(parents=True, exist_ok=True)
    for view in args.views:
        svg = REPO / "assets" / "maps" / f"{view}.svg"
        if not svg.is_file():
            print(f"{view}: no {svg.relative_to(REPO)} yet, skipped")
            continue
        renderer = QSvgRenderer(str(svg))
        box = renderer.viewBoxF()
        scale = args.width / box.width()
        image = QImage(args.width, round(box.height() * scale), QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        if args.regions and view != "spine":
            from rootmap.maps import read_view

            geometry = read_view(view, svg)
            painter.scale(scale, scale)
            font = QFont("DejaVu Sans")
            font.setPixelSize(max(4, round(5 * 1600 / args.width)))
            painter.setFont(font)
            for i, shape in enumerate(geometry.regions):
                path = QPainterPath()
                path.setFillRule(Qt.FillRule.WindingFill)
                for c in shape.commands:
                    if c[0] == "M":
                        path.moveTo(c[1], c[2])
                    elif c[0] == "L":
                        path.lineTo(c[1], c[2])
                    elif c[0] == "C":
                        path.cubicTo(*c[1:7])
                    else:
                        path.closeSubpath()
                r, g, b = colorsys.hls_to_rgb((i * 0.618) % 1, 0.7, 0.6)
                painter.fillPath(path, QColor.fromRgbF(r, g, b, 0.75))
                painter.setPen(QColor("black"))
                x, y = shape.label_point
                painter.drawText(QPointF(x - 12, y + 2), shape.region[:14])
        painter.end()
        suffix = "_regions" if args.regions else ""
        target = args.out / f"{view}{suffix}.png"
        image.save(str(target))
        print(f"wrote {target.relative_to(REPO) if target.is_relative_to(REPO) else target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
