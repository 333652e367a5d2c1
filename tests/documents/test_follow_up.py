"""The core a window part calls for follow-up visits: the visit list, the comparison, words."""

from __future__ import annotations

from pathlib import Path

from rootmap.documents import add_follow_up, read_document, replace_visit
from rootmap.encounter import Finding, Sign
from rootmap.engine import analyze
from rootmap.follow_up import compare_visit, describe_sign_change, region_changes, visit_rows
from rootmap.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "follow_up_l5.rootmap"
DOCUMENT = read_document(EXAMPLE, KNOWLEDGE.regions, KNOWLEDGE.atlases)


def test_the_visit_list_has_date_top_root_and_extent():
    rows = visit_rows(DOCUMENT, KNOWLEDGE)
    assert [(r.date, r.top_root, r.current) for r in rows] == [
        ("2026-11-03", "L5 left", False),
        ("2026-11-17", "L5 left", True),
    ]
    assert rows[0].extent > rows[1].extent > 0  # the back of the thigh has cleared


def test_the_comparison_names_the_change_in_words():
    comparison = compare_visit(DOCUMENT, -1, KNOWLEDGE)
    assert comparison is not None and comparison.earlier.date == "2026-11-03"
    toe = next(c for c in comparison.changes.signs if c.sign == "great_toe_extension")
    assert describe_sign_change(toe) == (
        "great toe extension, left: 4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026"
    )
    assert region_changes(comparison.changes)["left.dorsum_central"] == "worse"
    assert compare_visit(DOCUMENT, 0, KNOWLEDGE) is None


def test_a_follow_up_compares_with_the_visit_before_it():
    later = add_follow_up(DOCUMENT, "2026-12-01")
    later = replace_visit(
        later,
        -1,
        later.encounter.with_sign(
            Sign("great_toe_extension", "left", 1), "great_toe_extension", "left"
        ),
    )
    comparison = compare_visit(later, -1, KNOWLEDGE)
    assert comparison is not None and comparison.changes.since == "2026-11-17"
    assert {c.change for c in comparison.changes.findings} == {"resolved"}  # the map is empty


def test_marking_and_unmarking_not_due_to_a_root():
    visit = DOCUMENT.encounter
    heel = next(f for f in visit.findings if f.region == "heel_lateral")
    cleared = visit.with_exclusion(heel, None)
    assert next(f for f in cleared.findings if f.region == "heel_lateral").excluded is None
    toe = Sign("great_toe_extension", "left", 2)
    marked = visit.with_exclusion(toe, "  old   hallux fracture ")
    assert next(s for s in marked.signs if s.sign == "great_toe_extension").excluded == (
        "old hallux fracture"
    )
    analysis = analyze(marked, KNOWLEDGE)
    assert any(e.reason == "old hallux fracture" for e in analysis.excluded)
    assert visit.with_exclusion(Finding("groin", "left", "pain"), "x") == visit  # not recorded
