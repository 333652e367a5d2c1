"""Cohort heat maps: how often each region is marked, per kind, on the body and foot views.

One panel per group (the whole cohort, or one per top root or top condition); in a panel,
a row per kind (any kind first) and a column per view. A region's colour is the share of
the panel's encounters that marked it, on one sequential scale for the whole figure (light
to dark, readable in greyscale and by colour-blind viewers); unmarked regions stay
uncoloured. With panels by root, the root's textbook dermatome (the atlas' primary
regions) is outlined in the overlay colour, so the spread of real drawings beyond it shows.

Qt painting only (no widgets), headless: ``render_heatmap`` gives a ``QImage``,
``render_heatmap_svg`` SVG bytes; the window can paint ``paint_heatmap`` anywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPen
from PySide6.QtSvg import QSvgGenerator, QSvgRenderer

from rootmap import palette
from rootmap.cohort.counts import ANY, HeatCounts
from rootmap.knowledge import Knowledge
from rootmap.maps import MapView, load_view
from rootmap.reports.figures import _renderer, _shape_path, qcolor

VIEWS = ("body_front", "body_back", "foot_dorsal", "foot_plantar")
VIEW_HEADERS = {"body_front": "Front", "body_back": "Back", "foot_dorsal": "Top of the feet",
                "foot_plantar": "Soles"}  # fmt: skip
ROWS = (ANY, "pain", "numbness", "tingling", "burning")
ROW_LABELS = {ANY: "Any kind", **{k: m.label for k, m in palette.MARKS.items()}}
# Sequential, light to dark (ColorBrewer "YlOrRd"): lightness alone carries the value, so it
# reads in greyscale and for colour-blind viewers; unmarked skin is a neutral grey.
SCALE = palette.HEATMAP_SCALE
UNMARKED = palette.HEATMAP_UNMARKED
MAX_PANELS = 6


LOWER_BODY = ("lower_back_pelvis", "thigh", "knee", "leg", "ankle", "foot")


@dataclass(frozen=True)
class Layout:
    width: float
    label_width: float
    crops: tuple[QRectF, ...]  # per view, the part drawn (view units): the body from the waist
    cell_widths: tuple[float, ...]
    row_height: float
    title_height: float
    header_height: float
    legend_height: float
    panels: int

    @property
    def panel_height(self) -> float:
        return self.title_height + self.header_height + self.row_height * len(ROWS)

    @property
    def height(self) -> float:
        return self.panel_height * self.panels + self.legend_height

    def cell_left(self, column: int) -> float:
        return self.label_width + sum(self.cell_widths[:column])


def _views() -> list[MapView]:
    return [load_view(name) for name in VIEWS]


def _crop(view: MapView, knowledge: Knowledge) -> QRectF:
    """The part of a view worth drawing: the lower body (the body views are cut at the waist)."""
    boxes = [
        r.bbox
        for r in view.regions
        if r.region in knowledge.regions and knowledge.regions[r.region].group in LOWER_BODY
    ]
    if not boxes:
        return QRectF(0, 0, view.width, view.height)
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    pad = 0.04 * max(right - left, bottom - top)
    return QRectF(left - pad, top - pad, right - left + 2 * pad, bottom - top + 2 * pad)


def layout(width: float, panels: int, knowledge: Knowledge) -> Layout:
    """Columns as wide as their view needs at one common row height."""
    label_width = width * 0.08
    crops = tuple(_crop(view, knowledge) for view in _views())
    per_height = sum(crop.width() / crop.height() for crop in crops)
    row_height = (width - label_width) / per_height
    cell_widths = tuple(row_height * crop.width() / crop.height() for crop in crops)
    return Layout(width, label_width, crops, cell_widths, row_height, width * 0.03,
                  width * 0.02, width * 0.055, max(1, panels))  # fmt: skip


def heat_color(share: float, top: float) -> QColor:
    """The colour of ``share`` on a scale from 0 to ``top`` (both fractions)."""
    t = 0.0 if top <= 0 else min(1.0, share / top)
    position = t * (len(SCALE) - 1)
    low = math.floor(position)
    high = min(low + 1, len(SCALE) - 1)
    a, b = QColor(SCALE[low]), QColor(SCALE[high])
    f = position - low
    return QColor(
        round(a.red() + (b.red() - a.red()) * f),
        round(a.green() + (b.green() - a.green()) * f),
        round(a.blue() + (b.blue() - a.blue()) * f),
        235,
    )


def scale_top(counts: HeatCounts, groups: list[str]) -> float:
    """The top of the colour scale: the largest share shown, rounded up to 10 %."""
    largest = 0.0
    for group in groups:
        total = counts.encounters[group]
        for counter in counts.marks.get(group, {}).values():
            if counter and total:
                largest = max(largest, max(counter.values()) / total)
    return max(0.1, math.ceil(largest * 10) / 10)


def heatmap_size(
    counts: HeatCounts, knowledge: Knowledge, width_px: int, max_panels: int = MAX_PANELS
) -> QSize:
    shape = layout(width_px, len(counts.groups(max_panels)), knowledge)
    return QSize(int(width_px), math.ceil(shape.height))


def paint_heatmap(
    painter: QPainter,
    counts: HeatCounts,
    knowledge: Knowledge,
    atlas: str | None,
    width: float,
    max_panels: int = MAX_PANELS,
) -> None:
    """Paint the figure at (0, 0), ``width`` wide (the height follows ``heatmap_size``)."""
    groups = counts.groups(max_panels)
    shape = layout(width, len(groups), knowledge)
    top = scale_top(counts, groups)
    total = sum(counts.encounters.values())
    atlas_id = atlas or knowledge.default_atlas
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont("DejaVu Sans")
    outlined = False
    for index, group in enumerate(groups):
        y = index * shape.panel_height
        n = counts.encounters[group]
        title = "All encounters" if counts.by == "none" else _group_title(group, counts, knowledge)
        share = f" ({100 * n / total:.0f} %)" if total and counts.by != "none" else ""
        font.setPixelSize(max(8, int(shape.title_height * 0.5)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(qcolor(palette.REPORT_FIGURE_INK))
        painter.drawText(
            QRectF(shape.label_width * 0.15, y, width, shape.title_height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            f"{title}: {n} encounter{'s' if n != 1 else ''}{share}",
        )
        dermatome = _dermatome(group, counts, knowledge, atlas_id)
        outlined = outlined or bool(dermatome)
        _paint_panel(painter, shape, y + shape.title_height, counts, group, top, dermatome, font)
    _paint_legend(painter, shape, top, outlined, atlas_id, knowledge, font)
    painter.restore()


def _group_title(group: str, counts: HeatCounts, knowledge: Knowledge) -> str:
    if counts.by == "root" and group in knowledge.roots:
        return f"Top root {group}"
    if counts.by == "condition" and group in knowledge.conditions:
        return knowledge.conditions[group].name
    return group[:1].upper() + group[1:]


def _dermatome(group: str, counts: HeatCounts, knowledge: Knowledge, atlas: str) -> set[str]:
    if counts.by != "root" or group not in knowledge.roots or atlas not in knowledge.atlases:
        return set()
    return set(knowledge.atlases[atlas].regions_of_root(group, primary_only=True))


def _paint_panel(
    painter: QPainter,
    shape: Layout,
    top_y: float,
    counts: HeatCounts,
    group: str,
    top: float,
    dermatome: set[str],
    font: QFont,
) -> None:
    font.setBold(False)
    font.setPixelSize(max(7, int(shape.header_height * 0.6)))
    painter.setFont(font)
    painter.setPen(qcolor(palette.REPORT_CAPTION))
    views = _views()
    for column, view in enumerate(views):
        painter.drawText(
            QRectF(shape.cell_left(column), top_y, shape.cell_widths[column], shape.header_height),
            Qt.AlignmentFlag.AlignCenter,
            VIEW_HEADERS[view.name],
        )
    for row, kind in enumerate(ROWS):
        y = top_y + shape.header_height + row * shape.row_height
        painter.setPen(qcolor(palette.REPORT_FIGURE_INK))
        painter.drawText(
            QRectF(0, y, shape.label_width * 0.95, shape.row_height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            ROW_LABELS[kind],
        )
        for column, view in enumerate(views):
            cell = QRectF(shape.cell_left(column), y, shape.cell_widths[column], shape.row_height)
            crop = shape.crops[column]
            _paint_cell(painter, view, cell, crop, counts, group, kind, top, dermatome)


def _paint_cell(
    painter: QPainter,
    view: MapView,
    cell: QRectF,
    crop: QRectF,
    counts: HeatCounts,
    group: str,
    kind: str,
    top: float,
    dermatome: set[str],
) -> None:
    scale = min(cell.width() / crop.width(), cell.height() / crop.height()) * 0.97
    painter.save()
    painter.setClipRect(cell)
    painter.translate(cell.center().x(), cell.center().y())
    painter.scale(scale, scale)
    painter.translate(-crop.center().x(), -crop.center().y())
    renderer = _renderer(str(view.svg_file))
    _render_element(renderer, painter, "regions")
    unit = max(crop.width(), crop.height()) / 120
    for region in view.regions:
        share = counts.share(group, kind, region.key)
        path = _shape_path(view.name, region.key)
        painter.fillPath(path, heat_color(share, top) if share > 0 else qcolor(UNMARKED))
    outline = QPen(qcolor(palette.HIGHLIGHT_COLOR), unit * 0.5)
    outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    for element in ("detail", "outline"):
        _render_element(renderer, painter, element)
    for region in view.regions:
        if region.region in dermatome:
            painter.strokePath(_shape_path(view.name, region.key), outline)
    _paint_sides(painter, view, crop, unit)
    painter.restore()


def _render_element(renderer: QSvgRenderer, painter: QPainter, element: str) -> None:
    """One group of the map's art (regions, detail, outline), without its title and labels."""
    if renderer.elementExists(element):
        bounds = renderer.transformForElement(element).mapRect(renderer.boundsOnElement(element))
        renderer.render(painter, element, bounds)


