"""The analysis: what the engine answers (the contract's output)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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
    """A nerve root that explains the findings, on a side, with its score and why."""

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
    """A condition that could explain the picture, with its levels, codes and why."""

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
    """A red flag that fired: how urgent, what to do, and why it fired."""

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
class Extent:
    """The share of the drawn body surface marked, in percent: in all and per kind."""

    all: float
    by_kind: Mapping[str, float]

    def to_json(self) -> dict[str, Any]:
        return {"all": round(self.all, 2), **{k: round(v, 2) for k, v in self.by_kind.items()}}


@dataclass(frozen=True)
class Observed:
    """One visit's value of a finding (its intensity) or a sign (its value), with the date."""

    value: int | str | None
    date: str | None


@dataclass(frozen=True)
class FindingChange:
    """How one mark differs from the earlier visit (new, resolved, worse...)."""

    region: str
    side: str
    kind: str
    change: str  # new, resolved, worse, better, same
    earlier: Observed | None  # value: the intensity (None: marked without one)
    current: Observed | None

    def to_json(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "side": self.side,
            "kind": self.kind,
            "change": self.change,
            "earlier": _observed(self.earlier, "intensity"),
            "current": _observed(self.current, "intensity"),
        }


@dataclass(frozen=True)
class SignChange:
    """How one examination sign differs from the earlier visit."""

    sign: str
    side: str
    change: str  # worse, better, same, changed, new (tested now only), untested (earlier only)
    earlier: Observed | None
    current: Observed | None

    def to_json(self) -> dict[str, Any]:
        return {
            "sign": self.sign,
            "side": self.side,
            "change": self.change,
            "earlier": _observed(self.earlier, "value"),
            "current": _observed(self.current, "value"),
        }


def _observed(observed: Observed | None, name: str) -> dict[str, Any] | None:
    return None if observed is None else {name: observed.value, "date": observed.date}


@dataclass(frozen=True)
class Changes:
    """What changed since the most recent earlier visit (``since``) to this one (``date``)."""

    date: str | None
    since: str | None
    findings: tuple[FindingChange, ...]
    signs: tuple[SignChange, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "since": self.since,
            "findings": [c.to_json() for c in self.findings],
            "signs": [c.to_json() for c in self.signs],
        }


@dataclass(frozen=True)
class Exclusion:
    """A finding or sign the clinician marked "not due to a root", and why."""

    item: str  # e.g. "numbness over dorsum_central, left"
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "reason": self.reason}


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
    """The engine's answer for one encounter and atlas (the contract's ``Analysis``)."""

    roots: tuple[RootResult, ...]
    conditions: tuple[ConditionResult, ...]
    red_flags: tuple[RedFlagResult, ...]
    atlas: str
    extent: Extent | None = None  # contract v2
    changes: Changes | None = None  # contract v2: only with earlier visits
    excluded: tuple[Exclusion, ...] = field(default=())  # "not due to a root"
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
        if self.extent is not None:
            data["extent"] = self.extent.to_json()
        if self.changes is not None:
            data["changes"] = self.changes.to_json()
        if self.excluded:
            data["excluded"] = [e.to_json() for e in self.excluded]
        if self.close_calls:  # additive: present only when there is a close call
            data["close"] = [c.to_json() for c in self.close_calls]
        return data
