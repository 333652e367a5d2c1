"""The ``when`` language: what it accepts, what it refuses (and says why), how it evaluates."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rootmap.encounter import Finding, History, Sign
from rootmap.engine import KnowledgeRuleError, analyze
from rootmap.engine.rules import Facts, RuleError, Vocabulary, compile_rule, evaluate
from rootmap.knowledge import Feature, Knowledge

VOCABULARY = Vocabulary(
    regions={"heel_plantar", "heel_medial", "saddle", "dorsum_central"},
    groups={"foot", "leg", "lower_back_pelvis"},
    roots={"L4", "L5", "S1"},
    levels={"L4-L5", "L5-S1"},
)


def facts(history: History | None = None, findings=(), signs=(), sides=("left",)) -> Facts:
    return Facts(
        history=history or History(),
        sides=sides,
        findings=findings,
        signs=signs,
        implicated={"L5": frozenset({"left"})},
        region_group={
            "heel_plantar": "foot",
            "dorsum_central": "foot",
            "saddle": "lower_back_pelvis",
        },
        patterns={"stocking": ()},
    )


def check(text: str, given: Facts, vocabulary: Vocabulary = VOCABULARY):
    return evaluate(compile_rule(text, vocabulary), given)


@pytest.mark.parametrize(
    "text",
    [
        "history.neurogenic_claudication",
        "history.age >= 60",
        "history.onset == acute",
        "not history.leg_pain",
        "sign.straight_leg_raise == positive",
        "sign.great_toe_extension < 5",
        "sign.achilles_reflex in [reduced, absent]",
        "finding.region in [heel_plantar, heel_medial]",
        "pain.group == foot",
        "sensory",
        "root.L5",
        "pattern.stocking and (history.diabetes or history.age > 70)",
    ],
)
def test_the_documented_forms_compile(text):
    assert compile_rule(text, VOCABULARY).text == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("history.agee >= 60", "unknown history key 'agee'"),
        ("history.age >= old", "compares with a number"),
        ("history.onset == sudden", "unknown onset 'sudden'"),
        ("history.leg_pain == 3", "compares with true or false"),
        ("finding.region in [heel_plantar, elbowz]", "unknown region 'elbowz'"),
        ("finding.colour == red", "expected finding.region or finding.group"),
        ("sign.babinsky == present", "unknown sign 'babinsky'"),
        ("sign.babinski == positive", "unknown value for babinski 'positive'"),
        ("sign.great_toe_extension < 7", "MRC grade 0-5"),
        ("root.L9", "unknown root 'L9'"),
        ("level.affects == traversing", "only for spinal conditions"),
        ("root.score >= 0.5", "only for spinal conditions"),
        ("nerve.sensory", "only for conditions that name a nerve"),
        ("pattern.zigzag", "expected one of pattern."),
        ("(history.fever", "ends early"),
        ("history.fever history.diabetes", "unexpected 'history.diabetes'"),
        ("", "is empty"),
        ("history.fever & history.diabetes", "unexpected character '&'"),
        ("weather.rain", "unknown reference 'weather.rain'"),
    ],
)
def test_mistakes_are_refused_with_a_reason(text, message):
    with pytest.raises(RuleError, match=message.replace("(", r"\(").replace("[", r"\[")):
        compile_rule(text, VOCABULARY)


def test_spinal_and_nerve_references_compile_where_allowed():
    spinal = replace(VOCABULARY, spinal=True, nerve=True)
    for text in ("level.affects == traversing", "level.typical", "root.score >= 0.5", "nerve.weak"):
        compile_rule(text, spinal)


def test_an_unknown_history_key_is_unknown_not_false():
    silent = facts(History())
    assert check("history.leg_pain", silent)[0] is None
    assert check("not history.leg_pain", silent)[0] is None
    answered = facts(History(flags={"leg_pain": False}))
    assert check("not history.leg_pain", answered)[0] is True


def test_kleene_logic_for_and_or():
    given = facts(History(flags={"fever": True}))
    assert check("history.fever or history.diabetes", given)[0] is True
    assert check("history.fever and history.diabetes", given)[0] is None
    assert check("history.diabetes and not history.fever", given)[0] is False


def test_findings_are_known_and_cite_what_matched():
    given = facts(findings=(Finding("heel_plantar", "left", "pain"),))
    truth, why = check("pain.region in [heel_plantar, heel_medial]", given)
    assert truth is True and why == ("pain over heel_plantar",)
    assert check("numbness.region in [heel_plantar]", given)[0] is False
    assert check("sensory", given)[0] is False
    assert check("finding.group == foot", given)[0] is True


def test_signs_compare_grades_and_words_and_cite_them():
    given = facts(
        signs=(Sign("great_toe_extension", "left", 3), Sign("babinski", "left", "absent"))
    )
    truth, why = check("sign.great_toe_extension < 5", given)
    assert truth is True and why == ("great toe extension 3/5",)
    assert check("sign.great_toe_extension in [4, 5]", given)[0] is False
    assert check("sign.babinski == present", given)[0] is False
    assert check("sign.babinski", given)[0] is False  # bare: abnormal
    assert check("sign.straight_leg_raise == positive", given)[0] is None  # not examined


def test_age_cites_the_age():
    truth, why = check("history.age >= 60", facts(History(age=72)))
    assert truth is True and why == ("age 72",)


def test_a_broken_when_in_the_knowledge_names_the_condition(knowledge: Knowledge):
    herniation = knowledge.conditions["disc_herniation"]
    broken = replace(
        herniation,
        features=(*herniation.features, Feature("history.agee >= 60", 0.3, "old", "koes2007")),
    )
    bad = replace(knowledge, conditions={**knowledge.conditions, "disc_herniation": broken})
    from rootmap.encounter import Encounter

    with pytest.raises(KnowledgeRuleError, match=r"condition disc_herniation: feature\[\d+\]"):
        analyze(Encounter(), bad)


def test_every_when_in_the_shipped_knowledge_compiles(knowledge: Knowledge):
    from rootmap.engine import compiled_rules

    compiled = compiled_rules(knowledge)
    assert set(compiled.conditions) == set(knowledge.conditions)
    assert set(compiled.red_flags) == set(knowledge.red_flags)
