"""Red flags: serious pathology the encounter raises suspicion of, with what to do.

A flag is considered only when its ``requires`` holds (the spinal flags need a spinal
presentation, named last in its ``why``). It is raised when the weights of its applying
triggers reach its threshold, or, below that, its ``lower`` tier (a warning with its own
urgency and advice) when they reach that tier's threshold; its ``why`` lists the triggers. Its
advice follows the leading explanation: the first ``variant`` whose ``when`` holds and
whose ``leading`` names the category of the best-scoring condition replaces the message.
Emergencies come first. ``evidence_from_visits`` (flag id -> reasons) raises a flag on its
own, e.g. a deficit that progressed between visits.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from rootmap.analysis import ConditionResult, RedFlagResult
from rootmap.encounter import Encounter
from rootmap.engine.compiled import Compiled
from rootmap.engine.facts import SIDES, facts_for, patterns
from rootmap.engine.presentation import presentation_patterns
from rootmap.engine.rules import Facts, Rule, evaluate
from rootmap.knowledge.model import Knowledge, RedFlag

URGENCY_ORDER = {"emergency": 0, "urgent": 1}


def raise_flags(
    encounter: Encounter,
    knowledge: Knowledge,
    compiled: Compiled,
    implicated: Mapping[str, frozenset[str]],
    conditions: tuple[ConditionResult, ...] = (),
    evidence_from_visits: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[RedFlagResult, ...]:
    whole = patterns(encounter, knowledge)
    pattern_values = {
        **whole,
        **presentation_patterns(encounter, knowledge, conditions, bool(whole["stocking"])),
    }
    facts = facts_for(encounter, knowledge, SIDES, implicated, pattern_values)
    leading = conditions[0].category if conditions else None
    raised = []
    for position, flag in enumerate(knowledge.red_flags.values()):
        gate = compiled.red_flag_gates.get(flag.id)
        gate_why: list[str] = []
        if gate is not None:
            truth, witnesses = evaluate(gate, facts)
            if truth is not True:
                continue
            gate_why = (
                [f"a spinal presentation: {', '.join(sorted(witnesses))}"] if witnesses else []
            )
        why: list[str] = []
        weights: list[float] = []
        for feature, rule in compiled.red_flags[flag.id]:
            truth, witnesses = evaluate(rule, facts)
            if truth is True:
                why.append(f"{feature.why}: {', '.join(witnesses)}" if witnesses else feature.why)
                weights.append(feature.weight)
        for line in (evidence_from_visits or {}).get(flag.id, ()):
            why.append(line)
            weights.append(flag.threshold)  # a change between visits is enough on its own
        total = math.fsum(weights)
        if not weights:
            continue
        if total >= flag.threshold:
            urgency = flag.urgency
            message = _advice(flag, compiled.red_flag_variants.get(flag.id, ()), facts, leading)
        elif flag.lower is not None and total >= flag.lower.threshold:
            urgency, message = flag.lower.urgency, flag.lower.message
        else:
            continue
        result = RedFlagResult(id=flag.id, urgency=urgency, message=message, why=(*why, *gate_why))
        raised.append((URGENCY_ORDER.get(urgency, 9), position, result))
    raised.sort(key=lambda item: item[:2])
    return tuple(result for _, _, result in raised)


def _advice(
    flag: RedFlag, whens: tuple[Rule | None, ...], facts: Facts, leading: str | None
) -> str:
    for variant, when in zip(flag.variants, whens, strict=True):
        if variant.leading and leading not in variant.leading:
            continue
        if when is not None and evaluate(when, facts)[0] is not True:
            continue
        return variant.message
    return flag.message
