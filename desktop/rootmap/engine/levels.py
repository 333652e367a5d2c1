"""From an implicated root to the disc levels that could compress it.

A root is *traversing* at the disc above its own foramen (L5 at L4-L5: a
paracentral or lateral-recess lesion) and *exiting* at its own level (L5 at
L5-S1: a foraminal or far-lateral lesion). ``knowledge.level_rules`` say which
zone of which lesion affects which; ``knowledge.disc_levels`` name the roots.
"""

from __future__ import annotations

from collections import defaultdict

from rootmap.analysis import RootResult
from rootmap.engine.rules import Candidate
from rootmap.knowledge.model import Knowledge, LevelRule


def rules_for(lesion: str, knowledge: Knowledge) -> tuple[LevelRule, ...]:
    """Level rules of a lesion; ``spondylolisthesis`` covers its subtypes."""
    return tuple(
        rule
        for rule in knowledge.level_rules
        if rule.lesion == lesion or rule.lesion.startswith(lesion + "_")
    )


def leading_roots(roots: tuple[RootResult, ...], knowledge: Knowledge) -> tuple[RootResult, ...]:
    """The roots worth a level hypothesis: those with a disc level, near the best score.

    Near: at least ``level.leading_share`` of the best score, and ``level.min_root_score``
    at least (scoring.toml).
    """
    scoring = knowledge.scoring
    spinal = {
        root
        for disc in knowledge.disc_levels.values()
        for root in (disc.exiting_root, disc.traversing_root)
    }
    candidates = [r for r in roots if r.root in spinal and r.score >= scoring.min_root_score]
    if not candidates:
        return ()
    best = max(r.score for r in candidates)
    return tuple(r for r in candidates if r.score >= scoring.leading_share * best)


def candidates(
    lesion: str, root: RootResult, knowledge: Knowledge
) -> tuple[tuple[Candidate, tuple[LevelRule, ...]], ...]:
    """Level hypotheses for one root, each with the rules behind it."""
    grouped: dict[tuple[str, str], list[LevelRule]] = defaultdict(list)
    for rule in rules_for(lesion, knowledge):
        affects = "traversing" if rule.affects == "multiple" else rule.affects
        for disc in knowledge.disc_levels.values():
            compressed = disc.traversing_root if affects == "traversing" else disc.exiting_root
            if compressed == root.root:
                grouped[(disc.level, affects)].append(rule)
    order = list(knowledge.disc_levels)
    result = []
    for (level, affects), rules in sorted(
        grouped.items(), key=lambda item: (order.index(item[0][0]), item[0][1])
    ):
        zones = tuple(dict.fromkeys(rule.zone for rule in rules))
        typical = any(level in rule.typical_levels for rule in rules)
        candidate = Candidate(
            root=root.root,
            score=root.score,
            level=level,
            affects=affects,
            zones=zones,
            typical=typical,
        )
        result.append((candidate, tuple(rules)))
    return tuple(result)
