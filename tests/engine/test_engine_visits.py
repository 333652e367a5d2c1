"""Contract v2: visits over time (changes, a deficit that progresses), extent, exclusions."""

from __future__ import annotations

import math

import pytest

from conftest import finding, run, sign
from rootmap.encounter import EncounterError, parse_encounter
from rootmap.engine.extent import region_share
from rootmap.engine.progression import WINDOW_DAYS
from rootmap.engine.surface_areas import SURFACE_PERCENT

FLAG = "progressive_neurological_deficit"


def visit(date: str, findings=(), signs=(), **history) -> dict:
    return {"date": date, "findings": list(findings), "signs": list(signs), "history": history}


def with_previous(current: dict, *previous: dict) -> dict:
    return {**current, "previous": list(previous)}


def flag(analysis, flag_id: str = FLAG):
    return next((f for f in analysis.red_flags if f.id == flag_id), None)


# --- changes ---------------------------------------------------------------------------------


def test_without_previous_there_are_no_changes_but_there_is_extent(knowledge):
    data = run(knowledge, visit("2026-11-03", [finding("dorsum_central")])).to_json()
    assert "changes" not in data
    assert data["extent"]["numbness"] == data["extent"]["all"] > 0


def test_each_mark_is_new_resolved_worse_better_or_same(knowledge):
    earlier = visit(
        "2026-11-03",
        [
            finding("dorsum_central", intensity=4),
            finding("buttock", kind="pain", intensity=6),
            finding("lower_back", kind="pain", intensity=5),
            finding("thigh_posterior", kind="pain", intensity=4),
        ],
    )
    current = visit(
        "2026-11-17",
        [
            finding("dorsum_central", intensity=7),
            finding("buttock", kind="pain", intensity=6),
            finding("lower_back", kind="pain", intensity=3),
            finding("first_web_space"),
        ],
    )
    changes = run(knowledge, with_previous(current, earlier)).to_json()["changes"]
    assert changes["date"] == "2026-11-17" and changes["since"] == "2026-11-03"
    got = {(c["region"], c["kind"]): c["change"] for c in changes["findings"]}
    assert got == {
        ("dorsum_central", "numbness"): "worse",
        ("buttock", "pain"): "same",
        ("lower_back", "pain"): "better",
        ("thigh_posterior", "pain"): "resolved",
        ("first_web_space", "numbness"): "new",
    }
    worse = next(c for c in changes["findings"] if c["region"] == "dorsum_central")
    assert worse["earlier"] == {"intensity": 4, "date": "2026-11-03"}
    assert worse["current"] == {"intensity": 7, "date": "2026-11-17"}


def test_each_sign_has_its_earlier_and_current_value_with_dates(knowledge):
    earlier = visit(
        "2026-11-03", signs=[sign("great_toe_extension", 4), sign("achilles_reflex", "normal")]
    )
    current = visit(
        "2026-11-17", signs=[sign("great_toe_extension", 2), sign("heel_walk", "impaired")]
    )
    signs = run(knowledge, with_previous(current, earlier)).to_json()["changes"]["signs"]
    by_name = {s["sign"]: s for s in signs}
    assert by_name["great_toe_extension"] == {
        "sign": "great_toe_extension",
        "side": "left",
        "change": "worse",
        "earlier": {"value": 4, "date": "2026-11-03"},
        "current": {"value": 2, "date": "2026-11-17"},
    }
    assert by_name["achilles_reflex"]["change"] == "untested"
    assert by_name["achilles_reflex"]["current"] is None
    assert by_name["heel_walk"]["change"] == "new" and by_name["heel_walk"]["earlier"] is None


def test_the_comparison_is_with_the_most_recent_earlier_visit(knowledge):
    oldest = visit("2026-10-01", [finding("buttock", kind="pain", intensity=9)])
    latest = visit("2026-11-03", [finding("buttock", kind="pain", intensity=2)])
    current = visit("2026-11-17", [finding("buttock", kind="pain", intensity=5)])
    changes = run(knowledge, with_previous(current, latest, oldest)).to_json()["changes"]
    assert changes["since"] == "2026-11-03"
    assert changes["findings"][0]["change"] == "worse"


