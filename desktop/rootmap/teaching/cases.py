"""The teaching case library: ``assets/cases/*.json``, each a titled encounter.

A case file holds a title, a short vignette, the learning point with the source
that supports it, what the case should show (``expected``: the top root and/or
condition, and a red flag if any) and an ``encounter`` in the contract's JSON,
validated by ``rootmap.encounter.parse_encounter``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rootmap.encounter import Encounter, EncounterError, parse_encounter
from rootmap.knowledge import Knowledge

KEYS = ("id", "title", "vignette", "learning_point", "source", "expected", "encounter")
EXPECTED_KEYS = ("root", "side", "condition", "red_flag")


class CaseError(ValueError):
    """A case file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Expected:
    root: str | None = None  # the root the analysis should rank first
    side: str | None = None
    condition: str | None = None  # the condition the analysis should rank first
    red_flag: str | None = None  # a red flag the analysis must raise


@dataclass(frozen=True)
class TeachingCase:
    id: str
    title: str
    vignette: str
    learning_point: str
    source: str
    expected: Expected
    encounter: Encounter

    def citation(self, knowledge: Knowledge) -> str:
        return knowledge.cite(self.source)


def cases_dir() -> Path:
    from rootmap.resources import asset_path

    return asset_path("cases")


def load_cases(knowledge: Knowledge, directory: Path | None = None) -> tuple[TeachingCase, ...]:
    """Every case in ``directory`` (default ``assets/cases``), sorted by file name."""
    folder = cases_dir() if directory is None else directory
    paths = sorted(folder.glob("*.json"))
    cases = tuple(load_case(path, knowledge) for path in paths)
    seen: set[str] = set()
    for path, case in zip(paths, cases, strict=True):
        if case.id in seen:
            raise CaseError(f"{path.name}: id: duplicate case id {case.id!r}")
        seen.add(case.id)
    return cases


def load_case(path: Path, knowledge: Knowledge) -> TeachingCase:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise CaseError(f"{path.name}: cannot read ({error})") from None
    except json.JSONDecodeError as error:
        raise CaseError(f"{path.name}: not JSON ({error.msg}, line {error.lineno})") from None
    try:
        return parse_case(data, knowledge)
    except CaseError as error:
        raise CaseError(f"{path.name}: {error}") from None


def parse_case(data: Any, knowledge: Knowledge) -> TeachingCase:
    if not isinstance(data, dict):
        raise CaseError("must be a JSON object")
    for key in KEYS:
        if key not in data:
            raise CaseError(f"{key}: is missing")
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise CaseError(f"{unknown[0]}: unknown key")
    texts = {key: _text(data, key) for key in KEYS[:5]}
    if texts["source"] not in knowledge.sources:
        raise CaseError(f"source: unknown source {texts['source']!r}")
    try:
        encounter = parse_encounter(data["encounter"], knowledge.regions)
    except EncounterError as error:
        raise CaseError(f"encounter.{error.field}: {error.message}") from None
    return TeachingCase(
        id=texts["id"],
        title=texts["title"],
        vignette=texts["vignette"],
        learning_point=texts["learning_point"],
        source=texts["source"],
        expected=_expected(data["expected"], knowledge),
        encounter=encounter,
    )


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise CaseError(f"{key}: must be a non-empty string")
    return value.strip()


def _expected(data: Any, knowledge: Knowledge) -> Expected:
    if not isinstance(data, dict):
        raise CaseError("expected: must be an object")
    unknown = sorted(set(data) - set(EXPECTED_KEYS))
    if unknown:
        raise CaseError(f"expected.{unknown[0]}: unknown key")
    values = {}
    for key in EXPECTED_KEYS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise CaseError(f"expected.{key}: must be a string")
        values[key] = value
    known = {
        "root": knowledge.roots,
        "side": ("left", "right", "bilateral"),
        "condition": knowledge.conditions,
        "red_flag": knowledge.red_flags,
    }
    for key, allowed in known.items():
        if values[key] is not None and values[key] not in allowed:
            raise CaseError(f"expected.{key}: unknown {key.replace('_', ' ')} {values[key]!r}")
    if values["root"] is None and values["condition"] is None:
        raise CaseError("expected: name a root or a condition the case should show")
    return Expected(**values)
