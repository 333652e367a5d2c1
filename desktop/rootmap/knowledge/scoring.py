"""The engine's scoring weights as data (``assets/knowledge/scoring.toml``), and their schema.

Every number the root engine weighs with, and every group of regions it names, is read
from the knowledge so that a clinician can review and tune it without reading code. Each
carries a ``source`` (an id in ``sources.toml``), a ``rationale`` in words, or both; the
loader refuses unknown keys, a missing rationale and values outside the ranges below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

# key -> (lowest, highest, whole number): the values a clinician may set.
PARAMETERS: dict[str, tuple[float, float, bool]] = {
    "finding.kind.numbness": (0.05, 3.0, False),
    "finding.kind.tingling": (0.05, 3.0, False),
    "finding.kind.burning": (0.05, 3.0, False),
    "finding.kind.pain": (0.05, 3.0, False),
    "finding.intensity_step": (0.0, 0.1, False),
    "finding.atlas_primary": (0.05, 3.0, False),
    "finding.atlas_overlap": (0.0, 3.0, False),
    "finding.axial_pain_factor": (0.0, 1.0, False),
    "finding.stocking_factor": (0.0, 1.0, False),
    "finding.pain_knee": (0.1, 10.0, False),
    "finding.pain_cap": (0.1, 10.0, False),
    "sign.mrc_weak": (0.05, 3.0, False),
    "sign.mrc_span": (0.0, 3.0, False),
    "sign.reflex_absent": (0.05, 3.0, False),
    "sign.reflex_reduced": (0.05, 3.0, False),
    "sign.walk_impaired": (0.05, 3.0, False),
    "sign.foot_drop_present": (0.05, 3.0, False),
    "sign.tension_positive": (0.0, 3.0, False),
    "sign.normal_key_sign": (-3.0, 0.0, False),
    "root.scale": (0.5, 20.0, False),
    "root.min_total": (0.0, 5.0, False),
    "level.leading_share": (0.0, 1.0, False),
    "level.min_root_score": (0.0, 1.0, False),
    "stocking.min_regions_per_foot": (1, 20, True),
    "stocking.overlap_share": (0.0, 1.0, False),
    "close.roots": (0.0, 3.0, False),
    "close.conditions": (0.0, 3.0, False),
}
# name -> "regions" or "groups": the sets of region ids or region groups the engine names.
SETS: dict[str, str] = {
    "axial_regions": "regions",
    "toe_regions": "regions",
    "axial_kinds": "kinds",
    "foot_groups": "groups",
    "ankle_and_foot_groups": "groups",
    "lower_limb_groups": "groups",
}


@dataclass(frozen=True)
class Weight:
    """One scoring number and why it is what it is."""

    key: str  # e.g. "finding.kind.numbness"
    value: float
    rationale: str
    source: str | None = None


@dataclass(frozen=True)
class NamedSet:
    """A set of region ids, region groups or finding kinds the engine names."""

    key: str  # e.g. "axial_regions"
    items: frozenset[str]
    rationale: str
    source: str | None = None


@dataclass(frozen=True)
class Scoring:
    """The weights and sets (``weights``, ``sets``) and the typed fields the engine reads.

    Build it with ``build_scoring`` so that the typed fields always follow the weights.
    """

    weights: Mapping[str, Weight]
    sets: Mapping[str, NamedSet]
    kind_weight: Mapping[str, float]
    intensity_step: float
    atlas_primary: float
    atlas_overlap: float
    axial_pain_factor: float
    stocking_factor: float
    pain_knee: float
    pain_cap: float
    mrc_weak: float
    mrc_span: float
    reflex_weight: Mapping[str, float]
    walk_weight: float
    presence_weight: float
    tension_weight: float
    normal_key_sign: float
    root_scale: float
    min_total: float
    leading_share: float
    min_root_score: float
    stocking_min_regions: int
    stocking_overlap: float
    close_roots: float
    close_conditions: float
    axial_regions: frozenset[str]
    axial_kinds: frozenset[str]
    toe_regions: frozenset[str]
    foot_groups: frozenset[str]
    ankle_and_foot_groups: frozenset[str]
    lower_limb_groups: frozenset[str]

    def with_value(self, key: str, value: float) -> Scoring:
        """The same scoring with one weight changed (for tuning and sensitivity tests)."""
        if key not in self.weights:
            raise KeyError(key)
        weights = dict(self.weights)
        weights[key] = replace(weights[key], value=value)
        return build_scoring(weights, self.sets)


def build_scoring(weights: Mapping[str, Weight], sets: Mapping[str, NamedSet]) -> Scoring:
    """The typed scoring from every weight of ``PARAMETERS`` and every set of ``SETS``."""
    value = {key: weight.value for key, weight in weights.items()}
    items = {key: named.items for key, named in sets.items()}
    return Scoring(
        weights=MappingProxyType(dict(weights)),
        sets=MappingProxyType(dict(sets)),
        kind_weight=MappingProxyType({k: value[f"finding.kind.{k}"] for k in KINDS}),
        intensity_step=value["finding.intensity_step"],
        atlas_primary=value["finding.atlas_primary"],
        atlas_overlap=value["finding.atlas_overlap"],
        axial_pain_factor=value["finding.axial_pain_factor"],
        stocking_factor=value["finding.stocking_factor"],
        pain_knee=value["finding.pain_knee"],
        pain_cap=value["finding.pain_cap"],
        mrc_weak=value["sign.mrc_weak"],
        mrc_span=value["sign.mrc_span"],
        reflex_weight=MappingProxyType(
            {"absent": value["sign.reflex_absent"], "reduced": value["sign.reflex_reduced"]}
        ),
        walk_weight=value["sign.walk_impaired"],
        presence_weight=value["sign.foot_drop_present"],
        tension_weight=value["sign.tension_positive"],
        normal_key_sign=value["sign.normal_key_sign"],
        root_scale=value["root.scale"],
        min_total=value["root.min_total"],
        leading_share=value["level.leading_share"],
        min_root_score=value["level.min_root_score"],
        stocking_min_regions=round(value["stocking.min_regions_per_foot"]),
        stocking_overlap=value["stocking.overlap_share"],
        close_roots=value["close.roots"],
        close_conditions=value["close.conditions"],
        axial_regions=items["axial_regions"],
        axial_kinds=items["axial_kinds"],
        toe_regions=items["toe_regions"],
        foot_groups=items["foot_groups"],
        ankle_and_foot_groups=items["ankle_and_foot_groups"],
        lower_limb_groups=items["lower_limb_groups"],
    )


KINDS = ("numbness", "tingling", "burning", "pain")
