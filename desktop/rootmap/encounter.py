"""The encounter: what was found on one patient (the contract's input).

An ``Encounter`` is an immutable value. ``parse_encounter`` turns untrusted JSON
data into one, or raises ``EncounterError`` naming the offending field; it is
the only way data from outside (a file, stdin, the clipboard) gets in.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

SIDES = ("left", "right")
MIDLINE = "midline"
FINDING_SIDES = (*SIDES, MIDLINE)
FINDING_KINDS = ("pain", "numbness", "tingling", "burning")
MIDLINE_REGIONS = frozenset({"saddle"})

MRC_SIGNS = (
    "hip_flexion",
    "knee_extension",
    "ankle_dorsiflexion",
    "great_toe_extension",
    "ankle_inversion",
    "ankle_eversion",
    "hip_abduction",
    "hip_extension",
    "knee_flexion",
    "ankle_plantarflexion",
)
REFLEX_VALUES = ("absent", "reduced", "normal", "brisk")
# sign id -> allowed values (a tuple of strings) or None for an MRC grade 0-5.
SIGN_VALUES: dict[str, tuple[str, ...] | None] = {
    **{sign: None for sign in MRC_SIGNS},
    "heel_walk": ("normal", "impaired"),
    "toe_walk": ("normal", "impaired"),
    "foot_drop": ("present", "absent"),
    "patellar_reflex": REFLEX_VALUES,
    "medial_hamstring_reflex": REFLEX_VALUES,
    "achilles_reflex": REFLEX_VALUES,
    "babinski": ("present", "absent"),
    "straight_leg_raise": ("positive", "negative"),
    "crossed_straight_leg_raise": ("positive", "negative"),
    "femoral_stretch": ("positive", "negative"),
}
SIGNS = tuple(SIGN_VALUES)

ONSETS = ("acute", "gradual")
HISTORY_FLAGS = (
    "leg_pain",
    "back_pain",
    "neurogenic_claudication",
    "worse_sitting_coughing",
    "bladder_dysfunction",
    "bowel_dysfunction",
    "saddle_anesthesia",
    "altered_bladder_sensation",
    "sexual_dysfunction",
    "progressive_weakness",
    "fever",
    "cancer_history",
    "unexplained_weight_loss",
    "significant_trauma",
    "osteoporosis_or_steroids",
    "immunosuppression_or_ivdu",
    "diabetes",
    "type_1_diabetes",
    "pars_defect",
    "tight_footwear",
    "fibular_head_pressure",
    "recent_hip_surgery_or_buttock_injection",
    "first_step_heel_pain",
    "red_hot_swollen_joint",
)
HISTORY_KEYS = ("age", "onset", *HISTORY_FLAGS)
MAX_AGE = 130
MAX_REASON_CHARS = 200  # an exclusion's reason: a short phrase, e.g. "old ankle fracture"
MAX_PREVIOUS = 200  # earlier visits of one patient


class EncounterError(ValueError):
    """Input that breaks the contract. ``field`` names where, e.g. ``findings[2].region``."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, order=True)
class Finding:
    """One mark on the map: a kind of symptom over one region on one side."""

    region: str
    side: str
    kind: str
    intensity: int | None = None
    excluded: str | None = None  # "not due to a root": the reason, e.g. "old ankle fracture"

    @property
    def key(self) -> str:
        """``side.region``, the id of the map path it marks."""
        return f"{self.side}.{self.region}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"region": self.region, "side": self.side, "kind": self.kind}
        if self.intensity is not None:
            data["intensity"] = self.intensity
        if self.excluded is not None:
            data["excluded"] = {"reason": self.excluded}
        return data


@dataclass(frozen=True, order=True)
class Sign:
    """One examination sign on one side: an MRC grade (0-5) or a word (e.g. "absent")."""

    sign: str
    side: str
    value: int | str
    excluded: str | None = None  # "not due to a root": the reason, e.g. "known polyneuropathy"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sign": self.sign, "side": self.side, "value": self.value}
        if self.excluded is not None:
            data["excluded"] = {"reason": self.excluded}
        return data


@dataclass(frozen=True)
class History:
    """What the history says: age, onset, and flags that are true, false or not known."""

    age: int | None = None
    onset: str | None = None
    # flag -> True/False; a flag that is absent is *not known*, which differs from False.
    flags: Mapping[str, bool] = field(default_factory=dict)

    def flag(self, name: str) -> bool | None:
        return self.flags.get(name)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.age is not None:
            data["age"] = self.age
        if self.onset is not None:
            data["onset"] = self.onset
        for name in HISTORY_FLAGS:
            if name in self.flags:
                data[name] = self.flags[name]
        return data

    def __hash__(self) -> int:
        return hash((self.age, self.onset, tuple(sorted(self.flags.items()))))


