"""Map geometry: the clickable regions of each SVG view, hit-testing, bounds, label points.

No Qt. Regions are read from ``assets/maps/<view>.svg`` (``<g id="regions">``, one closed
path per ``<side>.<region>``) with svgelements, transforms applied; the UI turns
``RegionShape.commands`` into a ``QPainterPath`` with the winding (nonzero) fill rule.
Extracted geometry is cached per SVG content (see ``rootmap.maps.diskcache``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from rootmap.maps import diskcache
from rootmap.maps.geometry import BBox, Command, Point, Ring, bbox, contains, interior_point
from rootmap.maps.geometry import rings as flatten
from rootmap.maps.lettering import MapText, map_texts, read_lettering
from rootmap.maps.svgfile import MapFileError, read_groups
from rootmap.resources import asset_path

__all__ = [
    "SIDES",
    "VIEW_NAMES",
    "MapFileError",
    "MapText",
    "MapView",
    "RegionShape",
    "SpineDiagram",
    "load_spine",
    "load_view",
]

VIEW_NAMES = (
    "body_front",
    "body_back",
    "foot_dorsal",
    "foot_plantar",
    "foot_medial",
    "foot_lateral",
)
SIDES = ("left", "right", "midline")
REGION_GROUPS = ("regions",)
SPINE_GROUPS = ("vertebrae", "discs", "roots")


@dataclass(frozen=True)
class RegionShape:
    """One clickable shape: ``key`` is its SVG id, e.g. ``left.dorsum_central``."""

    key: str
    side: str
    region: str
    commands: tuple[Command, ...]
    bbox: BBox
    label_point: Point

    @cached_property
    def rings(self) -> tuple[Ring, ...]:
        """The polygons that approximate the shape (flattened on first use: a window
        start-up draws the shapes with Qt and never needs them)."""
        return flatten(self.commands)

    def contains(self, x: float, y: float) -> bool:
        return contains(self.rings, self.bbox, x, y)


@dataclass(frozen=True)
class MapView:
    """One map view: its size, its SVG, its clickable regions and its lettering."""

    name: str
    title: str
    width: float
    height: float
    svg_file: Path
    regions: tuple[RegionShape, ...]
    texts: tuple[MapText, ...] = ()  # every <text>: the views draw the labels group's
    art_svg: str | None = None  # the SVG without its title and label texts (None: as is)
    art_groups: tuple[str, ...] = ()  # the ids of the SVG's top-level groups

    def region(self, key: str) -> RegionShape | None:
        return next((shape for shape in self.regions if shape.key == key), None)

    def shapes_of(self, region_id: str) -> tuple[RegionShape, ...]:
        return tuple(shape for shape in self.regions if shape.region == region_id)

    def hit_test(self, x: float, y: float) -> RegionShape | None:
        """The region under (x, y) in view units, or None outside the body."""
        for shape in reversed(self.regions):  # topmost first, as drawn
            if shape.contains(x, y):
                return shape
        return None


@dataclass(frozen=True)
class SpineDiagram:
    """The lumbar spine diagram: its vertebrae, discs and roots by name."""

    width: float
    height: float
    svg_file: Path
    vertebrae: dict[str, RegionShape]  # "L4"
    discs: dict[str, RegionShape]  # "L4-L5"
    roots: dict[tuple[str, str], RegionShape]  # ("left", "L5")
    texts: tuple[MapText, ...] = ()  # every <text> of the diagram, in the SVG's order


def _extract(svg_file: Path, groups: tuple[str, ...]) -> dict[str, Any]:
    """Geometry of the named groups, from the cache when the SVG is unchanged."""
    try:
        data = svg_file.read_bytes()
    except OSError as error:
        raise MapFileError(f"{svg_file.name}: cannot read the map ({error.strerror})") from error
    places = (
        (diskcache.baked_file(svg_file, data), None),
        (diskcache.cache_file(svg_file, data), data),
    )
    for place, source in places:  # the user's cache verifies against the SVG's bytes
        cached = diskcache.read(place, source)
        if cached is not None and tuple(cached.get("group_names", ())) == groups:
            return cached
    extracted = extract_geometry(svg_file, groups)
    diskcache.write(diskcache.cache_file(svg_file, data), extracted, source=data)
    return extracted


def extract_geometry(
    svg_file: Path, groups: tuple[str, ...], cache_to: Path | None = None
) -> dict[str, Any]:
    """Parse the SVG with svgelements (slow: label points) and optionally cache the result."""
    raw = read_groups(svg_file, groups)
    extracted: dict[str, Any] = {
        "width": raw["width"],
        "height": raw["height"],
        "title": raw["title"],
        "group_names": list(groups),
        "groups": {},
        "lettering": read_lettering(svg_file.read_bytes(), with_art="regions" in groups),
    }
    for name, items in raw["groups"].items():
        shapes = []
        for key, commands in items:
            path_rings = flatten(commands)
            if not path_rings:
                raise MapFileError(f"{svg_file.name}: path {key or '(no id)'} encloses no area")
            shapes.append(
                {
                    "key": key,
                    "commands": [list(c) for c in commands],
                    "bbox": list(bbox(path_rings)),
                    "label_point": list(interior_point(path_rings)),
                }
            )
        extracted["groups"][name] = shapes
    if cache_to is not None:
        diskcache.write(cache_to, extracted)
    return extracted


def _shape(item: dict[str, Any], side: str, region: str) -> RegionShape:
    commands = tuple((c[0], *c[1:]) for c in item["commands"])
    return RegionShape(
        key=item["key"],
        side=side,
        region=region,
        commands=commands,
        bbox=tuple(item["bbox"]),
        label_point=tuple(item["label_point"]),
    )


def read_view(name: str, svg_file: Path) -> MapView:
    """A view read from any SVG file (``load_view`` reads the bundled ones)."""
    data = _extract(svg_file, REGION_GROUPS)
    lettering = data.get("lettering") or {}
    shapes = []
    for item in data["groups"]["regions"]:
        side, _, region = item["key"].partition(".")
        if side not in SIDES or not region:
            raise MapFileError(
                f"{svg_file.name}: region path id {item['key']!r} is not <side>.<region> "
                f"(side is one of {', '.join(SIDES)})"
            )
        shapes.append(_shape(item, side, region))
    return MapView(
        name=name,
        title=data["title"] or name.replace("_", " "),
        width=data["width"],
        height=data["height"],
        svg_file=svg_file,
        regions=tuple(shapes),
        texts=map_texts(lettering),
        art_svg=lettering.get("art"),
        art_groups=tuple(lettering.get("groups", ())),
    )


@cache
def load_view(name: str) -> MapView:
    """The named view (one of VIEW_NAMES) from the bundled assets; cached."""
    if name not in VIEW_NAMES:
        raise ValueError(f"unknown map view {name!r} (known: {', '.join(VIEW_NAMES)})")
    return read_view(name, asset_path("maps", f"{name}.svg"))


def read_spine(svg_file: Path) -> SpineDiagram:
    data = _extract(svg_file, SPINE_GROUPS)
    groups = data["groups"]
    vertebrae: dict[str, RegionShape] = {}
    discs: dict[str, RegionShape] = {}
    roots: dict[tuple[str, str], RegionShape] = {}
    for item in groups["vertebrae"]:
        level = item["key"].removeprefix("vertebra.")
        vertebrae[level] = _shape(item, "midline", level)
    for item in groups["discs"]:
        level = item["key"].removeprefix("disc.")
        discs[level] = _shape(item, "midline", level)
    for item in groups["roots"]:
        parts = item["key"].split(".")
        if len(parts) != 3 or parts[0] != "root" or parts[1] not in ("left", "right"):
            raise MapFileError(
                f"{svg_file.name}: root path id {item['key']!r} is not root.<side>.<root>"
            )
        roots[(parts[1], parts[2])] = _shape(item, parts[1], parts[2])
    return SpineDiagram(
        width=data["width"],
        height=data["height"],
        svg_file=svg_file,
        vertebrae=vertebrae,
        discs=discs,
        roots=roots,
        texts=map_texts(data.get("lettering")),
    )


@cache
def load_spine() -> SpineDiagram:
    """The lumbar spine diagram (``assets/maps/spine.svg``); cached."""
    return read_spine(asset_path("maps", "spine.svg"))
