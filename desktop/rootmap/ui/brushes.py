"""Qt brushes and pens for the palette in ``rootmap.palette`` (marks and highlights).

Patterns are small textures drawn once and cached; ``pattern_brush`` keeps their size
constant on screen whatever the zoom (pass the painter's scale).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPainter, QPen, QPixmap, QTransform

from rootmap import palette

TILE = 12  # pattern tile size in screen pixels


def qcolor(hex_color: str, alpha: int = 255) -> QColor:
    color = QColor(hex_color)
    color.setAlpha(alpha)
    return color


@cache
def _pattern_tile(kind: str) -> QImage:
    # A QImage, not a QPixmap: safe to cache at module level (no display needed, any thread).
    style = palette.mark_style(kind)
    tile = QImage(TILE, TILE, QImage.Format.Format_ARGB32_Premultiplied)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = qcolor(style.color)
    pen = QPen(color, 1.6)
    painter.setPen(pen)
    if style.pattern == "cross_hatch":
        painter.drawLine(QPointF(0, TILE / 2), QPointF(TILE, TILE / 2))
        painter.drawLine(QPointF(TILE / 2, 0), QPointF(TILE / 2, TILE))
    elif style.pattern == "dots":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QPointF(TILE / 4, TILE / 4), 1.9, 1.9)
        painter.drawEllipse(QPointF(3 * TILE / 4, 3 * TILE / 4), 1.9, 1.9)
    elif style.pattern == "diagonal":
        painter.setPen(QPen(color, 2.0))
        painter.drawLine(QPointF(-2, TILE + 2), QPointF(TILE + 2, -2))
        painter.drawLine(QPointF(-2, 2), QPointF(2, -2))
        painter.drawLine(QPointF(TILE - 2, TILE + 2), QPointF(TILE + 2, TILE - 2))
    painter.end()
    return tile


def tint_brush(kind: str, intensity: int | None) -> QBrush:
    """The translucent tint under a mark's pattern; stronger for a higher intensity."""
    style = palette.mark_style(kind)
    level = 5 if intensity is None else intensity
    alpha = int(style.fill_alpha * (0.55 + 0.09 * level))
    return QBrush(qcolor(style.color, min(alpha, 255)))


def pattern_brush(kind: str, scale: float = 1.0) -> QBrush | None:
    """The pattern of a finding kind (None for solid pain), sized for a painter at ``scale``."""
    if palette.mark_style(kind).pattern == "solid":
        return None
    brush = QBrush(_pattern_tile(kind))
    if scale > 0:
        brush.setTransform(QTransform.fromScale(1 / scale, 1 / scale))
    return brush


def mark_pen(kind: str) -> QPen:
    pen = QPen(qcolor(palette.mark_style(kind).color), 2.0)
    pen.setCosmetic(True)
    return pen


def highlight_brush() -> QBrush:
    return QBrush(qcolor(palette.HIGHLIGHT_COLOR, palette.HIGHLIGHT_FILL_ALPHA))


def highlight_pen(*, overlap: bool = False) -> QPen:
    pen = QPen(qcolor(palette.HIGHLIGHT_COLOR), palette.HIGHLIGHT_OUTLINE_WIDTH)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if overlap:
        pen.setWidthF(2.0)
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def swatch(kind: str, size: int = 22) -> QPixmap:
    """A square sample of one mark (tint + pattern + outline), for buttons and legends."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(1, 1, size - 2, size - 2)
    painter.fillRect(rect, QColor(palette.ICON_PAPER))
    painter.fillRect(rect, tint_brush(kind, 7))
    pattern = pattern_brush(kind)
    if pattern is not None:
        painter.fillRect(rect, pattern)
    painter.setPen(QPen(qcolor(palette.mark_style(kind).color), 2))
    painter.drawRoundedRect(rect, 3, 3)
    painter.end()
    return pixmap


def swatch_icon(kind: str) -> QIcon:
    return QIcon(swatch(kind))
