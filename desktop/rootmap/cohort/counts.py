"""How often each region is marked, per kind, in each group of a cohort (the heat maps' data).

Memory stays flat however many encounters come in: counts are kept per group, kind and
region key (``side.region``), never per encounter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rootmap.cohort.analyse import FileResult

ANY = "any"  # the row of the heat map that counts a region marked with any kind
GROUPINGS = ("root", "condition", "none")
ALL = "all"
NO_ROOT = "no root"
NO_CONDITION = "no condition"


def group_of(result: FileResult, by: str) -> str:
    """The panel an encounter belongs to: its top root, its top condition, or all."""
    if by == "root":
        return result.top_root or NO_ROOT
    if by == "condition":
        return result.top_condition or NO_CONDITION
    return ALL


@dataclass
class HeatCounts:
    """Per group: how many encounters, and per kind (and ``any``) how many marked each region."""

    by: str = "none"
    encounters: Counter[str] = field(default_factory=Counter)
    marks: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)

    def add(self, result: FileResult) -> None:
        group = group_of(result, self.by)
        self.encounters[group] += 1
        kinds = self.marks.setdefault(group, {})
        marked_any: set[str] = set()
        for region, side, kind, _ in result.findings:
            key = f"{side}.{region}"
            kinds.setdefault(kind, Counter())[key] += 1
            marked_any.add(key)
        kinds.setdefault(ANY, Counter()).update(marked_any)

    def groups(self, limit: int | None = None) -> list[str]:
        """The groups, the largest first (ties by name), at most ``limit`` of them."""
        ordered = sorted(self.encounters, key=lambda g: (-self.encounters[g], g))
        return ordered[:limit] if limit is not None else ordered

    def share(self, group: str, kind: str, key: str) -> float:
        """The fraction (0-1) of the group's encounters that marked ``key`` with ``kind``."""
        total = self.encounters[group]
        if not total:
            return 0.0
        return self.marks.get(group, {}).get(kind, Counter())[key] / total
