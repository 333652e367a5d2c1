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
class Analysis:
    roots: tuple[RootResult, ...]
    conditions: tuple[ConditionResult, ...]
    red_flags: tuple[RedFlagResult, ...]
    atlas: str

    def to_json(self) -> dict[str, Any]:
        return {
            "roots": [r.to_json() for r in self.roots],
            "conditions": [c.to_json() for c in self.conditions],
            "red_flags": [f.to_json() for f in self.red_flags],
            "atlas": self.atlas,
        }
