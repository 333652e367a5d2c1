"""The lumbar spine diagram: the implicated root(s) and the candidate disc levels.

Art from ``assets/maps/spine.svg`` (``rootmap.maps.load_spine``); one path item per
root and per disc, restyled (never rebuilt) when the analysis changes. Roots use the
dermatome highlight's bluish green; candidate discs a yellow fill with a dark outline.

The view shows a lumbar close-up (the L3 to S1 rows, widened to take in any highlighted
root or disc) and draws the lettering itself (``rootmap.ui.art_labels``), never
smaller than the app's body text. A click opens the whole diagram in a large window
(``enlarge``), where the lettering grows with the art.

``focus_on_root("L5")`` fits the view to that root's rows (the whole width, with the
level labels on both sides) so its lettering reads from afar: the teaching explorer
does this in presentation mode. ``focus_on_root(None)`` shows the whole diagram again.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QVBoxLayout,
    QWidget,
)

from rootmap import palette
from rootmap.qtgui.painting import painter_path
from rootmap.ui import brushes
from rootmap.ui.art_labels import ArtLabel, body_pixels, paint_label
from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.ui.viewport import use_python_viewport

DISC_FILL = QColor(palette.OKABE_ITO["yellow"])
DISC_OUTLINE = QColor(palette.DISC_OUTLINE)
ROW_MARGIN = 40.0  # scene units above and below a focused root's rows
CLOSE_UP = ("L3", "S1")  # the rows the view shows unless a highlight lies higher
CAPTION_ROOM = 60.0  # scene units above the close-up's first row, for the side captions
ART_GROUPS = ("vertebrae", "discs", "detail", "roots")  # the SVG without its lettering
SIDE_CAPTIONS = (
    QT_TRANSLATE_NOOP("SpineView", "patient's left"),
    QT_TRANSLATE_NOOP("SpineView", "patient's right"),
)  # viewed from behind


def _item(commands: Iterable[tuple[object, ...]], scene: QGraphicsScene) -> QGraphicsPathItem:
    item = QGraphicsPathItem(painter_path(commands))
    item.setPen(QPen(Qt.PenStyle.NoPen))
    item.setBrush(QBrush(Qt.BrushStyle.NoBrush))
    item.setZValue(1)
    scene.addItem(item)
    return item


class SpineView(QGraphicsView):
    """``enlarged``: the whole diagram with all its lettering (the large window)."""

    def __init__(self, parent: QWidget | None = None, enlarged: bool = False) -> None:
        super().__init__(parent)
        use_python_viewport(self)  # its labels ask viewport() (start-up time)
        from rootmap.maps import load_spine

        diagram = load_spine()
        self.enlarged = enlarged
        self.setObjectName("spine_view_enlarged" if enlarged else "spine_view")
        self.setScene(QGraphicsScene(0, 0, diagram.width, diagram.height, self))
        self.renderer = QSvgRenderer(str(diagram.svg_file), self)
        for group in ART_GROUPS:
            if not self.renderer.elementExists(group):
                continue
            art = QGraphicsSvgItem()
            art.setSharedRenderer(self.renderer)
            art.setElementId(group)
            art.setPos(
                self.renderer.transformForElement(group).map(
                    self.renderer.boundsOnElement(group).topLeft()
                )
            )
            art.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.scene().addItem(art)
        self.labels = diagram.texts
        self.root_items = {key: _item(s.commands, self.scene()) for key, s in diagram.roots.items()}
        self.disc_items = {key: _item(s.commands, self.scene()) for key, s in diagram.discs.items()}
        self._diagram = diagram
        self._content = QRectF(self.sceneRect())
        self._focus: QRectF | None = None
        self._roots: frozenset[tuple[str, str]] = frozenset()
        self._discs: frozenset[str] = frozenset()
        self._close_up = self._rows(CLOSE_UP)
        self._dialog: SpineDialog | None = None
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor(palette.MAP_PAPER))  # light paper in every theme
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumHeight(210)  # the close-up's four rows, labels at the body size
        tip = self.tr(
            "Lumbar spine from behind: implicated root (green), candidate disc level (yellow)"
        )
        self.setToolTip(tip if enlarged else self.tr("{0}. Click to enlarge.").format(tip))
        self.setAccessibleName(self.tr("Lumbar spine diagram"))
        if not enlarged:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(320, 240)

    def _rows(self, levels: Iterable[str]) -> QRectF:
        """The rows of these vertebrae, across the whole width (a pair: from one to the
        other), with room above for the side captions and below for the root labels."""
        order = list(self._diagram.vertebrae)
        wanted = [level for level in levels if level in order]
        if not wanted:
            return QRectF(self._content)
        first, last = min(wanted, key=order.index), max(wanted, key=order.index)
        boxes = [
            self._diagram.vertebrae[v].bbox
            for v in order[order.index(first) : order.index(last) + 1]
        ]
        top = max(0.0, min(b[1] for b in boxes) - CAPTION_ROOM)
        bottom = min(self._diagram.height, max(b[3] for b in boxes) + ROW_MARGIN)
        return QRectF(0.0, top, self._diagram.width, bottom - top)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def _fit(self) -> None:
        self.fitInView(self.shown_rect(), Qt.AspectRatioMode.KeepAspectRatio)

    def shown_rect(self) -> QRectF:
        """The part of the diagram the view fits: a focused root's rows, else the lumbar
        close-up with any highlighted root or disc (the whole diagram when enlarged)."""
        if self._focus is not None:
            return QRectF(self._focus)
        if self.enlarged:
            return QRectF(self._content)
        levels = [*CLOSE_UP, *(root for _side, root in self._roots)]
        levels += [v for disc in self._discs for v in disc.split("-")]  # "L2-L3"
        return self._rows(levels)

    # --- lettering ------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for label, pixels in self.drawn_labels():
            self._draw(painter, label, pixels)
        if not self.enlarged:
            self._draw_side_captions(painter, body_pixels())
        painter.restore()

    def drawn_labels(self) -> list[tuple[ArtLabel, float]]:
        """The lettering drawn now, each with its size in pixels (never below the body's)."""
        scale = self.transform().m11() or 1.0
        body = body_pixels()
        shown = self.shown_rect()
        drawn = []
        for label in self.labels:
            if not self.enlarged and not _close_up_label(label):
                continue
            if not shown.adjusted(0, 0, 0, label.size).contains(QPointF(label.x, label.y)):
                continue
            pixels = max(label.size * scale, body * (1.15 if label.bold else 1.0))
            top = self.mapFromScene(QPointF(label.x, label.y)).y() - pixels
            if not self.enlarged and top < body * 1.4:
                continue  # under the side captions, or cut by the top edge
            drawn.append((label, pixels))
        return drawn

    def _draw(self, painter: QPainter, label: ArtLabel, pixels: float) -> None:
        at = self.mapFromScene(QPointF(label.x, label.y))
        paint_label(painter, label, QPointF(at), pixels, self.viewport().width())

    def _draw_side_captions(self, painter: QPainter, body: float) -> None:
        font = QFont(QApplication.font())
        font.setPixelSize(round(body))
        painter.setFont(font)
        ink = next(
            (lb.colour for lb in self.labels if lb.text == SIDE_CAPTIONS[0]), palette.MAP_INK
        )
        painter.setPen(QColor(ink))
        metrics = QFontMetricsF(font)
        left, right = (QCoreApplication.translate("SpineView", c) for c in SIDE_CAPTIONS)
        top = metrics.ascent() + 2
        painter.drawText(QPointF(4, top), left)
        width = self.viewport().width()
        painter.drawText(QPointF(width - metrics.horizontalAdvance(right) - 4, top), right)

    # --- the large window -----------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.enlarged:
            self.enlarge()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def enlarge(self) -> SpineDialog:
        """Open (or raise) the whole diagram in a large window, with the same highlight."""
        if self._dialog is None:
            self._dialog = SpineDialog(self)
        self._dialog.view.set_highlight(self._roots, self._discs)
        self._dialog.show()
        self._dialog.raise_()
        return self._dialog

    def focus_on_root(self, root: str | None, margin: float = ROW_MARGIN) -> None:
        """Fit the rows of ``root`` (its nerve on both sides, its vertebra and the discs
        next to it), across the whole width; None, or a root not drawn: the whole diagram."""
        diagram = self._diagram
        boxes = [s.bbox for (_side, name), s in diagram.roots.items() if name == root]
        vertebra = diagram.vertebrae.get(root or "")
        if vertebra is not None:
            boxes.append(vertebra.bbox)
        if not boxes:
            self._focus = None
        else:
            top = max(0.0, min(b[1] for b in boxes) - margin)
            bottom = min(diagram.height, max(b[3] for b in boxes) + margin)
            self._focus = QRectF(0.0, top, diagram.width, bottom - top)
        self._fit()

    def highlighted(self) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
        return self._roots, self._discs

    def set_highlight(self, roots: Iterable[tuple[str, str]], discs: Iterable[str]) -> None:
        """Highlight roots given as (side, root), e.g. ("left", "L5"), and disc levels."""
        new_roots, new_discs = frozenset(roots), frozenset(discs)
        for key in self._roots ^ new_roots:
            item = self.root_items.get(key)
            if item is not None:
                on = key in new_roots
                item.setBrush(brushes.highlight_brush() if on else QBrush(Qt.BrushStyle.NoBrush))
                item.setPen(brushes.highlight_pen() if on else QPen(Qt.PenStyle.NoPen))
        for level in self._discs ^ new_discs:
            item = self.disc_items.get(level)
            if item is not None:
                on = level in new_discs
                pen = QPen(DISC_OUTLINE, 2.0)
                pen.setCosmetic(True)
                item.setBrush(QBrush(DISC_FILL) if on else QBrush(Qt.BrushStyle.NoBrush))
                item.setPen(pen if on else QPen(Qt.PenStyle.NoPen))
        changed = (new_roots, new_discs) != (self._roots, self._discs)
        self._roots, self._discs = new_roots, new_discs
        if changed:
            self._fit()
            if self._dialog is not None and self._dialog.isVisible():
                self._dialog.view.set_highlight(new_roots, new_discs)


def _close_up_label(label: ArtLabel) -> bool:
    """The lettering of the close-up: level, root and disc names (the sides are captions)."""
    return label.group == "labels" and len(label.text) <= 5 and label.text not in ("L", "R")


class SpineDialog(QDialog):
    """The whole spine diagram, large: most of the screen's height."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lumbar spine, viewed from behind"))
        self.setObjectName("spine_dialog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = SpineView(self, enlarged=True)
        layout.addWidget(self.view)
        screen = parent.screen() if parent is not None else None
        height = int(screen.availableGeometry().height() * 0.85) if screen else 900
        self.resize(int(height * 800 / 1060), height)
