"""File ▸ Export FHIR… and Teaching ▸ Cohort…, driven through the real window's menus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from PySide6.QtWidgets import QDialogButtonBox, QProgressDialog, QPushButton

from rootmap.cohort.synthetic import synthetic_encounters
from rootmap.encounter import Finding
from rootmap.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
NUMB = Finding("dorsum_central", "left", "numbness", 6)


# Settings and autosaves in Qt's test folders, never the user's.
pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def window(qtbot):
    from rootmap.ui.main_window import MainWindow

    win = MainWindow(KNOWLEDGE)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def _menu_action(window, menu_title: str, object_name: str | None = None, text: str = ""):
    """An entry of the menu bar's ``menu_title`` menu, found as a user finds it."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu_title:
            for action in top.menu().actions():
                if (object_name and action.objectName() == object_name) or (
                    text and action.text().replace("&", "") == text
                ):
                    return action
    raise AssertionError(f"{menu_title} ▸ {object_name or text} is not in the menu bar")


def _exporter(window, path: Path, include: bool | None, asked: list[str] | None = None):
    exporter = window.file_actions.fhir_export
    exporter.choose_path = lambda _suggestion: str(path)

    def answer(label: str, _visits: int) -> bool | None:
        if asked is not None:
            asked.append(label)
        return include

    exporter.ask_include_label = answer
    warnings: list[str] = []
    exporter.warn = warnings.append
    return exporter, warnings


# -- File ▸ Export FHIR --------------------------------------------------------------------
def test_export_fhir_writes_a_valid_bundle_without_the_label(window, tmp_path: Path):
    window.edit(window.encounter().with_finding(NUMB), text="Mark")
    window.file_actions.set_details("J.D. 1961", "")
    out = tmp_path / "visit.json"
    asked: list[str] = []
    _exporter(window, out, include=False, asked=asked)
    _menu_action(window, "File", text="Export FHIR…").trigger()
    assert asked == ["J.D. 1961"]  # the question came, unticked by the user
    data = json.loads(out.read_text(encoding="utf-8"))
    bundle = Bundle.model_validate(data)
    assert bundle.type == "collection"
    kinds = [entry.resource.get_resource_type() for entry in bundle.entry]
    assert kinds.count("Patient") == 1 and "Observation" in kinds
    assert "ClinicalImpression" in kinds
    assert "J.D. 1961" not in out.read_text(encoding="utf-8")
    message = window.statusBar().currentMessage()
    assert "visit.json" in message and "Observation" in message and "Patient" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visit.json"]


def test_export_fhir_puts_the_label_in_only_when_ticked(window, tmp_path: Path):
    window.file_actions.set_details("J.D. 1961", "")
    out = tmp_path / "labelled.json"
    _exporter(window, out, include=True)
    window.actions_by_id["file.fhir"].trigger()
    Bundle.model_validate_json(out.read_bytes())
    assert "J.D. 1961" in out.read_text(encoding="utf-8")


def test_export_fhir_cancelled_at_the_label_question_writes_nothing(window, tmp_path: Path):
    window.file_actions.set_details("J.D. 1961", "")
    _exporter(window, tmp_path / "none.json", include=None)
    assert not window.file_actions.fhir_export.run()
    assert list(tmp_path.iterdir()) == []


def test_export_fhir_of_two_visits_writes_two_bundles(window, tmp_path: Path):
    assert window.file_actions.open_path(EXAMPLES / "follow_up_l5.rootmap", ask=False)
    assert len(window.session.visits()) == 2
    undo_before = window.session.undo_stack.count()
    _exporter(window, tmp_path / "l5.json", include=False)
    window.actions_by_id["file.fhir"].trigger()
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["l5-1.json", "l5-2.json"]
    dates = []
    for name in written:
        bundle = Bundle.model_validate_json((tmp_path / name).read_bytes())
        resources = [entry.resource for entry in bundle.entry]
        [encounter] = [r for r in resources if r.get_resource_type() == "Encounter"]
        dates.append(str(encounter.period.start))
    assert dates == sorted(dates)  # one Bundle per visit, in date order
    assert "l5-1.json, l5-2.json" in window.statusBar().currentMessage()
    assert not window.session.is_modified()
    assert window.session.undo_stack.count() == undo_before


def test_export_fhir_that_cannot_write_says_so_and_changes_nothing(window, tmp_path: Path):
    target = tmp_path / "a-folder.json"
    target.mkdir()
    window.edit(window.encounter().with_finding(NUMB), text="Mark")
    _, warnings = _exporter(window, target, include=False)
    assert not window.file_actions.fhir_export.run()
    [message] = warnings
    assert "Could not write the FHIR export" in message and "a-folder.json" in message
    assert target.is_dir() and list(target.iterdir()) == []
    assert window.session.is_modified()  # the unsaved work is still there


def test_fhir_resources_is_imported_only_when_exporting(tmp_path: Path):
    script = f"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from rootmap.ui.main_window import MainWindow
