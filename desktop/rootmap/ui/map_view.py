"""One anatomical map: the SVG art plus one clickable path item per region.

The art is drawn by a ``QSvgRenderer`` (cached as a device pixmap, so a click never
re-renders it); each region is a ``RegionItem`` built once from
``rootmap.maps.RegionShape.commands``. A change restyles the affected items only.

Mouse: left click marks (``regionClicked(key, "left")``), right click clears
(``"right"``); Ctrl+wheel zooms under the cursor; middle-drag or Space+drag pans.

Keyboard (the view takes focus with Tab and then shows a focus ring): the arrow keys move
a "current region" outline (thick, dark, dashed) to the nearest region that way, Home/End
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
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
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
from rootmap.ui.map_art import load_art

if TYPE_CHECKING:  # rootmap.maps imports svgelements: load it only when a map is built
    from rootmap.maps import MapView as MapGeometry
    from rootmap.maps import RegionShape

Mark = tuple[str, int | None]  # (kind, intensity)
HIGHLIGHT_NONE, HIGHLIGHT_PRIMARY, HIGHLIGHT_OVERLAP = 0, 1, 2
MIN_ZOOM, MAX_ZOOM = 0.2, 12.0
CURRENT_OUTLINE = "#1A1A1A"  # the keyboard's current region: dark dashes on a white halo
ARROWS: dict[int, str] = {
    Qt.Key.Key_Right.value: "right",
    Qt.Key.Key_Left.value: "left",
    Qt.Key.Key_Up.value: "up",
    Qt.Key.Key_Down.value: "down",
}


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
        self.setAcceptHoverEvents(True)
        self.setZValue(1)

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

    def hoverEnterEvent(self, event: object) -> None:
        self.hovered = True
        self.update()

    def hoverLeaveEvent(self, event: object) -> None:
        self.hovered = False
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
            halo = QPen(QColor("white"), 6)
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

    def __init__(self, geometry: MapGeometry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.geometry_ = geometry
        self.name = geometry.name
        self.setObjectName(f"map_{geometry.name}")
        self.renderer, self._content, self.title_lines = load_art(Path(geometry.svg_file), self)
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
        self.setAccessibleName(f"{geometry.title} map")
        self.setAccessibleDescription(
            " ".join((*self.title_lines[1:], "Arrow keys choose a region, Enter marks it."))
        )
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor("white"))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._set_auto_fit(True)
        self._pan_from: QPoint | None = None
        self._space_down = False
        self._space_panned = False
        self._hover_key = ""

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
        super().keyPressEvent(event)

    def _keyboard(self, key: int) -> bool:
        """Arrow keys, Home/End, Enter, Delete/Backspace; False for any other key."""
        if key in ARROWS:
            if not self.current_key:
                target = map_keyboard.first_key(self._label_points)
            else:
                target = map_keyboard.neighbour(self._label_points, self.current_key, ARROWS[key])
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
        item.set_current(self.hasFocus())
        self.ensureVisible(item, 8, 8)
        if announce:
            self._describe(item)
            self.currentRegionChanged.emit(item.key)

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
        if item is not None:
            item.set_current(False)
        self._space_down = False
        self.viewport().update()

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
        for item in self.items(position.toPoint()):
            if isinstance(item, RegionItem):
                return item
        return None

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
        key = item.key if item is not None else ""
        if key != self._hover_key:
            self._hover_key = key
            self.regionHovered.emit(key)

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

    def contextMenuEvent(self, event: object) -> None:
        # The right button clears a region; no context menu.
        pass

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
