"""Small icons RootMap draws itself: the eraser, the toolbar's undo and redo arrows.

Drawn with QPainter rather than taken from the style (``QStyle.standardIcon``): they look
the same on every platform, and start-up does not build the style's Python type (its
eighteen enums cost about 4 ms before the first click).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from rootmap import palette

ICON_PX = 22  # at scale 1


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / ICON_PX, size / ICON_PX)
    return pixmap, painter


def eraser_icon(size: int = ICON_PX) -> QIcon:
    pixmap, painter = _canvas(size)
    painter.setPen(QPen(QColor(palette.ICON_INK), 2))
    painter.setBrush(QColor(palette.ICON_PAPER))
    painter.drawRoundedRect(3, 6, 16, 10, 2, 2)
    painter.drawLine(5, 18, 17, 4)
    painter.end()
    return QIcon(pixmap)


def arrow_icon(
    pointing_left: bool, ink: QColor, disabled_ink: QColor, size: int = ICON_PX
) -> QIcon:
    """A solid triangle (undo points left, redo right) in ``ink``, the toolbar's text
    colour, and in ``disabled_ink`` while its action is disabled (as its text is)."""
    icon = QIcon()
    for colour, mode in ((ink, QIcon.Mode.Normal), (disabled_ink, QIcon.Mode.Disabled)):
        pixmap, painter = _canvas(size)
        tip, back = (4.0, 15.0) if pointing_left else (18.0, 7.0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([QPointF(tip, 11), QPointF(back, 3), QPointF(back, 19)]))
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon
