"""`rootmap cohort`: many encounters in parallel, one CSV row per finding, heat maps."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from rootmap.cohort.analyse import FileResult
from rootmap.cohort.counts import ANY, HeatCounts
from rootmap.cohort.files import pseudonymous_id
from rootmap.cohort.run import CHUNK
from rootmap.cohort.synthetic import synthetic_encounters, write_cohort
from rootmap.cohort.table import COLUMNS
from rootmap.commands.cohort import Progress
from rootmap.documents import Document, write_document
from rootmap.encounter import parse_encounter
from rootmap.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
LABEL = "Jane Q. Cohort"


def rootmap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rootmap", *args], capture_output=True,
                          text=True, timeout=300)  # fmt: skip


@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> Path:
    """120 synthetic encounters, one as a labelled .rootmap document, and one broken file."""
    folder = tmp_path_factory.mktemp("cohort")
    paths = write_cohort(folder / "visits", 120, seed=3, knowledge=KNOWLEDGE)
    first = json.loads(paths[0].read_text())
    paths[0].unlink()
    encounter = parse_encounter(first, KNOWLEDGE.regions)
    write_document(folder / "visits" / "labelled.rootmap",
                   Document(encounter=encounter, patient_label=LABEL))  # fmt: skip
    (folder / "visits" / "broken.json").write_text('{"findings": [{"region": "elbow_tip"}]}')
    (folder / "visits" / "notes.txt").write_text("not an encounter: ignored")
    return folder / "visits"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_synthetic_cohort_is_seeded_and_valid():
    first = list(synthetic_encounters(50, 11, KNOWLEDGE))
    assert first == list(synthetic_encounters(50, 11, KNOWLEDGE))
    assert first != list(synthetic_encounters(50, 12, KNOWLEDGE))
    for data in first:
        parse_encounter(data, KNOWLEDGE.regions)  # every one honours the contract


def test_the_pseudonymous_id_is_a_keyed_hash_of_the_content():
    assert pseudonymous_id(b"same", b"k") == pseudonymous_id(b"same", b"k")
    assert pseudonymous_id(b"same", b"k") != pseudonymous_id(b"same", b"other key")
    assert pseudonymous_id(b"same", b"k") != pseudonymous_id(b"different", b"k")
    assert len(pseudonymous_id(b"x", b"k")) == 16


def test_cohort_writes_a_row_per_finding_and_skips_a_broken_file(cohort: Path, tmp_path: Path):
    table = tmp_path / "out.csv"
    result = rootmap("cohort", str(cohort), "--csv", str(table), "--by", "root")
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "broken.json" in lines[0] and lines[0].endswith("; skipped")
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal
    summary = result.stdout.splitlines()
    assert summary[0].startswith("121 files: 120 analysed, 1 skipped (failed); ")
    assert summary[1].startswith("top root: ")
    rows = read_csv(table)
    assert tuple(rows[0]) == COLUMNS
    assert summary[2] == f"wrote {table} ({len(rows)} rows)"
    expected = sum(len(e["findings"]) for e in synthetic_encounters(120, 3, KNOWLEDGE))
    assert len(rows) == expected
    assert LABEL not in table.read_text()
    assert all(len(row["encounter"]) == 16 for row in rows)
    assert {row["region_snomed"] for row in rows} <= {
        r.code.code for r in KNOWLEDGE.regions.values() if r.code
    }


def test_two_processes_give_the_same_csv_as_one(tmp_path: Path):
    folder = tmp_path / "visits"  # more than one chunk of files, so two processes share it
    write_cohort(folder, CHUNK + 50, seed=5, knowledge=KNOWLEDGE)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    alone = rootmap("cohort", str(folder), "--csv", str(one), "--jobs", "1")
    shared = rootmap("cohort", str(folder), "--csv", str(two), "--jobs", "2")
    assert alone.returncode == shared.returncode == 0
    assert "on 1 process" in alone.stdout and "on 2 processes" in shared.stdout
    assert one.read_bytes() == two.read_bytes()


def test_a_cohort_smaller_than_a_chunk_says_it_ran_in_one_process(cohort: Path):
    done = rootmap("cohort", str(cohort), "--jobs", "2")
    assert done.returncode == 0 and "on 1 process" in done.stdout, done.stdout


def test_heat_maps_by_root_as_png_and_svg(cohort: Path, tmp_path: Path):
    png, svg = tmp_path / "heat.png", tmp_path / "heat.svg"
    result = rootmap("cohort", str(cohort), "--heatmap", str(png), "--by", "root",
                     "--panels", "2", "--width", "900")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"wrote {png} (2 panels)"
    image = QImage(str(png))
    assert image.width() == 900 and image.height() > 900
    result = rootmap("cohort", str(cohort), "--heatmap", str(svg), "--by", "condition")
    assert result.returncode == 0, result.stderr
    assert svg.read_text().lstrip().startswith("<?xml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--heatmap", "out.pdf"], "--heatmap: out.pdf: the name must end in .png or .svg"),
        (["--atlas", "nope"], "--atlas: unknown atlas 'nope'"),
        (["--jobs", "0"], "--jobs: must be 1 or more"),
        (["--by", "nerve"], "argument --by: invalid choice"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(cohort: Path, args, message):
    result = rootmap("cohort", str(cohort), *args)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_nothing_to_analyse_is_exit_2(tmp_path: Path):
    result = rootmap("cohort", str(tmp_path), str(tmp_path / "missing"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"rootmap cohort: {tmp_path / 'missing'}: no such file or folder",
        "rootmap cohort: no .rootmap or .json files found",
    ]


def test_a_csv_only_run_never_imports_qt(cohort: Path, tmp_path: Path):
    code = (
        "import sys\nfrom rootmap.cli import main\n"
        f"main(['cohort', {str(cohort)!r}, '--csv', {str(tmp_path / 'x.csv')!r}])\n"
        "print('QT:' + ','.join(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300)  # fmt: skip
    assert result.stdout.splitlines()[-1] == "QT:", result.stderr


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_only():
    terminal = FakeTerminal()
    progress = Progress(400, terminal)
    progress(200)
    progress(400)
    progress.close()
    shown = terminal.getvalue()
    assert shown.startswith("\rrootmap cohort: [###############...............] 200/400 files")
    assert "\rrootmap cohort: [" + "#" * 30 + "] 400/400 files" in shown
    assert shown.endswith("\n")
    quiet = io.StringIO()
    Progress(400, quiet)(400)
    assert quiet.getvalue() == ""


def result(top_root: str, *findings: tuple[str, str, str]) -> FileResult:
    rows = tuple((region, side, kind, 5) for region, side, kind in findings)
    return FileResult("x", "id", rows, top_root=top_root)


def test_heat_counts_count_encounters_not_marks():
    counts = HeatCounts(by="root")
    counts.add(result("L5", ("dorsum_central", "left", "numbness"),
                      ("dorsum_central", "left", "pain")))  # fmt: skip
    counts.add(result("L5", ("dorsum_central", "left", "pain")))
    counts.add(result("S1", ("heel_plantar", "right", "pain")))
    counts.add(result(""))
    assert counts.groups() == ["L5", "S1", "no root"]
    assert counts.share("L5", ANY, "left.dorsum_central") == 1.0  # once per encounter
    assert counts.share("L5", "numbness", "left.dorsum_central") == 0.5
    assert counts.share("S1", "pain", "left.heel_plantar") == 0.0
    assert counts.groups(limit=1) == ["L5"]


def test_the_heat_map_is_darker_for_more_and_draws_what_was_marked(qapp):
    from rootmap.reports.heatmap import heat_color, render_heatmap

    lightness = [heat_color(share / 10, 1.0).lightnessF() for share in range(11)]
    assert lightness == sorted(lightness, reverse=True)  # darker means more often
    empty = HeatCounts()
    empty.add(result(""))
    marked = HeatCounts()
    marked.add(result("", ("heel_plantar", "left", "pain")))
    plain, heat = (render_heatmap(c, KNOWLEDGE, None, 600) for c in (empty, marked))
    assert plain.size() == heat.size()
    assert plain != heat


def test_run_cohort_is_the_one_call_a_window_needs(cohort: Path, qapp):
    from rootmap.cohort.files import cohort_files
    from rootmap.cohort.run import RunOptions, run_cohort
    from rootmap.reports.heatmap import render_heatmap

    files, missing = cohort_files([str(cohort)])
    assert missing == [] and len(files) == 121  # notes.txt is not an encounter
    seen: list[str] = []
    run = run_cohort(files, "root", RunOptions(jobs=1), lambda r: seen.append(r.path))
    assert seen == files  # every file, in order
    assert run.analysed == 120 and sum(run.counts.encounters.values()) == 120
    [(path, reason)] = run.failures
    assert path.endswith("broken.json") and "findings[0]" in reason
    assert not render_heatmap(run.counts, KNOWLEDGE, None, 600).isNull()


QT_FREE = ["interop", "cohort", "commands/export.py", "commands/import_fhir.py",
           "commands/cohort.py"]  # fmt: skip


@pytest.mark.parametrize("entry", QT_FREE)
def test_the_new_core_modules_import_no_qt(entry: str):
    import ast

    root = Path(__file__).resolve().parents[2] / "desktop" / "rootmap" / entry
    for path in sorted(root.rglob("*.py")) if root.is_dir() else [root]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names}  # fmt: skip
        names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not {n for n in names if n.startswith(("PySide6", "rootmap.ui"))}, path
