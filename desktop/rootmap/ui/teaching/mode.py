"""Teaching mode in the main window: a Teaching menu, a Cases menu and a teaching dock.

``TeachingMode(session, host)`` is the one call the main window makes: the session is
the open document (teaching opens cases into it and follows its atlas), the host a
``TeachingHost`` (menus, keys, the dock's window, the maps). It is cheap: it adds
the Teaching and Cases menus and their keys, nothing else. The dock, the overlay layers,
the spine diagram and the quiz are built the first time they are needed (a teaching
mode, presentation mode or a case chosen; or ``controller``, ``panel``, ``dock`` or
``presenter`` asked for); the case files are read when the Cases menu first opens.

Keys (also in the Teaching menu): O overlay, D differences, R root explorer, Q quiz,
→ / Page Down next root or question, ← / Page Up previous root, F11 presentation mode,
Esc to leave it. The arrows and Page keys act only while teaching mode is on, so they
never steal the exam forms' keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from rootmap.ui.host import TeachingHost
from rootmap.ui.map_area import PAGES
from rootmap.ui.session import EncounterSession

if TYPE_CHECKING:  # imported when teaching is first used
    from PySide6.QtWidgets import QDockWidget

    from rootmap.teaching.cases import TeachingCase
    from rootmap.ui.teaching.cohort_view import CohortAction
    from rootmap.ui.teaching.controller import TeachingController
    from rootmap.ui.teaching.panel import TeachingPanel
    from rootmap.ui.teaching.presentation import Presenter

DOCK_WIDTH = 420  # the teaching dock in a window, at most (presentation: 30 % of the screen)


class TeachingMode:
    def __init__(self, session: EncounterSession, host: TeachingHost, seed: int = 0) -> None:
        self.session = session
        self.host = host
        self.seed = seed
        self._cases: tuple[TeachingCase, ...] | None = None  # read on first need
        self._case_error = ""
        self._built = False
        self._question_shown: object = None
        self._closer = _DockCloser(lambda: self.show_mode("off"))
        self._build_menus()
        self._add_cohort_entry()
        self._sync_actions()

    # -- built on first use ----------------------------------------------------------------
    @property
    def built(self) -> bool:
        """True once the dock, the panel and the overlay controller exist."""
        return self._built

    @property
    def controller(self) -> TeachingController:
        self._build()
        return self._controller

    @property
    def panel(self) -> TeachingPanel:
        self._build()
        return self._panel

    @property
    def dock(self) -> QDockWidget:
        self._build()
        return self._dock

    @property
    def presenter(self) -> Presenter:
        self._build()
        return self._presenter

    @property
    def cases(self) -> tuple[TeachingCase, ...]:
        self._load_cases()
        assert self._cases is not None
        return self._cases

    @property
    def case_error(self) -> str:
        self._load_cases()
        return self._case_error

    def _build(self) -> None:
        """The controller, the teaching dock and presentation mode; once."""
        if self._built:
            return
        self._built = True
        from PySide6.QtWidgets import QDockWidget

        from rootmap.ui.teaching.controller import TeachingController
        from rootmap.ui.teaching.panel import TeachingPanel
        from rootmap.ui.teaching.presentation import Presenter

        window = self.host.main_window()
        session = self.session
        self._controller = controller = TeachingController(
            session.knowledge, window, seed=self.seed
        )
        controller.atlas_id = session.atlas()
        controller.set_cases(self.cases)
        # One atlas for the whole window: the panel's choice is the session's atlas (an
        # undoable step), and the controller follows the session.
        self._panel = TeachingPanel(controller, own_atlas=False)
        self._panel.atlasChosen.connect(session.set_atlas)
        session.atlasChanged.connect(controller.set_atlas)
        self._dock = QDockWidget(QCoreApplication.translate("TeachingMode", "Teaching"), window)
        self._dock.setObjectName("teaching_dock")
        self._dock.setWidget(self._panel)
        self._dock.setAccessibleName(QCoreApplication.translate("TeachingMode", "Teaching panel"))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._dock)
        self._dock.hide()
        self._presenter = Presenter(window, self._set_line_scale)
        controller.changed.connect(self._sync_actions)
        controller.changed.connect(self._show_question_maps)
        controller.changed.connect(self._sync_lecture)
        self._dock.installEventFilter(self._closer)  # its close button: teaching off
        self._sync_actions()

    def _load_cases(self) -> None:
        """Read the teaching cases (once) and list them in the Cases menu."""
        if self._cases is not None:
            return
        from rootmap.teaching.cases import CaseError, load_cases

        try:
            self._cases = load_cases(self.session.knowledge)
        except CaseError as error:  # a bad case file must not stop the app
            self._cases, self._case_error = (), str(error)
        window = self.host.dialog_parent()
        for case in self._cases:
            action = QAction(case.title, window)
            action.triggered.connect(lambda _c=False, c=case: self.open_case(c))
            self.cases_menu.addAction(action)
        if self._case_error:
            broken = QAction(
                QCoreApplication.translate("TeachingMode", "Cases unavailable: {0}").format(
                    self._case_error
                ),
                window,
            )
            broken.setEnabled(False)
            self.cases_menu.addAction(broken)

    # -- menus and keys --------------------------------------------------------------------
    def _build_menus(self) -> None:
        window = self.host.dialog_parent()
        self.menu = QMenu(QCoreApplication.translate("TeachingMode", "&Teaching"), window)
        self.actions: dict[str, QAction] = {}
        entries = (
            (
                "overlay",
                QCoreApplication.translate("TeachingMode", "Dermatome &overlay"),
                "O",
                lambda: self.show_mode("overlay"),
            ),
            (
                "differences",
                QCoreApplication.translate("TeachingMode", "Atlas &differences"),
                "D",
                lambda: self.show_mode("differences"),
            ),
            (
                "explorer",
                QCoreApplication.translate("TeachingMode", "&Root explorer"),
                "R",
                lambda: self.show_mode("explorer"),
            ),
            (
                "quiz",
                QCoreApplication.translate("TeachingMode", "&Quiz"),
                "Q",
                lambda: self.show_mode("quiz"),
            ),
            (
                "next",
                QCoreApplication.translate("TeachingMode", "&Next root or question"),
                "Right",
                lambda: self.step(1),
            ),
            (
                "previous",
                QCoreApplication.translate("TeachingMode", "&Previous root"),
                "Left",
                lambda: self.step(-1),
            ),
            (
                "present",
                QCoreApplication.translate("TeachingMode", "Presentation &mode"),
                "F11",
                self.toggle_presentation,
            ),
            (
                "leave",
                QCoreApplication.translate("TeachingMode", "Leave presentation mode"),
                "Esc",
                self.leave_presentation,
            ),
            (
                "off",
                QCoreApplication.translate("TeachingMode", "&Teaching off"),
                "",
                lambda: self.show_mode("off"),
            ),
        )
        for name, text, key, slot in entries:
            action = QAction(text, window)
            action.setObjectName(f"teaching_{name}")
            if key:
                shortcuts = [QKeySequence(key)]
                if name == "next":
                    shortcuts.append(QKeySequence("PgDown"))
                if name == "previous":
                    shortcuts.append(QKeySequence("PgUp"))
                action.setShortcuts(shortcuts)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.menu.addAction(action)
            self.host.add_window_action(action)
            self.actions[name] = action
        self.menu.insertSeparator(self.actions["next"])
        self.menu.insertSeparator(self.actions["present"])
        self.cases_menu = QMenu(QCoreApplication.translate("TeachingMode", "&Cases"), window)
        browse = QAction(QCoreApplication.translate("TeachingMode", "&Browse cases…"), window)
        browse.setObjectName("teaching_cases")
        browse.setShortcut(QKeySequence("Ctrl+Shift+C"))
        browse.triggered.connect(self.browse_cases)
        self.host.add_window_action(browse)
        self.cases_menu.addAction(browse)
        self.cases_menu.addSeparator()
        self.cases_menu.aboutToShow.connect(self._load_cases)  # the case list, on first look
        self.host.add_menu(self.menu)
        self.host.add_menu(self.cases_menu)

    def _sync_actions(self) -> None:
        on = self._built and self._controller.mode != "off"
        for name in ("next", "previous"):
            self.actions[name].setEnabled(on)
        self.actions["leave"].setEnabled(self._built and self._presenter.active)

    # -- what the keys do --------------------------------------------------------------------
    def show_mode(self, mode: str) -> None:
        if mode == "off" and not self._built:
            return  # nothing to turn off
        if mode != "off":
            self._attach()
            if not self.dock.isVisible() and not self.presenter.active:
                self.dock.show()  # a narrow dock: the maps keep the room
                window = self.host.main_window()
                width = min(DOCK_WIDTH, int(window.width() * 0.25))
                window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
            self.dock.show()
        if mode == "off" and self.presenter.active:
            self.presenter.leave()  # "Off" ends the lecture, presentation mode too
            self._after_presentation_change()
        self.controller.set_mode(mode)
        self._sync_lecture()

    def _sync_lecture(self) -> None:
        """Teaching content on screen sets the patient's work aside (the host keeps it
        untouched); "Off" closes the panel and brings the patient's work back."""
        presenting = self._presenter.active
        on = presenting or self._controller.mode != "off"
        if not on and self._dock.isVisible():
            self._dock.hide()
        self.host.set_lecture(on)

    def step(self, delta: int) -> None:
        if self._built and self.controller.mode != "off":
            self.controller.step(delta)

    def reseed(self, seed: int) -> None:
        """A fresh quiz with this seed (the same seed asks the same questions)."""
        self.seed = seed
        if self._built:
            self.controller.reseed(seed)

    def toggle_presentation(self) -> None:
        self.presenter.toggle()
        if self.presenter.active and self.controller.mode == "off":
            self.show_mode("overlay")
        self._after_presentation_change()
        self._sync_lecture()

    def _after_presentation_change(self) -> None:
        self.dock.setVisible(self.presenter.active or self.controller.mode != "off")
        # Presenting: no dock title bar (its small caption says nothing to a lecture hall).
        self.dock.setTitleBarWidget(QWidget(self.dock) if self.presenter.active else None)  # type: ignore[arg-type]
        if self.presenter.active:
            window = self.host.main_window()
            width = int(window.width() * 0.3)
            window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        self.panel.set_presenting(self.presenter.active)
        self._sync_actions()

    def leave_presentation(self) -> None:
        if self._built and self.presenter.active:
            self.toggle_presentation()

    def browse_cases(self) -> None:
        from rootmap.ui.teaching.cases_dialog import CasesDialog

        dialog = CasesDialog(self.cases, self.session.knowledge, self.host.dialog_parent())
        if dialog.exec() and dialog.chosen is not None:
            self.open_case(dialog.chosen)

    def open_case(self, case: TeachingCase) -> None:
        self._build()
        self.session.replace(case.encounter)
        self.host.show_message(
            QCoreApplication.translate("TeachingMode", "Case opened: {0}").format(case.title)
        )
        if self.controller.mode in ("overlay", "differences", "quiz"):
            self.show_mode("off")  # let the case's marks and analysis show

    # -- helpers -------------------------------------------------------------------------------
    def _attach(self) -> None:
        area = self.host.maps()
        views = [area.view(name) for _title, names in PAGES for name in names]
        self.controller.attach_views(v for v in views if v is not None)
        self._set_line_scale(self.presenter.line_scale)

    def _show_question_maps(self) -> None:
        """A new question: show the map tab that can answer it.

        "Which root?": the tab that shows most of the pattern. "Click the L1 dermatome":
        a tab that has some of that territory, when the one on screen has none.
        """
        from rootmap.teaching.quiz import IdentifyQuestion, LocateQuestion

        question = self.controller.quiz.question
        if self.controller.mode != "quiz" or question is self._question_shown:
            return
        self._question_shown = question
        controller = self.controller
        if isinstance(question, IdentifyQuestion):
            counts = [
                len(set().union(*(controller.highlighted_regions(n) for n in names)))
                for _title, names in PAGES
            ]
        elif isinstance(question, LocateQuestion):
            atlas = controller.knowledge.atlas(controller.atlas_id)
            territory = set(atlas.regions_of_root(question.root, primary_only=True))
            counts = [
                len(territory & set().union(*(controller.view_regions(n) for n in names)))
                for _title, names in PAGES
            ]
        else:
            return
        area = self.host.maps()
        best = max(range(len(counts)), key=lambda i: counts[i])
        current = counts[area.currentIndex()]
        wanted = current < counts[best] if isinstance(question, IdentifyQuestion) else current == 0
        if wanted:  # a tie keeps the presenter's tab
            area.setCurrentIndex(best)

    def _set_line_scale(self, scale: float) -> None:
        from rootmap.ui.teaching.overlay import LABEL_PX

        for layer in self.controller.layers.values():
            layer.line_scale = scale
            layer.label_px = max(LABEL_PX, LABEL_PX * 0.8 * scale)  # 24 px at 1080, 48 at 4K
        self.controller.refresh()

    # -- Teaching ▸ Cohort (rootmap.ui.teaching.cohort_view, imported when first chosen) ----
    def _add_cohort_entry(self) -> None:
        self._cohort: CohortAction | None = None
        action = QAction(QCoreApplication.translate("TeachingMode", "Co&hort…"), self.menu)
        action.setObjectName("teaching_cohort")
        action.setStatusTip(
            QCoreApplication.translate(
                "TeachingMode", "Heat maps of a folder of encounters beside a root's dermatome"
            )
        )
        action.triggered.connect(lambda _checked=False: self.cohort.run())
        self.menu.insertSeparator(self.actions["present"])
        self.menu.insertAction(self.actions["present"], action)
        self.menu.insertSeparator(self.actions["present"])
        self.actions["cohort"] = action

    @property
    def cohort(self) -> CohortAction:
        """Teaching ▸ Cohort: a folder's heat maps (never the patient's encounter)."""
        if self._cohort is None:
            from rootmap.ui.teaching.cohort_view import CohortAction

            self._cohort = CohortAction(self.session, self.host, self.explore_root)
        return self._cohort

    def explore_root(self, root: str) -> None:
        """The Root explorer on ``root`` (its textbook dermatome on the maps)."""
        self.show_mode("explorer")
        self.controller.set_root(root)


class _DockCloser(QObject):
    """Turns teaching off when the user closes the teaching dock (its close button)."""

    def __init__(self, off: Callable[[], None]) -> None:
        super().__init__()
        self.off = off

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self.off)
        return False


def install_teaching(session: EncounterSession, host: TeachingHost, seed: int = 0) -> TeachingMode:
    """Teaching mode for the document in ``session``, in ``host``; ``seed`` seeds the quiz."""
    return TeachingMode(session, host, seed)
