"""The ``.rootmap`` file: a versioned JSON envelope around one patient's visits.

Version 2 (written since follow-up visits)::

    {"format": "rootmap", "version": 2,
     "visits": [{...contract encounter with "date"...}, ...],   # oldest first
     "atlas": ..., "patient_label": ..., "notes": ..., "created": ..., "modified": ...}

Each visit is a contract encounter with its ``date`` and no ``previous`` (the file's
list *is* the history), one visit per date. The last visit by date is the current one
(``Document.encounter``); the others are ``Document.earlier``. A single visit may be
undated (a version 1 file, re-saved); two or more must each have a date.

Version 1 (read, migrated to one visit; written as version 2 only when saved)::

    {"format": "rootmap", "version": 1, "encounter": {...contract encounter...},
     "atlas": "lee2008" | null, "patient_label": "..." | null, "notes": "...",
     "created": "2025-01-31T10:00:00+00:00", "modified": "..."}

Version 0 is a bare contract encounter (what ``rootmap analyze`` reads): an object
with no ``format`` key. It is migrated on opening and saved as version 2. An encounter
of version 0 or 1 that carries ``previous`` visits (contract v2) opens as those visits
followed by itself.

Reading never trusts the bytes: a file that is too big, not UTF-8, not JSON, too
deeply nested, of the wrong shape, or made by a newer RootMap raises one
``DocumentError`` with a one-line message, and nothing else.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from rootmap.encounter import (
    Encounter,
    EncounterError,
    parse_encounter,
    quoted,
    summarise_ignored,
)

FORMAT = "rootmap"
VERSION = 2
MAX_VISITS = 200
MAX_BYTES = 5 * 1024 * 1024  # a real document is a few kilobytes
MAX_DEPTH = 32  # a contract encounter nests 3 deep
MAX_LABEL_CHARS = 200
MAX_NOTES_CHARS = 100_000
ENVELOPE_KEYS = ("format", "version", "encounter", "visits", "atlas", "patient_label", "notes",
                 "created", "modified")  # fmt: skip


class DocumentError(ValueError):
    """A file RootMap cannot open or write; ``str(error)`` is one line for the user."""


class NotReadableHere(DocumentError):
    """A sound file this RootMap cannot open: made by a newer RootMap, or naming an atlas
    this build lacks. Not damage: a newer RootMap (or another build) can open it."""


def now_iso() -> str:
    """The current time, ISO 8601 with the UTC offset, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Document:
    """One patient's visits, with what the clinician added around them.

    ``encounter`` is the current (latest) visit; ``earlier`` the visits before it, oldest
    first, each dated and without ``previous``. ``rootmap.documents.visits`` reads and
    changes them.
    """

    encounter: Encounter = field(default_factory=Encounter)
    atlas: str | None = None  # None: the default atlas
    patient_label: str | None = None  # free text the clinician chooses, e.g. initials
    notes: str = ""
    created: str = field(default_factory=now_iso)
    modified: str = ""  # empty: the same as ``created``
    earlier: tuple[Encounter, ...] = ()  # earlier visits, oldest first

    def __post_init__(self) -> None:
        if not self.modified:
            object.__setattr__(self, "modified", self.created)

    def touched(self, when: str | None = None) -> Document:
        """The same document, stamped as modified now (or at ``when``)."""
        return replace(self, modified=when or now_iso())

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "visits": [visit.to_json() for visit in (*self.earlier, self.encounter)],
            "atlas": self.atlas,
            "patient_label": self.patient_label,
            "notes": self.notes,
            "created": self.created,
            "modified": self.modified,
        }