@dataclass(frozen=True)
class Encounter:
    """One visit's record: findings, signs, history, its date and the earlier visits."""

    findings: tuple[Finding, ...] = ()
    signs: tuple[Sign, ...] = ()
    history: History = field(default_factory=History)
    date: str | None = None  # the visit's date, ISO 8601 (YYYY-MM-DD)
    previous: tuple[Encounter, ...] = ()  # earlier visits of the same patient (none nested)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "findings": [f.to_json() for f in self.findings],
            "signs": [s.to_json() for s in self.signs],
            "history": self.history.to_json(),
        }
        if self.date is not None:
            data["date"] = self.date
        if self.previous:
            data["previous"] = [visit.to_json() for visit in self.previous]
        return data

    def counted(self) -> Encounter:
        """What the engine scores: the findings and signs not marked "not due to a root"."""
        return replace(
            self,
            findings=tuple(f for f in self.findings if f.excluded is None),
            signs=tuple(s for s in self.signs if s.excluded is None),
        )

    def excluded_items(self) -> tuple[Finding | Sign, ...]:
        """The findings and signs marked "not due to a root", in record order."""
        return (
            *(f for f in self.findings if f.excluded is not None),
            *(s for s in self.signs if s.excluded is not None),
        )

    def with_finding(self, finding: Finding) -> Encounter:
        """Mark a region: replaces any finding of the same kind already on that region."""
        others = tuple(
            f
            for f in self.findings
            if (f.region, f.side, f.kind) != (finding.region, finding.side, finding.kind)
        )
        return replace(self, findings=(*others, finding))

    def without_finding(self, region: str, side: str, kind: str | None = None) -> Encounter:
        """Clear one kind of mark (or every kind with ``kind=None``) from a region."""
        kept = tuple(
            f
            for f in self.findings
            if not (f.region == region and f.side == side and (kind is None or f.kind == kind))
        )
        return replace(self, findings=kept)

    def with_sign(self, sign: Sign | None, name: str, side: str) -> Encounter:
        """Set (or with ``sign=None`` clear) the value of one sign on one side."""
        kept = tuple(s for s in self.signs if (s.sign, s.side) != (name, side))
        return replace(self, signs=kept if sign is None else (*kept, sign))

    def with_history(self, history: History) -> Encounter:
        return replace(self, history=history)

    def with_exclusion(self, item: Finding | Sign, reason: str | None) -> Encounter:
        """Mark a finding or sign "not due to a root" with a short reason (None: unmark).

        ``item`` is matched by what it marks (region, side and kind; or sign and side),
        whatever its current value or exclusion.
        """
        text = None if reason is None else " ".join(reason.split())[:MAX_REASON_CHARS] or None
        if isinstance(item, Finding):
            findings = tuple(
                replace(f, excluded=text)
                if (f.region, f.side, f.kind) == (item.region, item.side, item.kind)
                else f
                for f in self.findings
            )
            return replace(self, findings=findings)
        signs = tuple(
            replace(s, excluded=text) if (s.sign, s.side) == (item.sign, item.side) else s
            for s in self.signs
        )
        return replace(self, signs=signs)


def _require_mapping(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise EncounterError(where, f"must be an object, not {_type_name(value)}")
    return value


def _require_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise EncounterError(where, f"must be a list, not {_type_name(value)}")
    return value


def _type_name(value: Any) -> str:
    names = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
    }
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _require_choice(value: Any, choices: Collection[str], where: str) -> str:
    if not isinstance(value, str):
        raise EncounterError(where, f"must be a string, not {_type_name(value)}")
    if value not in choices:
        shown = quoted(value)
        if len(choices) <= 12:
            raise EncounterError(
                where, f"unknown value {shown} (expected one of: {', '.join(choices)})"
            )
        raise EncounterError(where, f"unknown value {shown} (see `rootmap regions`)")
    return value


QUOTE_LIMIT = 60  # characters of an echoed value; the rest is cut to "…"
SUMMARY_NAMES = 5  # how many names a summarised warning lists


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """An untrusted value, safe to echo on one line: control and format characters
    (newlines, terminal escapes, bidi overrides) removed, cut to ``limit`` characters,
    and quoted like ``repr``, e.g. ``'shoe_size'``."""
    text = str(value) if not isinstance(value, int) else _number_text(value)
    if len(text) > 4 * limit:
        text = text[: 4 * limit]  # never scan megabytes for a one-line message
    clean = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    if len(clean) > limit:
        clean = clean[: limit - 1] + "…"
    return repr(clean)


