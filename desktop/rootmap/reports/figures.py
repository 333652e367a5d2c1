"""Figures: one map view with the finding marks and the implicated root's dermatome.

``paint_view`` draws onto any ``QPainter`` (an image, a PDF page, an SVG file), so
the figure is the same everywhere. Patterns are drawn as vectors in the view's
own units (not as Qt's pixel brush patterns), so they stay crisp in a PDF at any
zoom and scale with the figure. Drawing order: the SVG art, the dermatome's
translucent fill, the marks (tint, pattern, outline), the dermatome's outline,
then the R/L labels and titles again on top so that no mark hides them; a legend
below (the SVG carries its own title).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtSvg import QSvgGenerator, QSvgRenderer

from rootmap import palette
from rootmap.analysis import Analysis
from rootmap.encounter import Encounter, Finding
from rootmap.knowledge import Knowledge
from rootmap.maps import MapView, RegionShape, load_view
from rootmap.qtgui.painting import painter_path

LEGEND_HEIGHT = 0.075  # of the figure's width


def qcolor(hex_color: str, alpha: int = 255) -> QColor:
    color = QColor(hex_color)
    color.setAlpha(alpha)
    return color


@cache
def _renderer(svg_file: str) -> QSvgRenderer:
    return QSvgRenderer(svg_file)


@cache
def _shape_path(view_name: str, key: str) -> QPainterPath:
    shape = load_view(view_name).region(key)
    return shape_to_path(shape) if shape else QPainterPath()


def shape_to_path(shape: RegionShape) -> QPainterPath:
    """A region's path commands (view units) as a ``QPainterPath`` with the nonzero rule."""
    return painter_path(shape.commands)


def highlighted_keys(view: MapView, analysis: Analysis, knowledge: Knowledge) -> list[str]:
    """The region keys (``side.region``) of the top root's dermatome in this view."""
    if not analysis.roots or analysis.atlas not in knowledge.atlases:
        return []
    top = analysis.roots[0]
    sides = ("left", "right") if top.side == "bilateral" else (top.side,)
    regions = set(knowledge.atlases[analysis.atlas].regions_of_root(top.root, primary_only=True))
    return [
        shape.key
        for shape in view.regions
        if shape.region in regions and (shape.side in sides or shape.side == "midline")
    ]


def figure_size(view: MapView, width_px: int, legend: bool = True) -> QSize:
    height = width_px * (view.height / view.width + (LEGEND_HEIGHT if legend else 0))
    return QSize(int(width_px), math.ceil(height))