def document_to_bytes(document: Document) -> bytes:
    """UTF-8 JSON, indented so that a person can read the file."""
    text = json.dumps(document.to_json(), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def document_from_bytes(
    data: bytes,
    regions: Collection[str],
    atlases: Collection[str] | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """Parse untrusted bytes into a ``Document`` (migrating older versions).

    ``regions``: the known region ids; ``atlases``: the known atlas ids (None: any).
    Unknown keys are ignored and described in ``warnings``.
    """
    return document_from_json(decode_json(data), regions, atlases, warnings)


def decode_json(data: bytes) -> Any:
    """Bytes -> JSON value, refusing what is too big, not UTF-8, not JSON or too deep."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise DocumentError("not a RootMap file: expected bytes")
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"not a RootMap file: it is {len(data) / 1e6:.1f} MB, "
            f"over the {MAX_BYTES // (1024 * 1024)} MB limit"
        )
    if not data.strip():
        raise DocumentError("not a RootMap file: the file is empty")
    try:
        text = bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError("not a RootMap file: the text is not UTF-8") from None
    _check_nesting(text)
    try:
        return strict_json_loads(text)
    except RecursionError:
        raise DocumentError("not a RootMap file: the JSON is nested too deeply") from None
    except json.JSONDecodeError as error:
        raise DocumentError(
            f"not a RootMap file: damaged or truncated JSON at line {error.lineno}, "
            f"column {error.colno} ({error.msg})"
        ) from None
    except ValueError as error:  # e.g. an integer with too many digits, NaN
        raise DocumentError(f"not a RootMap file: {_one_line(str(error))}") from None


def strict_json_loads(text: str) -> Any:
    """``json.loads`` that refuses what JSON itself does not allow or leaves ambiguous:
    ``NaN``, ``Infinity`` and ``-Infinity`` anywhere, and a key given twice in one object
    (which would otherwise let the last one win silently). ``ValueError`` names it."""
    return json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise ValueError(f"the key {quoted(key)} appears twice in one object")
            seen.add(key)
    return data


def _check_nesting(text: str) -> None:
    """Refuse JSON nested deeper than ``MAX_DEPTH`` before the parser recurses into it."""
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise DocumentError("not a RootMap file: the JSON is nested too deeply")
        elif char in "]}":
            depth -= 1


def document_from_json(
    data: Any,
    regions: Collection[str],
    atlases: Collection[str] | None = None,
    warnings: list[str] | None = None,
) -> Document:
    """A decoded JSON value -> ``Document``; see ``document_from_bytes``."""
    sink: list[str] = [] if warnings is None else warnings
    envelope = migrate(data)
    unknown = sorted(str(k) for k in envelope if k not in ENVELOPE_KEYS)
    if unknown:
        sink.append(summarise_ignored("document", unknown))
    earlier, encounter = _visits(envelope, regions, sink)
    atlas = _optional_text(envelope, "atlas", 64)
    if atlas is not None and atlases is not None and atlas not in atlases:
        raise NotReadableHere(
            f"atlas: unknown atlas {quoted(atlas)} (expected one of: {', '.join(atlases)})"
        )
    label = _optional_text(envelope, "patient_label", MAX_LABEL_CHARS)
    notes = _optional_text(envelope, "notes", MAX_NOTES_CHARS) or ""
    created = _timestamp(envelope, "created") or now_iso()
    modified = _timestamp(envelope, "modified") or created
    return Document(
        encounter=encounter,
        atlas=atlas,
        patient_label=label or None,
        notes=notes,
        created=created,
        modified=modified,
        earlier=earlier,
    )


def _visits(
    envelope: Mapping[str, Any], regions: Collection[str], sink: list[str]
) -> tuple[tuple[Encounter, ...], Encounter]:
    """(earlier visits oldest first, the current visit) of any version's envelope."""
    if envelope.get("version") == 1 or "visits" not in envelope:
        try:
            single = parse_encounter(envelope.get("encounter", {}), regions, sink)
        except EncounterError as error:
            raise DocumentError(f"damaged encounter: {_one_line(str(error))}") from None
        earlier = sorted(single.previous, key=lambda v: v.date or "")
        if earlier and earlier[-1].date == single.date:
            raise DocumentError(f"previous: a visit on {single.date} twice (one visit per date)")
        return tuple(earlier), replace(single, previous=())
    if "encounter" in envelope:
        sink.append("encounter: ignored in a version 2 file (its visits are in visits)")
    items = envelope["visits"]
    if not isinstance(items, list) or not items:
        raise DocumentError("visits: must be a list of at least one visit")
    if len(items) > MAX_VISITS:
        raise DocumentError(f"visits: more than {MAX_VISITS} visits")
    visits = []
    for i, item in enumerate(items):
        if isinstance(item, dict) and "previous" in item:
            raise DocumentError(
                f"visits[{i}].previous: a visit in a document cannot hold earlier visits "
                "(they are the other entries of visits)"
            )
        try:
            visit = parse_encounter(item, regions, sink)
        except EncounterError as error:
            raise DocumentError(f"damaged visit {i + 1}: {_one_line(str(error))}") from None
        if visit.date is None and len(items) > 1:
            raise DocumentError(f"visits[{i}].date: is missing (each of several visits needs one)")
        visits.append(visit)
    visits.sort(key=lambda v: v.date or "")
    for before, after in itertools.pairwise(visits):
        if before.date == after.date:
            raise DocumentError(f"visits: two visits on {before.date} (one visit per date)")
    return tuple(visits[:-1]), visits[-1]


def migrate(data: Any) -> Mapping[str, Any]:
    """Any known version's JSON -> the current envelope (a mapping)."""
    if not isinstance(data, dict):
        raise DocumentError(f"not a RootMap file: expected a JSON object, found {_json_type(data)}")
    if "format" not in data:
        # Version 0: a bare contract encounter, as `rootmap analyze` reads it.
        if "version" in data or "encounter" in data:
            raise DocumentError('not a RootMap file: the "format" key is missing')
        return {"format": FORMAT, "version": 1, "encounter": data}
    if data["format"] != FORMAT:
        raise DocumentError('not a RootMap file: "format" is not "rootmap"')
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DocumentError("version: must be a whole number")
    if version > VERSION:
        shown = version if version < 10**9 else quoted(version)
        raise NotReadableHere(
            f"this file was made by a newer RootMap (format version {shown}; "
            f"this RootMap reads up to {VERSION})"
        )
    if version < 1:
        shown = version if version > -(10**9) else quoted(version)
        raise DocumentError(f"version: unknown format version {shown}")
    return data  # version 1 and 2 envelopes: ``_visits`` reads either


def _optional_text(envelope: Mapping[str, Any], key: str, limit: int) -> str | None:
    value = envelope.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise DocumentError(f"{key}: must be text, not {_json_type(value)}")
    if len(value) > limit:
        raise DocumentError(f"{key}: longer than {limit} characters")
    return value


def _timestamp(envelope: Mapping[str, Any], key: str) -> str | None:
    value = _optional_text(envelope, key, 64)
    if not value:
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise DocumentError(f"{key}: not an ISO 8601 date and time") from None
    return value


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number" if not isinstance(value, float) or math.isfinite(value) else "NaN"
    return {dict: "an object", list: "an array", str: "a string", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())
