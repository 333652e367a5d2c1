"""The teaching overlay: one layer of items over a map view's scene.

An ``OverlayLayer`` holds one ``RegionOverlay`` (a path item) per region of a view,
over the map art and under the clickable regions (``OVERLAY_Z``), in the scene's viewBox
units, so finding marks stay on top. It shows:

- ``show_atlas``: every region tinted with its root's colour and labelled (L4, L5 …);
- ``show_differences``: regions where the atlases disagree, shaded and labelled with
  each atlas's roots; the rest greyed;
- ``show_highlight``: one root's dermatome (or a case's pattern) in bluish green;
- ``show_targets``: invisible but clickable regions, for the quiz ("click the L5
  dermatome"); a click emits ``regionClicked(key)``.

Outside the quiz the layer lets clicks through to the map below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from rootmap import palette
from rootmap.knowledge import Atlas, Knowledge
from rootmap.qtgui.painting import painter_path
from rootmap.teaching.colours import (
    AGREEMENT_FILL,
    DIFFERENCE_FILL,
    DIFFERENCE_OUTLINE,
    LABEL_INK,
    NO_ROOT_TINT,
    root_tint,
)
from rootmap.teaching.differences import RegionDifference

OVERLAP_OUTLINE = palette.OVERLAP_OUTLINE  # a root's overlap territory: thin, light, dashed
OVERLAY_Z = 0.5  # over the map art (z 0), under the clickable regions and their marks (z 1)
KEY_POINT_RADIUS = 0.4  # the key sensory point's dot, as a fraction of the label size
LABEL_Z = 1.0  # within the layer: labels and key points over every region's fill
LABEL_FAMILY = "DejaVu Sans"
LABEL_PX = 15.0  # label type on screen, in pixels (presentation mode: grows with the screen)
MIN_LABEL = 0.6  # a label shrunk below 60 % of that to fit is left out (the tooltip tells)
FIT_HEIGHT, FIT_WIDTH = 0.9, 1.5  # how far a label may fill (or, halo'd, spill over) its region


def short_atlas_name(atlas_id: str) -> str:
    """``keegan1948`` -> ``Keegan``; ``lee2008`` -> ``Lee``."""
    letters = atlas_id.rstrip("0123456789_") or atlas_id
    return letters[:1].upper() + letters[1:]


def atlas_tags(atlas_ids: Iterable[str]) -> dict[str, str]:
    """Short tags for map labels: initials (``L``, ``K``) when they are unique, else names."""
    ids = list(atlas_ids)
    initials = {a: short_atlas_name(a)[:1] for a in ids}
    if len(set(initials.values())) == len(ids):
        return initials
    return {a: short_atlas_name(a) for a in ids}


def roots_label(roots: Iterable[str]) -> str:
    return "/".join(roots) or "–"


class HaloText(QGraphicsItem):
    """Text drawn dark on a white halo, centred on its position; legible on any fill."""

    def __init__(self, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.size = 0.0  # the type size, in scene units
        self._path = QPainterPath()
        self._halo = 1.0
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_text(self, text: str, pixel_size: float) -> None:
        self.prepareGeometryChange()
        self.text = text
        self.size = pixel_size
        font = QFont(LABEL_FAMILY)
        font.setPixelSize(max(1, round(pixel_size * 8)))  # drawn at 1/8 scale: smooth small text
        font.setBold(True)
        path = QPainterPath()
        lines = text.split("\n")
        line_height = pixel_size * 8 * 1.1
        for index, line in enumerate(lines):
            probe = QPainterPath()
            probe.addText(0, 0, font, line)
            width = probe.boundingRect().width()
            path.addText(-width / 2, index * line_height, font, line)
        box = path.boundingRect()
        path.translate(0, -box.center().y())
        self._path = QTransform.fromScale(1 / 8, 1 / 8).map(path)
        self._halo = max(pixel_size * 0.16, 0.4)

    def boundingRect(self) -> QRectF:
        pad = self._halo
        return self._path.boundingRect().adjusted(-pad, -pad, pad, pad)

    def scene_rect(self) -> QRectF:
        return self.mapRectToScene(self.boundingRect())

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        halo = QPen(QColor(palette.MAP_HALO), self._halo * 2)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.strokePath(self._path, halo)
        painter.fillPath(self._path, QColor(LABEL_INK))


class RegionOverlay(QGraphicsPathItem):
    """The overlay of one region of one view (``key`` like ``left.dorsum_central``)."""

    def __init__(
        self,
        key: str,
        region: str,
        path: QPainterPath,
        bbox: tuple[float, float, float, float],
        label_point: tuple[float, float],
        parent: QGraphicsItem,
    ) -> None:
        super().__init__(path, parent)
        self.key = key
        self.region = region
        self.bbox = bbox
        self.label_point = QPointF(*label_point)
        self.fill = ""  # the current fill colour, "" when unfilled (for tests and legends)
        # Labels and key points are the layer's children, above every region's fill:
        # a neighbouring region drawn later must not cover them.
        self.label = HaloText(parent)
        self.label.setZValue(LABEL_Z)
        self.label.setPos(self.label_point)
        self.label.setVisible(False)
        self.key_point = QGraphicsEllipseItem(parent)
        self.key_point.setZValue(LABEL_Z)
        ring = QPen(QColor(palette.MAP_HALO), 2.0)
        ring.setCosmetic(True)
        self.key_point.setPen(ring)
        self.key_point.setBrush(QBrush(QColor(palette.MAP_INK)))
        self.key_point.setVisible(False)
        self.key_point.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)

    def show_key_point(self, radius: float) -> None:
        """A black dot with a white ring at the label point: the ISNCSCI key sensory point."""
        self.key_point.setRect(
            self.label_point.x() - radius, self.label_point.y() - radius, 2 * radius, 2 * radius
        )
        self.key_point.setVisible(True)

    def set_fill(self, colour: str, alpha: int = 255) -> None:
        self.fill = colour
        brush = QBrush(Qt.BrushStyle.NoBrush)
        if colour:
            qcolour = QColor(colour)
            qcolour.setAlpha(alpha)
            brush = QBrush(qcolour)
        self.setBrush(brush)

    def set_outline(self, colour: str | None, width: float = 1.0, dashed: bool = False) -> None:
        if colour is None:
            self.setPen(QPen(Qt.PenStyle.NoPen))
            return
        layer = self.parentItem()
        scale = layer.line_scale if isinstance(layer, OverlayLayer) else 1.0
        pen = QPen(QColor(colour), width * scale)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)

    def set_label(self, text: str) -> None:
        """Set the label's text; ``OverlayLayer.place_labels`` sizes it and decides if it shows."""
        self.label.text = text
        self.label.setVisible(False)

    def fit_size(self, wanted: float) -> float:
        """The label's type size (scene units): ``wanted``, or smaller to fit the region."""
        xmin, ymin, xmax, ymax = self.bbox
        lines = self.label.text.split("\n")
        longest = max(len(line) for line in lines)
        room = min(
            (ymax - ymin) * FIT_HEIGHT / len(lines),
            (xmax - xmin) * FIT_WIDTH / (0.62 * max(longest, 2)),
        )
        return min(wanted, room)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        layer = self.parentItem()
        if isinstance(layer, OverlayLayer) and event.button() == Qt.MouseButton.LeftButton:
            layer.regionClicked.emit(self.key)
            event.accept()
            return
        super().mousePressEvent(event)


