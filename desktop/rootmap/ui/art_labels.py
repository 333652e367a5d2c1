"""The lettering of an SVG drawing (``<text>`` in its label groups), read out so that a
view draws it at a readable size: never below the app's body text (which presentation
mode enlarges), instead of scaling it down with the art.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPainter
from PySide6.QtWidgets import QApplication

from rootmap import palette

SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class ArtLabel:
    text: str
    x: float
    y: float  # the baseline, in scene units
    size: float  # the SVG's font size, in scene units
    bold: bool
    italic: bool
    anchor: str  # "start", "middle" or "end"
    colour: str
    group: str  # the SVG group it came from, e.g. "labels" or "title"

    def scene_rect(self) -> QRectF:
        """Roughly where the SVG draws it (for fitting), in scene units."""
        width = 0.6 * self.size * len(self.text)
        left = self.x - {"middle": width / 2, "end": width}.get(self.anchor, 0.0)
        return QRectF(left, self.y - self.size, width, self.size * 1.25)


def labels_in(groups: Iterable[ET.Element]) -> list[ArtLabel]:
    """Every ``<text>`` in these groups, in document order."""
    labels = []
    for group in groups:
        for text in group.iter():
            if text.tag not in ("text", f"{SVG}text"):
                continue
            labels.append(
                ArtLabel(
                    text=" ".join("".join(text.itertext()).split()),
                    x=float(text.get("x", "0")),
                    y=float(text.get("y", "0")),
                    size=float(text.get("font-size", "15")),
                    bold=text.get("font-weight") == "bold",
                    italic=text.get("font-style") == "italic",
                    anchor=text.get("text-anchor", "start"),
                    colour=text.get("fill", palette.MAP_INK),
                    group=group.get("id", ""),
                )
            )
    return labels


@cache
def spine_labels(svg_file: Path) -> tuple[ArtLabel, ...]:
    """Every text of the spine diagram, in the SVG's order."""
    return tuple(labels_in(ET.parse(svg_file).getroot().iter(f"{SVG}g")))


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
