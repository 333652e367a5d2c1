"""What changed between visits: per region, side and kind of mark, and per sign.

The current encounter is compared with its **most recent** earlier visit (the latest
``date`` among ``previous``; visits of the same date are told apart by their content,
so the order of ``previous`` never matters). Marks: ``new``, ``resolved``, or, when
marked at both visits, ``worse`` / ``better`` / ``same`` by intensity (``same`` when
either visit has no intensity). Signs: ``worse`` / ``better`` / ``same`` by how far
from normal the value is, ``changed`` for a different value equally far from normal
(reduced <-> brisk), ``new`` when tested only now and ``untested`` when tested only
before. Items marked "not due to a root" are compared like any other: they are in
the record.
"""

from __future__ import annotations

import json

from rootmap.analysis import Changes, FindingChange, Observed, SignChange
from rootmap.encounter import MRC_SIGNS, REFLEX_VALUES, SIGN_VALUES, Encounter, Finding, Sign

# How far from normal each non-MRC value is (0: normal).
_DISTANCE: dict[tuple[str, ...], dict[str, int]] = {
    REFLEX_VALUES: {"normal": 0, "reduced": 1, "brisk": 1, "absent": 2},
    ("normal", "impaired"): {"normal": 0, "impaired": 1},
    ("present", "absent"): {"absent": 0, "present": 1},
    ("positive", "negative"): {"negative": 0, "positive": 1},
}


def most_recent(visits: tuple[Encounter, ...]) -> Encounter | None:
    """The latest visit by date (ties broken by content, never by list order)."""
    if not visits:
        return None
    latest = max(v.date or "" for v in visits)
    candidates = [v for v in visits if (v.date or "") == latest]
    if len(candidates) == 1:
        return candidates[0]
    return max(candidates, key=lambda v: json.dumps(v.to_json(), sort_keys=True))


def distance_from_normal(sign: Sign) -> int:
    """0 for a normal value, larger the further from normal (MRC: 5 minus the grade)."""
    if sign.sign in MRC_SIGNS and isinstance(sign.value, int):
        return 5 - sign.value
    values = SIGN_VALUES.get(sign.sign)
    return _DISTANCE.get(values or (), {}).get(str(sign.value), 0)


def changes_since_previous(encounter: Encounter) -> Changes | None:
    """The comparison with the most recent earlier visit; None without earlier visits."""
    earlier = most_recent(encounter.previous)
    if earlier is None:
        return None
    return compare(earlier, encounter)


def compare(earlier: Encounter, current: Encounter) -> Changes:
    """What changed from ``earlier`` to ``current`` (their ``previous`` are ignored)."""
    return Changes(
        date=current.date,
        since=earlier.date,
        findings=_finding_changes(earlier, current),
        signs=_sign_changes(earlier, current),
    )


def _finding_changes(earlier: Encounter, current: Encounter) -> tuple[FindingChange, ...]:
    def index(visit: Encounter) -> dict[tuple[str, str, str], Finding]:
        return {(f.region, f.side, f.kind): f for f in visit.findings}

    before, now = index(earlier), index(current)
    out = []
    for key in sorted(set(before) | set(now)):
        old, new = before.get(key), now.get(key)
        out.append(
            FindingChange(
                region=key[0],
                side=key[1],
                kind=key[2],
                change=_finding_change(old, new),
                earlier=None if old is None else Observed(old.intensity, earlier.date),
                current=None if new is None else Observed(new.intensity, current.date),
            )
        )
    return tuple(out)


def _finding_change(old: Finding | None, new: Finding | None) -> str:
    if old is None:
        return "new"
    if new is None:
        return "resolved"
    if old.intensity is None or new.intensity is None or old.intensity == new.intensity:
        return "same"
    return "worse" if new.intensity > old.intensity else "better"


def _sign_changes(earlier: Encounter, current: Encounter) -> tuple[SignChange, ...]:
    def index(visit: Encounter) -> dict[tuple[str, str], Sign]:
        return {(s.sign, s.side): s for s in visit.signs}

    before, now = index(earlier), index(current)
    out = []
    for key in sorted(set(before) | set(now)):
        old, new = before.get(key), now.get(key)
        out.append(
            SignChange(
                sign=key[0],
                side=key[1],
                change=_sign_change(old, new),
                earlier=None if old is None else Observed(old.value, earlier.date),
                current=None if new is None else Observed(new.value, current.date),
            )
        )
    return tuple(out)


def _sign_change(old: Sign | None, new: Sign | None) -> str:
    if old is None:
        return "new"
    if new is None:
        return "untested"
    if old.value == new.value:
        return "same"
    was, now = distance_from_normal(old), distance_from_normal(new)
    if was == now:
        return "changed"
    return "worse" if now > was else "better"
