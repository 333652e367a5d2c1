"""Follow-up visits in the window, as a clinician uses them: a follow-up from a saved
document, the comparison on screen, undo across visits, the progressive-deficit flag
from two visits, and findings and signs "not due to a root"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from shiboken6 import Shiboken

from rootmap.ui.change_overlay import ChangeItem
from rootmap.ui.exclusion import ExcludedItem
from rootmap.ui.visit_list import FollowUpDateDialog

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "follow_up_l5.rootmap"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_example(window, tmp_path: Path, name: str = "follow_up.rootmap") -> Path:
    path = tmp_path / name
    shutil.copyfile(EXAMPLE, path)
    assert window.file_actions.open_path(path, ask=False)
    return path


def shown_view(window, qtbot, name: str):
    view = window.map_area.show_view(name)
    assert view is not None
    qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 150)
    return view


def click(qtbot, view, key: str, button=Qt.MouseButton.LeftButton) -> None:
    point = view.mapFromScene(view.scene_point_of(key))
    qtbot.mouseClick(view.viewport(), button, pos=point)


def accept_dialog_on(day: QDate) -> None:
    """Answer the follow-up date dialog as a user would, once it is open."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FollowUpDateDialog):
            QTimer.singleShot(10, answer)  # not open yet: look again on the next turn
            return
        dialog.date_edit.setDate(day)
        dialog.accept()

    QTimer.singleShot(0, answer)


def new_follow_up(window, qtbot, day: QDate) -> None:
    """Visit ▸ New Follow-up Visit (Ctrl+Shift+N), the date chosen in its dialog."""
    count = len(window.session.visits())
    accept_dialog_on(day)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
    qtbot.waitUntil(lambda: len(window.session.visits()) == count + 1)
    window.activateWindow()  # the dialog has closed: the window has the keys again
    qtbot.waitUntil(window.isActiveWindow)


def two_visits(tmp_path: Path, first: dict, second: dict, name: str) -> Path:
    document = {
        "format": "rootmap",
        "version": 2,
        "visits": [first, second],
        "atlas": None,
        "patient_label": None,
        "notes": "",
        "created": "2026-01-01T09:00:00+00:00",
        "modified": "2026-01-01T09:00:00+00:00",
    }
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def toe_visit(day: str, grade: int) -> dict:
    return {
        "date": day,
        "findings": [{"region": "dorsum_central", "side": "left", "kind": "numbness"}],
        "signs": [{"sign": "great_toe_extension", "side": "left", "value": grade}],
        "history": {"age": 50},
    }


def test_a_follow_up_from_a_saved_document_saves_two_visits(window, qtbot, tmp_path):
    view = shown_view(window, qtbot, "foot_dorsal")
    click(qtbot, view, "left.dorsum_central")
    window.session.set_history(window.encounter().history.__class__(age=61), "age")
    path = tmp_path / "first.rootmap"
    assert window.file_actions.save_to(path)
    assert window.file_actions.open_path(path, ask=False)
    assert len(window.session.visits()) == 1

    first_day = window.session.visits()[0].date or window.session.document().created[:10]
    day = QDate.fromString(first_day, Qt.DateFormat.ISODate).addDays(14)
    accept_dialog_on(day)
    new_follow_up(window, qtbot, day)
    assert len(window.session.visits()) == 2

    follow_up = window.encounter()
    assert window.session.shown_index() == 1
    assert follow_up.date == day.toString(Qt.DateFormat.ISODate)
    assert follow_up.findings == () and follow_up.signs == ()  # map empty, exam not tested
    assert follow_up.history.age == 61  # carried over
    assert not view.item("left.dorsum_central").marks
    assert window.isWindowModified()
    panel = window.visit_actions.panel
    assert panel is not None and panel.table.topLevelItemCount() == 2

    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Save
    qtbot.waitUntil(lambda: not window.isWindowModified())
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == 2 and len(saved["visits"]) == 2

    window.file_actions.open_path(path, ask=False)
    assert len(window.session.visits()) == 2
    assert window.session.visits()[0].findings[0].region == "dorsum_central"


def test_a_follow_up_of_a_new_undated_visit_is_offered_the_next_free_day(window, qtbot):
    from datetime import date, timedelta

    offered = []
    window.visit_actions.ask_date = lambda _parent, default, earliest: (
        offered.append((default, earliest)) or default.isoformat()
    )
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL_SHIFT)
    created = date.fromisoformat(window.session.document().created[:10])
    assert offered == [(max(date.today(), created + timedelta(days=1)), created + timedelta(1))]
    assert len(window.session.visits()) == 2


