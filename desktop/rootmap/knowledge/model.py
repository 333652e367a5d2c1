"""The clinical knowledge, as typed values. Loaded from ``assets/knowledge/`` by ``loader``.

Every clinical fact names a ``source`` (an id into ``Knowledge.sources``); the
loader refuses data whose sources are missing or unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rootmap.knowledge.coding import Code, Coded, Coding
from rootmap.knowledge.scoring import Scoring


@dataclass(frozen=True)
class Source:
    """A published source that facts cite by its ``id``."""

    id: str
    authors: str
    year: int
    title: str
    publication: str = ""  # journal, volume, pages; or book and publisher

    def citation(self) -> str:
        tail = f" {self.publication}." if self.publication else ""
        return f"{self.authors} ({self.year}). {self.title}.{tail}"


@dataclass(frozen=True)
class Root:
    """A spinal nerve root, with its ISNCSCI key sensory point."""

    id: str  # "C2" … "S5"
    segment: str  # cervical, thoracic, lumbar, sacral
    order: int  # cranial to caudal: C2=0 … S5=last; for sorting
    key_sensory_point: str  # ISNCSCI key sensory point, in words
    key_point_region: str | None  # region id holding that point, where on our maps
    source: str


@dataclass(frozen=True)
class Region:
    """A region of skin on the maps, with its plain name and SNOMED CT body structure."""

    id: str  # e.g. "dorsum_central"
    name: str  # short label for people, e.g. "Top of foot, middle third"
    description: str
    group: str  # head_neck, trunk, upper_limb, lower_back_pelvis, thigh, knee, leg, ankle, foot
    midline: bool = False  # True only for saddle: its side is "midline"
    code: Code | None = None  # its SNOMED CT body structure (the loader requires one)

    @property
    def sides(self) -> tuple[str, ...]:
        return ("midline",) if self.midline else ("left", "right")


@dataclass(frozen=True)
class DermatomeEntry:
    """Which roots an atlas assigns to one region: primary (usual) and overlap (possible)."""

    region: str
    primary: tuple[str, ...]
    overlap: tuple[str, ...]
    source: str
    note: str = ""  # e.g. "trigeminal nerve, not a spinal root" where primary is empty

    def weight(self, root: str) -> float:
        """1.0 for a primary root, 0.5 for an overlap root, 0 otherwise."""
        if root in self.primary:
            return 1.0
        if root in self.overlap:
            return 0.5
        return 0.0


@dataclass(frozen=True)
class Atlas:
    """A dermatome atlas: for each region, the roots that supply it in that atlas."""

    id: str  # e.g. "lee2008"
    name: str  # e.g. "Lee et al. 2008 (evidence-based)"
    description: str
    source: str
    entries: Mapping[str, DermatomeEntry]  # region id -> entry

    @property
    def authors(self) -> str:
        """The atlas by its authors and year, as people cite it: "Lee et al. 2008"."""
        return self.name.split(" (", 1)[0]

    def entry(self, region: str) -> DermatomeEntry | None:
        return self.entries.get(region)

    def regions_of_root(self, root: str, *, primary_only: bool = False) -> tuple[str, ...]:
        """The regions where this atlas places ``root`` (the root's dermatome)."""
        return tuple(
            region
            for region, entry in self.entries.items()
            if root in entry.primary or (not primary_only and root in entry.overlap)
        )


@dataclass(frozen=True)
class SignRule:
    """What one examination sign tests: the roots (myotome, reflex arc) and peripheral nerves."""

    sign: str  # a sign id of the contract, e.g. "great_toe_extension"
    label: str  # e.g. "Great toe extension (EHL)"
    kind: str  # mrc, reflex, walk, presence, tension
    roots: Mapping[str, float]  # root -> weight (1.0 main root, 0.5 contributing)
    nerves: tuple[str, ...]  # peripheral nerves whose lesion also affects it
    muscles: str  # e.g. "extensor hallucis longus"
    source: str
    code: Coded | None = None  # SNOMED CT or LOINC, or uncoded with the reason


@dataclass(frozen=True)
class Nerve:
    """A peripheral nerve: where it feels (regions) and what it moves (signs)."""

    id: str  # e.g. "common_peroneal"
    name: str
    roots: tuple[str, ...]  # its root values, e.g. L4-S1
    cutaneous: tuple[str, ...]  # region ids of its cutaneous territory
    motor: tuple[str, ...]  # sign ids it supplies
    entrapment_site: str  # e.g. "fibular head"
    source: str


@dataclass(frozen=True)
class DiscLevel:
    """A lumbar disc level and which root each herniation zone usually compresses."""

    level: str  # "L4-L5"
    upper: str  # "L4": the vertebra above
    lower: str  # "L5": the vertebra below
    exiting_root: str  # leaves by the foramen at this level (compressed by foraminal/far-lateral)
    traversing_root: str  # crosses this disc to exit below (compressed by paracentral)
    source: str


@dataclass(frozen=True)
class LevelRule:
    """From a lesion type and zone to the root it affects, e.g. lateral recess -> traversing."""

    id: str
    lesion: str  # disc_herniation, stenosis, spondylolisthesis
    zone: str  # central, paracentral, lateral_recess, foraminal, far_lateral
    affects: str  # traversing, exiting, multiple (cauda equina)
    text: str  # the rule in words
    source: str
    typical_levels: tuple[str, ...] = ()  # disc levels where it is most often seen, e.g. L4-L5


@dataclass(frozen=True)
class Icd10Code:
    """One ICD-10-CM code and, as explicit data, when it fits (``engine.codes`` reads these).

    ``laterality``: left, right, bilateral or unspecified (None: not sided); ``region``:
    lumbar or lumbosacral (None: any level); ``requires``: history flags that must be true;
    ``unless``: history flags that must not be true; ``note``: said in the condition's why
    when one of the flags of ``requires`` or ``unless`` is not known.
    """

    code: str  # e.g. "M51.16"
    label: str
    source: str
    laterality: str | None = None
    region: str | None = None
    requires: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Feature:
    """A named piece of evidence for or against a condition.

    ``when`` is a predicate in the engine's small rule language (see ``engine``),
    ``weight`` its contribution (negative: argues against).
    """

    when: str
    weight: float
    why: str
    source: str


@dataclass(frozen=True)
class Condition:
    """A condition the engine can list: its category, ICD-10-CM codes and features."""

    id: str
    name: str
    category: str  # spinal, peripheral_nerve, local_foot, systemic, central
    description: str
    icd10: tuple[Icd10Code, ...]
    features: tuple[Feature, ...]
    source: str
    nerve: str | None = None  # peripheral nerve id, for peripheral_nerve conditions
    lesion: str | None = None  # for spinal conditions: the lesion type used with LevelRule


@dataclass(frozen=True)
class RedFlag:
    """A red flag: when it fires (its tiers), how urgent it is and what to do."""

    id: str
    urgency: str  # emergency, urgent
    message: str  # what the clinician should do, in words
    triggers: tuple[Feature, ...]  # any trigger over threshold raises the flag
    source: str
    threshold: float = 1.0
    requires: str | None = None  # a predicate that must hold for the flag to be considered
    lower: RedFlagTier | None = None  # a lower tier (a warning) below the threshold
    variants: tuple[RedFlagVariant, ...] = ()  # other advice when another cause leads


@dataclass(frozen=True)
class RedFlagTier:
    """Raised instead of the flag when its triggers reach ``threshold`` but not the flag's."""

    threshold: float
    urgency: str
    message: str
    source: str


@dataclass(frozen=True)
class RedFlagVariant:
    """Advice that replaces the flag's message when ``when`` holds or ``leading`` leads.

    ``leading``: condition categories; the variant applies when the best-scoring
    condition is of one of them. ``when``: a predicate. Both given: both must hold.
    """

    message: str
    source: str
    when: str | None = None
    leading: tuple[str, ...] = ()


@dataclass(frozen=True)
class Knowledge:
    """All the clinical data, validated and cross-checked, as one value."""

    sources: Mapping[str, Source]
    roots: Mapping[str, Root]  # in cranial-to-caudal order
    regions: Mapping[str, Region]
    atlases: Mapping[str, Atlas]
    default_atlas: str
    signs: Mapping[str, SignRule]
    nerves: Mapping[str, Nerve]
    disc_levels: Mapping[str, DiscLevel]  # "L1-L2" … "L5-S1"
    level_rules: tuple[LevelRule, ...]
    conditions: Mapping[str, Condition]
    red_flags: Mapping[str, RedFlag]
    scoring: Scoring  # the engine's weights and named sets (scoring.toml)
    extras: Mapping[str, object] = field(default_factory=dict)
    coding: Coding = field(default_factory=Coding)  # laterality and finding kinds' codes

    def atlas(self, atlas_id: str | None = None) -> Atlas:
        return self.atlases[atlas_id or self.default_atlas]

    def cite(self, source_id: str) -> str:
        return self.sources[source_id].citation()