class OverlayLayer(QGraphicsObject):
    """The teaching overlay over one view's scene; add with ``OverlayLayer.attach``."""

    regionClicked = Signal(str)

    def __init__(self, view_name: str, shapes: Iterable[Any], parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.view_name = view_name
        self.setZValue(OVERLAY_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.mode = "off"
        self.line_scale = 1.0  # outline widths grow with the screen (presentation mode)
        self.label_px = LABEL_PX  # label type on screen, in pixels
        self.body_px = _body_pixels()  # no label is drawn smaller than the window's type
        self.zoom = 1.0  # screen pixels per scene unit (the view's scale)
        self.items: dict[str, RegionOverlay] = {}
        for shape in shapes:
            item = RegionOverlay(
                shape.key,
                shape.region,
                painter_path(shape.commands),
                shape.bbox,
                shape.label_point,
                self,
            )
            self.items[shape.key] = item
        self.clear()

    @classmethod
    def attach(cls, scene: QGraphicsScene, view_name: str, shapes: Iterable[Any]) -> OverlayLayer:
        layer = cls(view_name, shapes)
        scene.addItem(layer)
        return layer

    def boundingRect(self) -> QRectF:
        return self.childrenBoundingRect()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:  # type: ignore[no-untyped-def]
        return None

    # -- modes ---------------------------------------------------------------------------
    def clear(self) -> None:
        self.mode = "off"
        self._each(lambda item: self._blank(item))
        self.setVisible(False)

    def show_atlas(self, knowledge: Knowledge, atlas: Atlas) -> None:
        """Every region in its primary root's tint, labelled with its primary roots."""
        self.mode = "atlas"
        for item in self.items.values():
            self._blank(item)
            entry = atlas.entry(item.region)
            roots = entry.primary if entry else ()
            roots = tuple(sorted(roots, key=lambda r: knowledge.roots[r].order))
            if roots:
                item.setBrush(_split_brush(item, [root_tint(r) for r in roots]))
                item.fill = root_tint(roots[0])
            else:
                item.set_fill(NO_ROOT_TINT)
            item.set_outline(palette.OVERLAY_OUTLINE, 1.0)
            item.set_label(roots_label(roots) if roots else "")  # the face: tooltip only
            item.setToolTip(_atlas_tip(knowledge, atlas, item.region))
        self.place_labels()
        self.setVisible(True)

    def show_differences(
        self, knowledge: Knowledge, differences: Mapping[str, RegionDifference]
    ) -> None:
        """Disagreeing regions shaded and labelled with each atlas's roots; the rest greyed."""
        self.mode = "differences"
        for item in self.items.values():
            self._blank(item)
            difference = differences.get(item.region)
            name = knowledge.regions[item.region].name if item.region in knowledge.regions else ""
            if difference is None:
                item.set_fill(AGREEMENT_FILL, 200)
                item.set_outline(palette.AGREEMENT_OUTLINE, 1.0)
                item.setToolTip(f"{name}: the atlases agree")
                continue
            item.set_fill(DIFFERENCE_FILL)
            item.set_outline(DIFFERENCE_OUTLINE, 2.0)
            tags = atlas_tags([a for a, _ in difference.roots])
            lines = [f"{tags[a]}: {roots_label(r)}" for a, r in difference.roots]
            item.set_label("\n".join(lines))
            said = " · ".join(
                f"{knowledge.atlas(a).authors}: {', '.join(r) or 'none'}"
                for a, r in difference.roots
            )
            item.setToolTip(f"{name}: {said}")
        self.place_labels()
        self.setVisible(True)

    def show_highlight(
        self,
        primary: Callable[[RegionOverlay], bool],
        overlap: Callable[[RegionOverlay], bool] = lambda item: False,
        label: str = "",
        key_point_region: str | None = None,
    ) -> None:
        """Bluish-green fill and strong outline where ``primary``; dashed where ``overlap``."""
        self.mode = "highlight"
        for item in self.items.values():
            self._blank(item)
            if primary(item):
                item.set_fill(palette.HIGHLIGHT_COLOR, 110)
                item.set_outline(palette.HIGHLIGHT_COLOR, palette.HIGHLIGHT_OUTLINE_WIDTH)
                item.set_label(label)
            elif overlap(item):
                item.set_outline(OVERLAP_OUTLINE, 1.0, dashed=True)
            if key_point_region is not None and item.region == key_point_region:
                item.set_outline(palette.KEY_POINT_OUTLINE, palette.HIGHLIGHT_OUTLINE_WIDTH + 1)
                item.set_label("")  # the dot sits where the label would: the dot wins
                item.show_key_point(self.label_size() * KEY_POINT_RADIUS)
        self.place_labels()
        self.setVisible(True)

    def show_targets(self) -> None:
        """Invisible, clickable regions (quiz): a click emits ``regionClicked``."""
        self.mode = "targets"
        for item in self.items.values():
            self._blank(item)
            item.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
            item.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setVisible(True)

    def mark_answer(self, key: str, colour: str) -> None:
        """Outline the region a student clicked (quiz feedback)."""
        item = self.items.get(key)
        if item is not None:
            item.set_outline(colour, palette.HIGHLIGHT_OUTLINE_WIDTH + 1)

    # -- labels --------------------------------------------------------------------------
    def label_size(self) -> float:
        """The label type size in scene units: ``label_px`` on screen at the view's zoom."""
        return self.label_px / max(self.zoom, 1e-6)

    def set_zoom(self, zoom: float) -> None:
        """The view's scale changed (resize, zoom): re-size and re-place the labels."""
        if zoom > 0 and abs(zoom - self.zoom) > 1e-6 * zoom:
            self.zoom = zoom
            self.place_labels()

    def place_labels(self) -> None:
        """Size every label to the screen and show those that fit without overlapping.

        Larger regions' labels are placed first; a label that would collide with one
        already placed shrinks (down to ``MIN_LABEL`` of the full size) or is left out.
        The region's colour, the legend and its tooltip still tell what it is.
        """
        wanted = self.label_size()
        body = self.body_px / max(self.zoom, 1e-6)  # the body type, in scene units
        smallest = max(MIN_LABEL * wanted, min(wanted, body))
        for item in self.items.values():
            if item.key_point.isVisible():
                item.show_key_point(wanted * KEY_POINT_RADIUS)
        labelled = [item for item in self.items.values() if item.label.text]
        labelled.sort(key=lambda item: (-item.fit_size(wanted), -_area(item.bbox), item.key))
        placed: list[QRectF] = []
        for item in labelled:
            size = item.fit_size(wanted)
            shown = False
            while size >= smallest - 1e-9:
                item.label.set_text(item.label.text, size)
                rect = item.label.scene_rect()
                if not any(rect.intersects(other) for other in placed):
                    placed.append(rect)
                    shown = True
                    break
                size *= 0.85
            item.label.setVisible(shown)

    def shown_labels(self) -> list[RegionOverlay]:
        return [item for item in self.items.values() if item.label.isVisible()]

    # -- helpers -------------------------------------------------------------------------
    def _each(self, action: Callable[[RegionOverlay], None]) -> None:
        for item in self.items.values():
            action(item)

    @staticmethod
    def _blank(item: RegionOverlay) -> None:
        item.set_fill("")
        item.set_outline(None)
        item.set_label("")
        item.key_point.setVisible(False)
        item.setToolTip("")
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.unsetCursor()


def _area(bbox: tuple[float, float, float, float]) -> float:
    return (bbox[2] - bbox[0]) * (bbox[3] - bbox[1])


def _split_brush(item: RegionOverlay, colours: list[str]) -> QBrush:
    """One colour, or vertical bands of each colour (a region two roots share)."""
    if len(colours) == 1:
        return QBrush(QColor(colours[0]))
    xmin, _, xmax, _ = item.bbox
    gradient = QLinearGradient(xmin, 0, xmax, 0)
    step = 1 / len(colours)
    for index, colour in enumerate(colours):
        gradient.setColorAt(index * step, QColor(colour))
        gradient.setColorAt(min((index + 1) * step - 1e-3, 1.0), QColor(colour))
    return QBrush(gradient)


def _body_pixels() -> float:
    """The application's body type, in pixels (the window's, before presentation mode)."""
    from PySide6.QtGui import QFontInfo
    from PySide6.QtWidgets import QApplication

    return float(QFontInfo(QApplication.font()).pixelSize())


def _atlas_tip(knowledge: Knowledge, atlas: Atlas, region: str) -> str:
    entry = atlas.entry(region)
    name = knowledge.regions[region].name if region in knowledge.regions else region
    if entry is None:
        return name
    text = f"{name} — {atlas.authors}: {roots_label(entry.primary)}"
    if entry.overlap:
        text += f" (overlap {', '.join(entry.overlap)})"
    if entry.note:
        text += f"; {entry.note}"
    return text