def _paint_sides(painter: QPainter, view: MapView, crop: QRectF, unit: float) -> None:
    """R and L above the patient's right and left, read from where the view draws each side."""
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(max(1, int(unit * 4)))
    painter.setFont(font)
    painter.setPen(qcolor(palette.REPORT_CAPTION))
    for side, letter in (("right", "R"), ("left", "L")):
        boxes = [r.bbox for r in view.regions if r.side == side]
        if not boxes:
            continue
        x = sum((b[0] + b[2]) / 2 for b in boxes) / len(boxes)
        box = QRectF(x - unit * 4, crop.top(), unit * 8, unit * 5)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)


def _paint_legend(
    painter: QPainter,
    shape: Layout,
    top: float,
    outlined: bool,
    atlas: str,
    knowledge: Knowledge,
    font: QFont,
) -> None:
    y = shape.panel_height * shape.panels
    height = shape.legend_height
    bar = QRectF(shape.label_width, y + height * 0.2, shape.width * 0.3, height * 0.3)
    gradient = QLinearGradient(bar.topLeft(), bar.topRight())
    for index, _ in enumerate(SCALE):
        stop = index / (len(SCALE) - 1)
        gradient.setColorAt(stop, heat_color(stop * top, top))
    painter.fillRect(bar, gradient)
    painter.setPen(QPen(qcolor(palette.REPORT_CAPTION), 1))
    painter.drawRect(bar)
    font.setBold(False)
    font.setPixelSize(max(7, int(height * 0.26)))
    painter.setFont(font)
    below = QRectF(bar.left() - 40, bar.bottom(), 80, height * 0.45)
    for fraction in (0.0, 0.5, 1.0):
        x = bar.left() + bar.width() * fraction
        painter.drawLine(QPointF(x, bar.bottom()), QPointF(x, bar.bottom() + height * 0.08))
        painter.drawText(below.translated(x - bar.left(), 0), Qt.AlignmentFlag.AlignCenter,
                         f"{100 * top * fraction:.0f} %")  # fmt: skip
    painter.drawText(
        QRectF(0, bar.top(), shape.label_width * 0.95, bar.height()),
        Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
        "Marked by",
    )
    x = bar.right() + shape.width * 0.03
    if outlined:
        swatch = QRectF(x, bar.top(), bar.height() * 1.4, bar.height())
        painter.setPen(QPen(qcolor(palette.HIGHLIGHT_COLOR), max(2.0, height * 0.05)))
        painter.drawRect(swatch)
        name = knowledge.atlases[atlas].name if atlas in knowledge.atlases else atlas
        painter.setPen(qcolor(palette.REPORT_FIGURE_INK))
        painter.drawText(
            QRectF(
                swatch.right() + 8, bar.top() - height * 0.1, shape.width * 0.55, bar.height() * 1.4
            ),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            f"the root's dermatome ({name})",
        )


def render_heatmap(
    counts: HeatCounts,
    knowledge: Knowledge,
    atlas: str | None = None,
    width_px: int = 1800,
    max_panels: int = MAX_PANELS,
) -> QImage:
    """The heat map figure as an image ``width_px`` wide, on white."""
    size = heatmap_size(counts, knowledge, width_px, max_panels)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(qcolor(palette.REPORT_PAPER))
    painter = QPainter(image)
    paint_heatmap(painter, counts, knowledge, atlas, float(width_px), max_panels)
    painter.end()
    return image


def render_heatmap_svg(
    counts: HeatCounts,
    knowledge: Knowledge,
    atlas: str | None = None,
    width_px: int = 1800,
    max_panels: int = MAX_PANELS,
) -> bytes:
    """The heat map figure as SVG (vector) bytes."""
    size = heatmap_size(counts, knowledge, width_px, max_panels)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle("RootMap: cohort heat map")
    generator.setDescription("How often each region is marked, per kind, in a cohort")
    painter = QPainter(generator)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), qcolor(palette.REPORT_PAPER))
    paint_heatmap(painter, counts, knowledge, atlas, float(width_px), max_panels)
    painter.end()
    data: QByteArray = buffer.data()
    return bytes(data.data())
