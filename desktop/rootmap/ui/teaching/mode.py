"""Teaching mode in the main window: a Teaching menu, a Cases menu and a teaching dock.

``install_teaching(window)`` is the one call the main window makes. Keys (also in the
Teaching menu): O overlay, D differences, R root explorer, Q quiz, → / Page Down next
root or question, ← / Page Up previous root, F11 presentation mode, Esc to leave it.
The arrows and Page keys act only while teaching mode is on, so they never steal the
exam forms' keys.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from rootmap.teaching.cases import CaseError, TeachingCase, load_cases
from rootmap.teaching.quiz import IdentifyQuestion, LocateQuestion
from rootmap.ui.map_area import PAGES
from rootmap.ui.teaching.cases_dialog import CasesDialog
from rootmap.ui.teaching.controller import TeachingController
from rootmap.ui.teaching.overlay import LABEL_PX
from rootmap.ui.teaching.panel import TeachingPanel
from rootmap.ui.teaching.presentation import Presenter

DOCK_WIDTH = 420  # the teaching dock in a window, at most (presentation: 30 % of the screen)


class TeachingMode:
    def __init__(self, window: QMainWindow, seed: int = 0) -> None:
        self.window = window
        knowledge = window.knowledge  # type: ignore[attr-defined]
        self.controller = TeachingController(knowledge, window, seed=seed)
        self.controller.atlas_id = window.atlas()  # type: ignore[attr-defined]
        try:
            self.cases: tuple[TeachingCase, ...] = load_cases(knowledge)
            self.case_error = ""
        except CaseError as error:  # a bad case file must not stop the app
            self.cases, self.case_error = (), str(error)
        self.controller.set_cases(self.cases)
        self.panel = TeachingPanel(self.controller)
        self.dock = QDockWidget("Teaching", window)
        self.dock.setObjectName("teaching_dock")
        self.dock.setWidget(self.panel)
        self.dock.setAccessibleName("Teaching panel")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.presenter = Presenter(window, self._set_line_scale)
        # One atlas for the whole window: the teaching panel changes the window's atlas.
        self.panel.atlas_box.currentIndexChanged.disconnect()
        self.panel.atlas_box.activated.connect(self._choose_atlas)
        window.encounterChanged.connect(  # type: ignore[attr-defined]
            lambda _e: self.controller.set_atlas(window.atlas())  # type: ignore[attr-defined]
        )
        self.controller.changed.connect(self._sync_actions)
        self._question_shown: object = None
        self.controller.changed.connect(self._show_question_maps)
        self._build_menus()
        self._sync_actions()

    # -- menus and keys --------------------------------------------------------------------
    def _build_menus(self) -> None:
        window = self.window
        self.menu = QMenu("&Teaching", window)
        self.actions: dict[str, QAction] = {}
        entries = (
            ("overlay", "Dermatome &overlay", "O", lambda: self.show_mode("overlay")),
            ("differences", "Atlas &differences", "D", lambda: self.show_mode("differences")),
            ("explorer", "&Root explorer", "R", lambda: self.show_mode("explorer")),
            ("quiz", "&Quiz", "Q", lambda: self.show_mode("quiz")),
            ("next", "&Next root or question", "Right", lambda: self.step(1)),
            ("previous", "&Previous root", "Left", lambda: self.step(-1)),
            ("present", "Presentation &mode", "F11", self.toggle_presentation),
            ("leave", "Leave presentation mode", "Esc", self.presenter.leave),
            ("off", "&Teaching off", "", lambda: self.show_mode("off")),
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
            window.addAction(action)
            self.actions[name] = action
        self.menu.insertSeparator(self.actions["next"])
        self.menu.insertSeparator(self.actions["present"])
        self.cases_menu = QMenu("&Cases", window)
        browse = QAction("&Browse cases…", window)
        browse.setObjectName("teaching_cases")
        browse.setShortcut(QKeySequence("Ctrl+Shift+C"))
        browse.triggered.connect(self.browse_cases)
        window.addAction(browse)
        self.cases_menu.addAction(browse)
        self.cases_menu.addSeparator()
        for case in self.cases:
            action = QAction(case.title, window)
            action.triggered.connect(lambda _c=False, c=case: self.open_case(c))
            self.cases_menu.addAction(action)
        if self.case_error:
            broken = QAction(f"Cases unavailable: {self.case_error}", window)
            broken.setEnabled(False)
            self.cases_menu.addAction(broken)
        window.menuBar().addMenu(self.menu)
        window.menuBar().addMenu(self.cases_menu)

    def _sync_actions(self) -> None:
        on = self.controller.mode != "off"
        for name in ("next", "previous"):
            self.actions[name].setEnabled(on)
        self.actions["leave"].setEnabled(self.presenter.active)

    # -- what the keys do --------------------------------------------------------------------
    def show_mode(self, mode: str) -> None:
        if mode != "off":
            self._attach()
            if not self.dock.isVisible() and not self.presenter.active:
                self.dock.show()  # a narrow dock: the maps keep the room
                width = min(DOCK_WIDTH, int(self.window.width() * 0.25))
                self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
            self.dock.show()
        self.controller.set_mode(mode)
        if mode == "off" and not self.presenter.active:
            self.dock.hide()

    def step(self, delta: int) -> None:
        if self.controller.mode != "off":
            self.controller.step(delta)

    def toggle_presentation(self) -> None:
        self.presenter.toggle()
        if self.presenter.active and self.controller.mode == "off":
            self.show_mode("overlay")
        self.dock.setVisible(self.presenter.active or self.controller.mode != "off")
        # Presenting: no dock title bar (its small caption says nothing to a lecture hall).
        self.dock.setTitleBarWidget(QWidget(self.dock) if self.presenter.active else None)  # type: ignore[arg-type]
        if self.presenter.active:
            width = int(self.window.width() * 0.3)
            self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        self._sync_actions()

    def browse_cases(self) -> None:
        dialog = CasesDialog(self.cases, self.controller.knowledge, self.window)
        if dialog.exec() and dialog.chosen is not None:
            self.open_case(dialog.chosen)

    def open_case(self, case: TeachingCase) -> None:
        self.window.set_encounter(case.encounter)  # type: ignore[attr-defined]
        self.window.show_message(f"Case opened: {case.title}")  # type: ignore[attr-defined]
        if self.controller.mode in ("overlay", "differences", "quiz"):
            self.show_mode("off")  # let the case's marks and analysis show

    # -- helpers -------------------------------------------------------------------------------
    def _attach(self) -> None:
        area = self.window.map_area  # type: ignore[attr-defined]
        views = [area.view(name) for _title, names in PAGES for name in names]
        self.controller.attach_views(v for v in views if v is not None)
        self._set_line_scale(self.presenter.line_scale)

    def _show_question_maps(self) -> None:
        """A new question: show the map tab that can answer it.

        "Which root?": the tab that shows most of the pattern. "Click the L1 dermatome":
        a tab that has some of that territory, when the one on screen has none.
        """
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
        area = self.window.map_area  # type: ignore[attr-defined]
        best = max(range(len(counts)), key=lambda i: counts[i])
        current = counts[area.currentIndex()]
        wanted = current < counts[best] if isinstance(question, IdentifyQuestion) else current == 0
        if wanted:  # a tie keeps the presenter's tab
            area.setCurrentIndex(best)

    def _choose_atlas(self, _index: int) -> None:
        atlas = self.panel.atlas_box.currentData()
        self.window.edit(atlas=atlas, text="Change atlas")  # type: ignore[attr-defined]
        self.controller.set_atlas(atlas)

    def _set_line_scale(self, scale: float) -> None:
        for layer in self.controller.layers.values():
            layer.line_scale = scale
            layer.label_px = max(LABEL_PX, LABEL_PX * 0.8 * scale)  # 24 px at 1080, 48 at 4K
        self.controller.refresh()


def install_teaching(window: QMainWindow, seed: int = 0) -> TeachingMode:
    """Add teaching mode to a RootMap main window (once); ``seed`` seeds the quiz."""
    existing = getattr(window, "teaching", None)
    if isinstance(existing, TeachingMode):
        existing.controller.reseed(seed)
        return existing
    mode = TeachingMode(window, seed)
    window.teaching = mode  # type: ignore[attr-defined]
    return mode
