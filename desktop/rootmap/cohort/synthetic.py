"""A seeded synthetic cohort: plausible radicular pain drawings, for tests, benchmarks and
teaching figures. Never real patients, never stored: the same seed gives the same cohort.

Each encounter has one affected root (L4, L5 or S1, or a few L3/S1-S2-ish drawings), on one
side; it marks most of that root's dermatome (the atlas' primary regions in the legs) with
the kinds a radiculopathy brings, and spreads pain beyond it as real drawings do (buttock,
back, neighbouring regions). A few encounters are local foot problems (the heel).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rootmap.knowledge import Knowledge

LEG_GROUPS = ("lower_back_pelvis", "thigh", "knee", "leg", "ankle", "foot")
ROOTS = (("L5", 0.42), ("S1", 0.33), ("L4", 0.17), ("L3", 0.08))
KINDS = ("pain", "numbness", "tingling", "burning")


def synthetic_encounters(count: int, seed: int, knowledge: Knowledge) -> Iterator[dict[str, Any]]:
    """``count`` contract encounters (JSON data), the same for the same ``seed``."""
    rng = random.Random(seed)
    atlas = knowledge.atlas()
    legs = sorted(
        r.id for r in knowledge.regions.values() if r.group in LEG_GROUPS and not r.midline
    )
    dermatomes = {
        root: [r for r in atlas.regions_of_root(root, primary_only=True) if r in legs]
        for root, _ in ROOTS
    }
    roots = [root for root, _ in ROOTS]
    weights = [weight for _, weight in ROOTS]
    for _ in range(count):
        if rng.random() < 0.08:
            yield _heel(rng)
            continue
        root = rng.choices(roots, weights)[0]
        yield _radicular(rng, root, dermatomes[root], legs)


def _radicular(
    rng: random.Random, root: str, dermatome: list[str], legs: list[str]
) -> dict[str, Any]:
    side = rng.choice(("left", "right"))
    findings: dict[tuple[str, str], dict[str, Any]] = {}

    def mark(region: str, kind: str, on: str = side) -> None:
        findings[(region, kind)] = {
            "region": region, "side": on, "kind": kind, "intensity": rng.randint(2, 9)
        }  # fmt: skip

    sensory = rng.choice(("numbness", "tingling", "burning", "numbness"))
    for region in dermatome:
        if rng.random() < 0.6:
            mark(region, sensory)
        if rng.random() < 0.35:
            mark(region, "pain")
    for region in ("buttock", "lower_back", "thigh_posterior"):
        if rng.random() < 0.55:
            mark(region, "pain")
    for _ in range(rng.randint(0, 3)):  # the spread beyond the textbook dermatome
        mark(rng.choice(legs), rng.choice(KINDS))
    if rng.random() < 0.1:
        mark(rng.choice(legs), "pain", "left" if side == "right" else "right")
    signs = []
    key_muscle = {"L3": "knee_extension", "L4": "ankle_dorsiflexion", "L5": "great_toe_extension",
                  "S1": "ankle_plantarflexion"}[root]  # fmt: skip
    if rng.random() < 0.6:
        signs.append({"sign": key_muscle, "side": side, "value": rng.randint(2, 5)})
    if rng.random() < 0.5:
        signs.append({"sign": "straight_leg_raise", "side": side,
                      "value": rng.choice(("positive", "positive", "negative"))})  # fmt: skip
    history = {"age": rng.randint(22, 85), "leg_pain": True, "back_pain": rng.random() < 0.7}
    return {"findings": list(findings.values()), "signs": signs, "history": history}


def _heel(rng: random.Random) -> dict[str, Any]:
    side = rng.choice(("left", "right"))
    regions = ["heel_plantar"] + (["arch_medial"] if rng.random() < 0.4 else [])
    findings = [{"region": r, "side": side, "kind": "pain", "intensity": rng.randint(3, 8)}
                for r in regions]  # fmt: skip
    return {"findings": findings, "history": {"age": rng.randint(30, 70),
                                              "first_step_heel_pain": True}}  # fmt: skip


def write_cohort(folder: Path, count: int, seed: int, knowledge: Knowledge) -> list[Path]:
    """Write a synthetic cohort as encounter JSON files ``NNNNNN.json`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, encounter in enumerate(synthetic_encounters(count, seed, knowledge)):
        path = folder / f"{number:06d}.json"
        path.write_text(json.dumps(encounter), encoding="utf-8")
        paths.append(path)
    return paths
