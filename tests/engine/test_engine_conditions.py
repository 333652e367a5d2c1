"""Conditions: level rules, history that shifts them, peripheral mimics, codes and sources."""

from __future__ import annotations

import math

from conftest import condition, finding, run, score_of, sign
from rootmap.engine.conditions import CONDITION_SCALE

L5_PATTERN = [
    finding("leg_anterolateral", kind="tingling"),
    finding("dorsum_central"),
    finding("first_web_space"),
]
L5_SIGNS = [sign("great_toe_extension", 3), sign("heel_walk", "impaired")]


def test_every_code_feature_and_trigger_has_a_known_source(knowledge):
    for item in knowledge.conditions.values():
        assert item.icd10, item.id
        for part in (item, *item.icd10, *item.features):
            assert part.source in knowledge.sources, (item.id, part)
    for flag in knowledge.red_flags.values():
        for part in (flag, *flag.triggers):
            assert part.source in knowledge.sources, (flag.id, part)


def test_l5_lists_both_disc_levels_that_could_compress_it(knowledge):
    analysis = run(knowledge, {"findings": L5_PATTERN, "signs": L5_SIGNS})
    traversing = condition(analysis, "disc_herniation", "L4-L5")
    exiting = condition(analysis, "disc_herniation", "L5-S1")
    assert traversing is not None and exiting is not None
    assert traversing.roots == ("L5",) and exiting.roots == ("L5",)
    assert traversing.score > exiting.score  # paracentral (traversing) is commoner
    assert any("traversing root at L4-L5" in e.text for e in traversing.why)
    assert any("exits at L5-S1" in e.text for e in exiting.why)
    assert traversing.icd10 == ("M51.16",) and exiting.icd10 == ("M51.17",)


def test_s1_points_to_l5_s1(knowledge):
    data = {
        "findings": [finding("foot_lateral_border"), finding("little_toe")],
        "signs": [sign("achilles_reflex", "absent")],
    }
    best = condition(run(knowledge, data), "disc_herniation")
    assert best.levels == ("L5-S1",) and best.roots == ("S1",)


def test_claudication_and_age_shift_toward_stenosis(knowledge):
    base = {"findings": L5_PATTERN, "history": {"leg_pain": True}}
    older = {
        **base,
        "history": {
            "leg_pain": True,
            "neurogenic_claudication": True,
            "age": 72,
            "onset": "gradual",
        },
    }
    assert score_of(run(knowledge, older), "lumbar_spinal_stenosis") > score_of(
        run(knowledge, base), "lumbar_spinal_stenosis"
    )
    shifted = run(knowledge, older)
    assert score_of(shifted, "lumbar_spinal_stenosis") > score_of(shifted, "disc_herniation")
    assert "M48.062" in condition(shifted, "lumbar_spinal_stenosis", "L4-L5").icd10
    assert "M48.061" not in condition(shifted, "lumbar_spinal_stenosis", "L4-L5").icd10


def test_acute_onset_tension_signs_and_coughing_shift_toward_herniation(knowledge):
    base = {"findings": L5_PATTERN, "history": {"leg_pain": True}}
    acute = {
        "findings": L5_PATTERN,
        "signs": [
            sign("straight_leg_raise", "positive"),
            sign("crossed_straight_leg_raise", "positive", "right"),
        ],
        "history": {"leg_pain": True, "onset": "acute", "worse_sitting_coughing": True, "age": 35},
    }
    before, after = run(knowledge, base), run(knowledge, acute)
    assert score_of(after, "disc_herniation") > score_of(before, "disc_herniation")
    assert score_of(after, "disc_herniation") > score_of(after, "lumbar_spinal_stenosis")
    why = [e.text for e in condition(after, "disc_herniation", "L4-L5").why]
    assert (
        "positive straight leg raise (sensitive for a herniated disc): straight leg raise positive"
        in why
    )


def test_foot_pain_without_leg_pain_shifts_toward_local_causes(knowledge):
    foot = [finding("heel_plantar", "right", "pain")]
    with_leg = run(knowledge, {"findings": foot, "history": {"leg_pain": True}})
    without = run(knowledge, {"findings": foot, "history": {"leg_pain": False}})
    assert score_of(without, "plantar_fasciitis") > score_of(with_leg, "plantar_fasciitis")
    assert score_of(without, "disc_herniation") <= score_of(with_leg, "disc_herniation")
    assert without.conditions[0].category == "local_foot"


def test_first_step_heel_pain_points_to_plantar_fasciitis(knowledge):
    data = {
        "findings": [finding("heel_plantar", "right", "pain")],
        "history": {"first_step_heel_pain": True, "leg_pain": False},
    }
    analysis = run(knowledge, data)
    top = analysis.conditions[0]
    assert top.id == "plantar_fasciitis" and top.side == "right" and top.icd10 == ("M72.2",)
    assert any("pain over heel_plantar" in e.text for e in top.why)


