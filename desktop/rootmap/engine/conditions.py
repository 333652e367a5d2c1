"""Condition scoring: the features of ``conditions.toml`` weighed against the encounter.

A condition's score is the sum of the weights of the features that apply
(``when`` definitely true), normalised with ``1 - exp(-total / CONDITION_SCALE)``.
A condition needs at least one positive feature that is more than context (age and
onset set the scene but never list a condition on their own) and a score of
``MIN_SCORE`` to be listed. Its ``why`` lists every applying feature, with the findings
and signs that made it apply (not repeated when a stronger feature named them all).

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
from rootmap.engine.codes import code_notes, select_codes
from rootmap.engine.facts import SIDES, facts_for, implicated_sides, patterns
from rootmap.engine.roots import normalise
from rootmap.engine.rules import Candidate, Facts, Rule, evaluate, names_in
from rootmap.knowledge.model import Condition, Feature, Knowledge

CONDITION_SCALE = 2.0
MIN_SCORE = 0.15
ROOT_EVIDENCE_WEIGHT = 1.0  # times the root's score, for a level hypothesis
CONTEXT_KEYS = frozenset({"age", "onset"})  # history that sets the scene, never enough alone

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


def _context_only(rule: Rule) -> bool:
    """Does the rule look only at age and onset (no complaint, finding or sign)?"""
    return all(a.namespace == "history" and a.name in CONTEXT_KEYS for a in names_in(rule))


def _weigh(features: Features, facts: Facts) -> list[tuple[Evidence, bool, bool]]:
    """(evidence, depends on the side, supports the condition) for every feature that applies.

    The strongest features come first and name their findings and signs; a weaker one
    whose findings and signs were all named already does not repeat them.
    """
    fired = []
    shown: set[str] = set()
    for feature, rule in sorted(features, key=lambda item: -item[0].weight):
        truth, witnesses = evaluate(rule, facts)
        if truth is not True:
            continue
        text = _fill(feature.why, facts.candidate)
        if not set(witnesses) <= shown:
            text = f"{text}: {', '.join(witnesses)}"
            shown.update(witnesses)
        supports = feature.weight > 0 and not _context_only(rule)
        fired.append((Evidence(text, feature.weight), rule.sided, supports))
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
    supported: bool,
) -> ConditionResult | None:
    if not supported:
        return None
    ordered = _order(evidence)
    score = normalise(math.fsum(e.weight for e in ordered), CONDITION_SCALE)
    if score < MIN_SCORE:
        return None
    notes = code_notes(condition.icd10, side, levels, encounter.history)
    ordered += tuple(Evidence(f"coding: {note}", 0.0) for note in notes)
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
            side
            for side in SIDES
            if any(supports and sided for _, sided, supports in per_side[side])
        ]
        if len(positive) == 1:
            side: str | None = positive[0]
            fired = per_side[positive[0]]
        else:
            side = "bilateral" if positive else None
            fired = _weigh(features, self.facts(condition, SIDES))
        evidence = [e for e, _, _ in fired]
        supported = any(supports for _, _, supports in fired)
        result = _result(condition, evidence, side, (), (), self.encounter, supported)
        return [result] if result else []

    def by_level(self, condition: Condition, features: Features) -> list[ConditionResult]:
        assert condition.lesion is not None
        best: dict[str, ConditionResult] = {}
        for root in level_rules.leading_roots(self.roots, self.knowledge):
            sides = SIDES if root.side == "bilateral" else (root.side,)
            where = "both sides" if root.side == "bilateral" else f"the {root.side}"
            for candidate, _rules in level_rules.candidates(condition.lesion, root, self.knowledge):
                fired = _weigh(features, self.facts(condition, sides, candidate))
                evidence = [
                    Evidence(
                        f"{root.root} implicated on {where} (root score {root.score:.2f})",
                        ROOT_EVIDENCE_WEIGHT * root.score,
                    ),
                    *(e for e, _, _ in fired),
                ]
                result = _result(
                    condition,
                    evidence,
                    root.side,
                    (candidate.level,),
                    (root.root,),
                    self.encounter,
                    supported=True,  # the implicated root is the support
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