def paint_view(
    painter: QPainter,
    view: MapView,
    encounter: Encounter,
    analysis: Analysis,
    knowledge: Knowledge,
    width: float,
    legend: bool = True,
) -> None:
    """Paint the figure at (0, 0), ``width`` wide (the height follows ``figure_size``)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scale = width / view.width
    map_rect = QRectF(0, 0, width, view.height * scale)

    painter.save()
    painter.translate(map_rect.topLeft())
    painter.scale(scale, scale)
    renderer = _renderer(str(view.svg_file))
    renderer.render(painter, QRectF(0, 0, view.width, view.height))
    unit = max(view.width, view.height) / 120  # pattern spacing in view units
    keys = highlighted_keys(view, analysis, knowledge)
    highlight = [_shape_path(view.name, key) for key in keys]
    for path in highlight:
        painter.fillPath(path, qcolor(palette.HIGHLIGHT_COLOR, palette.HIGHLIGHT_FILL_ALPHA))
    for finding in _ordered(encounter.findings):
        path = _shape_path(view.name, finding.key)
        if not path.isEmpty():
            _paint_mark(painter, path, finding, unit)
    outline = QPen(qcolor(palette.HIGHLIGHT_COLOR), unit * 0.45)
    outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    for path in highlight:
        painter.strokePath(path, outline)
    _repaint_labels(painter, renderer)
    painter.restore()

    if legend:
        legend_rect = QRectF(0, map_rect.bottom(), width, width * LEGEND_HEIGHT)
        shown = [f for f in encounter.findings if view.region(f.key) is not None]
        _paint_legend(painter, shown, analysis, legend_rect, bool(keys))
    painter.restore()


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    # Solid pain first, so that the patterns of other kinds stay visible over it.
    order = {kind: i for i, kind in enumerate(palette.MARKS)}
    return sorted(findings, key=lambda f: order.get(f.kind, 99))


def _paint_mark(painter: QPainter, path: QPainterPath, finding: Finding, unit: float) -> None:
    style = palette.mark_style(finding.kind)
    level = 5 if finding.intensity is None else finding.intensity
    alpha = min(255, int(style.fill_alpha * (0.55 + 0.09 * level)))
    painter.fillPath(path, qcolor(style.color, alpha))
    painter.fillPath(pattern_within(path, style.pattern, unit), qcolor(style.color))
    pen = QPen(qcolor(style.color), unit * 0.22)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.strokePath(path, pen)


def pattern_within(region: QPainterPath, pattern: str, unit: float) -> QPainterPath:
    """The pattern's ink (cross-hatch, dots or diagonal lines) inside ``region``, as a path.

    Geometry, not a clip: SVG output keeps it exactly, and every painter draws it alike.
    Patterns are anchored to the view's origin, so neighbouring regions line up.
    """
    box = region.boundingRect()
    ink = QPainterPath()
    ink.setFillRule(Qt.FillRule.WindingFill)
    if pattern == "dots":
        radius = unit * 0.28
        left = math.floor(box.left() / unit) * unit
        y = math.floor(box.top() / unit) * unit
        row = 0
        while y <= box.bottom():
            x = left + (unit / 2 if row % 2 else 0)
            while x <= box.right():
                if region.contains(QPointF(x, y)):
                    ink.addEllipse(QPointF(x, y), radius, radius)
                x += unit
            y += unit
            row += 1
        return ink
    lines = QPainterPath()
    if pattern == "cross_hatch":
        x = math.floor(box.left() / unit) * unit
        while x <= box.right():
            lines.moveTo(x, box.top())
            lines.lineTo(x, box.bottom())
            x += unit
        y = math.floor(box.top() / unit) * unit
        while y <= box.bottom():
            lines.moveTo(box.left(), y)
            lines.lineTo(box.right(), y)
            y += unit
    elif pattern == "diagonal":
        step = unit * 1.1
        c = math.floor((box.left() + box.top()) / step) * step
        while c <= box.right() + box.bottom():
            # the line x + y = c, drawn "/" (bottom-left to top-right)
            lines.moveTo(c - box.bottom(), box.bottom())
            lines.lineTo(c - box.top(), box.top())
            c += step
    else:
        return ink
    stroker = QPainterPathStroker()
    stroker.setWidth(unit * 0.18)
    return stroker.createStroke(lines).intersected(region)


def _repaint_labels(painter: QPainter, renderer: QSvgRenderer) -> None:
    if not renderer.elementExists("labels"):
        return
    bounds = renderer.transformForElement("labels").mapRect(renderer.boundsOnElement("labels"))
    renderer.render(painter, "labels", bounds)


def _paint_legend(
    painter: QPainter,
    findings: list[Finding],
    analysis: Analysis,
    rect: QRectF,
    highlighted: bool,
) -> None:
    """A key to what this figure shows: the kinds marked on it, and the dermatome."""
    kinds = [k for k in palette.MARKS if any(f.kind == k for f in findings)]
    entries: list[tuple[str, str, str]] = [
        (palette.MARKS[k].label, palette.MARKS[k].color, palette.MARKS[k].pattern) for k in kinds
    ]
    if highlighted:
        top = analysis.roots[0]
        side = "both sides" if top.side == "bilateral" else top.side
        entries.append((f"{top.root} dermatome ({side})", palette.HIGHLIGHT_COLOR, "highlight"))
    if not entries:
        return
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(6, int(rect.height() * 0.32)))
    painter.setFont(font)
    metrics_width = painter.fontMetrics().horizontalAdvance
    box = rect.height() * 0.42
    gap = box * 0.6
    total = sum(box + gap * 0.5 + metrics_width(label) + gap * 1.5 for label, _, _ in entries)
    x = rect.left() + max(gap, (rect.width() - total) / 2)
    y = rect.center().y()
    for label, color, pattern in entries:
        swatch = QRectF(x, y - box / 2, box, box)
        swatch_path = QPainterPath()
        swatch_path.addRect(swatch)
        if pattern == "highlight":
            painter.fillPath(swatch_path, qcolor(color, palette.HIGHLIGHT_FILL_ALPHA))
            painter.strokePath(swatch_path, QPen(qcolor(color), box * 0.12))
        else:
            style_alpha = next(m.fill_alpha for m in palette.MARKS.values() if m.color == color)
            painter.fillPath(swatch_path, qcolor(color, style_alpha))
            painter.fillPath(pattern_within(swatch_path, pattern, box / 3.2), qcolor(color))
            painter.strokePath(swatch_path, QPen(qcolor(color), box * 0.08))
        painter.setPen(qcolor(palette.REPORT_FIGURE_INK))
        x += box + gap * 0.5
        text_rect = QRectF(x, rect.top(), metrics_width(label) + 2, rect.height())
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label
        )
        x += metrics_width(label) + gap * 1.5


def render_view(
    view_name: str,
    encounter: Encounter,
    analysis: Analysis,
    knowledge: Knowledge,
    width_px: int,
    legend: bool = True,
) -> QImage:
    """The figure of one view as an image ``width_px`` wide, on white (a legend below)."""
    view = load_view(view_name)
    size = figure_size(view, width_px, legend)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(palette.REPORT_PAPER))
    painter = QPainter(image)
    paint_view(painter, view, encounter, analysis, knowledge, float(width_px), legend)
    painter.end()
    return image


def render_view_svg(
    view_name: str,
    encounter: Encounter,
    analysis: Analysis,
    knowledge: Knowledge,
    width_px: int = 1200,
) -> bytes:
    """The figure of one view as SVG (vector) bytes."""
    view = load_view(view_name)
    size = figure_size(view, width_px)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # SVG 1.1, not the default 1.2 Tiny: only 1.1 output keeps the clip paths the patterns need.
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(f"RootMap: {view.title}")
    generator.setDescription("Finding marks and the implicated root's dermatome")
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor(palette.REPORT_PAPER))
    paint_view(painter, view, encounter, analysis, knowledge, float(width_px))
    painter.end()
    data: QByteArray = buffer.data()
    return bytes(data.data())


def image_to_png(image: QImage, dots_per_inch: int = 150) -> bytes:
    """PNG bytes of an image, with its print resolution recorded."""
    per_metre = round(dots_per_inch / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("the image could not be encoded as PNG")
    return bytes(buffer.data().data())


__all__ = [
    "figure_size",
    "highlighted_keys",
    "image_to_png",
    "paint_view",
    "render_view",
    "render_view_svg",
    "shape_to_path",
]
