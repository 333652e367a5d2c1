"""The teaching case library: every case loads, and the engine shows what the case teaches."""

from __future__ import annotations

import json

import pytest

from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge
from rootmap.teaching.cases import CaseError, cases_dir, load_case, load_cases
from rootmap.teaching.quiz import IdentifyQuestion, Quiz

REQUIRED = {
    "classic_l4",
    "classic_l5",
    "classic_s1",
    "lumbar_spinal_stenosis",
    "cauda_equina",
    "peroneal_palsy",
    "tarsal_tunnel",
    "plantar_fasciitis",
}


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.fixture(scope="module")
def cases(knowledge):
    return {case.id: case for case in load_cases(knowledge)}


def test_the_library_holds_every_required_case(cases, knowledge):
    assert set(cases) >= REQUIRED
    for case in cases.values():
        assert case.title and case.vignette and case.learning_point
        assert knowledge.cite(case.source)
        assert case.encounter.findings, case.id


@pytest.mark.parametrize("case_id", sorted(REQUIRED))
@pytest.mark.parametrize("atlas", ["lee2008", "keegan1948"])
def test_the_engine_ranks_the_expected_root_and_condition_first(cases, knowledge, case_id, atlas):
    case = cases[case_id]
    analysis = analyze(case.encounter, knowledge, atlas)
    expected = case.expected
    if expected.root is not None:
        top = analysis.roots[0]
        assert top.root == expected.root, [r.root for r in analysis.roots[:3]]
        if expected.side is not None:
            assert top.side == expected.side
    if expected.condition is not None:
        assert analysis.conditions[0].id == expected.condition, [
            c.id for c in analysis.conditions[:3]
        ]
    if expected.red_flag is not None:
        assert expected.red_flag in {flag.id for flag in analysis.red_flags}


def test_a_broken_case_gets_one_clear_message(tmp_path, knowledge):
    good = json.loads((cases_dir() / "classic_l5.json").read_text(encoding="utf-8"))
    bad = dict(good, encounter={"findings": [{"region": "elbow", "side": "left", "kind": "pain"}]})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(CaseError, match=r"bad\.json: encounter\.findings\[0\]\.region"):
        load_case(path, knowledge)
    path.write_text(json.dumps(dict(good, source="nobody1999")), encoding="utf-8")
    with pytest.raises(CaseError, match="unknown source 'nobody1999'"):
        load_case(path, knowledge)
    path.write_text(json.dumps(dict(good, expected={"root": "L9"})), encoding="utf-8")
    with pytest.raises(CaseError, match=r"expected\.root: unknown root 'L9'"):
        load_case(path, knowledge)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CaseError, match="not JSON"):
        load_case(path, knowledge)


def test_duplicate_case_ids_are_refused(tmp_path, knowledge):
    text = (cases_dir() / "classic_l5.json").read_text(encoding="utf-8")
    (tmp_path / "a.json").write_text(text, encoding="utf-8")
    (tmp_path / "b.json").write_text(text, encoding="utf-8")
    with pytest.raises(CaseError, match="duplicate case id"):
        load_cases(knowledge, tmp_path)


def test_case_questions_ask_for_the_case_root(cases, knowledge):
    from rootmap.teaching.quiz import IdentifyQuestion, Quiz

    quiz = Quiz(knowledge, "lee2008", seed=4, cases=tuple(cases.values()))
    for _ in range(6):
        question = quiz.next_question("case")
        assert isinstance(question, IdentifyQuestion) and question.case in cases
        case = cases[question.case]
        assert question.answer == case.expected.root
        assert set(question.regions) == {f.region for f in case.encounter.findings}
        quiz.answer_root(question.answer)


def test_a_case_question_does_not_give_its_root_away(cases, knowledge):
    quiz = Quiz(knowledge, knowledge.default_atlas, seed=3, cases=tuple(cases.values()))
    for _ in range(6):
        quiz.next_question("case")
        question = quiz.question
        assert isinstance(question, IdentifyQuestion) and question.case_story
        assert question.answer not in question.prompt  # "Classic L5 …" would tell
        assert question.case_title is not None
        outcome = quiz.answer_root(question.answer)
        assert question.case_title in outcome.feedback  # named once answered
