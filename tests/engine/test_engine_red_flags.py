"""Red flags: each raised by what should raise it, with what to do; none for a plain sciatica."""

from __future__ import annotations

import pytest

from conftest import finding, run, sign

RED_FLAGS = {
    "cauda_equina": "emergency",
    "progressive_neurological_deficit": "urgent",
    "infection": "urgent",
    "malignancy": "urgent",
    "fracture": "urgent",
    "upper_motor_neuron": "urgent",
}


def flags(analysis):
    return {f.id: f for f in analysis.red_flags}


def test_the_contract_red_flags_exist_with_their_urgency(knowledge):
    for flag_id, urgency in RED_FLAGS.items():
        assert knowledge.red_flags[flag_id].urgency == urgency


@pytest.mark.parametrize(
    ("data", "flag_id"),
    [
        ({"findings": [finding("saddle", "midline")]}, "cauda_equina"),
        ({"history": {"saddle_anesthesia": True}}, "cauda_equina"),
        ({"history": {"bladder_dysfunction": True}}, "cauda_equina"),
        ({"history": {"bowel_dysfunction": True}}, "cauda_equina"),
        (
            {
                "findings": [finding("calf_posterior", s, "pain") for s in ("left", "right")],
                "signs": [sign("ankle_plantarflexion", 4, s) for s in ("left", "right")],
                "history": {"leg_pain": True},
            },
            "cauda_equina",
        ),
        ({"history": {"progressive_weakness": True}}, "progressive_neurological_deficit"),
        (
            {"signs": [sign("ankle_dorsiflexion", 2), sign("foot_drop", "present")]},
            "progressive_neurological_deficit",
        ),
        ({"history": {"fever": True, "back_pain": True}}, "infection"),
        ({"history": {"immunosuppression_or_ivdu": True, "back_pain": True}}, "infection"),
        ({"history": {"cancer_history": True, "back_pain": True}}, "malignancy"),
        (
            {"history": {"unexplained_weight_loss": True, "age": 63, "leg_pain": True}},
            "malignancy",
        ),
        ({"history": {"significant_trauma": True, "back_pain": True}}, "fracture"),
        (
            {"history": {"osteoporosis_or_steroids": True, "age": 78, "back_pain": True}},
            "fracture",
        ),
        ({"signs": [sign("babinski", "present")]}, "upper_motor_neuron"),
        (
            {"signs": [sign("patellar_reflex", "brisk"), sign("achilles_reflex", "brisk")]},
            "upper_motor_neuron",
        ),
    ],
)
def test_each_flag_is_raised_by_its_triggers(knowledge, data, flag_id):
    raised = flags(run(knowledge, data))
    assert flag_id in raised
    assert raised[flag_id].why and raised[flag_id].message


@pytest.mark.parametrize(
    "data",
    [
        {"history": {"age": 55}},
        {"history": {"unexplained_weight_loss": True, "age": 30}},
        {"history": {"osteoporosis_or_steroids": True, "age": 50}},
        {"signs": [sign("patellar_reflex", "brisk")]},
        {"findings": [finding("calf_posterior", s, "pain") for s in ("left", "right")]},
    ],
)
def test_a_weak_trigger_alone_raises_nothing(knowledge, data):
    assert run(knowledge, data).red_flags == ()


def test_cauda_equina_says_what_to_do_and_comes_first(knowledge):
    data = {"findings": [finding("saddle", "midline")], "history": {"fever": True}}
    raised = run(knowledge, data).red_flags
    assert [f.id for f in raised] == ["cauda_equina", "infection"]
    assert raised[0].urgency == "emergency"
    assert "MRI" in raised[0].message and "Emergency" in raised[0].message
    assert "saddle sensory loss marked: numbness over saddle" in raised[0].why


def test_a_plain_sciatica_raises_no_flag(knowledge):
    data = {
        "findings": [finding("dorsum_central")],
        "signs": [sign("great_toe_extension", 4)],
        "history": {"leg_pain": True, "age": 40, "onset": "acute"},
    }
    assert run(knowledge, data).red_flags == ()
