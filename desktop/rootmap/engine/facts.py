"""The facts a rule sees: an encounter seen from one side (or both), and whole-body patterns."""

from __future__ import annotations

from collections.abc import Mapping

from rootmap.analysis import RootResult
from rootmap.encounter import MRC_SIGNS, Encounter, Sign
from rootmap.engine.presentation import encounter_patterns
from rootmap.engine.rules import SENSORY_KINDS, Candidate, Facts, describe_sign, sign_key
from rootmap.knowledge.model import Knowledge, Nerve

SIDES = ("left", "right")


def implicated_sides(roots: tuple[RootResult, ...]) -> dict[str, frozenset[str]]:
    return {
        r.root: frozenset(SIDES) if r.side == "bilateral" else frozenset({r.side}) for r in roots
    }


def _weak(sign: Sign) -> bool:
    if sign.sign in MRC_SIGNS:
        return isinstance(sign.value, int) and sign.value < 5
    return sign.sign == "foot_drop" and sign.value == "present"


def patterns(encounter: Encounter, knowledge: Knowledge) -> dict[str, tuple[str, ...]]:
    """Whole-encounter patterns (``pattern.*``): what shows each one, empty when absent.

    - stocking: numbness, tingling or burning in at least two regions of each foot,
      the toes included on both sides, mostly the same regions on both sides;
    - bilateral_legs: anything marked below the buttock on both sides;
    - bilateral_weakness: a weak muscle (or foot drop) on both sides;
    - severe_weakness: a muscle graded 3/5 or less;
    - foot_only: every mark is on a foot or an ankle.

    The numbers and groups are ``knowledge.scoring``'s (scoring.toml: ``stocking.*``,
    ``toe_regions``, ``foot_groups``, ``ankle_and_foot_groups``, ``lower_limb_groups``).
    """
    scoring = knowledge.scoring
    group = {region.id: region.group for region in knowledge.regions.values()}
    findings = encounter.findings

    def regions(side: str, groups: frozenset[str], kinds: tuple[str, ...]) -> list[str]:
        return sorted(
            {
                f.region
                for f in findings
                if f.side == side and group.get(f.region) in groups and f.kind in kinds
            }
        )

    def listing(by_side: dict[str, list[str]]) -> tuple[str, ...]:
        return tuple(f"{side}: {', '.join(items)}" for side, items in by_side.items())

    feet = {side: regions(side, scoring.foot_groups, SENSORY_KINDS) for side in SIDES}
    left, right = set(feet["left"]), set(feet["right"])
    stocking = (
        all(len(feet[side]) >= scoring.stocking_min_regions for side in SIDES)
        and bool(left & scoring.toe_regions)
        and bool(right & scoring.toe_regions)
        and len(left & right) / len(left | right) >= scoring.stocking_overlap
    )
    legs = {
        side: regions(side, scoring.lower_limb_groups, ("pain", *SENSORY_KINDS)) for side in SIDES
    }
    weak = {
        side: [
            describe_sign(s)
            for s in sorted(encounter.signs, key=sign_key)
            if s.side == side and _weak(s)
        ]
        for side in SIDES
    }
    severe = [
        f"{describe_sign(s)}, {s.side}"
        for s in sorted(encounter.signs, key=sign_key)
        if s.sign in MRC_SIGNS and isinstance(s.value, int) and s.value <= 3
    ]
    foot_only = bool(findings) and all(
        f.side != "midline" and group.get(f.region) in scoring.ankle_and_foot_groups
        for f in findings
    )
    return {
        "stocking": listing(feet) if stocking else (),
        "bilateral_legs": listing(legs) if all(legs.values()) else (),
        "bilateral_weakness": listing(weak) if all(weak.values()) else (),
        "severe_weakness": tuple(severe),
        "foot_only": ("only the foot and ankle marked",) if foot_only else (),
        **encounter_patterns(encounter, knowledge),
    }


def facts_for(
    encounter: Encounter,
    knowledge: Knowledge,
    sides: tuple[str, ...],
    implicated: Mapping[str, frozenset[str]],
    pattern_values: Mapping[str, tuple[str, ...]],
    candidate: Candidate | None = None,
    nerve: Nerve | None = None,
) -> Facts:
    return Facts(
        history=encounter.history,
        sides=sides,
        findings=tuple(f for f in encounter.findings if f.side in sides or f.side == "midline"),
        signs=tuple(s for s in encounter.signs if s.side in sides),
        implicated=implicated,
        region_group={region.id: region.group for region in knowledge.regions.values()},
        patterns=pattern_values,
        candidate=candidate,
        nerve_cutaneous=frozenset(nerve.cutaneous) if nerve else frozenset(),
        nerve_motor=frozenset(nerve.motor) if nerve else frozenset(),
        sign_kind={sign: rule.kind for sign, rule in knowledge.signs.items()},
    )
