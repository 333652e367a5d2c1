"""Helpers for the engine tests: the real knowledge, and a way to build encounters quickly."""

from __future__ import annotations

from typing import Any

import pytest

from rootmap.analysis import Analysis
from rootmap.encounter import Encounter, parse_encounter
from rootmap.engine import analyze
from rootmap.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load_knowledge()


def encounter_of(knowledge: Knowledge, data: dict[str, Any]) -> Encounter:
    return parse_encounter(data, knowledge.regions)


def run(knowledge: Knowledge, data: dict[str, Any], atlas: str | None = None) -> Analysis:
    return analyze(encounter_of(knowledge, data), knowledge, atlas)


def finding(region: str, side: str = "left", kind: str = "numbness", **extra: Any) -> dict:
    return {"region": region, "side": side, "kind": kind, **extra}


def sign(name: str, value: Any, side: str = "left") -> dict:
    return {"sign": name, "side": side, "value": value}


def condition(analysis: Analysis, condition_id: str, level: str | None = None):
    """The best result for a condition (at one level), or None."""
    for result in analysis.conditions:
        if result.id == condition_id and (level is None or level in result.levels):
            return result
    return None


def score_of(analysis: Analysis, condition_id: str, level: str | None = None) -> float:
    result = condition(analysis, condition_id, level)
    return 0.0 if result is None else result.score


def root(analysis: Analysis, root_id: str):
    return next((r for r in analysis.roots if r.root == root_id), None)
