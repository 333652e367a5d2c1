"""Everything a lecture says about one root, each fact with its source.

``root_facts(knowledge, "L5", atlas)`` gathers the root's dermatome (in one atlas),
its ISNCSCI key sensory point, its myotome (the signs whose rule names the root),
its reflex, the disc levels and zones that compress it, and the conditions that
reach it: spinal causes and the peripheral-nerve mimics whose skin territory
overlaps its dermatome.
"""

from __future__ import annotations

from dataclasses import dataclass

from rootmap.knowledge import Knowledge

# Roots the explorer offers first: the ones a leg-and-foot lecture is about.
LUMBOSACRAL = ("L1", "L2", "L3", "L4", "L5", "S1")
ZONE_NAMES = {
    "central": "central",
    "paracentral": "paracentral",
    "lateral_recess": "lateral recess",
    "foraminal": "foraminal",
    "far_lateral": "far-lateral",
}
LESION_NAMES = {
    "disc_herniation": "disc herniation",
    "stenosis": "stenosis",
    "spondylolisthesis_degenerative": "degenerative spondylolisthesis",
    "spondylolisthesis_isthmic": "isthmic spondylolisthesis",
}


@dataclass(frozen=True)
class Fact:
    text: str
    source: str  # a source id of the knowledge


@dataclass(frozen=True)
class Compression:
    """One disc level where ``root`` can be caught, and how."""

    level: str  # "L4-L5"
    relation: str  # "traversing" or "exiting"
    zones: tuple[str, ...]  # zone ids, e.g. ("paracentral", "lateral_recess")
    lesions: tuple[str, ...]  # lesion ids of the rules that apply
    source: str  # the disc level's source
    rule_sources: tuple[str, ...]

    @property
    def text(self) -> str:
        zones = "/".join(ZONE_NAMES.get(z, z) for z in self.zones)
        lesions = ", ".join(LESION_NAMES.get(x, x) for x in self.lesions)
        verb = (
            "crosses this disc (traversing root)"
            if self.relation == "traversing"
            else ("leaves by this foramen (exiting root)")
        )
        return f"{self.level} {zones}: {verb}; {lesions}"


@dataclass(frozen=True)
class RootFacts:
    root: str
    segment: str
    atlas: str
    dermatome: tuple[str, ...]  # region ids, primary
    dermatome_overlap: tuple[str, ...]  # region ids where the root is only an overlap root
    dermatome_source: str
    key_point: Fact
    key_point_region: str | None
    myotome: tuple[Fact, ...]
    reflexes: tuple[Fact, ...]
    compressions: tuple[Compression, ...]
    spinal_conditions: tuple[Fact, ...]
    mimics: tuple[Fact, ...]

    @property
    def levels(self) -> tuple[str, ...]:
        """The disc levels that can compress the root, cranial to caudal."""
        return tuple(dict.fromkeys(c.level for c in self.compressions))

    def sources(self) -> tuple[str, ...]:
        """Every source id cited, each once, in the order first cited."""
        ids = [self.dermatome_source, self.key_point.source]
        ids += [f.source for f in (*self.myotome, *self.reflexes)]
        for c in self.compressions:
            ids += [c.source, *c.rule_sources]
        ids += [f.source for f in (*self.spinal_conditions, *self.mimics)]
        return tuple(dict.fromkeys(ids))


def _weight_word(weight: float) -> str:
    return "main root" if weight >= 1.0 else "contributes"


def root_facts(knowledge: Knowledge, root: str, atlas_id: str | None = None) -> RootFacts:
    """The facts about ``root`` (e.g. "L5") in the atlas ``atlas_id`` (default atlas if None)."""
    if root not in knowledge.roots:
        raise KeyError(f'unknown root "{root}"')
    info = knowledge.roots[root]
    atlas = knowledge.atlas(atlas_id)
    primary = atlas.regions_of_root(root, primary_only=True)
    overlap = tuple(r for r in atlas.regions_of_root(root) if r not in primary)

    myotome: list[Fact] = []
    reflexes: list[Fact] = []
    for rule in knowledge.signs.values():
        weight = rule.roots.get(root)
        if weight is None or rule.kind == "tension":
            continue
        text = f"{rule.label} — {rule.muscles} ({_weight_word(weight)})"
        (reflexes if rule.kind == "reflex" else myotome).append(Fact(text, rule.source))

    compressions = tuple(_compressions(knowledge, root))
    spinal = _spinal_conditions(knowledge, compressions)
    territory = set(primary) | set(overlap)
    mimics = []
    for condition in knowledge.conditions.values():
        nerve = knowledge.nerves.get(condition.nerve) if condition.nerve else None
        if nerve is None:
            continue
        shared = [r for r in nerve.cutaneous if r in territory]
        if shared:
            where = ", ".join(knowledge.regions[r].name for r in shared[:3])
            more = "…" if len(shared) > 3 else ""
            text = f"{condition.name}: {nerve.name} territory overlaps ({where}{more})"
            mimics.append(Fact(text, nerve.source))

    return RootFacts(
        root=root,
        segment=info.segment,
        atlas=atlas.id,
        dermatome=primary,
        dermatome_overlap=overlap,
        dermatome_source=atlas.source,
        key_point=Fact(info.key_sensory_point, info.source),
        key_point_region=info.key_point_region,
        myotome=tuple(myotome),
        reflexes=tuple(reflexes),
        compressions=compressions,
        spinal_conditions=spinal,
        mimics=tuple(mimics),
    )


def _compressions(knowledge: Knowledge, root: str) -> list[Compression]:
    found = []
    for disc in knowledge.disc_levels.values():
        for relation, caught in (
            ("traversing", disc.traversing_root),
            ("exiting", disc.exiting_root),
        ):
            if caught != root:
                continue
            rules = [r for r in knowledge.level_rules if r.affects == relation]
            zones = tuple(dict.fromkeys(r.zone for r in rules))
            lesions = tuple(dict.fromkeys(r.lesion for r in rules))
            found.append(
                Compression(
                    level=disc.level,
                    relation=relation,
                    zones=zones,
                    lesions=lesions,
                    source=disc.source,
                    rule_sources=tuple(dict.fromkeys(r.source for r in rules)),
                )
            )
    return found


def _spinal_conditions(
    knowledge: Knowledge, compressions: tuple[Compression, ...]
) -> tuple[Fact, ...]:
    lesions = {lesion for c in compressions for lesion in c.lesions}
    levels = ", ".join(dict.fromkeys(c.level for c in compressions))
    facts = []
    for condition in knowledge.conditions.values():
        if condition.category != "spinal" or condition.lesion is None:
            continue
        if any(x == condition.lesion or x.startswith(condition.lesion + "_") for x in lesions):
            facts.append(Fact(f"{condition.name} ({levels})", condition.source))
    return tuple(facts)
