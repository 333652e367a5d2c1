"""Every subcommand against hostile input and hostile streams: one line, exit 2 for bad
input, exit 1 for an I/O failure, never a traceback; nothing inflated, nothing forged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rootmap.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "classic_l5.json"
TOE_3 = {"sign": "great_toe_extension", "side": "left", "value": 3}
PAIN = {"region": "buttock", "side": "left", "kind": "pain", "intensity": 6}


def rootmap(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "rootmap", *args],
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        **kwargs,
    )


def analyze_json(capsys, data: object) -> tuple[int, str, str]:
    import io

    text = data if isinstance(data, str) else json.dumps(data)
    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode()))
    try:
        code = main(["analyze", "-"])
    finally:
        sys.stdin = stdin
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(err: str) -> None:
    assert err.count("\n") == 1 and "Traceback" not in err, err


# --- wrong answers without an error --------------------------------------------------------
def test_a_repeated_sign_counts_once(capsys):
    _, once, _ = analyze_json(capsys, {"signs": [TOE_3]})
    _, five, _ = analyze_json(capsys, {"signs": [TOE_3] * 5})
    assert json.loads(five) == json.loads(once)


def test_a_repeated_finding_counts_once_with_its_highest_intensity(capsys):
    _, once, _ = analyze_json(capsys, {"findings": [PAIN]})
    _, five, _ = analyze_json(
        capsys, {"findings": [{**PAIN, "intensity": 2}, PAIN, PAIN, PAIN, PAIN]}
    )
    assert json.loads(five) == json.loads(once)
    assert not any(c["id"] == "disc_herniation" for c in json.loads(five)["conditions"])


def test_contradictory_values_for_one_sign_and_side_are_refused(capsys):
    signs = [{"sign": "achilles_reflex", "side": "left", "value": v} for v in ("absent", "normal")]
    code, out, err = analyze_json(capsys, {"signs": signs})
    assert code == 2 and out == ""
    _one_line(err)
    assert "signs[1]: achilles_reflex on the left is given twice" in err
    assert "'absent' and 'normal'" in err


def test_a_document_with_contradictory_signs_is_refused_too(tmp_path: Path):
    from rootmap.documents import DocumentError, read_document
    from rootmap.knowledge import load_knowledge

    path = tmp_path / "c.rootmap"
    signs = [{"sign": "babinski", "side": "right", "value": v} for v in ("present", "absent")]
    path.write_text(json.dumps({"format": "rootmap", "version": 1, "encounter": {"signs": signs}}))
    with pytest.raises(DocumentError, match="babinski on the right is given twice"):
        read_document(path, load_knowledge().regions)


@pytest.mark.parametrize(
    "text",
    ['{"history": {"shoe": NaN}}', '{"history": {"x": [Infinity]}}', '{"z": -Infinity}'],
)
def test_nan_and_infinity_are_refused_anywhere(capsys, text: str):
    code, out, err = analyze_json(capsys, text)
    assert code == 2 and out == ""
    _one_line(err)
    assert "is not a number JSON allows" in err


def test_a_key_given_twice_is_refused(capsys):
    code, _, err = analyze_json(capsys, '{"history": {"leg_pain": true, "leg_pain": false}}')
    assert code == 2
    _one_line(err)
    assert "the key 'leg_pain' appears twice" in err


# --- messages that cannot be abused ---------------------------------------------------------
def test_echoed_keys_are_quoted_shortened_and_stripped_of_control_characters(capsys):
    forged = "x\nrootmap analyze: all clear\x1b[2J" + "y" * 500
    code, _, err = analyze_json(capsys, {"history": {forged: True}})
    assert code == 0
    _one_line(err)
    assert "\x1b" not in err and "all clear" in err  # shown, but on the warning's own line
    assert len(err) < 160


def test_many_unknown_keys_give_one_summarised_warning(capsys):
    history = {f"k{i}": True for i in range(100_000)}
    code, _, err = analyze_json(capsys, {"history": history})
    assert code == 0
    _one_line(err)
    assert err.startswith("rootmap analyze: warning: history: ignored 100000 unknown keys: 'k0'")
    assert err.rstrip().endswith(", …")


def test_a_huge_number_is_not_echoed_in_full(capsys):
    code, _, err = analyze_json(capsys, '{"findings": [{"region": "buttock", "side": "left", '
                                '"kind": "pain", "intensity": ' + "9" * 4000 + "}]}")  # fmt: skip
    assert code == 2
    _one_line(err)
    assert "a number of 4000 digits" in err and len(err) < 200


def test_an_unknown_value_is_quoted_and_shortened(capsys):
    code, _, err = analyze_json(
        capsys, {"findings": [{**PAIN, "region": "\x1b]0;x\x07" + "r" * 300}]}
    )
    assert code == 2
    _one_line(err)
    assert "\x1b" not in err and "\x07" not in err and "…" in err


# --- streams and paths: every subcommand ----------------------------------------------------
SUBCOMMANDS_WRITING_STDOUT = [
    ["analyze", str(EXAMPLE)],
    ["atlases"],
    ["regions"],
    ["check-assets"],
]


@pytest.mark.parametrize("args", SUBCOMMANDS_WRITING_STDOUT, ids=lambda a: a[0])
def test_standard_output_full_is_one_line_and_exit_1(args: list[str]):
    with open("/dev/full", "w") as full:
        result = rootmap(*args, stdout=full)
    assert result.returncode == 1, result.stderr
    _one_line(result.stderr)
    assert "cannot write to standard output: the disk is full" in result.stderr


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in sh, as a user types it (``>&-`` closes a stream before start)."""
    return subprocess.run(["sh", "-c", command], stderr=subprocess.PIPE, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip


@pytest.mark.parametrize("args", SUBCOMMANDS_WRITING_STDOUT, ids=lambda a: a[0])
def test_standard_output_closed_is_one_line_and_exit_1(args: list[str]):
    result = _shell(f"exec {sys.executable} -m rootmap {' '.join(args)} >&-")
    assert result.returncode == 1, result.stderr
    _one_line(result.stderr)
    assert "cannot write to standard output: it is closed" in result.stderr


def test_analyze_with_standard_input_closed():
    result = rootmap("analyze", "-", stdin=subprocess.DEVNULL)  # empty: bad JSON
    assert result.returncode == 2
    result = _shell(f"exec {sys.executable} -m rootmap analyze - <&-")
    assert result.returncode == 2, result.stderr
    _one_line(result.stderr)
    assert "standard input is closed" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", str(EXAMPLE), "--pdf", ""], "rootmap report: --pdf: the path is empty"),
        (["snapshot", str(EXAMPLE), "--view", "foot_dorsal", "--png", ""],
         "rootmap snapshot: --png: the path is empty"),
        (["snapshot", str(EXAMPLE), "--view", "foot_dorsal", "--svg", ""],
         "rootmap snapshot: --svg: the path is empty"),
        (["analyze", ""], "rootmap analyze: '': the path is empty"),
        (["report", "", "--pdf", "out.pdf"], "the path is empty"),
    ],
)  # fmt: skip
def test_an_empty_path_is_one_line_and_exit_2(args: list[str], message: str, tmp_path: Path):
    result = rootmap(*args, cwd=tmp_path)
    assert result.returncode == 2
    _one_line(result.stderr)
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["report", "snapshot"])
def test_a_device_pipe_or_folder_target_is_refused(command: str, tmp_path: Path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path, Path("/dev/null")):
        option = (
            ["--pdf", str(target)]
            if command == "report"
            else ["--view", "foot_dorsal", "--png", str(target)]
        )
        result = rootmap(command, str(EXAMPLE), *option)
        assert result.returncode == 2, result.stderr
        _one_line(result.stderr)
        assert "RootMap will not replace it" in result.stderr
    assert Path("/dev/null").is_char_device() and fifo.is_fifo()


