"""QtGui helpers shared by the window, the reports and ``check-assets`` (no widgets)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath


def painter_path(commands: Iterable[tuple[object, ...]]) -> QPainterPath:
    """A ``QPainterPath`` (nonzero fill, as SVG) from ``RegionShape.commands``."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for command in commands:
        op, args = command[0], [float(v) for v in command[1:]]  # type: ignore[arg-type]
        if op == "M":
            path.moveTo(args[0], args[1])
        elif op == "L":
            path.lineTo(args[0], args[1])
        elif op == "C":
            path.cubicTo(args[0], args[1], args[2], args[3], args[4], args[5])
        elif op == "Z":
            path.closeSubpath()
    return path
