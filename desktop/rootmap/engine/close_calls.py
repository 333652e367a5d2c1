"""Close calls: the first roots (or conditions) lie within a small margin of each other.

The margins are ``close.roots`` and ``close.conditions`` of scoring.toml, in units of
*evidence* (the totals a score is made from, ``score = 1 - exp(-total / scale)``), not of
score: near 0.9 scores bunch up while the evidence behind them can differ by a whole
finding, and near 0.3 a single mark moves a score by 0.1. A close call lists the first
item and every next one whose evidence lies within the margin of the first, so that the
results, the report and the JSON never present the first as clearly better than the second.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rootmap.analysis import CloseCall, ConditionResult, RootResult
from rootmap.engine.conditions import CONDITION_SCALE
from rootmap.knowledge.scoring import Scoring


def root_label(root: RootResult) -> str:
    return f"{root.root} {root.side}"


def condition_label(condition: ConditionResult) -> str:
    parts = [condition.name, *condition.levels]
    if condition.side:
        parts.append(condition.side)
    return " ".join(parts)


def evidence(score: float, scale: float) -> float:
    """The evidence total behind a score (the inverse of ``normalise``)."""
    return math.inf if score >= 1.0 else -scale * math.log1p(-score)


def _close(
    list_name: str, scores: Sequence[float], labels: Sequence[str], scale: float, margin: float
) -> CloseCall | None:
    if len(scores) < 2:
        return None
    first = evidence(scores[0], scale)
    positions = tuple(
        i for i, score in enumerate(scores) if round(first - evidence(score, scale), 9) < margin
    )
    if len(positions) < 2:
        return None
    return CloseCall(
        list=list_name,
        positions=positions,
        labels=tuple(labels[i] for i in positions),
        scores=tuple(scores[i] for i in positions),
        difference=scores[0] - scores[positions[-1]],
        margin=margin,
    )


def close_calls(
    roots: Sequence[RootResult], conditions: Sequence[ConditionResult], scoring: Scoring
) -> tuple[CloseCall, ...]:
    """The close calls among the ranked roots and conditions (best first), if any."""
    found = (
        _close(
            "roots",
            [r.score for r in roots],
            [root_label(r) for r in roots],
            scoring.root_scale,
            scoring.close_roots,
        ),
        _close(
            "conditions",
            [c.score for c in conditions],
            [condition_label(c) for c in conditions],
            CONDITION_SCALE,
            scoring.close_conditions,
        ),
    )
    return tuple(call for call in found if call is not None)
