"""The worked examples in examples/: the answers a clinician would expect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def example(knowledge, name):
    return run(knowledge, json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8")))


def test_classic_l5(knowledge):
    analysis = example(knowledge, "classic_l5")
    assert (analysis.roots[0].root, analysis.roots[0].side) == ("L5", "left")
    top = analysis.conditions[0]
    assert (top.id, top.levels, top.roots, top.side) == (
        "disc_herniation",
        ("L4-L5",),
        ("L5",),
        "left",
    )
    assert top.icd10 == ("M51.16",)
    assert analysis.red_flags == ()
    assert all(c.id != "common_peroneal_neuropathy" for c in analysis.conditions)


def test_classic_s1(knowledge):
    analysis = example(knowledge, "classic_s1")
    assert (analysis.roots[0].root, analysis.roots[0].side) == ("S1", "right")
    top = analysis.conditions[0]
    assert (top.id, top.levels, top.roots) == ("disc_herniation", ("L5-S1",), ("S1",))
    assert top.icd10 == ("M51.17",)


def test_cauda_equina(knowledge):
    analysis = example(knowledge, "cauda_equina")
    assert analysis.red_flags[0].id == "cauda_equina"
    assert analysis.red_flags[0].urgency == "emergency"
    assert analysis.conditions[0].id == "cauda_equina_syndrome"
    assert analysis.conditions[0].icd10 == ("G83.4",)
    assert analysis.roots[0].side == "bilateral"
    assert {"S3", "S4", "S5"} <= {r.root for r in analysis.roots}


def test_plantar_fasciitis(knowledge):
    analysis = example(knowledge, "plantar_fasciitis")
    top = analysis.conditions[0]
    assert (top.id, top.category, top.side) == ("plantar_fasciitis", "local_foot", "right")
    assert all(c.category != "spinal" for c in analysis.conditions)
    assert analysis.red_flags == ()


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_every_example_follows_the_contract(knowledge, path):
    analysis = run(knowledge, json.loads(path.read_text(encoding="utf-8")))
    data = analysis.to_json()
    assert {"roots", "conditions", "red_flags", "atlas", "extent"} <= set(data)
    allowed = {
        "roots",
        "conditions",
        "red_flags",
        "atlas",
        "extent",
        "changes",
        "excluded",
        "close",
    }
    assert set(data) <= allowed
    for item in data["roots"]:
        assert item["side"] in ("left", "right", "bilateral") and 0 <= item["score"] <= 1
        assert item["evidence"]
    for item in data["conditions"]:
        assert item["why"] and item["icd10"] and 0 <= item["score"] <= 1
