"""A "which root's dermatome is highlighted" question has exactly one right answer under
the atlas in use: it never shows a region that two roots hold as primary."""

from __future__ import annotations

import pytest

from rootmap.knowledge import load_knowledge
from rootmap.teaching.quiz import QUIZ_ROOTS, Quiz

KNOWLEDGE = load_knowledge()


def right_answers(atlas_id: str, regions, roots) -> list[str]:
    """The roots for which every shown region is primary territory (a fair reading)."""
    atlas = KNOWLEDGE.atlas(atlas_id)
    return [
        root
        for root in roots
        if all(
            root in (atlas.entry(region).primary if atlas.entry(region) else ())
            for region in regions
        )
    ]


@pytest.mark.parametrize("atlas_id", sorted(KNOWLEDGE.atlases))
@pytest.mark.parametrize("root", QUIZ_ROOTS)
def test_every_identify_question_has_exactly_one_right_answer(atlas_id, root):
    quiz = Quiz(KNOWLEDGE, atlas_id)
    if root not in quiz.identify_roots():
        shared = quiz.own_regions(root) if root in quiz.roots else ()
        assert shared == (), (atlas_id, root)  # not asked: it has no region of its own
        return
    question = quiz.next_question("identify", root=root)
    atlas = KNOWLEDGE.atlas(atlas_id)
    assert question.regions
    for region in question.regions:
        assert atlas.entry(region).primary == (root,), (atlas_id, root, region)
    assert right_answers(atlas_id, question.regions, question.choices) == [root]
    assert right_answers(atlas_id, question.regions, KNOWLEDGE.roots) == [root]
    assert quiz.answer_root(root).correct


@pytest.mark.parametrize("atlas_id", sorted(KNOWLEDGE.atlases))
def test_seeded_identify_questions_only_ask_roots_with_a_region_of_their_own(atlas_id):
    quiz = Quiz(KNOWLEDGE, atlas_id, seed=7)
    asked = set()
    for _ in range(80):
        question = quiz.next_question("identify")
        asked.add(question.answer)
        assert right_answers(atlas_id, question.regions, KNOWLEDGE.roots) == [question.answer]
    assert asked == set(quiz.identify_roots())


def test_a_root_that_shares_all_its_regions_is_not_asked_to_identify():
    quiz = Quiz(KNOWLEDGE, "keegan1948")
    assert "S2" in quiz.roots  # it can still be asked to locate
    assert "S2" not in quiz.identify_roots()
    with pytest.raises(ValueError, match="no region of its own"):
        quiz.next_question("identify", root="S2")
