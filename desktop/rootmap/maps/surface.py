"""The drawn body surface: each region's share of it, for pain-drawing extent. No Qt.

The surface is what pain-drawing studies measure on a front and a back body chart
(the projected areas of the ``body_front`` and ``body_back`` views, in the same
units: both views are drawn at one scale), with the feet counted once:

- every region path of ``body_front`` and ``body_back`` counts with its projected
  area (a region seen in both views, e.g. the medial thigh, counts in each);
- the top of the foot and the heel are already on those views; the **sole**, which
  neither view shows, is added once per foot: it is given the area of that foot's
  dorsum on ``body_front`` (a foot's outline from above and from below is the same
  size), shared among the sole's regions that no body view shows in proportion to
  their areas on ``foot_plantar`` (the heel's share stays with ``body_back``);
- the zoomed foot views (``foot_dorsal``, ``foot_medial``, ``foot_lateral``) add
  nothing: they show skin that the above already counts;
- a region's left and right areas are averaged (the art is drawn by hand and differs by
  a fraction of a percent between sides), so that a mirrored drawing has the same extent.

``surface_percent()`` gives ``side.region`` -> percent of that surface (they sum to
100). The engine does not read maps: ``tools/bake_surface.py`` writes the table into
``rootmap/engine/surface_areas.py``, and a test checks that it matches the maps.
"""

from __future__ import annotations

from collections.abc import Sequence

from rootmap.maps import MapView, load_view
from rootmap.maps.geometry import Ring

BODY_VIEWS = ("body_front", "body_back")
SOLE_VIEW = "foot_plantar"
# The foot's dorsum as body_front draws it (toes included; the ankle is not foot).
DORSUM_REGIONS = frozenset(
    {
        "dorsum_medial",
        "dorsum_central",
        "dorsum_lateral",
        "first_web_space",
        "hallux_dorsal",
        "toes_dorsal",
        "little_toe",
    }
)


def ring_area(ring: Sequence[tuple[float, float]]) -> float:
    """Signed area of a closed polygon (shoelace)."""
    n = len(ring)
    twice = sum(ring[i][0] * ring[(i + 1) % n][1] - ring[(i + 1) % n][0] * ring[i][1]
                for i in range(n))  # fmt: skip
    return twice / 2


def path_area(rings: Sequence[Ring]) -> float:
    """The area a region path encloses (one ring per subpath; holes wound the other way)."""
    return abs(sum(ring_area(ring) for ring in rings))


def surface_areas(views: dict[str, MapView] | None = None) -> dict[str, float]:
    """``side.region`` -> area on the drawn surface, in body-view units squared."""
    shown = views or {name: load_view(name) for name in (*BODY_VIEWS, SOLE_VIEW)}
    areas: dict[str, float] = {}
    for name in BODY_VIEWS:
        for shape in shown[name].regions:
            areas[shape.key] = areas.get(shape.key, 0.0) + path_area(shape.rings)
    for side in ("left", "right"):
        dorsum = sum(
            path_area(shape.rings)
            for shape in shown["body_front"].regions
            if shape.side == side and shape.region in DORSUM_REGIONS
        )
        sole = [shape for shape in shown[SOLE_VIEW].regions if shape.side == side]
        whole = sum(path_area(shape.rings) for shape in sole)
        if not whole:
            continue
        for shape in sole:
            if shape.key not in areas:
                areas[shape.key] = dorsum * path_area(shape.rings) / whole
    return areas


def symmetric(areas: dict[str, float]) -> dict[str, float]:
    """Each left/right pair of a region given the mean of its two areas."""
    out = dict(areas)
    for key, area in areas.items():
        side, _, region = key.partition(".")
        other = {"left": "right", "right": "left"}.get(side)
        if other and f"{other}.{region}" in areas:
            out[key] = (area + areas[f"{other}.{region}"]) / 2
    return out


def surface_percent(views: dict[str, MapView] | None = None) -> dict[str, float]:
    """``side.region`` -> percent of the drawn surface (summing to 100), sorted by key."""
    areas = symmetric(surface_areas(views))
    total = sum(areas.values())
    return {key: 100 * areas[key] / total for key in sorted(areas)}
