"""Root scoring: which spinal nerve roots explain the marked regions and the examination.

Every score is the sum of named ``Evidence`` normalised to 0..1 with
``1 - exp(-total / root.scale)``. Every number below is a weight of
``assets/knowledge/scoring.toml`` (``knowledge.scoring``), each with its rationale:

- a finding adds ``kind weight * intensity factor * atlas weight`` to each root the atlas
  gives its region (primary or overlap): numbness and tingling localise better than
  burning and pain, which is often referred;
- a sign adds to the roots its rule names (``SignRule.roots``: 1.0 main, 0.5
  contributing): weakness by how weak (MRC), a reduced or absent reflex, an impaired heel
  or toe walk, foot drop; tension signs add a little (they do not tell L5 from S1);
- a *normal* key sign (MRC 5, normal reflex, normal walk) takes a little away from its
  main root;
- pain in the back and buttock, and symmetric sensory symptoms in both feet (the regions
  marked on both feet in a stocking pattern, length-dependent like a polyneuropathy, with
  reflexes reduced on both sides), follow no dermatome and count lightly; pain marked in
  many regions of one root adds less than the pain cap (it is one radiating pain).

Sides are kept apart: each side is scored from its own findings and signs (and the
midline saddle, which belongs to both). A side implicates a root only with localising
evidence (a finding or a deficit, not a tension sign alone). Where the root has evidence
of its *own* on a side (a region of its primary dermatome, or a deficit of a muscle or
reflex it is the main root of) and only borrowed evidence on the other (overlap zones of
another root's pattern, a muscle it only contributes to), it is listed on its own side
only: the other side's marks belong to the other side's root. A root is ``bilateral``
only when each side implicates it by that side's own evidence.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rootmap.analysis import Evidence, RootResult
from rootmap.encounter import MRC_SIGNS, Encounter, Finding, Sign
from rootmap.engine.facts import patterns
from rootmap.engine.rules import SENSORY_KINDS, describe_sign
from rootmap.knowledge.model import Atlas, Knowledge, SignRule
from rootmap.knowledge.scoring import Scoring

SYMMETRIC_REFLEX_NOTE = "reduced on both sides with a stocking pattern, weighed lightly"
PAIN_CAP_NOTE = "several painful regions of one root count as one radiating pain"
SIDES = ("left", "right")


@dataclass(frozen=True)
class _Item:
    """One piece of evidence for a root on one side; ``text`` has a ``{side}`` slot."""

    weight: float
    text: str
    localising: bool  # a finding or a deficit (not a tension sign alone)
    own: bool  # the root's own: its primary dermatome, or a sign it is the main root of


def intensity_factor(intensity: int | None, scoring: Scoring) -> float:
    """1.0 at 5/10 (or not given), ``intensity_step`` more or less per point."""
    return 1.0 if intensity is None else 1.0 + scoring.intensity_step * (intensity - 5)


def mrc_weight(grade: int, scoring: Scoring) -> float:
    """Weaker means more weight: ``mrc_weak`` plus a share of ``mrc_span`` per grade lost."""
    return scoring.mrc_weak + scoring.mrc_span * (5 - grade) / 5


def normalise(total: float, scale: float) -> float:
    return 0.0 if total <= 0 else 1.0 - math.exp(-total / scale)


def _finding_evidence(
    finding: Finding, atlas: Atlas, scoring: Scoring, stocking: bool = False
) -> Iterable[tuple[str, float, str, bool]]:
    """(root, weight, text, own) for one finding; text has a ``{side}`` slot.

    ``stocking``: the finding is part of a symmetric stocking pattern in both feet.
    """
    entry = atlas.entry(finding.region)
    if entry is None:
        return
    base = scoring.kind_weight[finding.kind] * intensity_factor(finding.intensity, scoring)
    how = f" ({finding.intensity}/10)" if finding.intensity is not None else ""
    axial = finding.region in scoring.axial_regions and finding.kind in scoring.axial_kinds
    note = ""
    if axial:
        base *= scoring.axial_pain_factor
        note = "; axial pain is often referred, weighed lightly"
    elif stocking:
        base *= scoring.stocking_factor
        note = "; both feet alike, a length-dependent stocking pattern, weighed lightly"
    for root in (*entry.primary, *entry.overlap):
        primary = root in entry.primary
        weight = scoring.atlas_primary if primary else scoring.atlas_overlap
        role = "dermatome" if primary else "overlap zone"
        where = f"{root} {role}, {atlas.id}{note}"
        text = f"{finding.kind}{how} over {finding.region}{{side}} ({where})"
        yield root, base * weight, text, primary and not axial


def _sign_evidence(
    sign: Sign, rule: SignRule, scoring: Scoring
) -> Iterable[tuple[str, float, str, bool]]:
    """(root, weight, text, own) for one sign; text has a ``{side}`` slot."""
    described = describe_sign(sign)
    head, _, value = described.rpartition(" ")
    for root, share in rule.roots.items():
        base, what = _sign_base(sign, rule, root, scoring)
        if base == 0.0:
            continue
        weight = base * share if base > 0 else base
        if base < 0 and share < 1.0:
            continue  # only a main root is argued against by a normal sign
        own = base > 0 and share >= 1.0 and rule.kind != "tension"
        yield root, weight, f"{head} {value}{{side}} ({what})", own


def _sign_base(sign: Sign, rule: SignRule, root: str, scoring: Scoring) -> tuple[float, str]:
    value = sign.value
    if sign.sign in MRC_SIGNS and isinstance(value, int):
        if value < 5:
            return mrc_weight(value, scoring), f"{root} myotome"
        return scoring.normal_key_sign, f"{root} myotome spared"
    if rule.kind == "reflex":
        if value in scoring.reflex_weight:
            return scoring.reflex_weight[str(value)], f"{root} reflex arc"
        if value == "normal":
            return scoring.normal_key_sign, f"{root} reflex arc intact"
        return 0.0, ""  # brisk: an upper motor neuron sign, not a root sign
    if rule.kind == "walk":
        if value == "impaired":
            return scoring.walk_weight, f"{root} muscles"
        return scoring.normal_key_sign, f"{root} muscles spared"
    if rule.kind == "presence":
        return (scoring.presence_weight, f"{root} muscles") if value == "present" else (0.0, "")
    if rule.kind == "tension" and value == "positive":
        return scoring.tension_weight, f"{root} tension sign, not localising"
    return 0.0, ""


def _mirrored_foot_regions(
    encounter: Encounter, group: Mapping[str, str], scoring: Scoring
) -> frozenset[str]:
    """Foot regions with sensory symptoms on both sides: the symmetric part of a stocking
    pattern. A region marked on one foot only keeps its full weight (asymmetry is not
    length-dependent), so the other side's marks never lower this side's own."""
    marked: dict[str, set[str]] = {side: set() for side in SIDES}
    for finding in encounter.findings:
        if finding.kind in SENSORY_KINDS and group.get(finding.region) in scoring.foot_groups:
            marked.get(finding.side, set()).add(finding.region)
    return frozenset(marked["left"] & marked["right"])


def _reduced_on_both_sides(signs: Iterable[Sign], knowledge: Knowledge) -> frozenset[str]:
    """Reflexes reduced or absent on both sides (length-dependent with a stocking pattern)."""
    reduced = {
        (s.sign, s.side)
        for s in signs
        if s.value in ("reduced", "absent")
        and (rule := knowledge.signs.get(s.sign)) is not None
        and rule.kind == "reflex"
    }
    return frozenset(
        sign for sign, side in reduced if side == "left" and (sign, "right") in reduced
    )


def _capped_pain(items: list[_Item], scoring: Scoring) -> list[_Item]:
    """Pain marks of one root on one side, scaled down together to stay under the cap.

    Up to ``pain_knee`` nothing changes; above it the total grows ever more slowly toward
    ``pain_cap`` (more pain still counts a little more, so the order of roots is kept).
    """
    total = math.fsum(item.weight for item in items)
    knee, cap = scoring.pain_knee, scoring.pain_cap
    if total <= knee:
        return items
    room = cap - knee
    share = (knee + room * (1 - math.exp(-(total - knee) / room))) / total
    return [
        _Item(item.weight * share, item.text[:-1] + f"; {PAIN_CAP_NOTE})", True, item.own)
        for item in items
    ]


def _order(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(evidence, key=lambda e: (-e.weight, e.text)))


def score_roots(encounter: Encounter, knowledge: Knowledge, atlas: Atlas) -> tuple[RootResult, ...]:
    """Every implicated root, best first."""
    scoring = knowledge.scoring
    # root -> side (left, right, midline) -> evidence items
    collected: dict[str, dict[str, list[_Item]]] = defaultdict(lambda: defaultdict(list))
    stocking = bool(patterns(encounter, knowledge)["stocking"])
    group = {region.id: region.group for region in knowledge.regions.values()}
    mirrored = _mirrored_foot_regions(encounter, group, scoring) if stocking else frozenset()
    pains: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for finding in encounter.findings:
        in_stocking = finding.kind in SENSORY_KINDS and finding.region in mirrored
        for root, weight, text, own in _finding_evidence(finding, atlas, scoring, in_stocking):
            item = _Item(weight, text, True, own)
            if finding.kind == "pain":
                pains[(root, finding.side)].append(item)
            else:
                collected[root][finding.side].append(item)
    for (root, side), items in pains.items():
        collected[root][side].extend(_capped_pain(items, scoring))
    symmetric_reflexes = (
        _reduced_on_both_sides(encounter.signs, knowledge) if stocking else frozenset()
    )
    for sign in encounter.signs:
        rule = knowledge.signs.get(sign.sign)
        if rule is None:
            continue
        localising = rule.kind != "tension"
        symmetric = sign.sign in symmetric_reflexes
        for root, weight, text, own in _sign_evidence(sign, rule, scoring):
            if symmetric and weight > 0:
                weight *= scoring.stocking_factor
                text = text[:-1] + f"; {SYMMETRIC_REFLEX_NOTE})"
            collected[root][sign.side].append(_Item(weight, text, localising, own))

    results = [
        result
        for root, by_side in collected.items()
        if root in knowledge.roots
        for result in [_merge(root, by_side, scoring)]
        if result is not None
    ]
    order = {root: index for index, root in enumerate(knowledge.roots)}
    results.sort(key=lambda r: (-round(r.score, 9), order[r.root]))
    return tuple(results)


def _implicated(
    by_side: Mapping[str, list[_Item]], scoring: Scoring
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sides implicating the root at all, sides implicating it by its own evidence).

    Each side is judged by its own findings and signs (and the midline) alone.
    """
    midline = by_side.get("midline", [])
    implicated, own = [], []
    for side in SIDES:
        items = (*by_side.get(side, []), *midline)
        if not any(item.weight > 0 and item.localising for item in items):
            continue
        if math.fsum(item.weight for item in items) < scoring.min_total:
            continue
        implicated.append(side)
        if any(item.weight > 0 and item.own for item in items):
            own.append(side)
    return tuple(implicated), tuple(own)


def _merge(root: str, by_side: Mapping[str, list[_Item]], scoring: Scoring) -> RootResult | None:
    implicated, own = _implicated(by_side, scoring)
    # Own evidence on a side outranks borrowed evidence on the other: those marks are the
    # other side's pattern (another root's dermatome, a muscle shared with another root).
    sides = own or implicated
    if not sides:
        return None
    if len(sides) == 2:
        side = "bilateral"
        items = [
            Evidence(item.text.format(side=f", {s}"), item.weight)
            for s in SIDES
            for item in by_side.get(s, [])
        ]
    else:
        side = sides[0]
        items = [Evidence(item.text.format(side=""), item.weight) for item in by_side.get(side, [])]
    items += [
        Evidence(item.text.format(side=""), item.weight) for item in by_side.get("midline", [])
    ]
    total = math.fsum(e.weight for e in items)
    return RootResult(
        root=root, side=side, score=normalise(total, scoring.root_scale), evidence=_order(items)
    )
