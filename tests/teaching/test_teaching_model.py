"""Teaching mode, the pure part: atlas differences, root facts, quiz scoring, overlay colours."""

from __future__ import annotations

import itertools

import pytest

from rootmap.knowledge import load_knowledge
from rootmap.palette import MARKS, root_overlay_color
from rootmap.teaching.colours import LABEL_INK, contrast_ratio
from rootmap.teaching.differences import atlas_differences
from rootmap.teaching.explorer import root_facts
from rootmap.teaching.quiz import IdentifyQuestion, LocateQuestion, Quiz


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def test_differences_are_the_regions_whose_primary_roots_differ(knowledge):
    differences = atlas_differences(knowledge, ["keegan1948", "lee2008"])
    lee, keegan = knowledge.atlas("lee2008"), knowledge.atlas("keegan1948")
    for region in knowledge.regions:
        differ = set(lee.entry(region).primary) != set(keegan.entry(region).primary)
        assert (region in differences) == differ, region
    assert differences["hallux_dorsal"].label == "keegan1948: L4 · lee2008: L5"
    assert "dorsum_central" not in differences  # both atlases: L5


def test_differences_refuse_an_unknown_atlas(knowledge):
    with pytest.raises(KeyError, match="nosuch"):
        atlas_differences(knowledge, ["lee2008", "nosuch"])


def test_l5_facts_name_key_point_ehl_and_the_levels_that_compress_it(knowledge):
    facts = root_facts(knowledge, "L5", "lee2008")
    assert facts.key_point_region == "dorsum_central"
    assert "third metatarsophalangeal" in facts.key_point.text
    assert any("Great toe extension" in f.text for f in facts.myotome)
    assert any("hamstring" in f.text.lower() for f in facts.reflexes)
    by_level = {c.level: c for c in facts.compressions}
    assert set(by_level) == {"L4-L5", "L5-S1"}
    assert by_level["L4-L5"].relation == "traversing"
    assert "paracentral" in by_level["L4-L5"].zones
    assert by_level["L5-S1"].relation == "exiting"
    assert {"foraminal", "far_lateral"} <= set(by_level["L5-S1"].zones)
    assert "dorsum_central" in facts.dermatome
    for source in facts.sources():
        assert knowledge.cite(source)  # every fact cites a known source


def test_every_root_has_facts(knowledge):
    for root in knowledge.roots:
        facts = root_facts(knowledge, root, "keegan1948")
        assert facts.key_point.text and facts.root == root


def test_clicking_inside_the_asked_dermatome_scores_and_outside_does_not(knowledge):
    quiz = Quiz(knowledge, "lee2008", seed=1)
    quiz.question = LocateQuestion("L5", "lee2008")
    outcome = quiz.answer_region("dorsum_central")
    assert outcome.credit == 1.0 and "Lee et al. 2008" in outcome.feedback  # people's names
    quiz.question, quiz.answered = LocateQuestion("L5", "lee2008"), False
    outcome = quiz.answer_region("heel_plantar")
    assert outcome.credit == 0.0
    assert "S1" in outcome.feedback and "Lee et al. 2008" in outcome.feedback
    assert (quiz.score.total, quiz.score.asked, quiz.score.streak) == (1.0, 2, 0)


def test_an_overlap_region_earns_half_marks(knowledge):
    quiz = Quiz(knowledge, "lee2008", seed=1)
    quiz.question = LocateQuestion("L5", "lee2008")
    outcome = quiz.answer_region("little_toe")  # lee2008: S1 primary, L5 overlap
    assert knowledge.atlas("lee2008").entry("little_toe").weight("L5") == 0.5
    assert outcome.credit == 0.5 and "overlap" in outcome.feedback


def test_streak_counts_full_answers_in_a_row(knowledge):
    quiz = Quiz(knowledge, "lee2008", seed=3)
    for _ in range(3):
        question = quiz.next_question("identify")
        assert isinstance(question, IdentifyQuestion)
        quiz.answer_root(question.answer)
    assert quiz.score.streak == 3 and quiz.score.best_streak == 3
    question = quiz.next_question("identify")
    wrong = next(c for c in question.choices if c != question.answer)
    outcome = quiz.answer_root(wrong)
    assert outcome.credit == 0 and question.answer in outcome.feedback
    assert quiz.score.streak == 0 and quiz.score.best_streak == 3
    assert quiz.score.text == "Score 3/4 · streak 0 (best 3)"


def test_the_same_seed_asks_the_same_questions(knowledge):
    first = [Quiz(knowledge, "lee2008", seed=7) for _ in range(2)]
    asked = [[q.next_question() for _ in range(8)] for q in first]
    assert asked[0] == asked[1]
    other = Quiz(knowledge, "lee2008", seed=8)
    assert [other.next_question() for _ in range(8)] != asked[0]


def test_identify_choices_hold_the_answer_and_distinct_patterns(knowledge):
    quiz = Quiz(knowledge, "keegan1948", seed=5)
    atlas = knowledge.atlas("keegan1948")
    for _ in range(20):
        question = quiz.next_question("identify")
        assert isinstance(question, IdentifyQuestion)
        assert question.answer in question.choices and len(set(question.choices)) == 4
        shown = set(question.regions)
        # its dermatome, less the regions another root also holds as primary
        assert shown <= set(atlas.regions_of_root(question.answer, primary_only=True))
        assert shown == set(quiz.own_regions(question.answer))
        for choice in question.choices:
            if choice != question.answer:
                assert set(atlas.regions_of_root(choice, primary_only=True)) != shown
        quiz.answer_root(question.answer)


def test_a_question_is_answered_once(knowledge):
    quiz = Quiz(knowledge, "lee2008", seed=2)
    question = quiz.next_question("locate")
    assert isinstance(question, LocateQuestion)
    quiz.answer_region("dorsum_central")
    with pytest.raises(ValueError, match="already answered"):
        quiz.answer_region("dorsum_central")


def test_overlay_tints_keep_labels_legible_and_differ_from_marks(knowledge):
    for root in knowledge.roots:
        tint = root_overlay_color(root)
        assert contrast_ratio(LABEL_INK, tint) >= 7.0, root  # WCAG AAA for text
        assert tint not in {style.color for style in MARKS.values()}
    roots = list(knowledge.roots)
    for upper, lower in itertools.pairwise(roots):
        assert root_overlay_color(upper) != root_overlay_color(lower)
