"""Whole-encounter patterns the red flags (and conditions) need beside ``facts.patterns``.

From the encounter alone (``encounter_patterns``, seen by conditions and red flags):

- upper_motor_neuron: a Babinski sign, or a brisk knee or ankle reflex;
- babinski: a Babinski sign on either side;
- bilateral_radicular_pain: pain radiating into both legs, i.e. leg pain in the history
  and pain marked above the ankle (thigh, knee or leg) on both sides; numbness of both
  feet is not it, nor leg pain that is neurogenic claudication;
- bilateral_nerve_tension: a straight leg raise or femoral stretch positive on both sides;
- severe_bilateral_weakness: a muscle graded 3/5 or less on each side.

From the encounter and the conditions (``presentation_patterns``, red flags only):

- spinal_presentation: back pain, radicular symptoms (leg pain, a positive nerve tension
  test), cauda equina symptoms (bladder, bowel, saddle), or a neurological deficit (numbness,
  tingling, weakness, a dulled reflex) that a root explains: a spinal condition leads, or one
  is listed, the deficit is not a symmetric stocking pattern and it is more than numbness
  confined to the foot;
- spinal_leads: the best-scoring condition is spinal.
"""

from __future__ import annotations

from collections.abc import Callable

from rootmap.analysis import ConditionResult
from rootmap.encounter import MRC_SIGNS, Encounter, Sign
from rootmap.engine.rules import abnormal, describe_sign, sign_key
from rootmap.knowledge.model import Knowledge

SIDES = ("left", "right")
RADICULAR_GROUPS = frozenset({"thigh", "knee", "leg"})  # below the buttock, above the ankle
LIMB_GROUPS = frozenset({"thigh", "knee", "leg", "ankle", "foot"})
TENSION_SIGNS = frozenset({"straight_leg_raise", "crossed_straight_leg_raise", "femoral_stretch"})
UMN_SIGNS = {"babinski": "present", "patellar_reflex": "brisk", "achilles_reflex": "brisk"}
DEFICIT_KINDS = ("numbness", "tingling")  # burning and pain are symptoms, not a deficit
CES_HISTORY = ("bladder_dysfunction", "bowel_dysfunction", "saddle_anesthesia")


def _signs(encounter: Encounter, test: Callable[[Sign], bool]) -> list[Sign]:
    return sorted((s for s in encounter.signs if test(s)), key=sign_key)


def _shown(signs: list[Sign]) -> tuple[str, ...]:
    return tuple(f"{describe_sign(s)}, {s.side}" for s in signs)


def encounter_patterns(encounter: Encounter, knowledge: Knowledge) -> dict[str, tuple[str, ...]]:
    group = {region.id: region.group for region in knowledge.regions.values()}
    umn = _signs(encounter, lambda s: UMN_SIGNS.get(s.sign) == s.value)
    tension = _signs(
        encounter,
        lambda s: s.sign in ("straight_leg_raise", "femoral_stretch") and s.value == "positive",
    )
    severe = _signs(
        encounter, lambda s: s.sign in MRC_SIGNS and isinstance(s.value, int) and s.value <= 3
    )
    pain = {
        side: sorted(
            {
                f.region
                for f in encounter.findings
                if f.side == side and f.kind == "pain" and group.get(f.region) in RADICULAR_GROUPS
            }
        )
        for side in SIDES
    }
    history = encounter.history
    radicular = (
        history.flag("leg_pain") is True
        and history.flag("neurogenic_claudication") is not True  # claudicant, not radicular
        and all(pain.values())
    )
    babinski = [s for s in umn if s.sign == "babinski"]
    return {
        "upper_motor_neuron": _shown(umn),
        "babinski": _shown(babinski),
        "bilateral_radicular_pain": (
            tuple(f"pain, {side}: {', '.join(regions)}" for side, regions in pain.items())
            if radicular
            else ()
        ),
        "bilateral_nerve_tension": (
            _shown(tension) if {s.side for s in tension} == set(SIDES) else ()
        ),
        "severe_bilateral_weakness": (
            _shown(severe) if {s.side for s in severe} == set(SIDES) else ()
        ),
    }


def presentation_patterns(
    encounter: Encounter,
    knowledge: Knowledge,
    conditions: tuple[ConditionResult, ...],
    stocking: bool = False,
) -> dict[str, tuple[str, ...]]:
    group = {region.id: region.group for region in knowledge.regions.values()}
    history = encounter.history
    spinal_leads = bool(conditions) and conditions[0].category == "spinal"
    spinal_listed = any(c.category == "spinal" for c in conditions)
    shown: list[str] = []
    if history.flag("back_pain") is True or any(
        f.region == "lower_back" for f in encounter.findings
    ):
        shown.append("back pain")
    if history.flag("leg_pain") is True:
        shown.append("leg pain")
    shown += [
        describe_sign(s)
        for s in _signs(encounter, lambda s: s.sign in TENSION_SIGNS and abnormal(s))
    ]
    shown += [key.replace("_", " ") for key in CES_HISTORY if history.flag(key) is True]
    shown += [
        f"{f.kind} over saddle"
        for f in encounter.findings
        if f.region == "saddle" and f.kind in DEFICIT_KINDS
    ]
    if spinal_leads or (spinal_listed and not stocking):
        # When another cause leads, numbness confined to the foot is left to it (a foot nerve
        # explains it as well); weakness, a dulled reflex or numbness above the ankle is not.
        groups = LIMB_GROUPS if spinal_leads else RADICULAR_GROUPS
        sensory = any(
            f.kind in DEFICIT_KINDS and group.get(f.region) in groups for f in encounter.findings
        )
        motor = any(
            (abnormal(s) and s.sign not in TENSION_SIGNS and s.sign not in UMN_SIGNS)
            or (s.sign in UMN_SIGNS and s.value in ("reduced", "absent"))
            for s in encounter.signs
        )
        if sensory or motor:
            shown.append("a neurological deficit that a root explains")
    return {
        "spinal_presentation": tuple(dict.fromkeys(shown)),
        "spinal_leads": (f"{conditions[0].name} leads",) if spinal_leads else (),
    }