def test_peroneal_palsy_is_told_from_l5_by_spared_inversion_and_hip_abduction(knowledge):
    findings = [finding("dorsum_central"), finding("leg_anterolateral"), finding("first_web_space")]
    peroneal = {
        "findings": findings,
        "signs": [
            sign("ankle_dorsiflexion", 2),
            sign("foot_drop", "present"),
            sign("ankle_inversion", 5),
            sign("hip_abduction", 5),
        ],
        "history": {"fibular_head_pressure": True, "back_pain": False},
    }
    radicular = {
        "findings": findings,
        "signs": [
            sign("ankle_dorsiflexion", 2),
            sign("foot_drop", "present"),
            sign("ankle_inversion", 3),
            sign("hip_abduction", 4),
            sign("straight_leg_raise", "positive"),
        ],
        "history": {"leg_pain": True, "back_pain": True},
    }
    palsy = run(knowledge, peroneal)
    assert palsy.conditions[0].id == "common_peroneal_neuropathy"
    assert palsy.conditions[0].icd10 == ("G57.32",)  # left lower limb
    assert any("ankle inversion spared" in e.text for e in palsy.conditions[0].why)
    assert score_of(palsy, "common_peroneal_neuropathy") > score_of(palsy, "disc_herniation")
    root_l5 = run(knowledge, radicular)
    assert score_of(root_l5, "disc_herniation") > score_of(root_l5, "common_peroneal_neuropathy")
    # spared inversion argues against L5 itself
    l5_with, _l5_without = (next(r for r in a.roots if r.root == "L5") for a in (palsy, root_l5))
    assert any(e.weight < 0 and "ankle inversion 5/5" in e.text for e in l5_with.evidence)


def test_red_hot_swollen_joint_points_to_gout(knowledge):
    data = {
        "findings": [finding("hallux_dorsal", "right", "pain")],
        "history": {"red_hot_swollen_joint": True, "onset": "acute"},
    }
    top = run(knowledge, data).conditions[0]
    assert top.id == "gout" and top.icd10 == ("M10.071",)


def test_diabetes_with_stocking_loss_points_to_polyneuropathy(knowledge):
    feet = [
        finding(region, side, kind)
        for side in ("left", "right")
        for region, kind in (
            ("toes_plantar", "numbness"),
            ("hallux_plantar", "burning"),
            ("forefoot_plantar_medial", "tingling"),
        )
    ]
    data = {
        "findings": feet,
        "signs": [sign("achilles_reflex", "reduced", s) for s in ("left", "right")],
        "history": {"diabetes": True, "onset": "gradual"},
    }
    analysis = run(knowledge, data)
    assert analysis.conditions[0].id == "polyneuropathy"
    assert analysis.conditions[0].icd10 == ("E11.42",)  # G62.9 (unspecified) would contradict it
    without_diabetes = run(knowledge, {**data, "history": {"diabetes": False}})
    assert "E11.42" not in condition(without_diabetes, "polyneuropathy").icd10
    assert score_of(without_diabetes, "polyneuropathy") < score_of(analysis, "polyneuropathy")


def test_tight_footwear_raises_sural_and_morton(knowledge):
    sural = [finding("foot_lateral_border", "right"), finding("malleolus_lateral", "right")]
    loose = run(
        knowledge, {"findings": sural, "signs": [sign("achilles_reflex", "normal", "right")]}
    )
    tight = run(
        knowledge,
        {
            "findings": sural,
            "signs": [sign("achilles_reflex", "normal", "right")],
            "history": {"tight_footwear": True},
        },
    )
    assert score_of(tight, "sural_neuropathy") > score_of(loose, "sural_neuropathy") > 0
    morton = [finding("interdigital_3_4", "left", "burning")]
    assert score_of(
        run(knowledge, {"findings": morton, "history": {"tight_footwear": True}}), "morton_neuroma"
    ) > score_of(run(knowledge, {"findings": morton}), "morton_neuroma")


def test_hip_surgery_or_buttock_injection_points_to_sciatic_neuropathy(knowledge):
    data = {
        "findings": [finding("dorsum_central"), finding("foot_lateral_border")],
        "signs": [sign("knee_flexion", 4), sign("ankle_dorsiflexion", 3), sign("hip_abduction", 5)],
        "history": {"recent_hip_surgery_or_buttock_injection": True, "back_pain": False},
    }
    top = run(knowledge, data).conditions[0]
    assert top.id == "sciatic_neuropathy" and top.icd10 == ("G57.02",)


def test_babinski_and_brisk_reflexes_point_to_an_upper_motor_neuron_lesion(knowledge):
    data = {
        "signs": [sign("babinski", "present", "right"), sign("patellar_reflex", "brisk", "right")]
    }
    top = run(knowledge, data).conditions[0]
    assert top.id == "upper_motor_neuron_lesion" and top.category == "central"
    assert top.side == "right"


def test_meralgia_and_saphenous_and_tarsal_tunnel(knowledge):
    outer_thigh = run(knowledge, {"findings": [finding("thigh_lateral", "right", "burning")]})
    assert outer_thigh.conditions[0].id == "meralgia_paresthetica"
    medial = run(
        knowledge,
        {
            "findings": [finding("leg_medial"), finding("malleolus_medial")],
            "signs": [sign("patellar_reflex", "normal")],
        },
    )
    assert condition(medial, "saphenous_neuropathy") is not None
    sole = run(
        knowledge,
        {
            "findings": [
                finding("arch_medial", "right", "burning"),
                finding("forefoot_plantar_medial", "right", "tingling"),
            ],
            "history": {"leg_pain": False},
        },
    )
    assert sole.conditions[0].id == "tarsal_tunnel_syndrome"


def test_a_condition_needs_positive_evidence(knowledge):
    analysis = run(knowledge, {"history": {"leg_pain": False, "back_pain": False, "age": 30}})
    assert analysis.conditions == ()


def test_every_why_is_a_reason_and_the_score_sums_it(knowledge):
    analysis = run(
        knowledge,
        {
            "findings": L5_PATTERN,
            "signs": L5_SIGNS,
            "history": {"leg_pain": True, "back_pain": True, "age": 50},
        },
    )
    for result in analysis.conditions:
        assert result.why and any(e.weight > 0 for e in result.why)
        total = math.fsum(e.weight for e in result.why)
        assert math.isclose(result.score, 1 - math.exp(-total / CONDITION_SCALE))
    scores = [c.score for c in analysis.conditions]
    assert scores == sorted(scores, reverse=True)
