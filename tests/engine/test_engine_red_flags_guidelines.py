"""Red flags by guideline, each with its neighbours: the other side, both sides, no back pain,
an older patient, a foot-only problem.

- cauda equina (GIRFT 2023, NICE CKS sciatica): CES symptoms (saddle, bladder, bowel, altered
  bladder sensation, sexual dysfunction) are an emergency; bilateral radicular pain alone is
  suspected CES too (NICE CKS lists bilateral sciatica), with its own advice; a symmetric
  stocking polyneuropathy with mild weakness is neither;
- spinal flags (cauda equina, infection, malignancy, fracture) only for a spinal presentation;
  a red hot swollen joint with fever is septic arthritis, not a spinal infection;
- upper motor neuron signs: the central cause leads clearly, the advice does not send the
  patient for a lumbar study, and no cauda equina flag without explicit CES symptoms;
- the advice follows the leading explanation: a peroneal foot drop gets nerve studies.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import finding, run, score_of, sign

VIGNETTES = Path(__file__).resolve().parent / "vignettes"
BOTH = ("left", "right")
SPINAL_FLAGS = {"cauda_equina", "infection", "malignancy", "fracture"}


def vignette(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VIGNETTES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def flags(analysis) -> dict[str, Any]:
    return {f.id: f for f in analysis.red_flags}


def with_history(data: dict[str, Any], **history: Any) -> dict[str, Any]:
    return {**data, "history": {**data.get("history", {}), **history}}


def one_sided(data: dict[str, Any], side: str) -> dict[str, Any]:
    return {
        **data,
        "findings": [f for f in data.get("findings", []) if f["side"] in (side, "midline")],
        "signs": [s for s in data.get("signs", []) if s["side"] == side],
    }


# -- cauda equina ------------------------------------------------------------------------------


def test_a_stocking_polyneuropathy_with_mild_bilateral_weakness_is_not_cauda_equina(knowledge):
    analysis = run(knowledge, vignette("19_stocking_polyneuropathy_mild_weakness"))
    assert analysis.conditions[0].id == "polyneuropathy"
    assert "cauda_equina" not in flags(analysis)
    assert all(f.urgency != "emergency" for f in analysis.red_flags)


def test_the_same_polyneuropathy_with_bladder_symptoms_is_an_emergency(knowledge):
    data = with_history(
        vignette("19_stocking_polyneuropathy_mild_weakness"), bladder_dysfunction=True
    )
    assert flags(run(knowledge, data))["cauda_equina"].urgency == "emergency"


def test_acute_bilateral_sciatica_is_suspected_cauda_equina(knowledge):
    raised = flags(run(knowledge, vignette("20_acute_bilateral_sciatica")))
    flag = raised["cauda_equina"]
    assert flag.urgency == "emergency"
    assert "bilateral radicular pain" in flag.message
    assert "safety-netting" in flag.message and "emergency department" in flag.message
    assert any("bilateral radicular pain" in why for why in flag.why)


@pytest.mark.parametrize("side", BOTH)
def test_sciatica_on_one_side_raises_no_cauda_equina_flag(knowledge, side):
    data = one_sided(vignette("20_acute_bilateral_sciatica"), side)
    assert "cauda_equina" not in flags(run(knowledge, data))


def test_bilateral_straight_leg_raise_alone_is_suspected_cauda_equina(knowledge):
    data = {
        "signs": [sign("straight_leg_raise", "positive", s) for s in BOTH],
        "history": {"back_pain": True},
    }
    assert flags(run(knowledge, data))["cauda_equina"].urgency == "emergency"


def test_bilateral_leg_pain_without_leg_pain_in_the_history_is_not_sciatica(knowledge):
    data = {"findings": [finding("calf_posterior", s, "pain") for s in BOTH]}
    assert "cauda_equina" not in flags(run(knowledge, data))


def test_bilateral_claudicant_leg_pain_is_stenosis_not_a_cauda_equina_warning(knowledge):
    data = with_history(vignette("20_acute_bilateral_sciatica"), neurogenic_claudication=True)
    data = {**data, "signs": []}
    assert "cauda_equina" not in flags(run(knowledge, data))


@pytest.mark.parametrize("key", ["altered_bladder_sensation", "sexual_dysfunction"])
def test_early_cauda_equina_symptoms_with_sciatica_are_an_emergency(knowledge, key):
    data = with_history(vignette("20_acute_bilateral_sciatica"), **{key: True})
    flag = flags(run(knowledge, data))["cauda_equina"]
    assert flag.urgency == "emergency"
    assert "emergency MRI" in flag.message


@pytest.mark.parametrize("side", BOTH)
@pytest.mark.parametrize("key", ["altered_bladder_sensation", "sexual_dysfunction"])
def test_early_cauda_equina_symptoms_with_one_sided_sciatica_are_an_emergency(knowledge, key, side):
    data = with_history(one_sided(vignette("20_acute_bilateral_sciatica"), side), **{key: True})
    assert flags(run(knowledge, data))["cauda_equina"].urgency == "emergency"


@pytest.mark.parametrize("key", ["altered_bladder_sensation", "sexual_dysfunction"])
def test_early_cauda_equina_symptoms_with_back_pain_only_are_an_emergency(knowledge, key):
    data = {"history": {"back_pain": True, key: True}}
    assert flags(run(knowledge, data))["cauda_equina"].urgency == "emergency"


@pytest.mark.parametrize("key", ["altered_bladder_sensation", "sexual_dysfunction"])
def test_altered_bladder_or_sexual_function_with_a_foot_problem_is_no_spinal_flag(knowledge, key):
    data = with_history(vignette("05_plantar_fasciitis"), **{key: True})
    assert "cauda_equina" not in flags(run(knowledge, data))


@pytest.mark.parametrize("key", ["altered_bladder_sensation", "sexual_dysfunction"])
def test_the_new_history_keys_support_cauda_equina_syndrome(knowledge, key):
    plain = run(knowledge, vignette("20_acute_bilateral_sciatica"))
    data = with_history(vignette("20_acute_bilateral_sciatica"), **{key: True})
    assert score_of(run(knowledge, data), "cauda_equina_syndrome") > score_of(
        plain, "cauda_equina_syndrome"
    )


def test_severe_weakness_in_both_legs_with_back_pain_is_an_emergency(knowledge):
    data = {
        "signs": [sign("ankle_dorsiflexion", 2, s) for s in BOTH],
        "history": {"back_pain": True},
    }
    assert flags(run(knowledge, data))["cauda_equina"].urgency == "emergency"


# -- spinal flags need a spinal presentation ---------------------------------------------------


def test_heel_pain_with_cancer_history_and_steroids_raises_no_spinal_flag(knowledge):
    analysis = run(knowledge, vignette("22_heel_pain_cancer_steroids"))
    assert analysis.conditions[0].id == "plantar_fasciitis"
    assert not SPINAL_FLAGS & set(flags(analysis))


@pytest.mark.parametrize("key", ["back_pain", "leg_pain"])
def test_the_same_history_with_back_or_leg_pain_raises_malignancy_and_fracture(knowledge, key):
    data = with_history(vignette("22_heel_pain_cancer_steroids"), **{key: True})
    raised = flags(run(knowledge, data))
    assert {"malignancy", "fracture"} <= set(raised)
    assert all(raised[f].urgency == "urgent" for f in ("malignancy", "fracture"))


def test_a_younger_patient_with_heel_pain_and_cancer_history_raises_nothing(knowledge):
    data = with_history(vignette("22_heel_pain_cancer_steroids"), age=45)
    assert run(knowledge, data).red_flags == ()


def test_a_root_deficit_with_cancer_history_is_a_spinal_presentation(knowledge):
    data = {
        "findings": [finding(r, "left") for r in ("dorsum_central", "first_web_space")]
        + [finding("leg_anterolateral", "left")],
        "signs": [sign("great_toe_extension", 3), sign("ankle_inversion", 4)],
        "history": {"age": 72, "cancer_history": True},
    }
    analysis = run(knowledge, data)
    assert analysis.conditions[0].category == "spinal"
    assert "malignancy" in flags(analysis)


def test_gout_with_fever_is_septic_arthritis_not_spinal_infection(knowledge):
    analysis = run(knowledge, vignette("23_gout_with_fever"))
    raised = flags(analysis)
    assert "infection" not in raised
    septic = raised["septic_arthritis"]
    assert septic.urgency == "urgent"
    assert "aspirate" in septic.message and "spinal" not in septic.message


def test_a_hot_swollen_joint_in_an_immunosuppressed_patient_is_septic_arthritis(knowledge):
    data = with_history(vignette("23_gout_with_fever"), fever=False, immunosuppression_or_ivdu=True)
    raised = flags(run(knowledge, data))
    assert "septic_arthritis" in raised and "infection" not in raised


def test_a_hot_swollen_joint_without_fever_raises_nothing(knowledge):
    data = with_history(vignette("23_gout_with_fever"), fever=False)
    assert run(knowledge, data).red_flags == ()


def test_fever_with_back_pain_is_still_a_spinal_infection_flag(knowledge):
    data = with_history(vignette("23_gout_with_fever"), back_pain=True)
    assert "infection" in flags(run(knowledge, data))


# -- upper motor neuron signs -------------------------------------------------------------------


def test_umn_signs_lead_clearly_and_the_advice_does_not_contradict_itself(knowledge):
    analysis = run(knowledge, vignette("24_upper_motor_neuron_with_leg_weakness"))
    top = analysis.conditions[0]
    assert top.id == "upper_motor_neuron_lesion"
    best_lumbar = max((c.score for c in analysis.conditions if c.category == "spinal"), default=0.0)
    assert top.score - best_lumbar > 0.25
    raised = flags(analysis)
    assert "upper_motor_neuron" in raised and "cauda_equina" not in raised
    for flag in raised.values():
        assert "lumbar spine" not in flag.message
        assert "spinal surgical review" not in flag.message


@pytest.mark.parametrize("side", BOTH)
def test_a_babinski_on_one_side_pushes_that_sides_lumbar_hypotheses_down(knowledge, side):
    data = vignette("02_l5_radiculopathy_foot_drop")
    plain = run(knowledge, data)
    umn = run(knowledge, {**data, "signs": [*data["signs"], sign("babinski", "present", side)]})
    assert score_of(umn, "disc_herniation") < score_of(plain, "disc_herniation")


def test_umn_signs_with_explicit_bladder_symptoms_image_the_whole_spine(knowledge):
    data = with_history(
        vignette("24_upper_motor_neuron_with_leg_weakness"), bladder_dysfunction=True
    )
    raised = flags(run(knowledge, data))
    assert raised["cauda_equina"].urgency == "emergency"
    assert "whole spine" in raised["cauda_equina"].message
    assert "lumbar spine" not in raised["cauda_equina"].message


# -- advice follows the leading explanation ----------------------------------------------------


def test_a_peroneal_foot_drop_gets_nerve_studies_not_spinal_surgery(knowledge):
    analysis = run(knowledge, vignette("01_peroneal_fibular_head"))
    assert analysis.conditions[0].id == "common_peroneal_neuropathy"
    flag = flags(analysis)["progressive_neurological_deficit"]
    assert "nerve conduction" in flag.message
    assert "spinal surgical review" not in flag.message


def test_an_l5_foot_drop_gets_mri_and_spinal_review(knowledge):
    analysis = run(knowledge, vignette("02_l5_radiculopathy_foot_drop"))
    flag = flags(analysis)["progressive_neurological_deficit"]
    assert "MRI" in flag.message and "nerve conduction" not in flag.message


# -- smaller clinical points -------------------------------------------------------------------


def test_the_s3_key_point_sits_where_every_atlas_has_s3_as_a_main_root(knowledge):
    region = knowledge.roots["S3"].key_point_region
    assert region == "saddle"
    for atlas in knowledge.atlases.values():
        entry = atlas.entries[region]
        assert "S3" in entry.primary


def test_the_crossed_straight_leg_raise_cites_deville(knowledge):
    assert knowledge.signs["crossed_straight_leg_raise"].source == "deville2000"


def test_facet_arthropathy_weighs_no_history_or_exam_feature_as_discriminating(knowledge):
    facet = knowledge.conditions["facet_arthropathy"]
    text = " ".join(f.when for f in facet.features if f.source == "cohen2007")
    for discriminating in ("leg_pain", "worse_sitting_coughing", "straight_leg_raise"):
        assert discriminating not in text


def test_stenosis_at_several_levels_calls_none_of_them_the_commonest(knowledge):
    analysis = run(knowledge, vignette("08_lumbar_spinal_stenosis"))
    stenosis = [c for c in analysis.conditions if c.id == "lumbar_spinal_stenosis"]
    assert len({c.levels for c in stenosis}) >= 2
    assert not [e.text for c in stenosis for e in c.why if "commonest" in e.text]


def test_burning_pain_does_not_count_against_gout(knowledge):
    data = vignette("23_gout_with_fever")
    burning = {
        **data,
        "findings": [*data["findings"], finding("hallux_dorsal", "right", "burning")],
    }
    numb = {**data, "findings": [*data["findings"], finding("hallux_dorsal", "right", "numbness")]}
    assert score_of(run(knowledge, burning), "gout") >= score_of(run(knowledge, data), "gout")
    assert score_of(run(knowledge, numb), "gout") < score_of(run(knowledge, data), "gout")


def test_tight_footwear_alone_does_not_list_morton_neuroma(knowledge):
    heel = with_history(vignette("05_plantar_fasciitis"), tight_footwear=True)
    assert score_of(run(knowledge, heel), "morton_neuroma") == 0.0
    assert score_of(run(knowledge, {"history": {"tight_footwear": True}}), "morton_neuroma") == 0.0
    forefoot = {
        "findings": [finding("interdigital_3_4", "left", "pain")],
        "history": {"tight_footwear": True},
    }
    assert score_of(run(knowledge, forefoot), "morton_neuroma") > 0.0


def test_the_clinical_safety_note_lists_every_flag_and_its_guideline(knowledge):
    note = (Path(__file__).resolve().parents[2] / "docs" / "clinical-safety.md").read_text(
        encoding="utf-8"
    )
    for flag in knowledge.red_flags.values():
        assert f"`{flag.id}`" in note
        for trigger in flag.triggers:
            assert f"`{trigger.source}`" in note


@pytest.mark.parametrize("side", BOTH)
def test_a_babinski_on_either_side_of_an_l5_radiculopathy_puts_the_central_cause_first(
    knowledge, side
):
    data = vignette("02_l5_radiculopathy_foot_drop")
    data = {**data, "signs": [*data["signs"], sign("babinski", "present", side)]}
    analysis = run(knowledge, data)
    top = analysis.conditions[0]
    assert top.id == "upper_motor_neuron_lesion"
    best_lumbar = max((c.score for c in analysis.conditions if c.category == "spinal"), default=0.0)
    assert top.score - best_lumbar > 0.15
    for flag in analysis.red_flags:
        assert "spinal surgical review" not in flag.message


def test_brisk_reflexes_in_the_weak_leg_count_against_a_root_lesion(knowledge):
    data = vignette("02_l5_radiculopathy_foot_drop")
    brisk = {**data, "signs": [*data["signs"], sign("patellar_reflex", "brisk", "left")]}
    assert score_of(run(knowledge, brisk), "disc_herniation") < score_of(
        run(knowledge, data), "disc_herniation"
    )


def test_severe_weakness_of_both_legs_in_a_polyneuropathy_is_urgent_with_nerve_studies(knowledge):
    data = vignette("19_stocking_polyneuropathy_mild_weakness")
    data = {**data, "signs": [sign("ankle_dorsiflexion", 3, s) for s in BOTH]}
    analysis = run(knowledge, data)
    raised = flags(analysis)
    assert "cauda_equina" not in raised
    assert analysis.conditions[0].id == "polyneuropathy"
    assert "nerve conduction" in raised["progressive_neurological_deficit"].message


def test_a_peroneal_foot_drop_with_cancer_history_keeps_the_malignancy_flag(knowledge):
    data = with_history(vignette("01_peroneal_fibular_head"), age=72, cancer_history=True)
    analysis = run(knowledge, data)
    assert analysis.conditions[0].id == "common_peroneal_neuropathy"
    assert "malignancy" in flags(analysis)


def test_a_stocking_polyneuropathy_with_cancer_history_raises_no_spinal_flag(knowledge):
    data = with_history(
        vignette("07_diabetic_polyneuropathy"), cancer_history=True, osteoporosis_or_steroids=True
    )
    assert not SPINAL_FLAGS & set(flags(run(knowledge, data)))


@pytest.mark.parametrize("name", ["03_tarsal_tunnel", "04_morton_neuroma", "13_sural_neuropathy"])
def test_a_foot_nerve_problem_with_cancer_history_raises_no_spinal_flag(knowledge, name):
    data = with_history(vignette(name), age=72, cancer_history=True, osteoporosis_or_steroids=True)
    analysis = run(knowledge, data)
    assert analysis.conditions[0].category != "spinal"
    assert not SPINAL_FLAGS & set(flags(analysis))


def test_the_v2_and_coding_history_keys_parse_without_a_warning(knowledge):
    from rootmap.encounter import parse_encounter

    warnings: list[str] = []
    keys = ("altered_bladder_sensation", "sexual_dysfunction", "type_1_diabetes", "pars_defect")
    encounter = parse_encounter({"history": dict.fromkeys(keys, True)}, knowledge.regions, warnings)
    assert warnings == []
    assert all(encounter.history.flag(key) is True for key in keys)
    with pytest.raises(ValueError, match="altered_bladder_sensation"):
        parse_encounter({"history": {"altered_bladder_sensation": "yes"}}, knowledge.regions)


def test_sexual_dysfunction_alone_raises_the_suspected_tier_not_the_full_flag(knowledge):
    """GIRFT: back pain with sexual dysfunction as the only other feature is unlikely to be
    CES; it still asks for an examination now (the suspected tier's advice)."""
    alone = {"history": {"back_pain": True, "leg_pain": True, "sexual_dysfunction": True}}
    flag = flags(run(knowledge, alone))["cauda_equina"]
    assert flag.message.startswith("Emergency: possible cauda equina")
    with_bladder = {"history": {**alone["history"], "altered_bladder_sensation": True}}
    full = flags(run(knowledge, with_bladder))["cauda_equina"]
    assert full.message.startswith("Emergency: suspected cauda equina")
