"""`rootmap analyze`: JSON in, JSON out; bad input gets one line and exit 2, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rootmap.cli import main
from rootmap.commands.analyze import MAX_BYTES

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "classic_l5.json"


def analyze(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_the_analysis_as_indented_json(capsys):
    code, out, err = analyze(capsys, str(EXAMPLE))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["roots"][0]["root"] == "L5"
    assert data["atlas"] == "lee2008"
    assert out.startswith('{\n  "roots": [')


def test_reads_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    code, out, _ = analyze(capsys, "-")
    assert code == 0 and json.loads(out)["roots"][0]["root"] == "L5"


def test_an_empty_encounter_gives_empty_lists(capsys, tmp_path):
    path = tmp_path / "empty.json"
    path.write_text("{}", encoding="utf-8")
    code, out, _ = analyze(capsys, str(path))
    assert code == 0
    assert json.loads(out) == {
        "roots": [],
        "conditions": [],
        "red_flags": [],
        "atlas": "lee2008",
        "extent": {"all": 0.0, "pain": 0.0, "numbness": 0.0, "tingling": 0.0, "burning": 0.0},
    }


def test_another_atlas(capsys):
    code, out, _ = analyze(capsys, str(EXAMPLE), "--atlas", "keegan1948")
    assert code == 0 and json.loads(out)["atlas"] == "keegan1948"


def test_unknown_history_keys_warn_and_go_on(capsys, tmp_path):
    path = tmp_path / "e.json"
    path.write_text('{"history": {"leg_pain": true, "shoe_size": 42}}', encoding="utf-8")
    code, out, err = analyze(capsys, str(path))
    assert code == 0 and json.loads(out)
    assert err == "rootmap analyze: warning: history: unknown key 'shoe_size' ignored\n"


BAD = [
    (
        b'{"findings": [{"region": "elbowz", "side": "left", "kind": "pain"}]}',
        "findings[0].region: unknown value 'elbowz' (see `rootmap regions`)",
    ),
    (
        b'{"signs": [{"sign": "great_toe_extension", "side": "left", "value": 7}]}',
        "signs[0].value: must be from 0 to 5, not 7",
    ),
    (
        b'{"findings": [{"region": "saddle", "side": "left", "kind": "pain"}]}',
        "findings[0].side: saddle takes side midline, not left",
    ),
    (b'{"history": {"age": "old"}}', "history.age: must be a whole number"),
    (b"[1, 2]", "encounter: must be an object, not a list"),
    (b'{"findings": [', "invalid JSON at line 1 column 15"),
    (b"\xff\xfe{}", "not UTF-8 text"),
    (b"[" * 200_000, "nested too deeply"),
    (b"1" * 5000, "invalid JSON"),
]


@pytest.mark.parametrize(("content", "message"), BAD, ids=[m[:30] for _, m in BAD])
def test_bad_input_gets_one_line_naming_the_problem(capsys, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    code, out, err = analyze(capsys, str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("rootmap analyze: ")
    assert message in err
    assert "Traceback" not in err


def test_missing_folder_and_too_large_files(capsys, tmp_path):
    code, _, err = analyze(capsys, str(tmp_path / "nope.json"))
    assert code == 2 and err.strip().endswith("nope.json: no such file")
    code, _, err = analyze(capsys, str(tmp_path))
    assert code == 2 and "is a folder" in err
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_BYTES + 1))
    code, _, err = analyze(capsys, str(big))
    assert code == 2 and "too large" in err


def test_unknown_atlas(capsys):
    code, out, err = analyze(capsys, str(EXAMPLE), "--atlas", "nope")
    assert code == 2 and out == ""
    assert err == "rootmap analyze: --atlas: unknown atlas 'nope' (known: lee2008, keegan1948)\n"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "findings",
                    "signs",
                    "history",
                    "region",
                    "side",
                    "kind",
                    "sign",
                    "value",
                    "age",
                    "onset",
                    "leg_pain",
                    "intensity",
                    "x",
                ]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@given(JSON)
def test_junk_json_exits_0_or_2_without_a_traceback(tmp_path_factory, capsys, value):
    path = tmp_path_factory.mktemp("junk") / "junk.json"
    path.write_text(json.dumps(value), encoding="utf-8")
    code = main(["analyze", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 2)
    assert "Traceback" not in err
    if code == 2:
        assert err.count("\n") == 1 and out == ""
    else:
        assert json.loads(out)["atlas"]


@given(st.binary(max_size=200))
def test_junk_bytes_exit_0_or_2_without_a_traceback(tmp_path_factory, capsys, content):
    path = tmp_path_factory.mktemp("junk") / "junk.json"
    path.write_bytes(content)
    code = main(["analyze", str(path)])
    _, err = capsys.readouterr()
    assert code in (0, 2) and "Traceback" not in err


def test_analyze_never_imports_qt_or_svgelements():
    probe = (
        "import sys\n"
        "from rootmap.cli import main\n"
        f"code = main(['analyze', {str(EXAMPLE)!r}])\n"
        "heavy = ('PySide6', 'shiboken6', 'svgelements')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "sys.stderr.write(repr(bad))\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "[]"
    assert json.loads(result.stdout)["roots"][0]["root"] == "L5"
