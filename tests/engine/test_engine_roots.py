"""Root scoring: dermatomes, myotomes and reflexes, normal signs, sides and the bilateral merge."""

from __future__ import annotations

import pytest

from conftest import finding, root, run, sign
from rootmap.engine import UnknownAtlasError


def test_numbness_over_the_dorsum_points_to_l5(knowledge):
    analysis = run(knowledge, {"findings": [finding("dorsum_central")]})
    assert analysis.roots[0].root == "L5"
    assert analysis.roots[0].side == "left"
    assert "numbness over dorsum_central (L5 dermatome, lee2008)" in [
        e.text for e in analysis.roots[0].evidence
    ]


def test_numbness_localises_better_than_tingling_burning_and_pain(knowledge):
    scores = {
        kind: root(run(knowledge, {"findings": [finding("dorsum_central", kind=kind)]}), "L5").score
        for kind in ("numbness", "tingling", "burning", "pain")
    }
    assert scores["numbness"] > scores["tingling"] > scores["burning"] > scores["pain"] > 0


def test_intensity_modulates_mildly(knowledge):
    def l5(intensity):
        data = {"findings": [finding("dorsum_central", intensity=intensity)]}
        return root(run(knowledge, data), "L5").score

    assert l5(2) < l5(9)
    assert l5(9) < 1.5 * l5(2)  # mild, not dominant


def test_overlap_counts_half_of_primary(knowledge):
    analysis = run(knowledge, {"findings": [finding("dorsum_central")]})
    l5 = next(e for e in root(analysis, "L5").evidence if "dorsum_central" in e.text)
    s1 = next(e for e in root(analysis, "S1").evidence if "dorsum_central" in e.text)
    assert s1.weight == pytest.approx(l5.weight / 2)
    assert "S1 overlap zone" in s1.text


def test_weaker_muscles_weigh_more_and_signs_outweigh_findings(knowledge):
    def l5(value):
        return root(run(knowledge, {"signs": [sign("great_toe_extension", value)]}), "L5")

    assert l5(0).score > l5(3).score > l5(4).score > 0
    assert l5(3).evidence[0].text == "great toe extension 3/5 (L5 myotome)"
    numb = root(run(knowledge, {"findings": [finding("first_web_space")]}), "L5").score
    assert l5(4).score > numb


def test_absent_reflex_weighs_more_than_reduced(knowledge):
    def s1(value):
        return root(run(knowledge, {"signs": [sign("achilles_reflex", value)]}), "S1")

    assert s1("absent").score > s1("reduced").score > 0
    assert s1("absent").evidence[0].text == "achilles reflex absent (S1 reflex arc)"
    assert s1("brisk") is None  # an upper motor neuron sign, not a root sign


def test_a_normal_key_sign_lowers_its_root(knowledge):
    base = {"findings": [finding("foot_lateral_border", "right")]}
    with_normal = {**base, "signs": [sign("achilles_reflex", "normal", "right")]}
    before = root(run(knowledge, base), "S1")
    after = root(run(knowledge, with_normal), "S1")
    assert after.score < before.score
    assert any(e.weight < 0 and "achilles reflex normal" in e.text for e in after.evidence)


def test_walks_foot_drop_and_tension_signs(knowledge):
    walk = run(knowledge, {"signs": [sign("heel_walk", "impaired")]})
    assert {"L4", "L5"} <= {r.root for r in walk.roots}
    drop = run(knowledge, {"signs": [sign("foot_drop", "present")]})
    assert drop.roots[0].root == "L5"
    alone = run(knowledge, {"signs": [sign("straight_leg_raise", "positive")]})
    assert alone.roots == ()  # a tension sign alone does not localise a root
    numb = {"findings": [finding("first_web_space")]}
    slr = run(knowledge, {**numb, "signs": [sign("straight_leg_raise", "positive")]})
    weak = run(knowledge, {**numb, "signs": [sign("great_toe_extension", 4)]})
    assert root(run(knowledge, numb), "L5").score < root(slr, "L5").score
    assert root(slr, "L5").score < root(weak, "L5").score  # tension signs are modest
    assert any("not localising" in e.text for e in root(slr, "L5").evidence)


