"""Extent: how much of the drawn body surface is marked, per kind and in all, in percent.

As pain-drawing studies report it (the marked area over the area of the body chart).
The surface and each region's share of it are baked from the maps into
``surface_areas`` (see ``rootmap.maps.surface``): the engine reads no files. Every mark
counts, including one marked "not due to a root": it is still drawn. A region marked
with two kinds counts once in ``all``.
"""

from __future__ import annotations

import math

from rootmap.analysis import Extent
from rootmap.encounter import FINDING_KINDS, Encounter
from rootmap.engine.surface_areas import SURFACE_PERCENT


def region_share(key: str) -> float:
    """``side.region`` -> percent of the drawn surface (0 for a key the maps do not draw)."""
    return SURFACE_PERCENT.get(key, 0.0)


def extent_of(encounter: Encounter) -> Extent:
    by_kind: dict[str, set[str]] = {kind: set() for kind in FINDING_KINDS}
    for finding in encounter.findings:
        by_kind[finding.kind].add(finding.key)
    marked = set().union(*by_kind.values())
    return Extent(
        all=_percent(marked),
        by_kind={kind: _percent(keys) for kind, keys in by_kind.items()},
    )


def _percent(keys: set[str]) -> float:
    return min(100.0, math.fsum(region_share(key) for key in sorted(keys)))