# --- parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (
            with_previous(visit("2026-11-17"), {**visit("2026-11-03"), "previous": []}),
            "previous[0].previous",
        ),
        (with_previous(visit("2026-11-17"), {"findings": []}), "previous[0].date"),
        (with_previous({"findings": []}, visit("2026-11-03")), "date"),
        (with_previous(visit("2026-11-17"), visit("2026-12-01")), "previous[0].date"),
        (
            with_previous(visit("2026-11-17"), visit("2026-11-03"), visit("2026-11-03")),
            "previous[1].date",
        ),
        ({"date": "17/11/2026"}, "date"),
        ({"date": "2026-02-30"}, "date"),
        ({"date": 20261117}, "date"),
        ({"findings": [finding("dorsum_central", excluded={})]}, "findings[0].excluded.reason"),
        ({"signs": [{**sign("ankle_eversion", 3), "excluded": "fracture"}]}, "signs[0].excluded"),
    ],
)
def test_bad_visits_are_refused_naming_the_field(knowledge, data, where):
    with pytest.raises(EncounterError) as caught:
        parse_encounter(data, knowledge.regions)
    assert caught.value.field == where
    assert "\n" not in str(caught.value)


def test_nesting_is_refused_with_a_clear_message(knowledge):
    nested = with_previous(
        visit("2026-11-17"), {**visit("2026-11-03"), "previous": [visit("2026-10-01")]}
    )
    with pytest.raises(EncounterError, match="cannot hold earlier visits"):
        parse_encounter(nested, knowledge.regions)


def test_a_visit_with_previous_round_trips_through_json(knowledge):
    data = with_previous(
        visit("2026-11-17", [finding("dorsum_central", excluded={"reason": "old ankle fracture"})]),
        visit("2026-11-03", signs=[sign("great_toe_extension", 4)]),
    )
    encounter = parse_encounter(data, knowledge.regions)
    assert parse_encounter(encounter.to_json(), knowledge.regions) == encounter
    assert encounter.to_json()["findings"][0]["excluded"] == {"reason": "old ankle fracture"}


# --- a deficit that progresses -----------------------------------------------------------------


def test_a_weaker_key_muscle_between_visits_raises_the_flag_with_both_values_and_dates(knowledge):
    data = with_previous(
        visit("2026-11-17", signs=[sign("great_toe_extension", 2)]),
        visit("2026-11-03", signs=[sign("great_toe_extension", 4)]),
    )
    raised = flag(run(knowledge, data))
    assert raised is not None and raised.urgency == "urgent"
    [why] = [line for line in raised.why if "between visits" in line]
    assert (
        "great toe extension" in why and "4/5 on 3 Nov 2026" in why and "2/5 on 17 Nov 2026" in why
    )


def test_a_lost_reflex_raises_the_flag(knowledge):
    data = with_previous(
        visit("2026-11-17", signs=[sign("achilles_reflex", "absent")]),
        visit("2026-11-03", signs=[sign("achilles_reflex", "reduced")]),
    )
    why = flag(run(knowledge, data)).why
    assert any(
        "achilles reflex" in w and "reduced on 3 Nov 2026" in w and "absent on" in w for w in why
    )


@pytest.mark.parametrize(
    ("before", "now", "earlier_date"),
    [
        (("great_toe_extension", 2), ("great_toe_extension", 4), "2026-11-03"),  # improves
        (("great_toe_extension", 4), ("great_toe_extension", 4), "2026-11-03"),  # stays
        (("great_toe_extension", 4), ("great_toe_extension", 2), "2026-06-01"),  # too far apart
        (("achilles_reflex", "normal"), ("achilles_reflex", "reduced"), "2026-11-03"),  # not lost
        (("achilles_reflex", "absent"), ("achilles_reflex", "absent"), "2026-11-03"),  # was lost
    ],
)
def test_no_flag_when_nothing_progressed_within_the_window(knowledge, before, now, earlier_date):
    data = with_previous(
        visit("2026-11-17", signs=[sign(*now)]), visit(earlier_date, signs=[sign(*before)])
    )
    assert flag(run(knowledge, data)) is None