def test_one_root_on_both_sides_is_listed_once_as_bilateral(knowledge):
    data = {
        "findings": [finding("dorsum_central", "left"), finding("dorsum_central", "right")],
        "signs": [sign("great_toe_extension", 4, "right")],
    }
    analysis = run(knowledge, data)
    l5 = [r for r in analysis.roots if r.root == "L5"]
    assert len(l5) == 1 and l5[0].side == "bilateral"
    texts = [e.text for e in l5[0].evidence]
    assert "numbness over dorsum_central, left (L5 dermatome, lee2008)" in texts
    assert "numbness over dorsum_central, right (L5 dermatome, lee2008)" in texts
    assert "great toe extension 4/5, right (L5 myotome)" in texts


def test_a_saddle_finding_implicates_the_sacral_roots_on_both_sides(knowledge):
    analysis = run(knowledge, {"findings": [finding("saddle", "midline")]})
    assert {r.root for r in analysis.roots} >= {"S3", "S4", "S5"}
    assert all(r.side == "bilateral" for r in analysis.roots)


def test_one_side_stays_one_side_and_the_other_side_normal_does_not_merge(knowledge):
    data = {
        "findings": [finding("little_toe", "right")],
        "signs": [sign("achilles_reflex", "normal", "left")],
    }
    s1 = root(run(knowledge, data), "S1")
    assert s1.side == "right"
    assert all("normal" not in e.text for e in s1.evidence)


def test_best_first_with_a_stable_tie_break(knowledge):
    analysis = run(knowledge, {"findings": [finding("saddle", "midline")]})
    scores = [r.score for r in analysis.roots]
    assert scores == sorted(scores, reverse=True)
    tied = [r.root for r in analysis.roots if r.score == analysis.roots[0].score]
    assert tied == sorted(tied, key=list(knowledge.roots).index)


def test_score_is_the_normalised_sum_of_the_evidence_it_carries(knowledge):
    import math

    analysis = run(
        knowledge,
        {"findings": [finding("dorsum_central")], "signs": [sign("heel_walk", "impaired")]},
    )
    for result in analysis.roots:
        total = math.fsum(e.weight for e in result.evidence)
        assert result.score == pytest.approx(1 - math.exp(-total / knowledge.scoring.root_scale))
        assert 0 < result.score < 1


def test_the_atlas_can_be_chosen_and_an_unknown_one_is_refused(knowledge):
    other = next(a for a in knowledge.atlases if a != knowledge.default_atlas)
    analysis = run(knowledge, {"findings": [finding("dorsum_central")]}, atlas=other)
    assert analysis.atlas == other
    assert f", {other})" in analysis.roots[0].evidence[0].text
    assert run(knowledge, {}).atlas == knowledge.default_atlas
    with pytest.raises(UnknownAtlasError, match="unknown atlas 'nope'"):
        run(knowledge, {}, atlas="nope")


def test_an_empty_encounter_yields_empty_lists(knowledge):
    analysis = run(knowledge, {})
    assert analysis.to_json() == {
        "roots": [],
        "conditions": [],
        "red_flags": [],
        "atlas": knowledge.default_atlas,
        "extent": {"all": 0.0, "pain": 0.0, "numbness": 0.0, "tingling": 0.0, "burning": 0.0},
    }


# -- sides kept apart, several roots ------------------------------------------------------

L5_LEFT = [
    finding("dorsum_central", "left"),
    finding("first_web_space", "left"),
    finding("leg_anterolateral", "left", "tingling"),
]
S1_RIGHT = [
    finding("foot_lateral_border", "right"),
    finding("heel_lateral", "right"),
    finding("calf_posterior", "right", "tingling"),
]


def _left_l5_right_s1(knowledge):
    data = {
        "findings": L5_LEFT + S1_RIGHT,
        "signs": [sign("great_toe_extension", 3, "left")],
        "history": {"age": 50, "leg_pain": True, "back_pain": True},
    }
    return run(knowledge, data)


def test_two_unilateral_patterns_are_two_roots_on_two_sides(knowledge):
    analysis = _left_l5_right_s1(knowledge)
    assert {(r.root, r.side) for r in analysis.roots[:2]} == {("L5", "left"), ("S1", "right")}
    assert all(r.side != "bilateral" for r in analysis.roots)
    l5, s1 = root(analysis, "L5"), root(analysis, "S1")
    # each root carries only its own side's evidence: no right mark inside L5, no left in S1
    assert all(
        region not in e.text for e in l5.evidence for region in ("foot_lateral_border", "calf")
    )
    assert all("great toe" not in e.text and "dorsum" not in e.text for e in s1.evidence)
    assert all(", left" not in e.text and ", right" not in e.text for e in l5.evidence)


