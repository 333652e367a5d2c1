"""Root scoring: which spinal nerve roots explain the marked regions and the examination.

Every score is the sum of named ``Evidence`` normalised to 0..1 with
``1 - exp(-total / ROOT_SCALE)``:

- a finding adds ``KIND_WEIGHT[kind] * intensity factor * atlas weight`` to each root
  the atlas gives its region (primary 1.0, overlap 0.5): numbness and tingling
  localise better than burning and pain, which is often referred;
- a sign adds to the roots its rule names (``SignRule.roots``: 1.0 main, 0.5
  contributing): weakness by how weak (MRC), a reduced or absent reflex, an
  impaired heel or toe walk, foot drop; tension signs add a little (they do not
  tell L5 from S1);
- a *normal* key sign (MRC 5, normal reflex, normal walk) takes a little away from
  its main root;
- pain in the back and buttock, and symmetric sensory symptoms in both feet (a
  stocking pattern, length-dependent like a polyneuropathy, with reflexes reduced on
  both sides), follow no dermatome and count lightly; pain marked in many regions of
  one root adds less than ``PAIN_CAP`` (it is one radiating pain).

A side implicates a root only with localising evidence (a finding or a
deficit, not a tension sign alone). A root implicated on both sides is listed
once, as ``bilateral``; a midline finding (the saddle) counts for both sides.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

from rootmap.analysis import Evidence, RootResult
from rootmap.encounter import MRC_SIGNS, Encounter, Finding, Sign
from rootmap.engine.facts import patterns
from rootmap.engine.rules import SENSORY_KINDS, describe_sign
from rootmap.knowledge.model import Atlas, Knowledge, SignRule

KIND_WEIGHT = {"numbness": 1.0, "tingling": 0.9, "burning": 0.6, "pain": 0.5}
REFLEX_WEIGHT = {"absent": 1.3, "reduced": 1.0}
WALK_WEIGHT = 0.9
PRESENCE_WEIGHT = 0.9  # foot drop present
TENSION_WEIGHT = 0.4  # straight leg raise, crossed SLR, femoral stretch: not localising
NORMAL_KEY_SIGN = -0.3  # a normal key sign argues a little against its main root
ROOT_SCALE = 3.0
# Pain or burning in the back and buttock is mostly somatic referred pain, not radicular:
# it follows no dermatome (Bogduk 2009, source "bogduk2009"), so it localises a root weakly.
AXIAL_REGIONS = frozenset({"lower_back", "buttock"})
AXIAL_PAIN_FACTOR = 0.3
# A stocking pattern (the same foot regions numb on both sides, toes included) is
# length-dependent, not dermatomal (England 2005, source "england2005"): weighed lightly.
STOCKING_FACTOR = 0.3
FOOT_GROUP = "foot"
SYMMETRIC_REFLEX_NOTE = "reduced on both sides with a stocking pattern, weighed lightly"
# Pain marked in many regions of one root is one radiating pain, not many independent
# clues: beyond PAIN_KNEE (two marks) more pain adds less and less, never more than
# PAIN_CAP in all, so pain alone never makes a root near-certain.
PAIN_KNEE = 1.2
PAIN_CAP = 1.6
PAIN_CAP_NOTE = "several painful regions of one root count as one radiating pain"
MIN_TOTAL = 0.3  # below this a side does not implicate the root

SIDES = ("left", "right")


def intensity_factor(intensity: int | None) -> float:
    """0.85 at 0/10, 1.0 at 5/10 (or not given), 1.15 at 10/10: a mild modulation."""
    return 1.0 if intensity is None else 0.85 + 0.03 * intensity


def mrc_weight(grade: int) -> float:
    """1.12 at 4/5 up to 1.6 at 0/5: weaker means more weight."""
    return 1.0 + 0.6 * (5 - grade) / 5


def normalise(total: float, scale: float) -> float:
    return 0.0 if total <= 0 else 1.0 - math.exp(-total / scale)


def _finding_evidence(
    finding: Finding, atlas: Atlas, stocking: bool = False
) -> Iterable[tuple[str, float, str]]:
    """(root, weight, text) for one finding; text has a ``{side}`` slot.

    ``stocking``: the finding is part of a symmetric stocking pattern in both feet.
    """
    entry = atlas.entry(finding.region)
    if entry is None:
        return
    base = KIND_WEIGHT[finding.kind] * intensity_factor(finding.intensity)
    how = f" ({finding.intensity}/10)" if finding.intensity is not None else ""
    axial = finding.region in AXIAL_REGIONS and finding.kind in ("pain", "burning")
    note = ""
    if axial:
        base *= AXIAL_PAIN_FACTOR
        note = "; axial pain is often referred, weighed lightly"
    elif stocking:
        base *= STOCKING_FACTOR
        note = "; both feet alike, a length-dependent stocking pattern, weighed lightly"
    for root in (*entry.primary, *entry.overlap):
        weight = entry.weight(root)
        role = "dermatome" if weight >= 1.0 else "overlap zone"
        where = f"{root} {role}, {atlas.id}{note}"
        text = f"{finding.kind}{how} over {finding.region}{{side}} ({where})"
        yield root, base * weight, text


def _sign_evidence(sign: Sign, rule: SignRule) -> Iterable[tuple[str, float, str]]:
    """(root, weight, text) for one sign; text has a ``{side}`` slot."""
    described = describe_sign(sign)
    head, _, value = described.rpartition(" ")
    for root, share in rule.roots.items():
        base, what = _sign_base(sign, rule, root)
        if base == 0.0:
            continue
        weight = base * share if base > 0 else base
        if base < 0 and share < 1.0:
            continue  # only a main root is argued against by a normal sign
        yield root, weight, f"{head} {value}{{side}} ({what})"


def _sign_base(sign: Sign, rule: SignRule, root: str) -> tuple[float, str]:
    value = sign.value
    if sign.sign in MRC_SIGNS and isinstance(value, int):
        if value < 5:
            return mrc_weight(value), f"{root} myotome"
        return NORMAL_KEY_SIGN, f"{root} myotome spared"
    if rule.kind == "reflex":
        if value in REFLEX_WEIGHT:
            return REFLEX_WEIGHT[str(value)], f"{root} reflex arc"
        if value == "normal":
            return NORMAL_KEY_SIGN, f"{root} reflex arc intact"
        return 0.0, ""  # brisk: an upper motor neuron sign, not a root sign
    if rule.kind == "walk":
        if value == "impaired":
            return WALK_WEIGHT, f"{root} muscles"
        return NORMAL_KEY_SIGN, f"{root} muscles spared"
    if rule.kind == "presence":
        return (PRESENCE_WEIGHT, f"{root} muscles") if value == "present" else (0.0, "")
    if rule.kind == "tension" and value == "positive":
        return TENSION_WEIGHT, f"{root} tension sign, not localising"
    return 0.0, ""


def _reduced_on_both_sides(signs: Iterable[Sign], knowledge: Knowledge) -> frozenset[str]:
    """Reflexes reduced or absent on both sides (length-dependent with a stocking pattern)."""
    reduced = {
        (s.sign, s.side)
        for s in signs
        if s.value in REFLEX_WEIGHT
        and (rule := knowledge.signs.get(s.sign)) is not None
        and rule.kind == "reflex"
    }
    return frozenset(
        sign for sign, side in reduced if side == "left" and (sign, "right") in reduced
    )


def _capped_pain(items: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """Pain marks of one root on one side, scaled down together to stay under ``PAIN_CAP``.

    Up to ``PAIN_KNEE`` nothing changes; above it the total grows ever more slowly toward
    ``PAIN_CAP`` (more pain still counts a little more, so the order of roots is kept).
    """
    total = math.fsum(weight for weight, _ in items)
    if total <= PAIN_KNEE:
        return items
    room = PAIN_CAP - PAIN_KNEE
    share = (PAIN_KNEE + room * (1 - math.exp(-(total - PAIN_KNEE) / room))) / total
    return [(weight * share, text[:-1] + f"; {PAIN_CAP_NOTE})") for weight, text in items]


def _order(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(evidence, key=lambda e: (-e.weight, e.text)))


def score_roots(encounter: Encounter, knowledge: Knowledge, atlas: Atlas) -> tuple[RootResult, ...]:
    """Every implicated root, best first."""
    # root -> side (left, right, midline) -> [(weight, text with {side})]
    collected: dict[str, dict[str, list[tuple[float, str, bool]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    stocking = bool(patterns(encounter, knowledge)["stocking"])
    group = {region.id: region.group for region in knowledge.regions.values()}
    pains: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    for finding in encounter.findings:
        in_stocking = (
            stocking and finding.kind in SENSORY_KINDS and group.get(finding.region) == FOOT_GROUP
        )
        for root, weight, text in _finding_evidence(finding, atlas, in_stocking):
            if finding.kind == "pain":
                pains[(root, finding.side)].append((weight, text))
            else:
                collected[root][finding.side].append((weight, text, True))
    for (root, side), items in pains.items():
        for weight, text in _capped_pain(items):
            collected[root][side].append((weight, text, True))
    for sign in encounter.signs:
        rule = knowledge.signs.get(sign.sign)
        if rule is None:
            continue
        localising = rule.kind != "tension"
        symmetric = stocking and sign.sign in _reduced_on_both_sides(encounter.signs, knowledge)
        for root, weight, text in _sign_evidence(sign, rule):
            if symmetric and weight > 0:
                weight *= STOCKING_FACTOR
                text = text[:-1] + f"; {SYMMETRIC_REFLEX_NOTE})"
            collected[root][sign.side].append((weight, text, localising))

    results = [
        result
        for root, by_side in collected.items()
        if root in knowledge.roots
        for result in [_merge(root, by_side)]
        if result is not None
    ]
    order = {root: index for index, root in enumerate(knowledge.roots)}
    results.sort(key=lambda r: (-round(r.score, 9), order[r.root]))
    return tuple(results)


def _merge(root: str, by_side: Mapping[str, list[tuple[float, str, bool]]]) -> RootResult | None:
    midline = by_side.get("midline", [])
    implicated = [
        side
        for side in SIDES
        if any(w > 0 and localising for w, _, localising in (*by_side.get(side, []), *midline))
        and math.fsum(w for w, _, _ in (*by_side.get(side, []), *midline)) >= MIN_TOTAL
    ]
    if not implicated:
        return None
    if len(implicated) == 2:
        side = "bilateral"
        items = [
            Evidence(text.format(side=f", {s}"), weight)
            for s in SIDES
            for weight, text, _ in by_side.get(s, [])
        ]
    else:
        side = implicated[0]
        items = [
            Evidence(text.format(side=""), weight) for weight, text, _ in by_side.get(side, [])
        ]
    items += [Evidence(text.format(side=""), weight) for weight, text, _ in midline]
    total = math.fsum(e.weight for e in items)
    return RootResult(
        root=root, side=side, score=normalise(total, ROOT_SCALE), evidence=_order(items)
    )
