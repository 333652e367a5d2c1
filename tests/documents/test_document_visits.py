"""Format version 2: one patient's visits in a document, and the API that changes them."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from rootmap.documents import (
    VERSION,
    Document,
    DocumentError,
    VisitError,
    add_follow_up,
    document_from_bytes,
    document_to_bytes,
    find_visit,
    for_analysis,
    get_visit,
    read_document,
    replace_visit,
    visit_list,
    visits,
    write_document,
)
from rootmap.documents.autosave import read_autosave, write_autosave
from rootmap.encounter import Encounter, Finding, History, Sign
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
REGIONS, ATLASES = KNOWLEDGE.regions, KNOWLEDGE.atlases
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "follow_up_l5.rootmap"

FIRST = Encounter(
    findings=(Finding("dorsum_central", "left", "numbness", 4),),
    signs=(Sign("great_toe_extension", "left", 4),),
    history=History(
        age=44,
        onset="acute",
        flags={"leg_pain": True, "diabetes": True, "fever": False, "cancer_history": False},
    ),
    date="2026-11-03",
)
SECOND = replace(
    FIRST,
    findings=(Finding("dorsum_central", "left", "numbness", 7),),
    signs=(Sign("great_toe_extension", "left", 2),),
    date="2026-11-17",
)
TWO_VISITS = Document(encounter=SECOND, earlier=(FIRST,), created="2026-11-03T09:00:00+00:00")
V1_FILE = {
    "format": "rootmap",
    "version": 1,
    "encounter": {"findings": [{"region": "buttock", "side": "left", "kind": "pain"}]},
    "atlas": None,
    "patient_label": "AB",
    "notes": "",
    "created": "2025-03-01T09:30:00+00:00",
    "modified": "2025-03-01T09:30:00+00:00",
}


def _open(data: bytes) -> Document:
    return document_from_bytes(data, REGIONS, ATLASES)


def test_a_document_of_two_visits_is_version_2_and_round_trips():
    data = json.loads(document_to_bytes(TWO_VISITS))
    assert VERSION == 2 and data["version"] == 2
    assert [v["date"] for v in data["visits"]] == ["2026-11-03", "2026-11-17"]
    assert "encounter" not in data and all("previous" not in v for v in data["visits"])
    assert _open(document_to_bytes(TWO_VISITS)) == TWO_VISITS


def test_visits_are_read_in_date_order_whatever_the_file_order():
    data = json.loads(document_to_bytes(TWO_VISITS))
    data["visits"].reverse()
    document = _open(json.dumps(data).encode())
    assert document.encounter == SECOND and document.earlier == (FIRST,)


def test_a_version_1_file_opens_as_one_visit_and_is_left_as_it_is(tmp_path: Path):
    path = tmp_path / "old.rootmap"
    original = json.dumps(V1_FILE).encode()
    path.write_bytes(original)
    document = read_document(path, REGIONS, ATLASES)
    assert document.earlier == () and len(visits(document)) == 1
    assert document.encounter.findings == (Finding("buttock", "left", "pain"),)
    assert path.read_bytes() == original  # opening never rewrites it
    write_document(path, document)  # the user saves: now version 2
    saved = json.loads(path.read_text())
    assert saved["version"] == 2 and len(saved["visits"]) == 1
    assert read_document(path, REGIONS, ATLASES) == document


def test_an_autosave_of_a_version_1_document_still_opens(tmp_path: Path):
    autosave = tmp_path / "session-1.rootmap-autosave"
    payload = {
        "format": "rootmap-autosave",
        "source": None,
        "saved_at": "2025-03-01T10:00:00+00:00",
        "document": V1_FILE,
    }
    autosave.write_text(json.dumps(payload))
    recovery = read_autosave(autosave, REGIONS, ATLASES)
    assert recovery.document.encounter.findings == (Finding("buttock", "left", "pain"),)


def test_autosave_keeps_every_visit(tmp_path: Path):
    autosave = tmp_path / "session-2.rootmap-autosave"
    write_autosave(autosave, TWO_VISITS, None, "2026-11-17T10:00:00+00:00")
    assert json.loads(autosave.read_text())["document"]["version"] == 2
    assert read_autosave(autosave, REGIONS, ATLASES).document == TWO_VISITS


def test_a_newer_file_is_refused_with_a_clear_message_and_left_untouched(tmp_path: Path):
    path = tmp_path / "future.rootmap"
    data = json.dumps({**json.loads(document_to_bytes(TWO_VISITS)), "version": 3}).encode()
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=r"made by a newer RootMap \(format version 3"):
        read_document(path, REGIONS, ATLASES)
    assert path.read_bytes() == data


@pytest.mark.parametrize(
    ("visits_json", "message"),
    [
        ([{"findings": []}, {"date": "2026-11-17"}], r"visits\[0\].date: is missing"),
        ([{"date": "2026-11-17", "previous": []}], r"visits\[0\].previous: .*cannot hold"),
        ([{"date": "17 Nov"}], "damaged visit 1: date"),
        ([{"date": "2026-11-17"}, {"date": "2026-11-17"}], "two visits on 2026-11-17"),
        ("all of them", "visits: must be a list"),
    ],
)
def test_bad_visits_are_refused_in_one_line(visits_json, message):
    data = {**json.loads(document_to_bytes(TWO_VISITS)), "visits": visits_json}
    with pytest.raises(DocumentError, match=message) as caught:
        _open(json.dumps(data).encode())
    assert "\n" not in str(caught.value)


def test_a_bare_encounter_with_previous_opens_as_its_visits():
    bare = {**SECOND.to_json(), "previous": [FIRST.to_json()]}
    assert _open(json.dumps(bare).encode()) == Document(
        encounter=SECOND, earlier=(FIRST,), created=_open(json.dumps(bare).encode()).created
    )


# --- the visits API ---------------------------------------------------------------------------


def test_a_follow_up_starts_empty_with_the_lasting_history_and_the_age_moved_on():
    later = add_follow_up(TWO_VISITS, "2027-12-01")
    new = later.encounter
    assert new.date == "2027-12-01" and new.findings == () and new.signs == ()
    assert new.history.age == 45  # a birthday-free count: one whole year has passed
    assert new.history.onset == "acute"
    assert dict(new.history.flags) == {"diabetes": True, "cancer_history": False}
    assert later.earlier == (FIRST, SECOND)


def test_a_follow_up_of_an_undated_visit_dates_it_by_the_document():
    undated = Document(
        encounter=Encounter(history=History(age=30)), created="2026-01-05T08:00:00+00:00"
    )
    later = add_follow_up(undated, "2026-01-19")
    assert later.earlier[0].date == "2026-01-05"
    assert later.encounter.history.age == 30


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("2026-11-01", "after the last visit"),
        ("2026-11-17", "after the last visit"),
        ("soon", "ISO 8601"),
    ],
)
def test_a_follow_up_needs_a_date_on_or_after_the_last_visit(when, message):
    with pytest.raises(VisitError, match=message):
        add_follow_up(TWO_VISITS, when)


def test_visits_are_listed_found_read_and_replaced():
    assert [(v.date, v.current) for v in visit_list(TWO_VISITS)] == [
        ("2026-11-03", False),
        ("2026-11-17", True),
    ]
    assert get_visit(TWO_VISITS, 0) == FIRST and get_visit(TWO_VISITS) == SECOND
    assert find_visit(TWO_VISITS, "2026-11-03") == 0
    with pytest.raises(VisitError, match="no visit on 2026-11-04"):
        find_visit(TWO_VISITS, "2026-11-04")
    edited = replace(FIRST, findings=())
    changed = replace_visit(TWO_VISITS, 0, edited)
    assert changed.earlier == (edited,) and changed.encounter == SECOND
    with pytest.raises(VisitError):
        get_visit(TWO_VISITS, 2)
    with pytest.raises(VisitError, match="one visit per date"):
        replace_visit(TWO_VISITS, 0, replace(FIRST, date=SECOND.date))


def test_for_analysis_gives_the_engine_the_visits_before_it():
    current = for_analysis(TWO_VISITS)
    assert current.previous == (FIRST,) and current.date == SECOND.date
    assert for_analysis(TWO_VISITS, 0).previous == ()
    analysis = analyze(current, KNOWLEDGE)
    assert analysis.changes is not None and analysis.changes.since == "2026-11-03"
    assert any(f.id == "progressive_neurological_deficit" for f in analysis.red_flags)


def test_the_example_document_opens_with_two_visits():
    document = read_document(EXAMPLE, REGIONS, ATLASES)
    assert [v.date for v in visits(document)] == ["2026-11-03", "2026-11-17"]
