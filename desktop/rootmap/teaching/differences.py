"""Where dermatome atlases disagree: regions whose primary roots differ between atlases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rootmap.knowledge import Knowledge


@dataclass(frozen=True)
class RegionDifference:
    """One region and the primary roots each atlas gives it (atlas id -> roots)."""

    region: str
    roots: tuple[tuple[str, tuple[str, ...]], ...]  # ((atlas id, primary roots), …)

    @property
    def label(self) -> str:
        """E.g. ``keegan1948: L5 · lee2008: L4, L5``."""
        return " · ".join(f"{atlas}: {_roots_text(roots)}" for atlas, roots in self.roots)


def _roots_text(roots: tuple[str, ...]) -> str:
    return ", ".join(roots) if roots else "none"


def _ordered(knowledge: Knowledge, roots: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(roots, key=lambda r: knowledge.roots[r].order))


def atlas_differences(
    knowledge: Knowledge, atlas_ids: Sequence[str] | None = None
) -> dict[str, RegionDifference]:
    """Region id -> its difference, for every region whose primary roots differ between atlases.

    ``atlas_ids`` defaults to every atlas in the knowledge, in their order.
    """
    ids = tuple(atlas_ids) if atlas_ids is not None else tuple(knowledge.atlases)
    for atlas_id in ids:
        if atlas_id not in knowledge.atlases:
            raise KeyError(f'unknown atlas "{atlas_id}"')
    differences: dict[str, RegionDifference] = {}
    for region in knowledge.regions:
        per_atlas = []
        for atlas_id in ids:
            entry = knowledge.atlases[atlas_id].entry(region)
            primary = entry.primary if entry is not None else ()
            per_atlas.append((atlas_id, _ordered(knowledge, primary)))
        if len({frozenset(roots) for _, roots in per_atlas}) > 1:
            differences[region] = RegionDifference(region, tuple(per_atlas))
    return differences
