"""Follow-up visits in the window: the Visit menu, the visit list and the comparison.

``VisitActions`` is the part behind the ``visit.*`` commands of
``rootmap.ui.window_commands``: New Follow-up Visit (a dated visit, map empty, exam not
tested, history carried over), Previous/Next Visit, Edit This Visit (earlier visits are
read-only until chosen) and Compare with Previous Visit (a toggle: the change map over
the maps, the earlier values beside the exam, the changes named under the visit list).
It holds the session and a ``VisitsHost``; every change is a session command, so one
undo step.

The visit list (``VisitPanel``) and the date dialog are in ``rootmap.ui.visit_list``,
imported the first time a document has a second visit or a follow-up is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget

from rootmap.ui.change_overlay import ChangeOverlay
from rootmap.ui.exclusion import Exclusions

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from PySide6.QtWidgets import QTreeWidgetItem

    from rootmap.analysis import Analysis
    from rootmap.encounter import Encounter
    from rootmap.ui.exam_compare import ExamComparison
    from rootmap.ui.exam_panel import ExamPanel
    from rootmap.ui.host import VisitsHost
    from rootmap.ui.session import EncounterSession
    from rootmap.ui.undo_commands import EditorState
    from rootmap.ui.visit_list import VisitPanel


def show_date(iso: str | None) -> str:
    """``2026-11-03`` -> ``3 Nov 2026`` (the engine's wording, imported when first used:
    the window builds this part before the engine is loaded)."""
    from rootmap.engine.progression import show_date as engine_show_date

    return engine_show_date(iso)


def ask_follow_up_date(parent: QWidget, default: date, earliest: date | None) -> str | None:
    """The new follow-up visit's date from a dialog (None: cancelled)."""
    from rootmap.ui.visit_list import ask_follow_up_date as ask

    return ask(parent, default, earliest)


