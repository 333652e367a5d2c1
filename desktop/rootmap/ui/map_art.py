"""A map's artwork as a view shows it: every top-level group but the page ``title``.

The app names each map in a caption above it, so the SVG's own title (``<g id="title">``)
is left out, and the view fits the anatomy and its R/L labels, not the page:
``load_art`` returns the renderer, the union of the kept groups' bounds plus a small
margin, the title's lines (the caption's tooltip: they say which foot is which) and the
``labels`` group's texts, which the view draws itself at a readable size. An SVG without
a ``title`` group is drawn whole (its titles may still sit in ``labels``, which the fit
then includes). The SVG without its title and label texts, and the texts, were read out
with the geometry (``rootmap.maps.lettering``), so nothing here parses XML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, QObject, QRectF
from PySide6.QtSvg import QSvgRenderer

from rootmap.maps.lettering import LABELS_GROUP, TITLE_GROUP
from rootmap.ui.art_labels import ArtLabel, scene_rect

if TYPE_CHECKING:
    from rootmap.maps import MapView

MARGIN = 0.02  # of the content's larger side, on each side


class Art(NamedTuple):
    renderer: QSvgRenderer
    content: QRectF  # what "fit" shows, in scene (viewBox) units
    title_lines: tuple[str, ...]  # the page title the art no longer draws
    labels: tuple[ArtLabel, ...]  # the labels group's texts, drawn by the view


def load_art(geometry: MapView, parent: QObject | None) -> Art:
    """The renderer for the art without its title group and label texts, the rectangle
    to fit, the title's lines and the labels."""
    labels = tuple(t for t in geometry.texts if t.group == LABELS_GROUP)
    lines = tuple(t.text for t in geometry.texts if t.group == TITLE_GROUP and t.text)
    if geometry.art_svg is not None:
        renderer = QSvgRenderer(QByteArray(geometry.art_svg.encode("utf-8")), parent)
    else:
        renderer = QSvgRenderer(str(geometry.svg_file), parent)
    if not renderer.isValid():
        raise ValueError(f"{geometry.svg_file.name} is not a valid SVG drawing")
    bounds = QRectF()
    for group_id in (g for g in geometry.art_groups if g != TITLE_GROUP):
        rect = renderer.transformForElement(group_id).mapRect(renderer.boundsOnElement(group_id))
        if rect.isValid():
            bounds = bounds.united(rect) if bounds.isValid() else rect
    for label in labels:
        rect = scene_rect(label)
        bounds = bounds.united(rect) if bounds.isValid() else rect
    if not bounds.isValid():
        bounds = renderer.viewBoxF()
    margin = MARGIN * max(bounds.width(), bounds.height())
    content = bounds.adjusted(-margin, -margin, margin, margin)
    return Art(renderer, content, lines, labels)
