"""The encounter session: commands through the undo stack, typed signals, the document's
file state; parts built on the session and a host Protocol; the results model updated
in place; the window's keys declared once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from rootmap.documents import Document
from rootmap.encounter import Encounter, Finding, History
from rootmap.knowledge import load_knowledge
from rootmap.ui.file_actions import FileActions
from rootmap.ui.finding_palette import TOOLS
from rootmap.ui.results_panel import KEY_ROLE, ResultsPanel
from rootmap.ui.session import EncounterSession
from rootmap.ui.window_commands import ERASER_KEY, TOOL_KEYS, WINDOW_COMMANDS, key_owners

NUMB = Finding("dorsum_central", "left", "numbness", 6)


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.fixture
def session(qapp, knowledge):
    return EncounterSession(knowledge)


def _record(session: EncounterSession) -> list[str]:
    seen: list[str] = []
    session.stateChanged.connect(lambda _b, _a: seen.append("state"))
    session.encounterChanged.connect(lambda _e: seen.append("encounter"))
    session.atlasChanged.connect(lambda atlas: seen.append(f"atlas:{atlas}"))
    session.analysisChanged.connect(lambda _a: seen.append("analysis"))
    session.fileChanged.connect(lambda: seen.append("file"))
    return seen


def test_commands_are_undoable_steps_and_signal_in_order(session):
    seen = _record(session)
    assert session.mark(NUMB)
    assert seen == ["state", "encounter", "analysis", "file"]  # file: no longer clean
    assert session.encounter().findings == (NUMB,)
    assert session.analysis() is not None and session.analysis().roots
    assert session.undo_stack.undoText() == "Mark numbness 6/10, left top of foot, middle"
    seen.clear()
    assert session.set_atlas("keegan1948")
    assert seen == ["state", "atlas:keegan1948", "analysis"]
    assert session.analysis().atlas == "keegan1948"
    session.set_sign("great_toe_extension", "left", 3)
    session.set_history(History(age=40), "age")
    session.set_history(History(age=41), "age")  # typing an age merges into one step
    assert session.undo_stack.count() == 4
    session.clear()
    assert session.encounter() == Encounter() and session.atlas() == "keegan1948"
    for _ in range(5):
        session.undo_stack.undo()
    assert session.encounter() == Encounter() and session.atlas() == session.knowledge.default_atlas
    assert not session.is_modified()


def test_a_click_marks_then_clears_the_same_mark_and_the_eraser_clears_all(session):
    assert session.click_region("dorsum_central", "left", "numbness", 6)
    assert session.click_region("dorsum_central", "left", "pain", 3)
    assert len(session.encounter().findings) == 2
    assert session.click_region("dorsum_central", "left", "numbness", 6)  # the same: cleared
    assert [f.kind for f in session.encounter().findings] == ["pain"]
    assert session.click_region("dorsum_central", "left", None, 5)  # the eraser
    assert session.encounter().findings == ()
    assert not session.erase("dorsum_central", "left")  # nothing left: no step


def test_the_session_keeps_the_file_state(session, tmp_path: Path):
    assert session.display_name() == "Untitled" and not session.is_modified()
    session.load_document(Document(encounter=Encounter(findings=(NUMB,))), None)
    assert session.undo_stack.count() == 0 and not session.is_modified()
    assert session.visits() == (session.encounter(),)
    assert session.set_details("AB", "notes")
    assert session.is_modified() and not session.set_details("AB", "notes")
    session.mark_saved(session.document(), tmp_path / "a.rootmap")
    assert session.display_name() == "a.rootmap" and not session.is_modified()
    assert session.document().patient_label == "AB"


class FakeHost:
    """Anything with the FileHost methods hosts the file actions: no main window."""

    def __init__(self) -> None:
        self.widget = QMainWindow()
        self.menu = QMenu("File", self.widget)
        self.actions = {
            spec.id: self.menu.addAction(spec.text)
            for spec in WINDOW_COMMANDS
            if spec.id.startswith("file.") and not spec.submenu
        }
        self.recent = self.menu.addMenu("Open Recent")
        self.messages: list[str] = []
        self.guard = None

    def dialog_parent(self) -> QWidget:
        return self.widget

    def add_menu(self, menu: QMenu) -> None:
        self.widget.menuBar().addMenu(menu)

    def add_window_action(self, action: QAction) -> None:
        self.widget.addAction(action)

    def show_message(self, text: str, timeout_ms: int = 4000) -> None:
        self.messages.append(text)

    def command_action(self, command_id: str) -> QAction:
        return self.actions[command_id]

    def submenu(self, command_id: str) -> QMenu:
        return self.recent

    def current_view_name(self) -> str | None:
        return "foot_dorsal"

    def set_close_guard(self, guard) -> None:
        self.guard = guard


def test_file_actions_need_only_the_session_and_a_host(session, tmp_path: Path):
    host = FakeHost()
    actions = FileActions(session, host)
    assert actions.save_action in host.menu.actions()
    session.mark(NUMB)
    assert actions.save_to(tmp_path / "visit.rootmap")
    assert host.messages[-1] == "Saved visit.rootmap" and session.path() is not None
    assert host.guard is not None and host.guard()  # saved: fine to close
    host.widget.deleteLater()


def _rows(panel: ResultsPanel) -> dict[str, QModelIndex]:
    model = panel.model
    found = {}
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found[index.data(KEY_ROLE)] = index
    return found


def test_the_results_model_updates_in_place_and_keeps_what_was_opened(window, qtbot):
    panel = window.results_panel
    window.session.mark(NUMB)
    rows = _rows(panel)
    condition = next(k for k in rows if k.startswith("condition:"))
    panel.tree.expand(rows[condition])
    item = panel.model.itemFromIndex(rows[condition])
    window.session.set_sign("great_toe_extension", "left", 3)  # a new analysis
    rows = _rows(panel)
    assert condition in rows
    assert panel.tree.isExpanded(rows[condition])  # still open
    assert panel.model.itemFromIndex(rows[condition]) is item or item is not None
    window.session.clear()
    assert panel.model.rowCount() == 0 and panel.empty_label.isVisible()
    window.undo_stack.undo()
    assert panel.tree.isExpanded(_rows(panel)[condition])  # back, and open again


def test_an_unchanged_row_keeps_its_item(window):
    panel = window.results_panel
    window.session.mark(NUMB)
    before = {k: panel.model.itemFromIndex(i) for k, i in _rows(panel).items()}
    window.session.set_history(History(age=52), "age")  # little changes
    after = {k: panel.model.itemFromIndex(i) for k, i in _rows(panel).items()}
    kept = [k for k in before.keys() & after.keys() if before[k] is after[k]]
    assert kept and len(kept) == len(before.keys() & after.keys())


def test_every_window_key_means_one_command():
    owners = key_owners()
    assert owners["1"] == "tool.pain" and owners[ERASER_KEY] == "tool.eraser"
    assert [tool for tool, _key in TOOL_KEYS] + ["eraser"] == list(TOOLS)
    assert {spec.context.name for spec in WINDOW_COMMANDS} == {"WindowShortcut"}


def test_a_row_that_moves_keeps_what_was_opened(qtbot):
    """The roots reorder: the opened row is still open where it went, its lines spanned."""
    from rootmap.analysis import Analysis, Evidence, RootResult

    panel = ResultsPanel()
    qtbot.addWidget(panel)
    l4 = RootResult("L4", "left", 0.4, (Evidence("a", 0.2), Evidence("b", 0.2)))
    l5 = RootResult("L5", "left", 0.8, (Evidence("c", 0.8),))
    panel.set_analysis(Analysis((l5, l4), (), (), "lee2008"))
    rows = _rows(panel)
    panel.tree.expand(rows["root:L4:left"])
    item = panel.model.itemFromIndex(rows["root:L4:left"])
    stronger = RootResult("L4", "left", 0.9, l4.evidence)
    panel.set_analysis(Analysis((stronger, l5), (), (), "lee2008"))
    rows = _rows(panel)
    moved = rows["root:L4:left"]
    assert moved.row() == 0 and panel.model.itemFromIndex(moved) is item  # moved, not rebuilt
    assert panel.tree.isExpanded(moved)
    assert panel.tree.isExpanded(rows["root:L5:left"])  # open by default, and it stays so
    assert all(panel.tree.isFirstColumnSpanned(n, moved) for n in range(2))
