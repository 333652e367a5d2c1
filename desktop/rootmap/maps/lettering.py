"""The lettering of a map SVG, read out once and baked with its geometry (no Qt).

The app captions each map itself, so a view draws the art without the page's title
(``<g id="title">``), and it draws the ``labels`` group's texts (R, L, "patient's
right"...) at a size that stays readable instead of scaling them down with the art.
``read_lettering`` gives every ``<text>`` of the drawing with its place and style and,
for a drawing with a title or labels, the art's SVG without them. It runs when the
geometry is extracted (``rootmap.maps.extract_geometry``), so a start-up neither parses
nor rewrites an SVG for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rootmap import palette

SVG_NS = "http://www.w3.org/2000/svg"
TITLE_GROUP = "title"
LABELS_GROUP = "labels"


@dataclass(frozen=True)
class MapText:
    """One ``<text>``: its words, the baseline anchor and size in the SVG's units."""

    text: str
    x: float
    y: float  # the baseline
    size: float  # font size
    bold: bool
    italic: bool
    anchor: str  # "start", "middle" or "end"
    colour: str
    group: str  # the top-level group it is in, e.g. "labels" or "title"


def read_lettering(data: bytes, with_art: bool = True) -> dict[str, Any]:
    """``{"groups": [...], "texts": [...], "art": svg text or None}``: the ids of the
    top-level groups, every text of every group in the document's order (as ``MapText``
    fields), and the SVG without the title group and without the labels group's texts
    (None when there is neither, or without ``with_art``: the spine draws its groups
    from the SVG itself)."""
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.fromstring(data)
    groups = [child for child in root if _is(child, "g") and child.get("id")]
    texts = [
        _text_fields(text, str(group.get("id")))
        for group in groups
        for text in group.iter()
        if _is(text, "text")
    ]
    stripped = False
    for group in groups:
        if group.get("id") == TITLE_GROUP:
            root.remove(group)
            stripped = True
        elif group.get("id") == LABELS_GROUP:
            for parent in list(group.iter()):
                for child in [c for c in parent if _is(c, "text")]:
                    parent.remove(child)
                    stripped = True
    art = None
    if stripped and with_art:
        ElementTree.register_namespace("", SVG_NS)
        art = ElementTree.tostring(root, encoding="unicode")
    ids = [str(group.get("id")) for group in groups]
    return {"groups": ids, "texts": texts, "art": art}


def map_texts(lettering: dict[str, Any] | None) -> tuple[MapText, ...]:
    """The texts of ``read_lettering``'s result (none for a geometry without lettering)."""
    return tuple(MapText(**fields) for fields in (lettering or {}).get("texts", ()))


def _is(element: Any, tag: str) -> bool:
    return bool(element.tag in (tag, f"{{{SVG_NS}}}{tag}"))


def _text_fields(text: Any, group: str) -> dict[str, Any]:
    return {
        "text": " ".join("".join(text.itertext()).split()),
        "x": float(text.get("x", "0")),
        "y": float(text.get("y", "0")),
        "size": float(text.get("font-size", "15")),
        "bold": text.get("font-weight") == "bold",
        "italic": text.get("font-style") == "italic",
        "anchor": text.get("text-anchor", "start"),
        "colour": text.get("fill", palette.MAP_INK),
        "group": group,
    }