def test_the_comparison_shows_the_change_map_legend_exam_and_words(window, qtbot, tmp_path):
    open_example(window, tmp_path)
    dorsal = shown_view(window, qtbot, "foot_dorsal")
    window.exam_panel  # noqa: B018 - the Examination tab, as the user opens it
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL_SHIFT)  # Compare with previous visit
    actions = window.visit_actions
    assert actions.comparing and window.command_action("visit.compare").isChecked()

    items = [i for i in dorsal.scene().items() if isinstance(i, ChangeItem) and i.isVisible()]
    assert {(i.key, i.change) for i in items} >= {
        ("left.dorsum_central", "worse"),
        ("left.hallux_dorsal", "new"),
    }
    back = shown_view(window, qtbot, "body_back")  # built after: shows the changes too
    assert any(
        isinstance(i, ChangeItem) and i.key == "left.thigh_posterior" and i.change == "resolved"
        for i in back.scene().items()
    )
    panel = actions.panel
    assert panel is not None and panel.legend.isVisible()
    assert [label.text() for label in panel.legend.entries.values()] == [
        "Worse",
        "New",
        "Better",
        "Resolved",
        "Same",
    ]
    assert "Changes since 3 Nov 2026" in panel.since.text()
    rows = panel.table
    qtbot.waitUntil(lambda: rows.topLevelItem(0).text(1) != "…")  # analysed a row a turn
    qtbot.waitUntil(lambda: rows.topLevelItem(1).text(1) != "…")
    assert [rows.topLevelItem(i).text(0) for i in range(2)] == ["3 Nov 2026", "17 Nov 2026"]
    assert rows.topLevelItem(1).text(1) == "L5 left"
    assert rows.topLevelItem(1).text(2).endswith(" %")
    words = panel.words.text()
    assert "great toe extension, left: 4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026" in words
    comparison = actions.exam_comparison
    assert comparison is not None
    assert ("great_toe_extension", "left") in comparison.worse()
    earlier = comparison.earlier[("great_toe_extension", "left")]
    assert earlier.isVisible() and earlier.text().startswith("4/5")
    assert window.exam_panel.combo("great_toe_extension", "left").value() == 2  # today beside

    qtbot.keyClick(window, Qt.Key.Key_D, CTRL_SHIFT)  # off again
    assert not actions.overlay.items()
    assert not earlier.isVisible()


def test_undo_goes_back_across_visits_and_earlier_visits_are_read_only(window, qtbot, tmp_path):
    open_example(window, tmp_path)
    view = shown_view(window, qtbot, "foot_dorsal")
    table = window.visit_actions.panel.table
    first = table.topLevelItem(0)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(first).center()
    )
    assert window.session.shown_index() == 0
    assert view.item("left.dorsum_central").marks == (("numbness", 4),)  # the 3 Nov map
    assert not window.isWindowModified()  # looking at a visit changes nothing

    before = window.encounter()
    click(qtbot, view, "right.dorsum_central")
    assert window.encounter() == before  # read-only: nothing happens ...
    assert "read-only" in window.statusBar().currentMessage()  # ... and the bar says so

    window.visit_actions.panel.edit_box.click()  # "Edit this visit", deliberately
    click(qtbot, view, "right.dorsum_central")
    assert any(f.key == "right.dorsum_central" for f in window.encounter().findings)
    assert len(window.session.visits()) == 2 and window.isWindowModified()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the mark
    assert window.encounter() == before
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the switch
    assert window.session.shown_index() == 1
    assert window.session.is_read_only() is False
    assert not window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # redo: 3 Nov
    assert window.session.shown_index() == 0 and window.session.is_read_only()

    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)  # next visit
    new_follow_up(window, qtbot, QDate(2026, 12, 1))
    assert len(window.session.visits()) == 3
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.session.visits()) == 2 and window.session.shown_index() == 1


def test_the_progressive_flag_comes_from_two_visits(window, tmp_path):
    open_example(window, tmp_path)
    flags = {flag.id: flag for flag in window.banner.flags()}
    assert "progressive_neurological_deficit" in flags
    assert window.banner.isVisible()
    text = window.banner.text()
    assert "great toe extension, left: 4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026" in text
    window.session.show_visit(0)  # the first visit has nothing to compare with
    assert not window.banner.flags()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (toe_visit("2026-03-01", 2), toe_visit("2026-03-15", 4)),  # the grade improves
        (toe_visit("2026-01-01", 4), toe_visit("2026-06-01", 2)),  # 151 days apart
    ],
    ids=["improves", "too-far-apart"],
)
def test_no_progressive_flag_when_better_or_too_far_apart(window, tmp_path, first, second):
    path = two_visits(tmp_path, first, second, "two.rootmap")
    assert window.file_actions.open_path(path, ask=False)
    assert len(window.session.visits()) == 2
    assert window.analysis().changes is not None
    assert "progressive_neurological_deficit" not in {f.id for f in window.banner.flags()}


