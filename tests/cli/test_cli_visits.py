"""`rootmap analyze` with visits (contract v2): date, previous, changes, extent."""

from __future__ import annotations

import json
from pathlib import Path

from rootmap.cli import main

REPO = Path(__file__).resolve().parents[2]
FOLLOW_UP = REPO / "examples" / "follow_up_l5.json"


def analyze(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_follow_up_example_reports_changes_extent_and_the_progressing_deficit(capsys):
    code, out, err = analyze(capsys, str(FOLLOW_UP))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["changes"]["since"] == "2026-11-03" and data["changes"]["date"] == "2026-11-17"
    toe = next(s for s in data["changes"]["signs"] if s["sign"] == "great_toe_extension")
    assert (toe["earlier"], toe["current"], toe["change"]) == (
        {"value": 4, "date": "2026-11-03"},
        {"value": 2, "date": "2026-11-17"},
        "worse",
    )
    assert set(data["extent"]) == {"all", "pain", "numbness", "tingling", "burning"}
    assert 0 < data["extent"]["numbness"] <= data["extent"]["all"] <= 100
    [flag] = [f for f in data["red_flags"] if f["id"] == "progressive_neurological_deficit"]
    assert any("4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026" in why for why in flag["why"])
    assert data["excluded"] == [
        {"item": "pain over heel_lateral, left", "reason": "old ankle fracture"}
    ]


def test_nested_previous_visits_get_one_line_and_exit_2(capsys, tmp_path: Path):
    data = json.loads(FOLLOW_UP.read_text())
    data["previous"][0]["previous"] = [{"date": "2026-10-01"}]
    path = tmp_path / "nested.json"
    path.write_text(json.dumps(data))
    code, out, err = analyze(capsys, str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("rootmap analyze: previous[0].previous: ")


def test_a_bad_date_gets_one_line_and_exit_2(capsys, tmp_path: Path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"date": "yesterday"}))
    code, _, err = analyze(capsys, str(path))
    assert code == 2 and "date: 'yesterday' is not an ISO 8601 date" in err
