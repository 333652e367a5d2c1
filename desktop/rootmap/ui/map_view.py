"""One anatomical map: the SVG art plus one clickable path item per region.

The art is drawn by a ``QSvgRenderer`` (cached as a device pixmap, so a click never
re-renders it); each region is a ``RegionItem`` built once from
``rootmap.maps.RegionShape.commands``. A change restyles the affected items only.

Mouse: left click marks (``regionClicked(key, "left")``), right click clears
(``"right"``); Ctrl+wheel zooms under the cursor; middle-drag or Space+drag pans. A region
smaller than 26 px on screen also takes clicks in a 26 px square around its label point
(``region_at``); the hover outline always shows the region a click there would mark.

Keyboard (the view takes focus with Tab and then shows a focus ring): the arrow keys move
a "current region" outline (thick, dark, dashed) to the nearest region that way on screen
(``map_keyboard.neighbour`` with the regions' outlines), ``/`` or Ctrl+F opens a find box
that picks a region by part of its name (``rootmap.ui.map_find``), Home/End
go to the first/last region, Enter or Space marks the current region exactly as a left
click would (the same ``regionClicked`` signal, so the same undoable edit) and Delete or
Backspace clears it as a right click would. ``currentRegionChanged(key)`` tells the map
area, which shows the region's name, side and roots in the status bar; the view's
accessible description says the same.

The art is drawn without the SVG's ``title`` group, and "fit" shows the anatomy and its
R/L labels (``rootmap.ui.map_art``), so small panes show large feet.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTextDocumentFragment,
    QTransform,
    QWheelEvent,
)
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from rootmap import palette
from rootmap.qtgui.painting import painter_path
from rootmap.ui import brushes, map_keyboard
from rootmap.ui.art_labels import ArtLabel, body_pixels, paint_label
from rootmap.ui.map_art import load_art
from rootmap.ui.viewport import use_python_viewport

if TYPE_CHECKING:  # rootmap.maps imports svgelements: load it only when a map is built
    from rootmap.maps import MapView as MapGeometry
    from rootmap.maps import RegionShape
    from rootmap.ui.map_find import RegionFinder

Mark = tuple[str, int | None]  # (kind, intensity)
HIGHLIGHT_NONE, HIGHLIGHT_PRIMARY, HIGHLIGHT_OVERLAP = 0, 1, 2
MIN_ZOOM, MAX_ZOOM = 0.2, 12.0
LABEL_PX = 4  # a click this close to a region's label point (its middle) is always its own
TARGET_PX = 26  # a small region takes the clicks in this square (>= 24 x 24 px left after overlaps)
BIG_LABEL_SIZE, BIG_LABEL_FACTOR = 30, 1.5  # the R/L letters: half as large again as text
CURRENT_OUTLINE = palette.CURRENT_OUTLINE  # the keyboard's current region: dashes on a halo
ARROWS: dict[int, str] = {
    Qt.Key.Key_Right.value: "right",
    Qt.Key.Key_Left.value: "left",
    Qt.Key.Key_Up.value: "up",
    Qt.Key.Key_Down.value: "down",
}


def polygon_area(path: QPainterPath) -> float:
    """The area a path covers (shoelace over its fill polygons)."""
    total = 0.0
    for polygon in path.toFillPolygons():
        points = [polygon.at(i) for i in range(polygon.size())]
        total += abs(
            sum(
                a.x() * b.y() - b.x() * a.y()
                for a, b in zip(points, points[1:] + points[:1], strict=True)
            )
        )
    return total / 2


class RegionItem(QGraphicsPathItem):
    """One region of skin on one view; draws its marks, highlight and hover outline."""

    def __init__(self, shape: RegionShape, parent: QGraphicsItem | None = None) -> None:
        path = painter_path(shape.commands)
        super().__init__(path, parent)
        self.key = shape.key
        self.region = shape.region
        self.side = shape.side
        self.label_point = QPointF(*shape.label_point)
        self.marks: tuple[Mark, ...] = ()
        self.highlight = HIGHLIGHT_NONE
        self.hovered = False
        self.current = False  # the keyboard's current region (drawn while the view has focus)
        self._bounds = path.boundingRect().adjusted(-12, -12, 12, 12)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(1)  # (hover is set by the view: it knows which region a click takes)

    @cached_property
    def area(self) -> float:
        """In scene units: how hard the region is to hit (measured on the first click)."""
        return polygon_area(self.path())

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self.path()

    def set_marks(self, marks: tuple[Mark, ...]) -> None:
        if marks != self.marks:
            self.marks = marks
            self.update()

    def set_highlight(self, level: int) -> None:
        if level != self.highlight:
            self.highlight = level
            self.update()

    def set_current(self, on: bool) -> None:
        if on != self.current:
            self.current = on
            self.setZValue(2 if on else 1)  # its outline over the neighbours' marks
            self.update()

    def is_styled(self) -> bool:
        return bool(self.marks) or self.highlight != HIGHLIGHT_NONE

    def set_hovered(self, on: bool) -> None:
        if on != self.hovered:
            self.hovered = on
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not (self.marks or self.highlight or self.hovered or self.current):
            return
        path = self.path()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = painter.worldTransform().m11() or 1.0
        if self.highlight == HIGHLIGHT_PRIMARY:
            painter.fillPath(path, brushes.highlight_brush())
        for kind, intensity in self.marks:
            painter.fillPath(path, brushes.tint_brush(kind, intensity))
            pattern = brushes.pattern_brush(kind, scale)
            if pattern is not None:
                painter.fillPath(path, pattern)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.highlight:
            painter.setPen(brushes.highlight_pen(overlap=self.highlight == HIGHLIGHT_OVERLAP))
            painter.drawPath(path)
        if self.marks:
            painter.setPen(brushes.mark_pen(self.marks[0][0]))
            painter.drawPath(path)
        if self.hovered:
            pen = QPen(QColor(palette.HOVER_OUTLINE), 1.5)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawPath(path)
        if self.current:
            halo = QPen(QColor(palette.MAP_HALO), 6)
            halo.setCosmetic(True)
            painter.setPen(halo)
            painter.drawPath(path)
            dashes = QPen(QColor(CURRENT_OUTLINE), 3.5, Qt.PenStyle.CustomDashLine)
            dashes.setDashPattern([2.0, 1.5])
            dashes.setCosmetic(True)
            painter.setPen(dashes)
            painter.drawPath(path)


class MapGraphicsView(QGraphicsView):
    """A zoomable, pannable view of one map (``rootmap.maps.MapView``)."""

    regionClicked = Signal(str, str)  # region key ("left.dorsum_central"), "left"/"right"
    regionHovered = Signal(str)  # key, or "" when the pointer leaves the regions
    currentRegionChanged = Signal(str)  # the keyboard's current region moved (key)
    regionMenuRequested = Signal(str, QPoint)  # Ctrl+right click or the Menu key: key, where

    def __init__(self, geometry: MapGeometry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_python_viewport(self)  # the regions' paint() is handed it (start-up time)
        self.geometry_ = geometry
        self.name = geometry.name
        self.setObjectName(f"map_{geometry.name}")
        art = load_art(geometry, self)
        self.renderer, self._content, self.title_lines = art.renderer, art.content, art.title_lines
        self.labels: list[ArtLabel] = list(art.labels)  # R, L, "patient's right"...: readable
        self.setScene(QGraphicsScene(self._content, self))
        self.art = QGraphicsSvgItem()
        self.art.setSharedRenderer(self.renderer)
        self.art.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.art.setZValue(0)
        self.scene().addItem(self.art)
        self.items_by_key: dict[str, RegionItem] = {}
        for shape in geometry.regions:
            item = RegionItem(shape)
            self.scene().addItem(item)
            self.items_by_key[shape.key] = item
        self.tooltip_text: Callable[[RegionItem], str] = lambda item: item.key
        self.current_key = ""
        self._label_points = {
            k: (i.label_point.x(), i.label_point.y()) for k, i in self.items_by_key.items()
        }
        self.setAccessibleName(self.tr("{0} map").format(geometry.title))
        self.setAccessibleDescription(
            " ".join(
                (*self.title_lines[1:], self.tr("Arrow keys choose a region, Enter marks it."))
            )
        )
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor(palette.MAP_PAPER))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._set_auto_fit(True)
        self._pan_from: QPoint | None = None
        self._space_down = False
        self._space_panned = False
        self._hover_key = ""
        self._targets_for: QTransform | None = None
        self._targets: dict[str, tuple[QPointF, float]] = {}
        self._finder: RegionFinder | None = None
        self._before_find = ""
        self._outline_points: dict[str, list[tuple[float, float]]] | None = None

    # --- zoom and pan -------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor))
        if target != self.zoom():
            self._set_auto_fit(False)
            step = target / self.zoom()
            self.scale(step, step)

    def content_rect(self) -> QRectF:
        """What "fit" shows: the anatomy and its R/L labels, without the page's title."""
        return QRectF(self._content)

    def fit(self) -> None:
        self._set_auto_fit(True)
        self.fitInView(self._content, Qt.AspectRatioMode.KeepAspectRatio)

    def _set_auto_fit(self, on: bool) -> None:
        # Fitted: no scrollbars; zoomed in: scrollbars to pan with.
        self._auto_fit = on
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self._auto_fit:
            self.fitInView(self._content, Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.zoom_by(1.15**steps)
            event.accept()
        else:
            super().wheelEvent(event)

    # --- keyboard -----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if key == Qt.Key.Key_Space and plain:
            if not event.isAutoRepeat():  # held: Space+drag pans; tapped: marks on release
                self._space_down, self._space_panned = True, False
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if plain and self._keyboard(key):
            event.accept()
            return
        if event.text() == "/" or (
            key == Qt.Key.Key_F and modifiers == Qt.KeyboardModifier.ControlModifier
        ):
            self.open_finder()
            event.accept()
            return
        super().keyPressEvent(event)

    def open_finder(self) -> RegionFinder:
        """The find box (``/`` or Ctrl+F): typing part of a name picks the region."""
        if self._finder is None:
            from rootmap.ui.map_find import RegionFinder  # on first use (start-up time)

            self._finder = RegionFinder(self._region_names, self)
            self._finder.chosen.connect(self.set_current)
            self._finder.closed.connect(self._finder_closed)
        self._before_find = self.current_key
        self._finder.open(self.current_key.split(".", 1)[0])
        return self._finder

    def _finder_closed(self, keep: bool) -> None:
        if not keep:
            self.set_current(self._before_find)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _region_names(self) -> dict[str, str]:
        return {k: self.description(i).split("\n", 1)[0] for k, i in self.items_by_key.items()}

    def _outlines(self) -> dict[str, list[tuple[float, float]]]:
        """Each region's outline points (scene units), for the arrow keys; built once."""
        if self._outline_points is None:
            self._outline_points = {
                key: [
                    (polygon.at(i).x(), polygon.at(i).y())
                    for polygon in item.path().toFillPolygons()
                    for i in range(polygon.size())
                ]
                for key, item in self.items_by_key.items()
            }
        return self._outline_points

    def _keyboard(self, key: int) -> bool:
        """Arrow keys, Home/End, Enter, Delete/Backspace; False for any other key."""
        if key in ARROWS:
            if not self.current_key:
                target = map_keyboard.first_key(self._label_points)
            else:
                target = map_keyboard.neighbour(
                    self._label_points, self.current_key, ARROWS[key], self._outlines()
                )
            self.set_current(target or self.current_key)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            pick = map_keyboard.first_key if key == Qt.Key.Key_Home else map_keyboard.last_key
            self.set_current(pick(self._label_points) or "")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate_current("left")
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._activate_current("right")
        else:
            return False
        return True

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            tapped = self._space_down and not self._space_panned
            self._space_down = False
            self.viewport().unsetCursor()
            if tapped:
                self._activate_current("left")
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _activate_current(self, button: str) -> None:
        """Enter/Space ("left") or Delete ("right") on the current region: as a click."""
        item = self.items_by_key.get(self.current_key)
        if item is None:
            self.set_current(map_keyboard.first_key(self._label_points) or "")
            return
        self.regionClicked.emit(item.key, button)
        self._describe(item)  # its marks changed

    def set_current(self, key: str, announce: bool = True) -> None:
        """Make ``key`` the current region ("" for none); outlined while the view has focus."""
        old = self.items_by_key.get(self.current_key)
        if old is not None:
            old.set_current(False)
        item = self.items_by_key.get(key)
        self.current_key = key if item is not None else ""
        if item is None:
            return
        item.set_current(self.hasFocus() or self._finding())
        self.ensureVisible(item, 8, 8)
        if announce:
            self._describe(item)
            self.currentRegionChanged.emit(item.key)

    def _finding(self) -> bool:
        return self._finder is not None and self._finder.isVisible()

    def description(self, item: RegionItem) -> str:
        """The region in plain words: name, side, roots and marks (the tooltip's text)."""
        return QTextDocumentFragment.fromHtml(self.tooltip_text(item)).toPlainText()

    def _describe(self, item: RegionItem) -> None:
        self.setAccessibleDescription(self.description(item).replace("\n", ". "))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        by_keyboard = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        )
        if self.current_key:
            self.set_current(self.current_key, announce=by_keyboard)
        elif by_keyboard:
            self.set_current(map_keyboard.first_key(self._label_points) or "")
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        item = self.items_by_key.get(self.current_key)
        if item is not None and not self._finding():
            item.set_current(False)
        self._space_down = False
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if not self.labels:
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for label, at, pixels in self.drawn_labels():
            paint_label(painter, label, at, pixels, self.viewport().width())
        painter.restore()

    def drawn_labels(self) -> list[tuple[ArtLabel, QPointF, float]]:
        """The side letters and captions as drawn now: where (viewport pixels) and how
        large (never below the app's body text; presentation mode enlarges that)."""
        zoom = self.zoom()
        body = body_pixels()
        drawn: list[tuple[ArtLabel, QPointF, float]] = []
        below: dict[float, float] = {}  # anchor x -> the lowest baseline drawn there so far
        for label in sorted(self.labels, key=lambda lb: (lb.x, lb.y)):
            least = body * (BIG_LABEL_FACTOR if label.size >= BIG_LABEL_SIZE else 1.0)
            pixels = max(label.size * zoom, least)
            at = QPointF(self.mapFromScene(QPointF(label.x, label.y)))
            above = below.get(label.x)
            if above is not None:  # a caption under its letter: keep it clear of it
                at.setY(max(at.y(), above + pixels * 1.05))
            below[label.x] = at.y() + pixels * 0.25
            drawn.append((label, at, pixels))
        return drawn

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():  # the focus ring: the keyboard is in this map
            painter = QPainter(self.viewport())
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -2, -2))
            painter.end()

    # --- clicks -------------------------------------------------------------------
    def region_at(self, position: QPointF) -> RegionItem | None:
        """The region a click at ``position`` (viewport pixels) marks.

        A small region (under ``TARGET_PX`` on screen either way) takes the clicks in a
        ``TARGET_PX`` square around its label point as well as on itself. Where targets
        overlap, the smaller region wins: the hardest to hit keeps its whole square. A
        click within ``LABEL_PX`` of a region's label point (its middle) is that region's."""
        direct = [i for i in self.items(position.toPoint()) if isinstance(i, RegionItem)]
        transform = self.viewportTransform()
        for item in direct:  # the middle of a region is always that region's
            middle = transform.map(item.label_point) - position
            if abs(middle.x()) <= LABEL_PX and abs(middle.y()) <= LABEL_PX:
                return item
        hits = [(self._screen_area(i), i.key) for i in direct]
        half = TARGET_PX / 2
        for key, (point, area) in self._small_targets().items():
            if abs(point.x() - position.x()) <= half and abs(point.y() - position.y()) <= half:
                hits.append((area, key))
        return self.items_by_key[min(hits)[1]] if hits else None

    def _screen_area(self, item: RegionItem) -> float:
        return item.area * self.viewportTransform().m11() ** 2

    def _small_targets(self) -> dict[str, tuple[QPointF, float]]:
        """The small regions at this zoom: key -> (label point in viewport pixels, area)."""
        transform = self.viewportTransform()
        if self._targets_for != transform:
            self._targets_for = transform
            self._targets = {}
            for key, item in self.items_by_key.items():
                box = transform.mapRect(item.path().boundingRect())
                if min(box.width(), box.height()) < TARGET_PX:
                    area = self._screen_area(item)
                    self._targets[key] = (transform.map(item.label_point), area)
        return self._targets

    def _set_hover(self, key: str) -> None:
        """Outline the region a click would mark now ("" for none) and say so."""
        if key == self._hover_key:
            return
        old = self.items_by_key.get(self._hover_key)
        if old is not None:
            old.set_hovered(False)
        self._hover_key = key
        item = self.items_by_key.get(key)
        if item is not None:
            item.set_hovered(True)
        self.regionHovered.emit(key)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self._set_hover("")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_down
        ):
            self._pan_from = event.position().toPoint()
            self._space_panned = self._space_down
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.RightButton and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()  # Ctrl+right click: the region's context menu, not a clear
            return
        if button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            item = self.region_at(event.position())
            if item is not None:
                name = "left" if button == Qt.MouseButton.LeftButton else "right"
                self.set_current(item.key, announce=False)  # the keyboard goes on from here
                self.regionClicked.emit(item.key, name)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)
        item = self.region_at(event.position())
        self._set_hover(item.key if item is not None else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            if self._space_down:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # The right button clears a region; Ctrl+right click or the Menu key asks for the
        # region's menu (the window decides what it holds).
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            item = self.items_by_key.get(self.current_key)
            where = self.mapFromScene(item.label_point) if item is not None else QPoint()
        elif event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            item = self.region_at(QPointF(event.pos()))
            where = event.pos()
        else:
            return
        if item is not None:
            self.regionMenuRequested.emit(item.key, self.viewport().mapToGlobal(where))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.region_at(QPointF(event.pos()))
            if item is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_text(item), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # --- styling ------------------------------------------------------------------
    def item(self, key: str) -> RegionItem | None:
        return self.items_by_key.get(key)

    def scene_point_of(self, key: str) -> QPointF:
        """The label point of a region, in scene coordinates (for tests and teaching)."""
        return self.items_by_key[key].label_point