def test_spinal_conditions_carry_the_side_of_their_root(knowledge):
    analysis = _left_l5_right_s1(knowledge)
    spinal = [c for c in analysis.conditions if c.category == "spinal" and c.roots]
    assert spinal and all(c.side != "bilateral" for c in spinal)
    for result in spinal:
        assert result.side == root(analysis, result.roots[0]).side
    sides = {(c.id, c.levels, c.side) for c in spinal}
    assert ("disc_herniation", ("L4-L5",), "left") in sides
    assert ("disc_herniation", ("L5-S1",), "right") in sides


def test_a_root_with_its_own_evidence_on_one_side_only_is_not_bilateral(knowledge):
    # L5 primary on the left; on the right only L5's overlap zones of an S1 pattern
    data = {"findings": [finding("first_web_space", "left"), *S1_RIGHT]}
    analysis = run(knowledge, data)
    assert (root(analysis, "L5").side, root(analysis, "S1").side) == ("left", "right")


def test_bilateral_needs_the_root_own_evidence_on_each_side(knowledge):
    data = {"findings": [*L5_LEFT, finding("first_web_space", "right")]}
    l5 = root(run(knowledge, data), "L5")
    assert l5.side == "bilateral"
    texts = [e.text for e in l5.evidence]
    assert "numbness over first_web_space, right (L5 dermatome, lee2008)" in texts
    # a contributing muscle (EHL is mainly L5) does not make S1 its own on that side
    weak = {
        "findings": [finding("heel_lateral", "right")],
        "signs": [sign("great_toe_extension", 3)],
    }
    assert root(run(knowledge, weak), "S1").side == "right"


def test_a_root_with_only_overlap_evidence_keeps_its_sides(knowledge):
    # no root has a primary region here on the right: overlap alone still implicates
    analysis = run(knowledge, {"findings": [finding("dorsum_central", "right")]})
    assert root(analysis, "L4").side == "right"
    both = run(
        knowledge,
        {"findings": [finding("dorsum_central", "right"), finding("dorsum_central", "left")]},
    )
    assert root(both, "L4").side == "bilateral"  # the same overlap on each side: its own


def test_a_two_level_pattern_on_one_side_lists_both_roots_first(knowledge):
    data = {
        "findings": [
            *L5_LEFT,
            finding("foot_lateral_border", "left"),
            finding("little_toe", "left"),
        ],
        "signs": [sign("great_toe_extension", 3), sign("achilles_reflex", "absent")],
    }
    analysis = run(knowledge, data)
    assert {(r.root, r.side) for r in analysis.roots[:2]} == {("L5", "left"), ("S1", "left")}
    l5, s1 = root(analysis, "L5"), root(analysis, "S1")
    # each led by its own evidence: its dermatome and its key muscle or reflex
    assert {e.text for e in l5.evidence[:4]} == {
        "great toe extension 3/5 (L5 myotome)",
        "numbness over dorsum_central (L5 dermatome, lee2008)",
        "numbness over first_web_space (L5 dermatome, lee2008)",
        "tingling over leg_anterolateral (L5 dermatome, lee2008)",
    }
    assert {e.text for e in s1.evidence[:3]} == {
        "achilles reflex absent (S1 reflex arc)",
        "numbness over foot_lateral_border (S1 dermatome, lee2008)",
        "numbness over little_toe (S1 dermatome, lee2008)",
    }
    levels = {(c.id, c.levels, c.roots) for c in analysis.conditions[:2]}
    assert levels == {
        ("disc_herniation", ("L4-L5",), ("L5",)),
        ("disc_herniation", ("L5-S1",), ("S1",)),
    }


def test_a_stocking_pattern_lightens_only_the_regions_marked_on_both_feet(knowledge):
    toes = [finding(region, side) for region in ("hallux_dorsal", "toes_dorsal") for side in SIDES]
    extra = finding("heel_lateral", "right")  # one foot only: not length-dependent
    analysis = run(knowledge, {"findings": [*toes, extra]})
    s1 = root(analysis, "S1")
    heel = next(e for e in s1.evidence if "heel_lateral" in e.text)
    assert heel.weight == pytest.approx(knowledge.scoring.kind_weight["numbness"])
    assert "stocking" not in heel.text
    toe = next(e for e in root(analysis, "L5").evidence if "hallux_dorsal" in e.text)
    assert "stocking pattern, weighed lightly" in toe.text
    # the left toes do not lower what the right foot alone says about S1
    right_only = run(knowledge, {"findings": [extra]})
    assert heel.weight == root(right_only, "S1").evidence[0].weight


SIDES = ("left", "right")
