"""The window's File menu: save, open, title, close prompt, recent files, autosave."""

from __future__ import annotations

import json
import resource
import signal
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from rootmap.documents import Document, document_to_bytes, read_document
from rootmap.documents.autosave import read_autosave
from rootmap.encounter import Encounter, Finding, Sign
from rootmap.knowledge import load_knowledge
from rootmap.ui.recovery import recovery_question

KNOWLEDGE = load_knowledge()
NUMB_DORSUM = Finding("dorsum_central", "left", "numbness", 6)
PAIN_HEEL = Finding("heel_plantar", "right", "pain", 8)


# Settings and autosaves in Qt's test folders, never the user's.
pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def window(qtbot):
    from rootmap.ui.main_window import MainWindow

    win = MainWindow(KNOWLEDGE)
    qtbot.addWidget(win)
    return win


def _mark(window, finding: Finding) -> None:
    window.edit(window.encounter().with_finding(finding), text="Mark")


def test_the_file_menu_has_the_document_actions(window):
    texts = [a.text().replace("&", "") for a in window.file_menu.actions()]
    for text in ("New", "Open…", "Open Recent", "Save", "Save As…", "Export PDF Report…",
                 "Print…", "Export Figure…", "Patient Label and Notes…", "Quit"):  # fmt: skip
        assert text in texts
    actions = window.file_actions
    assert actions.save_action.shortcut().toString() == "Ctrl+S"
    assert actions.save_as_action.shortcut().toString() == "Ctrl+Shift+S"
    assert actions.open_action.shortcut().toString() == "Ctrl+O"
    assert actions.new_action.shortcut().toString() == "Ctrl+N"


def test_the_title_shows_the_file_name_and_a_modified_marker(window, tmp_path: Path):
    assert window.windowTitle() == "Untitled[*] — RootMap" and not window.isWindowModified()
    _mark(window, NUMB_DORSUM)
    assert window.isWindowModified()
    assert window.file_actions.save_to(tmp_path / "jones.rootmap")
    assert window.windowTitle() == "jones.rootmap[*] — RootMap"
    assert not window.isWindowModified()
    window.undo_stack.undo()
    assert window.isWindowModified()