@pytest.mark.parametrize("command", ["analyze", "report", "snapshot"])
def test_a_named_pipe_with_no_writer_is_refused_not_waited_on(command: str, tmp_path: Path):
    fifo = tmp_path / "in.rootmap"
    os.mkfifo(fifo)
    extra = {
        "analyze": [],
        "report": ["--pdf", str(tmp_path / "o.pdf")],
        "snapshot": ["--view", "foot_dorsal", "--png", str(tmp_path / "o.png")],
    }[command]
    result = rootmap(command, str(fifo), *extra)
    assert result.returncode == 2
    _one_line(result.stderr)
    assert "it is a named pipe, not a file" in result.stderr


def test_report_writes_through_a_symlink(tmp_path: Path):
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    result = rootmap("report", str(EXAMPLE), "--pdf", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF")
    assert oct(real.stat().st_mode & 0o777) == "0o600"


def test_a_full_disk_while_writing_a_report_is_exit_1(tmp_path: Path):
    code = (
        "import errno, os, sys, runpy\n"
        "def full(fd): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "os.fsync = full\n"
        f"sys.argv = ['rootmap', 'report', {str(EXAMPLE)!r}, '--pdf', "
        f"{str(tmp_path / 'r.pdf')!r}]\n"
        "runpy.run_module('rootmap', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 1
    _one_line(result.stderr)
    assert "cannot save r.pdf: the disk is full" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_file_name_with_control_characters_is_quoted(capsys):
    code = main(["analyze", "visit\nrootmap analyze: all clear\x1b[2J.json"])
    _, err = capsys.readouterr()
    assert code == 2
    _one_line(err)
    assert "\x1b" not in err and "no such file" in err