def choose_first(qtbot, menu: QMenu | None) -> None:
    """Click the first entry of a context menu that has popped up."""
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    action = menu.actions()[0]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not Shiboken.isValid(menu) or not menu.isVisible())


def results_text(window) -> str:
    model = window.results_panel.tree.model()
    lines = []

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            lines.append(str(index.data()))
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return "\n".join(lines)


def l5_left(window) -> float:
    return next(r.score for r in window.analysis().roots if (r.root, r.side) == ("L5", "left"))


def test_an_excluded_sign_leaves_the_scores_with_its_reason_shown(window, qtbot, tmp_path):
    open_example(window, tmp_path)
    window.forms.setCurrentIndex(0)
    combo = window.exam_panel.combo("great_toe_extension", "left")
    exclusions = window.visit_actions.exclusions
    exclusions.ask_reason = lambda _parent, _what: "old tendon injury"
    score = l5_left(window)

    where = QPoint(5, 5)
    QApplication.sendEvent(
        combo, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, combo.mapToGlobal(where))
    )
    choose_first(qtbot, window.findChild(QMenu, "sign_menu"))

    sign = next(s for s in window.encounter().signs if s.sign == "great_toe_extension")
    assert sign.excluded == "old tendon injury"
    assert l5_left(window) < score
    assert "old tendon injury" in [e.reason for e in window.analysis().excluded]
    assert "not due to a root: old tendon injury" in results_text(window)
    assert combo.font().strikeOut() and "old tendon injury" in combo.toolTip()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert l5_left(window) == score and not combo.font().strikeOut()


def test_a_finding_not_due_to_a_root_from_the_maps_context_menu(window, qtbot, tmp_path):
    open_example(window, tmp_path)
    view = shown_view(window, qtbot, "foot_dorsal")
    window.visit_actions.exclusions.ask_reason = lambda _parent, _what: "old ankle fracture"
    point = view.mapFromScene(view.scene_point_of("left.dorsum_central"))
    marks = view.item("left.dorsum_central").marks
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.RightButton, Qt.KeyboardModifier.ControlModifier, point
    )
    assert view.item("left.dorsum_central").marks == marks  # Ctrl+right click: no clear
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse,
            point,
            view.viewport().mapToGlobal(point),
            Qt.KeyboardModifier.ControlModifier,
        ),
    )
    choose_first(qtbot, window.findChild(QMenu, "region_menu"))
    finding = next(f for f in window.encounter().findings if f.key == "left.dorsum_central")
    assert (finding.kind, finding.excluded) == ("numbness", "old ankle fracture")
    hatched = [i for i in view.scene().items() if isinstance(i, ExcludedItem) and i.isVisible()]
    assert [i.key for i in hatched] == ["left.dorsum_central"]
    assert "old ankle fracture" in view.tooltip_text(view.item("left.dorsum_central"))
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [i for i in view.scene().items() if isinstance(i, ExcludedItem) and i.isVisible()]


def test_the_report_is_of_the_visit_on_screen(window, tmp_path):
    from rootmap.reports.pdf import build_report

    open_example(window, tmp_path)

    def report_text() -> str:
        session = window.session
        document = session.shown_document()
        return build_report(document, session.analysis(), session.knowledge, 600).toPlainText()

    assert "Changes since 3 Nov 2026" in report_text()
    window.session.show_visit(0)
    assert window.session.shown_document().encounter == window.session.visits()[0]
    assert "Changes since" not in report_text()
    assert len(window.session.document().earlier) == 1  # saving still writes both visits


def test_an_earlier_visit_says_so_and_its_exam_cannot_be_changed(window, qtbot, tmp_path):
    open_example(window, tmp_path)
    where = window.visit_actions.where
    assert where.isVisible() and where.text() == "Visit of 17 Nov 2026 (the current visit)"
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)  # previous
    assert where.text() == "Visit of 3 Nov 2026 (an earlier visit, read-only)"
    window.forms.setCurrentIndex(0)
    combo = window.exam_panel.combo("great_toe_extension", "left")
    assert combo.value() == 4
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # a user steps the grade
    assert combo.value() == 4  # refused: the form shows the visit again
    assert "read-only" in window.statusBar().currentMessage()
    assert window.session.visits()[0].signs == window.encounter().signs
