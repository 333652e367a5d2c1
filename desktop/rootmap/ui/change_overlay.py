"""The comparison on the maps: each changed region drawn by its change, and a legend.

A ``ChangeItem`` per region lies over the region's marks (white under it, so the map
reads as a change map, as on the report's "Changes since" page): new, resolved, worse,
better or same, each with its colour *and* pattern from ``palette.CHANGES``, with the
report's pattern geometry (``rootmap.reports.figures.pattern_within``). Items are made
once per region and change and then shown or hidden, so switching visits with the
comparison on restyles only what differs.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGridLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QWidget,
)

from rootmap import palette
from rootmap.ui.brushes import qcolor
from rootmap.ui.map_area import MapArea
from rootmap.ui.map_view import MapGraphicsView, RegionItem

CHANGE_Z = 1.5  # over the regions' marks, under the keyboard's current region
PATTERN_WORDS = {"cross_hatch": "cross-hatch", "outline": "dashed outline"}


_INK: dict[tuple[str, str, str], QPainterPath] = {}  # (view, key, pattern) -> pattern ink


def _pattern_ink(
    view: str, key: str, pattern: str, path: QPainterPath, unit: float
) -> QPainterPath:
    """The report's pattern inside a region (computed once per view, region and pattern)."""
    ink = _INK.get((view, key, pattern))
    if ink is None:
        from rootmap.reports.figures import pattern_within

        ink = _INK[(view, key, pattern)] = pattern_within(path, pattern, unit)
    return ink


class ChangeItem(QGraphicsPathItem):
    """One region's change, drawn over its marks; it takes no clicks."""

    def __init__(self, region: RegionItem, view: str, change: str, unit: float) -> None:
        super().__init__(region.path())
        self.key = region.key
        self.change = change
        self._style = palette.change_style(change)
        self._ink = (
            _pattern_ink(view, region.key, self._style.pattern, region.path(), unit)
            if self._style.pattern not in ("solid", "outline")
            else QPainterPath()
        )
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setZValue(CHANGE_Z)
        self.setToolTip(f"{self._style.label} since the previous visit")

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        paint_change(painter, self.path(), self._ink, self._style)


def paint_change(
    painter: QPainter, path: QPainterPath, ink: QPainterPath, style: palette.ChangeStyle
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(path, qcolor(palette.MAP_PAPER))
    painter.fillPath(path, qcolor(style.color, style.fill_alpha))
    if not ink.isEmpty():
        painter.fillPath(ink, qcolor(style.color))
    pen = QPen(qcolor(style.color), 2.6 if style.pattern == "outline" else 1.8)
    pen.setCosmetic(True)
    if style.pattern == "outline":
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.strokePath(path, pen)


class ChangeOverlay:
    """The change map over every built view of ``maps`` (None: the comparison is off)."""

    def __init__(self, maps: MapArea) -> None:
        self.maps = maps
        self._changes: dict[str, str] = {}
        self._items: dict[tuple[str, str, str], ChangeItem] = {}  # (view, key, change)
        self._shown: dict[tuple[str, str], ChangeItem] = {}  # (view, key) -> item shown
        maps.viewBuilt.connect(self._show_in)

    def changes(self) -> dict[str, str]:
        return dict(self._changes)

    def items(self) -> list[ChangeItem]:
        """The change items on screen (in built views)."""
        return [item for item in self._shown.values() if item.isVisible()]

    def set_changes(self, changes: Mapping[str, str]) -> None:
        """Show these changes (region key -> change); an empty mapping clears the map."""
        if dict(changes) == self._changes:
            return
        self._changes = dict(changes)
        for view in self.maps.views().values():
            self._show_in(view)

    def _show_in(self, view: MapGraphicsView) -> None:
        for (name, key), old in list(self._shown.items()):
            if name == view.name and self._changes.get(key) != old.change:
                old.hide()
                del self._shown[(name, key)]
        unit = max(view.geometry_.width, view.geometry_.height) / 120
        for key, change in self._changes.items():
            region = view.item(key)
            if region is None or (view.name, key) in self._shown:
                continue
            item = self._items.get((view.name, key, change))
            if item is None:
                item = ChangeItem(region, view.name, change, unit)
                self._items[(view.name, key, change)] = item
                scene = view.scene()
                assert scene is not None
                scene.addItem(item)
            item.show()
            self._shown[(view.name, key)] = item


def change_swatch(change: str, size: int = 22) -> QPixmap:
    """A square sample of one change (tint, pattern, outline), for the legend."""
    from rootmap.reports.figures import pattern_within

    style = palette.change_style(change)
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    path = QPainterPath()
    path.addRect(QRectF(1.5, 1.5, size - 3, size - 3))
    ink = (
        pattern_within(path, style.pattern, size / 4)
        if style.pattern not in ("solid", "outline")
        else QPainterPath()
    )
    paint_change(painter, path, ink, style)
    painter.end()
    return pixmap


class ChangeLegend(QWidget):
    """One swatch and word per change, in ``palette.CHANGES`` order, ``per_row`` a row
    (a narrow column wraps the legend instead of widening)."""

    def __init__(self, parent: QWidget | None = None, per_row: int = 5) -> None:
        super().__init__(parent)
        self.setObjectName("change_legend")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        self.entries: dict[str, QLabel] = {}
        for index, (change, style) in enumerate(palette.CHANGES.items()):
            swatch = QLabel(self)
            swatch.setPixmap(change_swatch(change))
            words = PATTERN_WORDS.get(style.pattern, style.pattern.replace("_", " "))
            swatch.setToolTip(f"{style.label}: {words}")
            label = QLabel(style.label, self)
            label.setToolTip(swatch.toolTip())
            row, column = divmod(index, per_row)
            grid.addWidget(swatch, row, 2 * column)
            grid.addWidget(label, row, 2 * column + 1)
            self.entries[change] = label
        grid.setColumnStretch(2 * per_row, 1)
