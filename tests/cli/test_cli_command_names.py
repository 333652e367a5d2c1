"""Command names as people type them: the British spelling works, a typo is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rootmap.cli import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "classic_l5.json"


def test_analyse_is_analyze(capsys):
    assert main(["analyse", str(EXAMPLE)]) == 0
    british = json.loads(capsys.readouterr().out)
    assert main(["analyze", str(EXAMPLE)]) == 0
    assert json.loads(capsys.readouterr().out) == british
    assert british["roots"][0]["root"] == "L5"


@pytest.mark.parametrize(
    ("typed", "meant"), [("analize", "analyze"), ("exprot", "export"), ("cohrt", "cohort")]
)
def test_a_mistyped_command_is_named_in_one_line_and_exits_2(capsys, typed, meant):
    assert main([typed, str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"unknown command {typed!r} (did you mean {meant!r}?)" in err


def test_a_file_is_never_taken_for_a_typo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "analize").write_text("{}")  # a file with a command-like name
    from rootmap import cli

    assert cli._mistyped_command("analize") is None
    assert cli._mistyped_command("visit.rootmap") is None  # a path: the window opens it
    assert cli._mistyped_command("nothing-like-a-command") is None
