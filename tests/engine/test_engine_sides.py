"""Vignettes of sides and several roots, and close calls between the first roots or conditions.

25: left L5 (dorsum, first web space, outer shin, EHL 3/5) and right S1 (outer foot, heel,
calf): two roots on two sides, never "S1 bilateral" with left L5 evidence inside.
26: L5 and S1 on the left (a two-level lesion): both roots first, each with its own evidence.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import root, run
from rootmap.engine.close_calls import close_calls, evidence

VIGNETTES = Path(__file__).resolve().parent / "vignettes"


def analysis_of(knowledge, name: str, atlas: str | None = None):
    data = json.loads((VIGNETTES / f"{name}.json").read_text(encoding="utf-8"))
    return run(knowledge, data, atlas)


def test_left_l5_and_right_s1_are_two_roots_on_two_sides(knowledge):
    for atlas in knowledge.atlases:
        analysis = analysis_of(knowledge, "25_l5_left_s1_right", atlas)
        top = {(r.root, r.side) for r in analysis.roots[:2]}
        assert top == {("L5", "left"), ("S1", "right")}, atlas
        assert not any(r.side == "bilateral" for r in analysis.roots), atlas
        sides = {c.side for c in analysis.conditions if c.category == "spinal" and c.roots}
        assert "bilateral" not in sides and {"left", "right"} <= sides, atlas
    analysis = analysis_of(knowledge, "25_l5_left_s1_right")
    assert "great toe extension" not in " ".join(e.text for e in root(analysis, "S1").evidence)


def test_a_two_level_lesion_on_one_side_lists_both_roots_first(knowledge):
    analysis = analysis_of(knowledge, "26_l5_s1_two_level_left")
    assert {(r.root, r.side) for r in analysis.roots[:2]} == {("L5", "left"), ("S1", "left")}
    assert {c.levels for c in analysis.conditions[:2]} == {("L4-L5",), ("L5-S1",)}
    # the two are close: the results say so
    call = analysis.close_call("roots")
    assert call is not None and call.positions == (0, 1)
    assert set(call.labels) == {"L5 left", "S1 left"}
    assert "Close call" in call.message and "L5 left" in call.message


def test_close_calls_follow_the_margin_in_the_knowledge(knowledge):
    analysis = analysis_of(knowledge, "26_l5_s1_two_level_left")
    scale = knowledge.scoring.root_scale
    first, second = (evidence(r.score, scale) for r in analysis.roots[:2])
    assert 0 < first - second < knowledge.scoring.close_roots  # margin in units of evidence
    narrower = knowledge.scoring.with_value("close.roots", (first - second) / 2)
    narrowed = close_calls(analysis.roots, analysis.conditions, narrower)
    assert all(call.list != "roots" for call in narrowed)
    # a clear first root is no close call: L5 over L4 in the classic L5 vignette
    clear = analysis_of(knowledge, "02_l5_radiculopathy_foot_drop")
    assert clear.close_call("roots") is None


def test_a_clear_answer_has_no_close_call_and_the_json_is_additive(knowledge):
    analysis = run(knowledge, json.loads((VIGNETTES / "11_s1_radiculopathy.json").read_text()))
    assert analysis.close_calls == ()
    assert "close" not in analysis.to_json()
    two_level = analysis_of(knowledge, "26_l5_s1_two_level_left")
    item = next(c for c in two_level.to_json()["close"] if c["list"] == "roots")
    assert item["positions"] == [0, 1] and item["margin"] == knowledge.scoring.close_roots
    assert item["difference"] == round(two_level.roots[0].score - two_level.roots[1].score, 3)
    assert {"list", "positions", "labels", "scores", "difference", "margin", "message"} == set(item)
