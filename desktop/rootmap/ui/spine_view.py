"""The lumbar spine diagram: the implicated root(s) and the candidate disc levels.

Art from ``assets/maps/spine.svg`` (``rootmap.maps.load_spine``); one path item per
root and per disc, restyled (never rebuilt) when the analysis changes. Roots use the
dermatome highlight's bluish green; candidate discs a yellow fill with a dark outline.

``focus_on_root("L5")`` fits the view to that root's rows (the whole width, with the
level labels on both sides) so its lettering reads from afar: the teaching explorer
does this in presentation mode. ``focus_on_root(None)`` shows the whole diagram again.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from rootmap import palette
from rootmap.qtgui.painting import painter_path
from rootmap.ui import brushes

DISC_FILL = QColor(palette.OKABE_ITO["yellow"])
DISC_OUTLINE = QColor("#5C4B00")
ROW_MARGIN = 40.0  # scene units above and below a focused root's rows


def _item(commands: Iterable[tuple[object, ...]], scene: QGraphicsScene) -> QGraphicsPathItem:
    item = QGraphicsPathItem(painter_path(commands))
    item.setPen(QPen(Qt.PenStyle.NoPen))
    item.setBrush(QBrush(Qt.BrushStyle.NoBrush))
    item.setZValue(1)
    scene.addItem(item)
    return item


class SpineView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from rootmap.maps import load_spine

        diagram = load_spine()
        self.setObjectName("spine_view")
        self.setScene(QGraphicsScene(0, 0, diagram.width, diagram.height, self))
        self.renderer = QSvgRenderer(str(diagram.svg_file), self)
        art = QGraphicsSvgItem()
        art.setSharedRenderer(self.renderer)
        art.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.scene().addItem(art)
        self.root_items = {key: _item(s.commands, self.scene()) for key, s in diagram.roots.items()}
        self.disc_items = {key: _item(s.commands, self.scene()) for key, s in diagram.discs.items()}
        self._diagram = diagram
        self._content = QRectF(self.sceneRect())
        self._focus: QRectF | None = None
        self._roots: frozenset[tuple[str, str]] = frozenset()
        self._discs: frozenset[str] = frozenset()
        self.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setToolTip("Lumbar spine: implicated root (green), candidate disc level (yellow)")

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def _fit(self) -> None:
        self.fitInView(self._focus or self._content, Qt.AspectRatioMode.KeepAspectRatio)

    def shown_rect(self) -> QRectF:
        """The part of the diagram the view fits: the whole, or the focused root's rows."""
        return QRectF(self._focus or self._content)

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
        self._roots, self._discs = new_roots, new_discs