def _number_text(number: int) -> str:
    if abs(number) < 10**20:
        return str(number)
    return f"a number of {len(str(abs(number)))} digits"


def summarise_ignored(what: str, names: Collection[object]) -> str:
    """One warning for ignored keys: ``history: ignored 3 unknown keys: 'a', 'b', 'c'``."""
    shown = [quoted(name) for name in list(names)[:SUMMARY_NAMES]]
    more = ", …" if len(names) > SUMMARY_NAMES else ""
    if len(names) == 1:
        return f"{what}: unknown key {shown[0]} ignored"
    return f"{what}: ignored {len(names)} unknown keys: {', '.join(shown)}{more}"


def _require_int(value: Any, low: int, high: int, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EncounterError(
            where, f"must be a whole number from {low} to {high}, not {_type_name(value)}"
        )
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        raise EncounterError(where, f"must be a whole number from {low} to {high}")
    number = int(value)
    if not low <= number <= high:
        shown = str(number) if abs(number) < 10**20 else quoted(number)
        raise EncounterError(where, f"must be from {low} to {high}, not {shown}")
    return number


def _parse_finding(data: Any, where: str, regions: Collection[str]) -> Finding:
    item = _require_mapping(data, where)
    for key in ("region", "side", "kind"):
        if key not in item:
            raise EncounterError(f"{where}.{key}", "is missing")
    region = _require_choice(item["region"], regions, f"{where}.region")
    side = _require_choice(item["side"], FINDING_SIDES, f"{where}.side")
    if (region in MIDLINE_REGIONS) != (side == MIDLINE):
        expected = "midline" if region in MIDLINE_REGIONS else "left or right"
        raise EncounterError(f"{where}.side", f"{region} takes side {expected}, not {side}")
    kind = _require_choice(item["kind"], FINDING_KINDS, f"{where}.kind")
    intensity = item.get("intensity")
    if intensity is not None:
        intensity = _require_int(intensity, 0, 10, f"{where}.intensity")
    excluded = _parse_excluded(item.get("excluded"), f"{where}.excluded")
    return Finding(region=region, side=side, kind=kind, intensity=intensity, excluded=excluded)


def _parse_excluded(data: Any, where: str) -> str | None:
    """``{"reason": "old ankle fracture"}`` -> the reason; None (or absent) -> not excluded."""
    if data is None:
        return None
    item = _require_mapping(data, where)
    reason = item.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise EncounterError(f"{where}.reason", "must be a short text saying what explains it")
    if len(reason) > MAX_REASON_CHARS:
        raise EncounterError(f"{where}.reason", f"longer than {MAX_REASON_CHARS} characters")
    return " ".join(reason.split())


def _parse_sign(data: Any, where: str) -> Sign:
    item = _require_mapping(data, where)
    for key in ("sign", "side", "value"):
        if key not in item:
            raise EncounterError(f"{where}.{key}", "is missing")
    name = _require_choice(item["sign"], SIGNS, f"{where}.sign")
    side = _require_choice(item["side"], SIDES, f"{where}.side")
    allowed = SIGN_VALUES[name]
    value: int | str
    if allowed is None:
        value = _require_int(item["value"], 0, 5, f"{where}.value")
    else:
        value = _require_choice(item["value"], allowed, f"{where}.value")
    excluded = _parse_excluded(item.get("excluded"), f"{where}.excluded")
    return Sign(sign=name, side=side, value=value, excluded=excluded)


def _parse_history(data: Any, warnings: list[str], prefix: str = "") -> History:
    item = _require_mapping(data, f"{prefix}history")
    age = item.get("age")
    if age is not None:
        age = _require_int(age, 0, MAX_AGE, f"{prefix}history.age")
    onset = item.get("onset")
    if onset is not None:
        onset = _require_choice(onset, ONSETS, f"{prefix}history.onset")
    flags: dict[str, bool] = {}
    unknown: list[str] = []
    for key, value in item.items():
        if key in ("age", "onset"):
            continue
        if key not in HISTORY_FLAGS:
            unknown.append(key)
            continue
        if value is None:
            continue
        if not isinstance(value, bool):
            raise EncounterError(
                f"{prefix}history.{key}", f"must be true or false, not {_type_name(value)}"
            )
        flags[key] = value
    if unknown:
        warnings.append(summarise_ignored(f"{prefix}history", unknown))
    return History(age=age, onset=onset, flags=flags)


def parse_encounter(
    data: Any, regions: Collection[str], warnings: list[str] | None = None
) -> Encounter:
    """Validate contract JSON (already decoded) into an ``Encounter``.

    ``regions`` is the set of known region ids (from the knowledge data).
    Unknown history keys are ignored and described in ``warnings``.
    """
    sink: list[str] = [] if warnings is None else warnings
    root = _require_mapping(data, "encounter")
    encounter = _parse_visit(root, "", regions, sink)
    if "previous" not in root:
        return encounter
    previous = []
    for i, item in enumerate(_require_list(root["previous"], "previous")):
        where = f"previous[{i}]"
        raw = _require_mapping(item, where)
        if "previous" in raw:
            raise EncounterError(
                f"{where}.previous",
                "an earlier visit cannot hold earlier visits of its own "
                "(list every earlier visit in the top-level previous)",
            )
        if "date" not in raw:
            raise EncounterError(f"{where}.date", "is missing (every earlier visit needs a date)")
        previous.append(_parse_visit(raw, f"{where}.", regions, sink))
    if len(previous) > MAX_PREVIOUS:
        raise EncounterError("previous", f"more than {MAX_PREVIOUS} earlier visits")
    if previous and encounter.date is None:
        raise EncounterError("date", "is missing (an encounter with previous visits needs a date)")
    seen: dict[str | None, int] = {}
    for i, earlier in enumerate(previous):
        if earlier.date in seen:
            raise EncounterError(
                f"previous[{i}].date",
                f"{earlier.date} is also the date of previous[{seen[earlier.date]}] "
                "(one earlier visit per date)",
            )
        seen[earlier.date] = i
        if (
            encounter.date is not None
            and earlier.date is not None
            and earlier.date > encounter.date
        ):
            raise EncounterError(
                f"previous[{i}].date",
                f"{earlier.date} is after this visit's date {encounter.date}",
            )
    return replace(encounter, previous=tuple(previous))


def _parse_visit(
    root: Mapping[str, Any], prefix: str, regions: Collection[str], sink: list[str]
) -> Encounter:
    known = {"findings", "signs", "history", "date", "previous"}
    unknown = sorted(str(k) for k in set(root) - known)
    if unknown:
        sink.append(summarise_ignored(prefix.rstrip(".") or "encounter", unknown))
    findings = unique_findings(
        _parse_finding(item, f"{prefix}findings[{i}]", regions)
        for i, item in enumerate(_require_list(root.get("findings", []), f"{prefix}findings"))
    )
    signs = unique_signs(
        (f"{prefix}signs[{i}]", _parse_sign(item, f"{prefix}signs[{i}]"))
        for i, item in enumerate(_require_list(root.get("signs", []), f"{prefix}signs"))
    )
    history = _parse_history(root.get("history", {}), sink, prefix)
    visit_date = parse_date(root["date"], f"{prefix}date") if "date" in root else None
    return Encounter(findings=findings, signs=signs, history=history, date=visit_date)


def parse_date(value: Any, where: str = "date") -> str:
    """An ISO 8601 calendar date, ``YYYY-MM-DD``, checked (``EncounterError`` if not)."""
    if not isinstance(value, str):
        raise EncounterError(
            where, f"must be an ISO 8601 date (YYYY-MM-DD), not {_type_name(value)}"
        )
    try:
        from datetime import date as calendar_date  # only for dated visits (start-up time)

        parsed = calendar_date.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or len(value) != 10:
        raise EncounterError(where, f"{quoted(value)} is not an ISO 8601 date (YYYY-MM-DD)")
    return parsed.isoformat()


def unique_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """An encounter is a set: one finding per region, side and kind, the highest intensity
    kept (an intensity beats none); first-seen order."""
    kept: dict[tuple[str, str, str], Finding] = {}
    for finding in findings:
        key = (finding.region, finding.side, finding.kind)
        before = kept.get(key)
        if before is None or _intensity(finding) > _intensity(before):
            kept[key] = finding
    return tuple(kept.values())


def _intensity(finding: Finding) -> int:
    return -1 if finding.intensity is None else finding.intensity


def unique_signs(signs: Iterable[tuple[str, Sign]]) -> tuple[Sign, ...]:
    """One value per sign and side: a repeat counts once, a contradiction is an error."""
    kept: dict[tuple[str, str], Sign] = {}
    for where, sign in signs:
        before = kept.setdefault((sign.sign, sign.side), sign)
        if before.value != sign.value:
            raise EncounterError(
                where,
                f"{sign.sign} on the {sign.side} is given twice with different values "
                f"({before.value!r} and {sign.value!r}); record one",
            )
    return tuple(kept.values())


def mirror_side(side: str) -> str:
    return {"left": "right", "right": "left"}.get(side, side)
