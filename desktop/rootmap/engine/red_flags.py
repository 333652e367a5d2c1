"""Red flags: serious pathology the encounter raises suspicion of, with what to do.

A flag is raised when the weights of its applying triggers reach its threshold;
its ``why`` lists them. Emergencies come first.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from rootmap.analysis import RedFlagResult
from rootmap.encounter import Encounter
from rootmap.engine.facts import SIDES, facts_for, patterns
from rootmap.engine.rules import Rule, evaluate
from rootmap.knowledge.model import Feature, Knowledge

URGENCY_ORDER = {"emergency": 0, "urgent": 1}


def raise_flags(
    encounter: Encounter,
    knowledge: Knowledge,
    compiled: Mapping[str, tuple[tuple[Feature, Rule], ...]],
    implicated: Mapping[str, frozenset[str]],
) -> tuple[RedFlagResult, ...]:
    facts = facts_for(encounter, knowledge, SIDES, implicated, patterns(encounter, knowledge))
    raised = []
    for position, flag in enumerate(knowledge.red_flags.values()):
        why: list[str] = []
        weights: list[float] = []
        for feature, rule in compiled[flag.id]:
            truth, witnesses = evaluate(rule, facts)
            if truth is True:
                why.append(f"{feature.why}: {', '.join(witnesses)}" if witnesses else feature.why)
                weights.append(feature.weight)
        if weights and math.fsum(weights) >= flag.threshold:
            result = RedFlagResult(
                id=flag.id, urgency=flag.urgency, message=flag.message, why=tuple(why)
            )
            raised.append((URGENCY_ORDER.get(flag.urgency, 9), position, result))
    raised.sort(key=lambda item: item[:2])
    return tuple(result for _, _, result in raised)
