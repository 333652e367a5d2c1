"""The lettering of an SVG drawing (``<text>`` in its label groups), read out so that a
view draws it at a readable size: never below the app's body text (which presentation
mode enlarges), instead of scaling it down with the art.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPainter
from PySide6.QtWidgets import QApplication

from rootmap.maps.lettering import MapText

ArtLabel = MapText  # a text of the drawing, read out with its geometry, drawn by a view


def scene_rect(label: ArtLabel) -> QRectF:
    """Roughly where the SVG draws ``label`` (for fitting), in scene units."""
    width = 0.6 * label.size * len(label.text)
    left = label.x - {"middle": width / 2, "end": width}.get(label.anchor, 0.0)
    return QRectF(left, label.y - label.size, width, label.size * 1.25)


def body_pixels() -> float:
    """The app's body text size in pixels (the least size of any lettering)."""
    font = QApplication.font()
    if font.pixelSize() > 0:
        return float(font.pixelSize())
    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInchY() if screen is not None else 96.0
    return font.pointSizeF() * dpi / 72.0


def label_font(label: ArtLabel, pixels: float) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(label.bold)
    font.setItalic(label.italic)
    return font


def paint_label(
    painter: QPainter, label: ArtLabel, at: QPointF, pixels: float, width_limit: float
) -> QRectF:
    """Draw ``label`` with its baseline anchor at ``at`` (viewport pixels), kept inside
    ``0..width_limit``; returns the rectangle it took."""
    font = label_font(label, pixels)
    metrics = QFontMetricsF(font)
    width = metrics.horizontalAdvance(label.text)
    x = at.x() - {"middle": width / 2, "end": width}.get(label.anchor, 0.0)
    x = max(2.0, min(x, width_limit - width - 2.0))  # never cut at an edge
    painter.setFont(font)
    painter.setPen(QColor(label.colour))
    painter.drawText(QPointF(x, at.y()), label.text)
    return QRectF(x, at.y() - metrics.ascent(), width, metrics.height())