def test_save_then_open_in_a_new_window_gives_back_the_encounter(window, qtbot, tmp_path):
    from rootmap.ui.main_window import MainWindow

    _mark(window, NUMB_DORSUM)
    window.edit(window.encounter().with_sign(Sign("great_toe_extension", "left", 3),
                                             "great_toe_extension", "left"))  # fmt: skip
    window.edit(atlas="keegan1948")
    window.file_actions.set_details("AB 1234", "MRI requested")
    path = tmp_path / "visit.rootmap"
    assert window.file_actions.save_to(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    other = MainWindow(KNOWLEDGE)
    qtbot.addWidget(other)
    assert other.file_actions.open_path(path)
    assert other.encounter() == window.encounter()
    assert other.atlas() == "keegan1948"
    assert other.file_actions.document.patient_label == "AB 1234"
    assert other.file_actions.document.notes == "MRI requested"
    assert not other.isWindowModified()


def test_opening_a_damaged_file_warns_once_and_changes_nothing(window, tmp_path: Path):
    _mark(window, NUMB_DORSUM)
    before = window.encounter()
    messages: list[str] = []
    window.file_actions.warn = messages.append
    broken = tmp_path / "broken.rootmap"
    broken.write_bytes(b'{"format": "rootmap", "version": 1, "encounter": {"findings": [')
    assert not window.file_actions.open_path(broken, ask=False)
    assert window.encounter() == before
    assert window.isWindowModified()
    assert len(messages) == 1 and messages[0].startswith("cannot open broken.rootmap:")


def test_opening_a_file_from_a_newer_rootmap_says_so(window, tmp_path: Path):
    messages: list[str] = []
    window.file_actions.warn = messages.append
    future = tmp_path / "future.rootmap"
    future.write_text(json.dumps({"format": "rootmap", "version": 99, "encounter": {}}))
    assert not window.file_actions.open_path(future)
    assert "made by a newer RootMap" in messages[0]


def test_a_failed_save_keeps_the_previous_file_and_the_work(window, tmp_path: Path):
    path = tmp_path / "visit.rootmap"
    _mark(window, NUMB_DORSUM)
    assert window.file_actions.save_to(path)
    saved = path.read_bytes()
    for number in range(30):  # a bigger document than the file size limit below allows
        _mark(window, Finding("heel_plantar", "right", "pain", number % 11))
        _mark(window, Finding(sorted(KNOWLEDGE.regions)[number], "left", "tingling", 3))
    messages: list[str] = []
    window.file_actions.warn = messages.append
    # Simulate a full disk: the process may not write files bigger than 200 bytes.
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200, hard))
    try:
        assert not window.file_actions.save_to(path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert path.read_bytes() == saved
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visit.rootmap"]
    assert window.isWindowModified()
    assert len(messages) == 1 and "previous file is unchanged" in messages[0]


def test_a_save_into_a_missing_folder_fails_clearly(window, tmp_path: Path):
    messages: list[str] = []
    window.file_actions.warn = messages.append
    assert not window.file_actions.save_to(tmp_path / "no" / "such" / "visit.rootmap")
    assert messages and messages[0].startswith("Could not save visit.rootmap:")


@pytest.mark.parametrize(
    ("answer", "closes", "saved"),
    [
        (QMessageBox.StandardButton.Save, True, True),
        (QMessageBox.StandardButton.Discard, True, False),
        (QMessageBox.StandardButton.Cancel, False, False),
    ],
)
def test_closing_with_unsaved_changes_asks_first(window, tmp_path, answer, closes, saved):
    path = tmp_path / "visit.rootmap"
    window.file_actions.save_to(path)
    _mark(window, PAIN_HEEL)
    window.file_actions.prompt_on_close = True
    asked: list[bool] = []
    window.file_actions.ask_unsaved = lambda: asked.append(True) or answer
    window.show()
    assert window.close() is closes
    assert asked == [True]
    reopened = read_document(path, KNOWLEDGE.regions)
    assert (PAIN_HEEL in reopened.encounter.findings) is saved


def test_closing_a_saved_window_asks_nothing(window, tmp_path):
    window.file_actions.prompt_on_close = True
    window.file_actions.ask_unsaved = lambda: pytest.fail("asked about unchanged work")
    window.show()
    assert window.close()


def test_new_after_changes_can_be_cancelled(window):
    _mark(window, NUMB_DORSUM)
    window.file_actions.ask_unsaved = lambda: QMessageBox.StandardButton.Cancel
    assert not window.file_actions.new()
    assert window.encounter().findings == (NUMB_DORSUM,)
    window.file_actions.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    assert window.file_actions.new()
    assert window.encounter() == Encounter() and not window.isWindowModified()


def test_save_as_adds_the_rootmap_suffix_and_remembers_the_file(window, tmp_path: Path):
    _mark(window, NUMB_DORSUM)
    window.file_actions.choose_save_path = lambda *args: str(tmp_path / "smith")
    assert window.file_actions.save_as()
    assert (tmp_path / "smith.rootmap").is_file()
    assert window.file_actions.recent_files()[0] == str(tmp_path / "smith.rootmap")


def test_open_recent_lists_saved_files_newest_first(window, tmp_path: Path):
    for name in ("a.rootmap", "b.rootmap"):
        window.file_actions.save_to(tmp_path / name)
    window.file_actions._fill_recent_menu()
    entries = [a.text() for a in window.file_actions.recent_menu.actions()]
    assert entries[:2] == ["&1 b.rootmap", "&2 a.rootmap"]


def test_a_bare_encounter_json_opens_untitled(window, tmp_path: Path):
    bare = tmp_path / "case.json"
    bare.write_text(json.dumps({"findings": [NUMB_DORSUM.to_json()]}))
    assert window.file_actions.open_path(bare)
    assert window.encounter().findings == (NUMB_DORSUM,)
    assert window.file_actions.path is None  # Save asks for a .rootmap name


def test_patient_details_mark_the_document_modified(window):
    assert window.file_actions.set_details("J.D.", "Seen today")
    assert window.isWindowModified()
    assert not window.file_actions.set_details("J.D.", "Seen today")


def test_autosave_writes_the_work_after_the_idle_delay(window, qtbot, tmp_path: Path):
    autosaver = window.file_actions.autosaver
    autosaver.path = tmp_path / "autosave" / "session-1.rootmap-autosave"
    autosaver.enabled = True
    autosaver._timer.setInterval(50)
    _mark(window, NUMB_DORSUM)
    qtbot.waitUntil(autosaver.path.exists, timeout=3000)
    recovered = read_autosave(autosaver.path, KNOWLEDGE.regions)
    assert recovered.document.encounter.findings == (NUMB_DORSUM,)
    assert window.file_actions.save_to(tmp_path / "done.rootmap")
    assert not autosaver.path.exists()  # saved: nothing left to recover


def test_recovery_offers_the_autosave_and_restores_it(window, tmp_path: Path, monkeypatch):
    from rootmap.documents.autosave import write_autosave
    from rootmap.ui import file_actions

    folder = tmp_path / "autosave"
    orphan = folder / "session-999999999.rootmap-autosave"  # no such process
    work = Document(encounter=Encounter(findings=(PAIN_HEEL,)), patient_label="X")
    write_autosave(orphan, work, tmp_path / "visit.rootmap", "2025-03-01T10:00:00+00:00")
    monkeypatch.setattr(file_actions, "autosave_folder", lambda: folder)
    offered = []
    window.file_actions.ask_to_recover = lambda recovery: offered.append(recovery) or True
    assert window.file_actions.offer_recovery()
    assert "visit.rootmap" in recovery_question(offered[0])
    assert window.encounter().findings == (PAIN_HEEL,)
    assert window.file_actions.path == tmp_path / "visit.rootmap"
    assert window.isWindowModified()  # recovered work is not saved yet
    assert orphan.exists()  # kept until this session's own autosave or a save replaces it


def test_recovery_declined_discards_the_autosave(window, tmp_path: Path, monkeypatch):
    from rootmap.documents.autosave import write_autosave
    from rootmap.ui import file_actions

    folder = tmp_path / "autosave"
    orphan = folder / "session-999999998.rootmap-autosave"
    write_autosave(orphan, Document(), None, "2025-03-01T10:00:00+00:00")
    (folder / "session-999999997.rootmap-autosave").write_bytes(b"\x00 damaged")
    monkeypatch.setattr(file_actions, "autosave_folder", lambda: folder)
    window.file_actions.ask_to_recover = lambda recovery: False
    assert not window.file_actions.offer_recovery()
    assert window.encounter() == Encounter()
    assert list(folder.iterdir()) == []


def test_document_bytes_written_by_the_window_match_the_format(window, tmp_path: Path):
    _mark(window, NUMB_DORSUM)
    path = tmp_path / "visit.rootmap"
    window.file_actions.save_to(path)
    document = read_document(path, KNOWLEDGE.regions)
    assert path.read_bytes() == document_to_bytes(document)


def test_print_sends_the_paginated_report_to_the_chosen_printer(window, tmp_path, monkeypatch):
    """File > Print: the dialog is accepted with a PDF "printer"; its pages hold the report."""
    import shutil
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "printed.pdf"

    class AcceptingPrintDialog:
        def __init__(self, printer, parent=None):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def exec(self):
            from PySide6.QtWidgets import QDialog

            return QDialog.DialogCode.Accepted

    monkeypatch.setattr("PySide6.QtPrintSupport.QPrintDialog", AcceptingPrintDialog)
    _mark(window, NUMB_DORSUM)
    weak_toe = Sign("great_toe_extension", "left", 3)
    encounter = window.encounter().with_sign(weak_toe, "great_toe_extension", "left")
    window.edit(encounter, text="Grade")
    assert window.file_actions.print_report() is True
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "RootMap report" in text and "L5" in text
    assert "not a diagnosis" in text
