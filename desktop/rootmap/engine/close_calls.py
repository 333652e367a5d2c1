"""Close calls: the first roots (or conditions) score within a small margin of each other.

The margins are ``close.roots`` and ``close.conditions`` of scoring.toml. A close call
lists the first item and every next one within the margin of it, so that the results,
the report and the JSON never present the first as clearly better than the second.
"""

from __future__ import annotations

from collections.abc import Sequence

from rootmap.analysis import CloseCall, ConditionResult, RootResult
from rootmap.knowledge.scoring import Scoring


def root_label(root: RootResult) -> str:
    return f"{root.root} {root.side}"


def condition_label(condition: ConditionResult) -> str:
    parts = [condition.name, *condition.levels]
    if condition.side:
        parts.append(condition.side)
    return " ".join(parts)


def _close(
    list_name: str, scores: Sequence[float], labels: Sequence[str], margin: float
) -> CloseCall | None:
    if len(scores) < 2:
        return None
    first = scores[0]
    positions = tuple(i for i, score in enumerate(scores) if round(first - score, 9) <= margin)
    if len(positions) < 2:
        return None
    return CloseCall(
        list=list_name,
        positions=positions,
        labels=tuple(labels[i] for i in positions),
        difference=first - scores[positions[-1]],
        margin=margin,
    )


def close_calls(
    roots: Sequence[RootResult], conditions: Sequence[ConditionResult], scoring: Scoring
) -> tuple[CloseCall, ...]:
    """The close calls among the ranked roots and conditions (best first), if any."""
    found = (
        _close(
            "roots", [r.score for r in roots], [root_label(r) for r in roots], scoring.close_roots
        ),
        _close(
            "conditions",
            [c.score for c in conditions],
            [condition_label(c) for c in conditions],
            scoring.close_conditions,
        ),
    )
    return tuple(call for call in found if call is not None)
