"""The analysis: what the engine answers (the contract's output)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CATEGORIES = ("spinal", "peripheral_nerve", "local_foot", "systemic", "central")
URGENCIES = ("emergency", "urgent")


@dataclass(frozen=True)
class Evidence:
    """One named piece of evidence and the weight it added (negative: it argued against)."""

    text: str
    weight: float


@dataclass(frozen=True)
class RootResult:
    root: str
    side: str  # left, right or bilateral
    score: float  # 0-1
    evidence: tuple[Evidence, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "side": self.side,
            "score": round(self.score, 3),
            "evidence": [e.text for e in self.evidence],
        }


@dataclass(frozen=True)
class ConditionResult:
    id: str
    name: str
    category: str
    levels: tuple[str, ...]
    roots: tuple[str, ...]
    score: float  # 0-1
    icd10: tuple[str, ...]
    why: tuple[Evidence, ...]
    side: str | None = None  # left, right, bilateral, or None where side does not apply

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "levels": list(self.levels),
            "roots": list(self.roots),
            "score": round(self.score, 3),
            "icd10": list(self.icd10),
            "why": [e.text for e in self.why],
        }
        if self.side is not None:
            data["side"] = self.side
        return data


@dataclass(frozen=True)
class RedFlagResult:
    id: str
    urgency: str  # emergency or urgent
    message: str
    why: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "urgency": self.urgency,
            "message": self.message,
            "why": list(self.why),
        }


@dataclass(frozen=True)
class CloseCall:
    """The first items of a ranked list (roots or conditions) lie within a small margin.

    One finding more or less could reorder them: the results must not present the first
    as clearly better. ``positions`` index the list; ``margin`` is scoring.toml's, in units
    of evidence (the total behind a score), ``difference`` in units of score.
    """

    list: str  # "roots" or "conditions"
    positions: tuple[int, ...]  # 0 and every next item within the margin of the first
    labels: tuple[str, ...]  # e.g. "L5 left", "Lumbar disc herniation L4-L5 left"
    scores: tuple[float, ...]  # their scores, best first
    difference: float  # the first score minus the last close one's
    margin: float  # evidence units (close.roots or close.conditions of scoring.toml)

    @property
    def message(self) -> str:
        pairs = zip(self.labels, self.scores, strict=True)
        named = tuple(f"{label} ({score:.2f})" for label, score in pairs)
        shown = named if len(named) <= 3 else named[:2]
        rest = len(named) - len(shown)
        names = ", ".join(shown[:-1]) + f" and {shown[-1]}" if not rest else ", ".join(shown)
        if rest:
            names += f" and {rest} more"
        return (
            f"Close call: {names} are nearly level; "
            "one finding more or less could change their order."
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "list": self.list,
            "positions": list(self.positions),
            "labels": list(self.labels),
            "scores": [round(score, 3) for score in self.scores],
            "difference": round(self.difference, 3),
            "margin": self.margin,
            "message": self.message,
        }


@dataclass(frozen=True)
class Analysis:
    roots: tuple[RootResult, ...]
    conditions: tuple[ConditionResult, ...]
    red_flags: tuple[RedFlagResult, ...]
    atlas: str
    close_calls: tuple[CloseCall, ...] = ()  # the first roots or conditions are near-equal

    def close_call(self, which: str) -> CloseCall | None:
        """The close call among the first ``roots`` or ``conditions``, if there is one."""
        return next((c for c in self.close_calls if c.list == which), None)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "roots": [r.to_json() for r in self.roots],
            "conditions": [c.to_json() for c in self.conditions],
            "red_flags": [f.to_json() for f in self.red_flags],
            "atlas": self.atlas,
        }
        if self.close_calls:  # additive: present only when there is a close call
            data["close"] = [c.to_json() for c in self.close_calls]
        return data