def test_the_window_is_inclusive(knowledge):
    def analysed(days_before: str):
        return run(
            knowledge,
            with_previous(
                visit("2026-12-31", signs=[sign("hip_flexion", 4)]),
                visit(days_before, signs=[sign("hip_flexion", 5)]),
            ),
        )

    assert WINDOW_DAYS == 84
    assert flag(analysed("2026-10-08")) is not None  # 84 days
    assert flag(analysed("2026-10-07")) is None  # 85 days


def test_the_history_tick_box_still_counts(knowledge):
    data = visit("2026-11-17", **{"progressive_weakness": True})
    assert flag(run(knowledge, data)) is not None


def test_the_tick_box_and_the_visits_together_give_both_reasons(knowledge):
    data = with_previous(
        visit("2026-11-17", signs=[sign("great_toe_extension", 3)], progressive_weakness=True),
        visit("2026-11-03", signs=[sign("great_toe_extension", 4)]),
    )
    why = flag(run(knowledge, data)).why
    assert any("getting worse" in w for w in why)
    assert any("between visits" in w for w in why)


def test_a_sign_marked_not_due_to_a_root_does_not_progress(knowledge):
    excluded = {**sign("ankle_eversion", 2), "excluded": {"reason": "peroneal tendon tear"}}
    data = with_previous(
        visit("2026-11-17", signs=[excluded]),
        visit("2026-11-03", signs=[sign("ankle_eversion", 5)]),
    )
    assert flag(run(knowledge, data)) is None


# --- not due to a root -------------------------------------------------------------------------


def test_an_excluded_sign_leaves_the_scores_with_its_reason_in_the_evidence(knowledge):
    base = [finding("dorsum_central"), finding("leg_anterolateral")]
    weak = {**sign("great_toe_extension", 2), "excluded": {"reason": "old hallux fracture"}}
    without = run(knowledge, {"findings": base})
    excluded = run(knowledge, {"findings": base, "signs": [weak]})
    counted = run(knowledge, {"findings": base, "signs": [sign("great_toe_extension", 2)]})
    l5 = next(r for r in excluded.roots if r.root == "L5")
    assert l5.score == next(r for r in without.roots if r.root == "L5").score
    assert l5.score < next(r for r in counted.roots if r.root == "L5").score
    assert any("not due to a root: old hallux fracture" in e.text for e in l5.evidence)
    assert excluded.to_json()["excluded"] == [
        {"item": "great toe extension 2/5, left", "reason": "old hallux fracture"}
    ]


def test_an_excluded_finding_is_kept_in_the_record_and_left_out_of_the_scores(knowledge):
    mark = finding("dorsum_central", excluded={"reason": "known polyneuropathy"})
    analysis = run(knowledge, {"findings": [mark]})
    assert analysis.roots == ()
    assert analysis.extent is not None and analysis.extent.all > 0  # still drawn
    assert analysis.excluded[0].reason == "known polyneuropathy"


# --- extent ------------------------------------------------------------------------------------


def test_the_surface_shares_sum_to_a_hundred_percent():
    assert math.isclose(sum(SURFACE_PERCENT.values()), 100.0, abs_tol=0.01)


def test_every_region_side_of_the_knowledge_has_a_share_of_the_surface(knowledge):
    missing = [
        f"{side}.{region.id}"
        for region in knowledge.regions.values()
        for side in region.sides
        if region_share(f"{side}.{region.id}") <= 0
    ]
    assert not missing


def test_extent_adds_regions_per_kind_and_counts_a_region_once_in_all(knowledge):
    data = {
        "findings": [
            finding("dorsum_central"),
            finding("dorsum_central", kind="tingling"),
            finding("buttock", kind="pain"),
        ]
    }
    extent = run(knowledge, data).to_json()["extent"]
    dorsum, buttock = region_share("left.dorsum_central"), region_share("left.buttock")
    assert extent["numbness"] == extent["tingling"] == round(dorsum, 2)
    assert extent["pain"] == round(buttock, 2)
    assert extent["all"] == round(dorsum + buttock, 2)
    assert extent["burning"] == 0


def test_a_sole_region_has_a_share_though_no_body_view_shows_it():
    assert 0 < region_share("left.forefoot_plantar_medial") < region_share("left.buttock")
    assert math.isclose(
        region_share("left.forefoot_plantar_medial"),
        region_share("right.forefoot_plantar_medial"),
        rel_tol=0.05,
    )
