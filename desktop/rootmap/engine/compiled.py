"""Every ``when`` of the knowledge, compiled once per ``Knowledge`` and checked on the way."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rootmap.engine.rules import Rule, RuleError, Vocabulary, compile_rule
from rootmap.knowledge.model import Feature, Knowledge


class KnowledgeRuleError(ValueError):
    """A ``when`` in conditions.toml or red_flags.toml that cannot be used."""


@dataclass(frozen=True)
class Compiled:
    conditions: dict[str, tuple[tuple[Feature, Rule], ...]]
    red_flags: dict[str, tuple[tuple[Feature, Rule], ...]]
    # red flag id -> its `requires` gate, and the `when` of each variant (None: none)
    red_flag_gates: dict[str, Rule | None] = field(default_factory=dict)
    red_flag_variants: dict[str, tuple[Rule | None, ...]] = field(default_factory=dict)


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
    gates: dict[str, Rule | None] = {}
    variants: dict[str, tuple[Rule | None, ...]] = {}
    for flag in knowledge.red_flags.values():
        where = f"red_flags.toml: red flag {flag.id}"
        flags[flag.id] = _compile_all(flag.triggers, base, where, "trigger")
        gates[flag.id] = _compile_one(flag.requires, base, f"{where}: requires")
        variants[flag.id] = tuple(
            _compile_one(variant.when, base, f"{where}: variant[{index}].when")
            for index, variant in enumerate(flag.variants)
        )
    return Compiled(
        conditions=conditions, red_flags=flags, red_flag_gates=gates, red_flag_variants=variants
    )


def _compile_one(text: str | None, vocabulary: Vocabulary, where: str) -> Rule | None:
    if text is None:
        return None
    try:
        return compile_rule(text, vocabulary)
    except RuleError as error:
        raise KnowledgeRuleError(f"{where} {text!r}: {error}") from None


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
