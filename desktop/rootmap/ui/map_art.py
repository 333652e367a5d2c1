"""A map's artwork as a view shows it: every top-level group but the page ``title``.

The app names each map in a caption above it, so the SVG's own title (``<g id="title">``)
is left out, and the view fits the anatomy and its R/L labels, not the page:
``load_art`` returns the renderer, the union of the kept groups' bounds plus a small
margin, and the title's lines (the caption's tooltip: they say which foot is which).
An SVG without a ``title`` group is drawn whole (its titles may still sit in ``labels``,
which the fit then includes).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from PySide6.QtCore import QByteArray, QObject, QRectF
from PySide6.QtSvg import QSvgRenderer

from rootmap.ui.art_labels import ArtLabel, labels_in

SVG_NS = "http://www.w3.org/2000/svg"
TITLE_GROUP = "title"
LABELS_GROUP = "labels"
MARGIN = 0.02  # of the content's larger side, on each side


class Art(NamedTuple):
    renderer: QSvgRenderer
    content: QRectF  # what "fit" shows, in scene (viewBox) units
    title_lines: tuple[str, ...]  # the page title the art no longer draws


def top_level_groups(root: ElementTree.Element) -> list[ElementTree.Element]:
    return [child for child in root if child.tag in ("g", f"{{{SVG_NS}}}g") and child.get("id")]


def load_art(
    svg_file: Path, parent: QObject | None, labels_out: list[ArtLabel] | None = None
) -> Art:
    """The renderer for the art without its title group, the rectangle to fit, the title.

    With ``labels_out``, the texts of the ``labels`` group (R, L, "patient's right"...)
    are left out of the art too and added to that list: the view draws them at a size
    that stays readable (``rootmap.ui.art_labels``). The fit still makes room for them."""
    data = Path(svg_file).read_bytes()
    root = ElementTree.fromstring(data)
    groups = top_level_groups(root)
    kept = [g for g in groups if g.get("id") != TITLE_GROUP]
    lines: list[str] = []
    lettering: list[ArtLabel] = []
    if labels_out is not None:
        for group in (g for g in kept if g.get("id") == LABELS_GROUP):
            lettering += labels_in([group])
            for parent_element in list(group.iter()):
                for child in list(parent_element):
                    if child.tag in ("text", f"{{{SVG_NS}}}text"):
                        parent_element.remove(child)
        labels_out += lettering
    if len(kept) < len(groups) or lettering:
        for group in groups:
            if group.get("id") == TITLE_GROUP:
                root.remove(group)
                texts = [t for t in group.iter() if t.tag in ("text", f"{{{SVG_NS}}}text")]
                lines += [" ".join("".join(t.itertext()).split()) for t in texts]
        ElementTree.register_namespace("", SVG_NS)
        data = ElementTree.tostring(root, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(data), parent)
    if not renderer.isValid():
        raise ValueError(f"{Path(svg_file).name} is not a valid SVG drawing")
    bounds = QRectF()
    for group in kept:
        group_id = str(group.get("id"))
        rect = renderer.transformForElement(group_id).mapRect(renderer.boundsOnElement(group_id))
        if rect.isValid():
            bounds = bounds.united(rect) if bounds.isValid() else rect
    for label in lettering:
        rect = label.scene_rect()
        bounds = bounds.united(rect) if bounds.isValid() else rect
    if not bounds.isValid():
        bounds = renderer.viewBoxF()
    margin = MARGIN * max(bounds.width(), bounds.height())
    content = bounds.adjusted(-margin, -margin, margin, margin)
    return Art(renderer, content, tuple(line for line in lines if line))
