"""Condition scoring: the features of ``conditions.toml`` weighed against the encounter.

A condition's score is the sum of the weights of the features that apply
(``when`` definitely true), normalised with ``1 - exp(-total / CONDITION_SCALE)``.
A condition needs at least one positive feature and a score of ``MIN_SCORE`` to be
listed. Its ``why`` lists every applying feature, with the findings and signs that
made it apply.

Spinal conditions with a ``lesion`` are weighed once per level hypothesis: for
each leading root, each disc level whose rules say that lesion can compress it
(``levels.candidates``); the root's own score adds to the evidence, and the best
hypothesis per level is kept. Other conditions are weighed per side: one side,
both (``bilateral``) or, when no side-dependent feature applies, no side at all.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from rootmap.analysis import ConditionResult, Evidence, RootResult
from rootmap.encounter import Encounter
from rootmap.engine import levels as level_rules
from rootmap.engine.codes import select_codes
from rootmap.engine.facts import SIDES, facts_for, implicated_sides, patterns
from rootmap.engine.roots import normalise
from rootmap.engine.rules import Candidate, Facts, Rule, evaluate
from rootmap.knowledge.model import Condition, Feature, Knowledge

CONDITION_SCALE = 2.0
MIN_SCORE = 0.15
ROOT_EVIDENCE_WEIGHT = 1.0  # times the root's score, for a level hypothesis

Features = tuple[tuple[Feature, Rule], ...]


def _fill(text: str, candidate: Candidate | None) -> str:
    if candidate is None:
        return text
    return (
        text.replace("{root}", candidate.root)
        .replace("{level}", candidate.level)
        .replace("{affects}", candidate.affects)
        .replace("{zones}", " or ".join(z.replace("_", " ") for z in candidate.zones))
    )


def _weigh(features: Features, facts: Facts) -> list[tuple[Evidence, bool]]:
    """(evidence, depends on the side) for every feature that applies."""
    fired = []
    for feature, rule in features:
        truth, witnesses = evaluate(rule, facts)
        if truth is not True:
            continue
        text = _fill(feature.why, facts.candidate)
        if witnesses:
            text = f"{text}: {', '.join(witnesses)}"
        fired.append((Evidence(text, feature.weight), rule.sided))
    return fired


def _order(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    unique = {e.text: e for e in evidence}
    return tuple(sorted(unique.values(), key=lambda e: (-e.weight, e.text)))


def _result(
    condition: Condition,
    evidence: list[Evidence],
    side: str | None,
    levels: tuple[str, ...],
    roots: tuple[str, ...],
    encounter: Encounter,
) -> ConditionResult | None:
    if not any(e.weight > 0 for e in evidence):
        return None
    ordered = _order(evidence)
    score = normalise(math.fsum(e.weight for e in ordered), CONDITION_SCALE)
    if score < MIN_SCORE:
        return None
    return ConditionResult(
        id=condition.id,
        name=condition.name,
        category=condition.category,
        levels=levels,
        roots=roots,
        score=score,
        icd10=select_codes(condition.icd10, side, levels, encounter.history),
        why=ordered,
        side=side,
    )


class _Scorer:
    def __init__(
        self, encounter: Encounter, knowledge: Knowledge, roots: tuple[RootResult, ...]
    ) -> None:
        self.encounter = encounter
        self.knowledge = knowledge
        self.roots = roots
        self.implicated = implicated_sides(roots)
        self.patterns = patterns(encounter, knowledge)

    def facts(
        self, condition: Condition, sides: tuple[str, ...], candidate: Candidate | None = None
    ) -> Facts:
        nerve = self.knowledge.nerves.get(condition.nerve) if condition.nerve else None
        return facts_for(
            self.encounter,
            self.knowledge,
            sides,
            self.implicated,
            self.patterns,
            candidate=candidate,
            nerve=nerve,
        )

    def by_side(self, condition: Condition, features: Features) -> list[ConditionResult]:
        per_side = {side: _weigh(features, self.facts(condition, (side,))) for side in SIDES}
        positive = [
            side for side in SIDES if any(e.weight > 0 and sided for e, sided in per_side[side])
        ]
        if len(positive) == 1:
            side: str | None = positive[0]
            evidence = [e for e, _ in per_side[positive[0]]]
        else:
            side = "bilateral" if positive else None
            evidence = [e for e, _ in _weigh(features, self.facts(condition, SIDES))]
        result = _result(condition, evidence, side, (), (), self.encounter)
        return [result] if result else []

    def by_level(self, condition: Condition, features: Features) -> list[ConditionResult]:
        assert condition.lesion is not None
        best: dict[str, ConditionResult] = {}
        for root in level_rules.leading_roots(self.roots, self.knowledge):
            sides = SIDES if root.side == "bilateral" else (root.side,)
            where = "both sides" if root.side == "bilateral" else f"the {root.side}"
            for candidate, _rules in level_rules.candidates(condition.lesion, root, self.knowledge):
                evidence = [
                    Evidence(
                        f"{root.root} implicated on {where} (root score {root.score:.2f})",
                        ROOT_EVIDENCE_WEIGHT * root.score,
                    ),
                    *(e for e, _ in _weigh(features, self.facts(condition, sides, candidate))),
                ]
                result = _result(
                    condition,
                    evidence,
                    root.side,
                    (candidate.level,),
                    (root.root,),
                    self.encounter,
                )
                if result is None:
                    continue
                kept = best.get(candidate.level)
                if kept is None or (-result.score, result.roots) < (-kept.score, kept.roots):
                    best[candidate.level] = result
        if not best:
            return self.by_side(condition, features)
        return list(best.values())


def score_conditions(
    encounter: Encounter,
    knowledge: Knowledge,
    compiled: Mapping[str, Features],
    roots: tuple[RootResult, ...],
) -> tuple[ConditionResult, ...]:
    """Every condition with positive evidence, best first."""
    scorer = _Scorer(encounter, knowledge, roots)
    results: list[ConditionResult] = []
    for condition in knowledge.conditions.values():
        features = compiled[condition.id]
        if condition.lesion is not None:
            results += scorer.by_level(condition, features)
        else:
            results += scorer.by_side(condition, features)
    results.sort(key=lambda c: (-round(c.score, 9), c.id, c.levels))
    return tuple(results)