window = MainWindow()
exporter = window.file_actions.fhir_export
assert window.actions_by_id["file.fhir"].isEnabled()
assert not any(name == "fhir" or name.startswith("fhir.") for name in sys.modules), "early"
from pathlib import Path
assert exporter.export_to(Path({str(tmp_path / "out.json")!r}))
assert "fhir.resources" in sys.modules
print("ok")
"""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(DESKTOP)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# -- Teaching ▸ Cohort -------------------------------------------------------------------------
def _cohort_folder(folder: Path, count: int = 6, broken: bool = True) -> Path:
    folder.mkdir()
    for number, data in enumerate(synthetic_encounters(count, seed=7, knowledge=KNOWLEDGE)):
        (folder / f"encounter-{number:02}.json").write_text(json.dumps(data), encoding="utf-8")
    if broken:
        (folder / "broken.json").write_text('{"findings": [{"region": "heel"}]}', encoding="utf-8")
    return folder


def _start_cohort(window, folder: Path):
    cohort = window.teaching.cohort
    cohort.choose_folder = lambda: str(folder)
    _menu_action(window, "Teaching", object_name="teaching_cohort").trigger()
    return cohort


def test_cohort_shows_the_heat_map_and_counts_and_leaves_the_patient_alone(
    window, qtbot, tmp_path: Path
):
    window.edit(window.encounter().with_finding(NUMB), text="Mark")
    encounter, atlas = window.encounter(), window.atlas()
    stack = window.session.undo_stack
    undo = (stack.count(), stack.index(), stack.isClean())
    folder = _cohort_folder(tmp_path / "cohort")
    cohort = _start_cohort(window, folder)
    qtbot.waitUntil(lambda: cohort.view is not None and not cohort.running(), timeout=60000)
    view = cohort.view
    assert view.isVisible()
    assert view.counts_label.text() == "6 files analysed, 1 failed"
    assert "broken.json" in view.failures.toPlainText()
    assert not view.image.isNull() and view.image.width() > 500
    assert view.picture.image is view.image and view.picture.target().height() > 300
    roots = [view.root_box.itemData(i) for i in range(view.root_box.count())]
    assert roots[0] is None and len(roots) >= 2 and set(roots[1:]) <= set(KNOWLEDGE.roots)
    assert view.chosen_root() == roots[1]  # the largest root group first
    assert roots[1] in view.caption.text()
    first = view.image.copy()
    view.root_box.setCurrentIndex(0)  # all encounters: another picture
    assert view.image != first and "every encounter" in view.caption.text()
    assert "6 files analysed, 1 failed" in window.statusBar().currentMessage()
    view.fit_box.click()  # actual size: the scroll area scrolls
    assert view.picture.minimumSize() == view.image.size()
    view.root_box.setCurrentIndex(1)
    view.explore_button.click()  # the textbook dermatome on the window's maps, beside it
    assert window.teaching.controller.mode == "explorer"
    assert window.teaching.controller.root == roots[1]
    # Teaching read the cohort only: the patient's encounter and undo history are as they were.
    assert window.encounter() == encounter and window.atlas() == atlas
    assert (stack.count(), stack.index(), stack.isClean()) == undo


def test_cohort_save_image_writes_the_png(window, qtbot, tmp_path: Path):
    cohort = _start_cohort(window, _cohort_folder(tmp_path / "cohort", count=4, broken=False))
    qtbot.waitUntil(lambda: cohort.view is not None, timeout=60000)
    view = cohort.view
    assert view.counts_label.text() == "4 files analysed, 0 failed"
    out = tmp_path / "heat.png"
    view.choose_image_path = lambda _suggestion: str(out)
    view.save_button.click()
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cohort_cancel_stops_the_run_and_shows_nothing(window, qtbot, tmp_path: Path, monkeypatch):
    from rootmap.cohort import run as run_module

    gate = threading.Event()
    real = run_module.analyse_file

    def held(path, knowledge, atlas, key):
        gate.wait(30)  # until the test has pressed Cancel
        return real(path, knowledge, atlas, key)

    monkeypatch.setattr(run_module, "analyse_file", held)
    cohort = _start_cohort(window, _cohort_folder(tmp_path / "cohort", count=5))
    qtbot.waitUntil(lambda: cohort.progress is not None and cohort.progress.isVisible())
    progress = cohort.progress
    assert isinstance(progress, QProgressDialog)
    assert not progress.isModal()  # the window stays usable while the cohort runs
    [cancel] = progress.findChildren(QPushButton)
    assert cancel.text() == "Cancel"
    cancel.click()
    gate.set()
    qtbot.waitUntil(lambda: not cohort.running(), timeout=30000)
    assert cohort.view is None
    assert window.statusBar().currentMessage() == "Cohort analysis cancelled"


def test_quitting_during_a_cohort_stops_its_thread(window, qtbot, tmp_path: Path, monkeypatch):
    from rootmap.cohort import run as run_module

    gate = threading.Event()
    real = run_module.analyse_file

    def held(path, knowledge, atlas, key):
        gate.wait(30)
        return real(path, knowledge, atlas, key)

    monkeypatch.setattr(run_module, "analyse_file", held)
    cohort = _start_cohort(window, _cohort_folder(tmp_path / "cohort", count=3))
    runner = cohort.runner
    assert runner is not None and runner.isRunning()
    runner.cancel()
    gate.set()
    cohort.stop()  # what QApplication.aboutToQuit runs
    assert runner.isFinished() and not cohort.running() and cohort.progress is None
    assert cohort.view is None


def test_cohort_of_an_empty_folder_says_so(window, tmp_path: Path):
    empty = tmp_path / "empty"
    empty.mkdir()
    cohort = window.teaching.cohort
    warnings: list[str] = []
    cohort.warn = warnings.append
    cohort.choose_folder = lambda: str(empty)
    assert not cohort.run()
    assert warnings and "No .rootmap or .json files" in warnings[0]
    assert not cohort.running()


def test_the_cohort_view_closes_with_its_close_button(window, qtbot, tmp_path: Path):
    cohort = _start_cohort(window, _cohort_folder(tmp_path / "cohort", count=3, broken=False))
    qtbot.waitUntil(lambda: cohort.view is not None, timeout=60000)
    buttons = cohort.view.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Close).click()
    assert not cohort.view.isVisible()
