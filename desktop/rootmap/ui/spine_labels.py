"""The spine diagram's lettering, read from ``assets/maps/spine.svg`` and drawn by the
view at a readable size (never below the app's body text), not scaled down with the art.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class SpineLabel:
    text: str
    x: float
    y: float  # the baseline, in scene units
    size: float  # the SVG's font size, in scene units
    bold: bool
    italic: bool
    anchor: str  # "start", "middle" or "end"
    colour: str
    group: str  # "labels" (levels, roots, discs, sides) or "title" (title and notes)


@cache
def spine_labels(svg_file: Path) -> tuple[SpineLabel, ...]:
    """Every text of the diagram, in the SVG's order."""
    labels = []
    for group in ET.parse(svg_file).getroot().iter(f"{SVG}g"):
        for text in group.iter(f"{SVG}text"):
            labels.append(
                SpineLabel(
                    text="".join(text.itertext()).strip(),
                    x=float(text.get("x", "0")),
                    y=float(text.get("y", "0")),
                    size=float(text.get("font-size", "15")),
                    bold=text.get("font-weight") == "bold",
                    italic=text.get("font-style") == "italic",
                    anchor=text.get("text-anchor", "start"),
                    colour=text.get("fill", "#000000"),
                    group=group.get("id", ""),
                )
            )
    return tuple(labels)
