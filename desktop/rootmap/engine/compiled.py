"""Every ``when`` of the knowledge, compiled once per ``Knowledge`` and checked on the way."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rootmap.engine.rules import Rule, RuleError, Vocabulary, compile_rule
from rootmap.knowledge.model import Feature, Knowledge


class KnowledgeRuleError(ValueError):
    """A ``when`` in conditions.toml or red_flags.toml that cannot be used."""


@dataclass(frozen=True)
class Compiled:
    conditions: dict[str, tuple[tuple[Feature, Rule], ...]]
    red_flags: dict[str, tuple[tuple[Feature, Rule], ...]]


def compile_knowledge(knowledge: Knowledge) -> Compiled:
    """Compile and check every predicate; the error names the file, the item and the rule."""
    groups = {region.group for region in knowledge.regions.values()}
    base = Vocabulary(
        regions=frozenset(knowledge.regions),
        groups=frozenset(groups),
        roots=frozenset(knowledge.roots),
        levels=frozenset(knowledge.disc_levels),
    )
    conditions = {}
    for condition in knowledge.conditions.values():
        vocabulary = replace(
            base, spinal=condition.lesion is not None, nerve=condition.nerve is not None
        )
        where = f"conditions.toml: condition {condition.id}"
        conditions[condition.id] = _compile_all(condition.features, vocabulary, where, "feature")
    flags = {}
    for flag in knowledge.red_flags.values():
        where = f"red_flags.toml: red flag {flag.id}"
        flags[flag.id] = _compile_all(flag.triggers, base, where, "trigger")
    return Compiled(conditions=conditions, red_flags=flags)


def _compile_all(
    features: tuple[Feature, ...], vocabulary: Vocabulary, where: str, what: str
) -> tuple[tuple[Feature, Rule], ...]:
    compiled = []
    for index, feature in enumerate(features):
        try:
            compiled.append((feature, compile_rule(feature.when, vocabulary)))
        except RuleError as error:
            raise KnowledgeRuleError(
                f"{where}: {what}[{index}].when {feature.when!r}: {error}"
            ) from None
    return tuple(compiled)