class VisitActions:
    """The ``visit.*`` commands, the visit list and the comparison (a window part)."""

    def __init__(self, session: EncounterSession, host: VisitsHost) -> None:
        self.session = session
        self.host = host
        self.ask_date: Callable[[QWidget, date, date | None], str | None] = ask_follow_up_date
        self.comparing = False
        self.holder: QScrollArea | None = None  # the panel, at the top of the results column
        self.panel: VisitPanel | None = None
        self.overlay = ChangeOverlay(host.maps())
        self.exclusions = Exclusions(session, host.maps(), host.dialog_parent())
        self.exam_comparison: ExamComparison | None = None
        self._exam: ExamPanel | None = None
        self.where = QLabel(host.main_window())  # in the status bar: which visit is shown
        self.where.setObjectName("visit_shown")
        self.where.hide()
        host.main_window().statusBar().insertPermanentWidget(0, self.where)
        self._rows: dict[tuple[Encounter, str], tuple[str, float]] = {}
        self._shown_rows: tuple[tuple[Encounter, ...], int, str] | None = None
        session.stateChanged.connect(self._on_state)
        session.analysisChanged.connect(self._show_comparison)
        session.editableChanged.connect(lambda _on: self._show_actions())
        exam = host.built_exam_panel()
        if exam is not None:
            self.attach_exam(exam)
        self._on_state(None, session.state())

    # --- commands --------------------------------------------------------------------------
    def run(self, command_id: str) -> None:
        if command_id == "visit.follow_up":
            self.new_follow_up()
        elif command_id == "visit.previous":
            self.session.show_visit(max(0, self.session.shown_index() - 1))
        elif command_id == "visit.next":
            last = len(self.session.visits()) - 1
            self.session.show_visit(min(last, self.session.shown_index() + 1))
        elif command_id == "visit.edit":
            self.session.set_earlier_editable(self.host.command_action("visit.edit").isChecked())
        elif command_id == "visit.compare":
            self.set_comparing(self.host.command_action("visit.compare").isChecked())
        elif command_id == "visit.list":
            self.show_panel()

    def new_follow_up(self) -> bool:
        """Ask the date (today by default), then add the follow-up visit and show it."""
        from datetime import date

        # An undated single visit takes the document's creation date (as add_follow_up does).
        created = self.session.document().created[:10]
        last = max((v.date or created for v in self.session.visits()), default=None)
        earliest = date.fromordinal(date.fromisoformat(last).toordinal() + 1) if last else None
        default = max(date.today(), earliest) if earliest else date.today()
        day = self.ask_date(self.host.dialog_parent(), default, earliest)
        if day is None or not self.session.add_follow_up(day):
            return False
        self.show_panel()
        self.host.show_message(f"New follow-up visit, {show_date(day)} (undo: Ctrl+Z)")
        return True

    def set_comparing(self, on: bool) -> None:
        """Compare the shown visit with the one before it (on the maps, exam and visit list)."""
        self.comparing = on
        action = self.host.command_action("visit.compare")
        if action.isChecked() != on:
            action.setChecked(on)
        if on:
            self.show_panel()
        if self.panel is not None:
            self.panel.compare_box.setChecked(on)
        self._show_comparison(self.session.analysis())

    # --- the visit list --------------------------------------------------------------------
    def show_panel(self) -> VisitPanel:
        """The visit list, placed by the window at the top of its results column (where
        it costs the map nothing) the first time, then shown."""
        if self.holder is None or self.panel is None:
            self.holder = QScrollArea()
            self.holder.setObjectName("visits_holder")
            self.holder.setWidgetResizable(True)
            self.holder.setFrameShape(QFrame.Shape.NoFrame)
            self.holder.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            from rootmap.ui.visit_list import VisitPanel

            self.panel = VisitPanel(self.holder)
            self.holder.setWidget(self.panel)
            self.host.place_visits(self.holder)
            self.panel.table.itemClicked.connect(self._on_row_clicked)
            self.panel.edit_box.clicked.connect(self._toggle_edit)
            self.panel.compare_box.clicked.connect(self.set_comparing)
            self._shown_rows = None
            self._on_state(None, self.session.state())
            self._show_comparison(self.session.analysis())
        self.holder.show()
        self._fit()
        return self.panel

    def _fit(self) -> None:
        """The list's rows changed or the comparison came or went: the window fits the
        results column to the panel's new height."""
        if self.panel is not None and self.holder is not None:
            self.panel.fit_rows()
            # The list and the toggles always show (the comparison may scroll).
            panel = self.panel
            self.holder.setMinimumHeight(
                panel.compare_box.sizeHint().height() * 2
                + 12
                + panel.table.height()
                + panel.title.sizeHint().height()
            )
            self.host.fit_visits(panel.sizeHint().height())

    def _on_row_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.session.show_visit(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def _toggle_edit(self, on: bool) -> None:
        self.host.command_action("visit.edit").setChecked(on)
        self.session.set_earlier_editable(on)

    def _on_state(self, _before: EditorState | None, state: EditorState) -> None:
        visits = state.visits()
        if len(visits) > 1 and (self.holder is None or self.panel is None):
            self.show_panel()  # (fills the list itself)
            return
        self._show_actions()
        if self.panel is None:
            return
        shown = (visits, state.shown(), state.atlas)
        if shown == self._shown_rows:
            return
        table = self.panel.table
        if self._shown_rows is not None and self._shown_rows[::2] == shown[::2]:
            self._shown_rows = shown  # the same visits, another one shown: restyle two rows
            for index in range(table.topLevelItemCount()):
                self._show_row_shown(table.topLevelItem(index), index == state.shown())
            current = table.topLevelItem(state.shown())
            if current is not None:
                table.setCurrentItem(current)
            return
        self._shown_rows = shown
        from PySide6.QtWidgets import QTreeWidgetItem

        table.clear()
        last = len(visits) - 1
        for index, visit in enumerate(visits):
            when = show_date(visit.date) if visit.date else "undated"
            item = QTreeWidgetItem([when, *self._row_text(visit, state.atlas)])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setToolTip(
                0, "the current visit" if index == last else "an earlier visit (read-only)"
            )
            self._show_row_shown(item, index == state.shown())
            table.addTopLevelItem(item)
        current = table.topLevelItem(state.shown())
        if current is not None:
            table.setCurrentItem(current)
        self._fit()
        if any(self._rows.get((v, state.atlas)) is None for v in visits):
            QTimer.singleShot(0, self._fill_rows)

    @staticmethod
    def _show_row_shown(item: QTreeWidgetItem | None, shown: bool) -> None:
        """The shown visit's row in bold."""
        if item is None or item.font(0).bold() == shown:
            return
        font = item.font(0)
        font.setBold(shown)
        for column in range(3):
            item.setFont(column, font)

    def _row_text(self, visit: Encounter, atlas: str) -> list[str]:
        row = self._rows.get((visit, atlas))
        return ["…", "…"] if row is None else [row[0], f"{row[1]:.1f} %"]

    def _fill_rows(self) -> None:
        """Analyse one visit not yet in the list, then the next on the next turn (a
        document of 20 visits opens without waiting for 20 analyses)."""
        if self.panel is None or self._shown_rows is None:
            return
        visits, _shown, atlas = self._shown_rows
        missing = [i for i, v in enumerate(visits) if self._rows.get((v, atlas)) is None]
        if not missing:
            return
        index = missing[0]
        self._row(visits[index], atlas)
        item = self.panel.table.topLevelItem(index)
        if item is not None:
            for column, text in enumerate(self._row_text(visits[index], atlas), start=1):
                item.setText(column, text)
        if len(missing) > 1:
            QTimer.singleShot(0, self._fill_rows)

    def _row(self, visit: Encounter, atlas: str) -> tuple[str, float]:
        """(top root, extent) of a visit analysed on its own, cached by its content."""
        row = self._rows.get((visit, atlas))
        if row is None:
            from rootmap.engine import analyze

            analysis = analyze(visit, self.session.knowledge, atlas)
            top = analysis.roots[0] if analysis.roots else None
            row = (
                f"{top.root} {top.side}" if top else "—",
                analysis.extent.all if analysis.extent else 0.0,
            )
            self._rows[(visit, atlas)] = row
        return row

    def _show_actions(self) -> None:
        earlier = self.session.shown_index() < len(self.session.visits()) - 1
        editing = earlier and not self.session.is_read_only()
        several = len(self.session.visits()) > 1
        if several:
            words = self.session.visit_name()
            name = words[:1].upper() + words[1:]
            if not earlier:
                state = "the current visit"
            else:
                state = (
                    "an earlier visit, being edited" if editing else "an earlier visit, read-only"
                )
            self.where.setText(f"{name} ({state})")
        self.where.setVisible(several)
        edit = self.host.command_action("visit.edit")
        edit.setEnabled(earlier)
        edit.setChecked(editing)
        self.host.command_action("visit.compare").setEnabled(self.session.shown_index() > 0)
        if self.panel is not None:
            self.panel.edit_box.setEnabled(earlier)
            self.panel.edit_box.setChecked(editing)
            self.panel.compare_box.setChecked(self.comparing)

    # --- the comparison --------------------------------------------------------------------
    def attach_exam(self, panel: ExamPanel) -> None:
        """The Examination form is built: its sign menus now, its earlier-value columns
        when first compared."""
        self.exclusions.attach_exam(panel)
        self._exam = panel
        if self.comparing:
            self._show_comparison(self.session.analysis())

    def _show_comparison(self, analysis: Analysis | None) -> None:
        changes = analysis.changes if analysis is not None and self.comparing else None
        if changes:
            from rootmap.follow_up import region_changes

            self.overlay.set_changes(region_changes(changes))
        else:
            self.overlay.set_changes({})
        if self.comparing and self.exam_comparison is None and self._exam is not None:
            from rootmap.ui.exam_compare import ExamComparison

            self.exam_comparison = ExamComparison(self._exam)
        if self.exam_comparison is not None:
            self.exam_comparison.set_comparison(
                changes.since if changes else None, changes.signs if changes else None
            )
        panel = self.panel
        if panel is None:
            return
        toggled = panel.comparison.isHidden() == self.comparing
        panel.comparison.setVisible(self.comparing)
        if not self.comparing:
            panel.since.setText("")
            panel.words.setText("")
        elif changes is None:
            panel.since.setText("<b>No earlier visit to compare with.</b>")
            panel.words.setText("")
        else:
            panel.since.setText(
                f"<b>Changes since {show_date(changes.since)}</b> (to {show_date(changes.date)})"
            )
            from rootmap.ui.visit_list import changes_html

            panel.words.setText(changes_html(changes))
        if toggled:  # the panel grew or shrank: the results column follows
            self._fit()
