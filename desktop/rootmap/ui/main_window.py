"""The main window: maps, finding palette, exam and history forms, results, red flags.

The open document lives in ``window.session`` (an ``EncounterSession``, built with the
core): the encounter, the atlas, the undo stack, the knowledge, the analysis, the file
path and the modified flag, with typed signals and the commands that change them. The
window and its parts (results panel, forms, file actions, teaching) listen to the
session and change it through its commands; the window gives the parts that need a
menu or a dock the small interfaces of ``rootmap.ui.host`` (it implements them all).
Its own commands and keys are declared in ``rootmap.ui.window_commands``.

Conveniences for scripts and tests (they build the core first, then ask the session):
``encounter()``, ``atlas()``, ``analysis()``, ``set_encounter(encounter, atlas=None)``
(replaces the state and clears the undo history), ``edit(encounter, atlas, text)``
(one undoable change), ``knowledge``, ``undo_stack``, ``show_message(text)``.

Every edit is a session command -> a ``StateChange`` on the undo stack -> the session's
``stateChanged`` (the window restyles only what changed) and ``analysisChanged`` (the
results, the banner and the dermatome follow).

Start-up in stages (so that the app paints its first frame quickly):

1. ``MainWindow(progressive=True)`` builds the shell, with Qt only: toolbar (finding
   palette, atlas box, undo/redo), menus, red-flag banner, the Examination/History tabs
   (empty frames), and the stand-ins of ``rootmap.ui.shell``: the map tabs (empty
   pages) and an empty results panel. It loads no knowledge and imports no model, map,
   results or engine code. ``run_app`` shows it and it paints.
2. Right after that first paint (a ``QTimer.singleShot(0)`` from the first
   ``paintEvent``) the rest is built in two event-loop turns. First all that the window
   shows: the core (the knowledge, the session, the atlas list, the map area in place
   of its stand-in) with the current map page, the form in front (Examination) and the
   spine diagram; one turn, so that the columns are laid out and painted once. Then
   teaching mode's Teaching and Cases menus and keys (``window.teaching``; its dock,
   overlays and spine diagram are built the first time teaching or a case is opened).
   Then ``window.ready`` is emitted and ``window.is_ready()`` turns true. On the next
   turn the visit commands' part is built (``window.visit_actions``: the visit list,
   the change map, the "not due to a root" marks; it catches up with a document opened
   meanwhile, and a Visit command before then builds it at once) and the engine is
   imported for the first click.
   Built on first need instead: the results panel (at the first result; until then
   its stand-in shows the hint), the History form, the other map pages and the File
   menu's document actions (``window.file_actions``, at the first File command).
   ``finish_startup()`` runs whatever steps are left at once. Calling the public API
   earlier builds the core first, so it always works.

``MainWindow()`` (``progressive=False``, the default, used by tests and tools) calls
``finish_startup()`` itself, so the window is complete when the constructor returns.
Calling ``finish_startup()`` again does nothing.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPalette, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from rootmap.ui.finding_palette import ERASER, TOOLS, FindingPalette
from rootmap.ui.red_flag_banner import RedFlagBanner
from rootmap.ui.shell import MAP_TAB_TITLES, disclaimer_label, empty_map_tabs, empty_results
from rootmap.ui.window_commands import WindowActions
from rootmap.ui.window_layout import (
    SIDE_MIN,
    column_sizes,
    map_is_squeezed,
    results_column_sizes,
)

if TYPE_CHECKING:  # imported when the core is built, after the first paint
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from rootmap.analysis import Analysis
    from rootmap.encounter import Encounter, History
    from rootmap.knowledge import Knowledge
    from rootmap.ui.exam_panel import ExamPanel
    from rootmap.ui.file_actions import FileActions
    from rootmap.ui.history_panel import HistoryPanel
    from rootmap.ui.map_area import MapArea
    from rootmap.ui.map_view import RegionItem
    from rootmap.ui.results_panel import ResultsPanel
    from rootmap.ui.session import EncounterSession
    from rootmap.ui.spine_view import SpineView
    from rootmap.ui.teaching.mode import TeachingMode
    from rootmap.ui.undo_commands import EditorState
    from rootmap.ui.visits_panel import VisitActions


def _scroll_area(parent: QWidget) -> QScrollArea:
    """An empty page for a form (the form is set when it is first needed)."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class ShortAction(QAction):
    """A toolbar twin of an action with a changing text (Undo, Redo): a short label, so
    that the toolbar never jumps; the whole text ("Undo Numbness over …") is its tooltip
    (and the Edit menu's entry); enabled and triggered with it."""

    def __init__(self, full: QAction, icon: QIcon, label: str, parent: QObject) -> None:
        super().__init__(icon, label, parent)
        self.full = full
        self.setObjectName(f"toolbar_{label.lower()}")
        full.changed.connect(self.follow)
        self.triggered.connect(full.trigger)
        self.follow()

    def follow(self) -> None:
        full = self.full
        if not (Shiboken.isValid(full) and Shiboken.isValid(self)):
            return
        self.setEnabled(full.isEnabled())
        text = full.text().replace("&", "")
        keys = full.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.setToolTip(f"{text} ({keys})" if keys else text)


class MainWindow(QMainWindow):
    ready = Signal()  # finish_startup() is done: every panel, menu and add-on is there

    session: EncounterSession
    teaching: TeachingMode
    map_area: MapArea

    def __init__(
        self,
        knowledge: Knowledge | None = None,
        parent: QWidget | None = None,
        *,
        progressive: bool = False,
    ) -> None:
        super().__init__(parent)
        self._knowledge = knowledge  # loaded when the core is built, if not given
        self._chosen_root: tuple[str, str] | None = None
        self._core = False  # _build_core() done
        self._ready = False  # finish_startup() done
        self._startup_step = 0  # the next step of _next_startup_step()
        self._close_guard: Callable[[], bool] | None = None
        self._exam_panel: ExamPanel | None = None  # built when the Examination tab shows
        self._history_panel: HistoryPanel | None = None  # ... and the History tab
        self._results_panel: ResultsPanel | None = None  # ... at the first result
        self._file_actions: FileActions | None = None  # ... at the first File command
        self._visit_actions: VisitActions | None = None  # ... with the add-ons' menus
        self.first_paint_time: float | None = None  # time.perf_counter() at the first paint
        self.remember_layout = False  # the app's window: sizes kept between runs (not tests)
        self._lecture = False  # teaching on screen: the patient's work set aside, untouched
        self._lecture_hidden: list[QWidget] = []  # what set_lecture(True) hid
        self._columns_chosen = False  # the user moved a column edge (or the last run's came back)
        self._visits_wanted: int | None = None  # the visit list's height, while not dragged
        self.undo_stack = QUndoStack(self)  # the session's, from the first frame (menus)
        self.setWindowTitle("RootMap")
        self.setObjectName("main_window")
        self._build_shell()
        self._build_actions()
        if not progressive:
            self.finish_startup()

    @property
    def knowledge(self) -> Knowledge:
        return self._session().knowledge

    @property
    def exam_panel(self) -> ExamPanel:
        """The Examination form (built on first need)."""
        self._session()
        if self._exam_panel is None:
            self._build_exam_panel()
        assert self._exam_panel is not None
        return self._exam_panel

    @property
    def history_panel(self) -> HistoryPanel:
        """The History form (built when its tab is first shown, or on first need)."""
        self._session()
        if self._history_panel is None:
            self._build_history_panel()
        assert self._history_panel is not None
        return self._history_panel

    @property
    def results_panel(self) -> ResultsPanel:
        """The results (built at the first analysis with something to show; until then
        the shell's stand-in shows the same hint)."""
        self._session()
        if self._results_panel is None:
            self._build_results_panel()
        assert self._results_panel is not None
        return self._results_panel

    @property
    def file_actions(self) -> FileActions:
        """The document commands of the File menu, autosave and the close guard (built at
        the first File command, or when the app starts its session after ready)."""
        if self._file_actions is None:
            from rootmap.ui.file_actions import FileActions

            self._file_actions = FileActions(self._session(), self)
        return self._file_actions

    @property
    def visit_actions(self) -> VisitActions:
        """Follow-up visits: the Visit menu's commands, the visit dock, the comparison."""
        if self._visit_actions is None:
            from rootmap.ui.visits_panel import VisitActions

            self._visit_actions = VisitActions(self._session(), self)
        return self._visit_actions

    def built_exam_panel(self) -> ExamPanel | None:
        return self._exam_panel

    def is_built(self, part: str) -> bool:
        """Whether a part built on first need exists yet: "core" (session, maps),
        "results", "exam" or "history" (the forms), "spine", "file_actions", "visits"."""
        built = {
            "core": self._core,
            "exam": self._exam_panel is not None,
            "history": self._history_panel is not None,
            "results": self._results_panel is not None,
            "file_actions": self._file_actions is not None,
            "spine": self.spine_view is not None,
            "visits": self._visit_actions is not None,
        }
        return built[part]

    def is_ready(self) -> bool:
        """True once ``finish_startup()`` has built everything."""
        return self._ready

    def finish_startup(self) -> None:
        """Build what the first frame does not need (see the module docstring); once."""
        while self._next_startup_step():
            pass
        self.visit_actions  # noqa: B018 - (the app builds it on the turn after ready)

    def _next_startup_step(self) -> bool:
        """Build the next part of the window; False once the window is complete.

        After the first paint these run one per event-loop turn: first all that the
        window shows (the map, the form in front, the spine: one turn, so one repaint and
        one layout of the columns), then the menus of the add-ons. What is not on screen
        (the other map pages, the form behind, the teaching dock) is built when first
        shown."""
        if self._ready:
            return False
        step, self._startup_step = self._startup_step, self._startup_step + 1
        if step == 0:
            self._build_core()
            self._build_front_form()
            if self.isVisible():  # the app's start-up: the map and the spine, built now
                from rootmap.ui.map_area import PAGES

                for name in PAGES[max(self.map_area.currentIndex(), 0)][1]:
                    self.map_area.view(name)
                self._ensure_spine()
        else:
            from rootmap.ui.teaching.mode import TeachingMode

            self.teaching = TeachingMode(self._session(), self)  # Teaching, Cases menus, keys
            self._ready = True
            self.ready.emit()
        return True

    def _continue_startup(self) -> None:
        """One start-up step, then the next on the next event-loop turn (after a repaint)."""
        if self._next_startup_step():
            QTimer.singleShot(0, self._continue_startup)
        else:  # complete: what the first edit or a second visit needs, before it is asked
            self.visit_actions  # noqa: B018 - it follows the documents opened from now on
            importlib.import_module("rootmap.engine")

    # --- conveniences for scripts and tests: the session's state and commands ----------
    def encounter(self) -> Encounter:
        return self._session().encounter()

    def atlas(self) -> str:
        return self._session().atlas()

    def _atlas_name(self, atlas_id: str) -> str:
        return self.atlas_combo.itemText(max(0, self.atlas_combo.findData(atlas_id)))

    def analysis(self) -> Analysis | None:
        return self._session().analysis()

    def set_encounter(self, encounter: Encounter, atlas: str | None = None) -> None:
        """Replace the whole state (New, Open); clears the undo history."""
        self._session().replace(encounter, atlas)

    def edit(
        self,
        encounter: Encounter | None = None,
        atlas: str | None = None,
        text: str = "Edit",
        merge_field: str | None = None,
    ) -> bool:
        """One undoable change; returns False (and records nothing) when nothing changes."""
        return self._session().edit(encounter, atlas, text, merge_field)

    # --- what the parts may ask (rootmap.ui.host: MenuHost, FileHost, TeachingHost) -----
    def show_message(self, text: str, timeout_ms: int = 4000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def dialog_parent(self) -> QWidget:
        return self

    def main_window(self) -> QMainWindow:
        return self

    def add_menu(self, menu: QMenu) -> None:
        self.menuBar().addMenu(menu)

    def add_window_action(self, action: QAction) -> None:
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)

    def command_action(self, command_id: str) -> QAction:
        return self.actions_by_id[command_id]

    def submenu(self, command_id: str) -> QMenu:
        return self.submenus[command_id]

    def current_view_name(self) -> str | None:
        views = self.maps().current_views()
        return views[0].name if views else None

    def set_close_guard(self, guard: Callable[[], bool]) -> None:
        self._close_guard = guard

    def maps(self) -> MapArea:
        """The map area (built with the core)."""
        self._session()
        return self.map_area

    def place_visits(self, panel: QWidget) -> None:
        """The visit list goes on top of the results column: no dock beside the columns,
        so the map keeps its share of the width with the visits open."""
        self.right.insertWidget(0, panel)
        self.right.setStretchFactor(0, 0)
        self.right.setStretchFactor(1, 2)
        self.right.setStretchFactor(2, 1)

    def fit_visits(self, wanted: int, height: int | None = None) -> None:
        """The visit list as tall as it wants (at most ``VISITS_SHARE`` of the column);
        kept so as the column's height changes, until the user drags its edge."""
        self._visits_wanted = wanted
        if self.right.count() == 3:
            height = height or (self.right.height() if self.right.isVisible() else 0)
            height = height or sum(self.right.sizes()) or 920
            self.right.setSizes(results_column_sizes(height, wanted))

    def lecture(self) -> bool:
        """True while teaching content is on screen (``set_lecture``)."""
        return self._lecture

    def set_lecture(self, on: bool) -> None:
        """Teaching content never mixes with the patient's encounter: on, the maps show
        no patient marks or dermatome, the forms, results and red-flag banner are hidden,
        map clicks record nothing and Undo, Redo and Clear wait; off, all of it comes back
        as the session has it (the encounter, the undo stack and the file untouched)."""
        if on:  # (again: presentation mode may have shown a column on leaving)
            widgets: tuple[QWidget, ...] = (self.forms, self.right, self.banner)
            for widget in widgets:
                if not widget.isHidden():
                    self._lecture_hidden.append(widget)
                    widget.hide()
        if on == self._lecture:
            return
        self._lecture = on
        session = self._session()
        for action in (self.undo_action, self.redo_action, self.clear_action):
            action.setEnabled(False)
        for action in self._marking_tools:  # the toolbar keeps the atlas only
            action.setVisible(not on)
        if on:
            self.map_area.set_marks({})
            self.map_area.set_highlight({})
            if self._spine is not None:
                self._spine.set_highlight([], [])
            if self._results_panel is not None:
                self._results_panel.set_analysis(None)
            self.show_message("Teaching: the patient's marks and results are set aside")
            return
        for widget in self._lecture_hidden:
            widget.show()
        self._lecture_hidden = []
        self.undo_action.setEnabled(self.undo_stack.canUndo())
        self.redo_action.setEnabled(self.undo_stack.canRedo())
        self.clear_action.setEnabled(True)
        from rootmap.ui import overlays

        self.map_area.set_marks(overlays.marks_by_key(session.encounter().findings))
        self._show_analysis(session.analysis())

    def map_tabs(self) -> QTabWidget:
        """The map tabs: the map area, or in the first frame its empty stand-in."""
        return self.map_area if self._core else self._map_tabs

    # --- building ---------------------------------------------------------------------
    def _build_shell(self) -> None:
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = RedFlagBanner(central)
        column.addWidget(self.banner)

        # The side columns give way to the map: they can be dragged narrower or collapsed.
        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.setObjectName("columns")
        self.forms = QTabWidget(splitter)
        self.forms.setDocumentMode(True)
        self._exam_page = _scroll_area(self.forms)
        # Too narrow for both sides' drop-downs: the form scrolls sideways, never clips.
        self._exam_page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._history_page = _scroll_area(self.forms)
        self.forms.addTab(self._exam_page, self.tr("Examination"))
        self.forms.addTab(self._history_page, self.tr("History"))
        # Stand-ins for the first frame; the map area and the results panel replace them.
        self._map_tabs = empty_map_tabs(splitter)
        self.right = QSplitter(Qt.Orientation.Vertical, splitter)
        self.right.setObjectName("results_column")
        self._results_stand_in = empty_results(self.right)
        self.spine_holder = QWidget(self.right)
        QVBoxLayout(self.spine_holder).setContentsMargins(0, 0, 0, 0)
        self.spine_view: QWidget | None = None  # the diagram, or a message why it is missing
        self._spine: SpineView | None = None  # the diagram, once built
        self.right.addWidget(self._results_stand_in)
        self.right.addWidget(self.spine_holder)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 1)
        self.right.setSizes([620, 300])
        splitter.addWidget(self.forms)
        splitter.addWidget(self._map_tabs)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 1)  # a change of width: mostly the map's
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        splitter.setCollapsible(1, False)
        self.forms.setMinimumWidth(SIDE_MIN)
        splitter.setSizes(column_sizes(self.width()))
        splitter.splitterMoved.connect(self._on_columns_moved)
        splitter.installEventFilter(self)  # its width changes: the map keeps most of it
        self.right.installEventFilter(self)  # its height changes: the visit list keeps its
        self.right.splitterMoved.connect(self._on_results_column_moved)
        self._columns = splitter
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.finding_palette = FindingPalette(self)
        self.atlas_combo = QComboBox(self)
        self.atlas_combo.setObjectName("atlas")
        self.atlas_combo.setPlaceholderText(
            self.tr("Dermatome atlas")
        )  # until the atlases are loaded
        self.atlas_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.atlas_combo.setToolTip(
            self.tr("Dermatome atlas: changes the map's roots and the analysis")
        )
        self.atlas_combo.activated.connect(
            lambda _i: self._session().edit(
                atlas=self.atlas_combo.currentData(),
                text=self.tr("Atlas: {0} → {1}").format(
                    self._atlas_name(self.atlas()), self.atlas_combo.currentText()
                ),
            )
        )
        from rootmap.ui.form_guard import ValueGuard  # no wheel, no typed letters

        ValueGuard(self.atlas_combo).watch(self.atlas_combo)
        self.disclaimer = disclaimer_label(self)
        self.statusBar().addPermanentWidget(self.disclaimer)

    def _session(self) -> EncounterSession:
        """The session (building the core on first need)."""
        self._build_core()
        return self.session

    def _build_core(self) -> None:
        """The knowledge, the session, the map area, the results and the atlas list; once."""
        if self._core:
            return
        self._core = True
        from rootmap.knowledge import load_knowledge
        from rootmap.ui.map_area import MapArea
        from rootmap.ui.session import EncounterSession

        self.window_actions.set_keys()
        knowledge = self._knowledge = self._knowledge or load_knowledge()
        self.session = session = EncounterSession(knowledge, self.undo_stack, self)
        for atlas_id, atlas in knowledge.atlases.items():  # people's names, the rest a tip
            self.atlas_combo.addItem(atlas.authors, atlas_id)
            self.atlas_combo.setItemData(
                self.atlas_combo.count() - 1,
                f"{atlas.name}: {atlas.description}",
                Qt.ItemDataRole.ToolTipRole,
            )
        self.map_area = MapArea()
        self.map_area.tooltip_text = self._tooltip
        self.map_area.setCurrentIndex(self._map_tabs.currentIndex())
        self._columns.replaceWidget(self._columns.indexOf(self._map_tabs), self.map_area)
        self._map_tabs.deleteLater()
        self.map_area.regionClicked.connect(self._on_region_clicked)
        self.map_area.regionHovered.connect(self._on_region_hovered)
        self.map_area.currentChanged.connect(lambda _i: self._ensure_spine())
        self.forms.currentChanged.connect(lambda _i: self._build_front_form())
        session.stateChanged.connect(self._show_state)
        session.analysisChanged.connect(self._show_analysis)
        session.fileChanged.connect(self._show_title)
        session.messageRequested.connect(self.show_message)
        session.refresh()
        self._show_title()

    def _build_results_panel(self) -> None:
        from rootmap.ui.results_panel import ResultsPanel

        session = self.session
        panel = self._results_panel = ResultsPanel(None, session.knowledge.regions)
        self.right.replaceWidget(self.right.indexOf(self._results_stand_in), panel)
        self._results_stand_in.deleteLater()
        panel.rootChosen.connect(self._on_root_chosen)
        panel.set_analysis(session.analysis())

    def _build_front_form(self) -> None:
        """The form in front, if it is not built yet (the other is built when shown)."""
        if not self._core:
            return
        if self.forms.currentIndex() == 1:
            if self._history_panel is None:
                self._build_history_panel()
        elif self._exam_panel is None:
            self._build_exam_panel()

    def _build_exam_panel(self) -> None:
        from rootmap.ui.exam_panel import ExamPanel

        session = self.session
        labels = {sign: rule.label for sign, rule in session.knowledge.signs.items()}
        panel = self._exam_panel = ExamPanel(labels, self._exam_page)
        panel.set_signs(session.encounter().signs)
        self._exam_page.setWidget(panel)
        panel.signEdited.connect(self._on_sign_edited)
        if self._visit_actions is not None:
            self._visit_actions.attach_exam(panel)

    def _build_history_panel(self) -> None:
        from rootmap.ui.history_panel import HistoryPanel

        session = self.session
        panel = self._history_panel = HistoryPanel(self._history_page)
        panel.set_history(session.encounter().history)
        self._history_page.setWidget(panel)
        panel.historyEdited.connect(self._on_history_edited)

    def _build_actions(self) -> None:
        """The menus, the toolbar and the keys, from ``WINDOW_COMMANDS``."""
        slots: dict[str, Callable[[], object]] = {
            "quit": self.close,
            "clear": lambda: self._session().clear(),
            "tool.eraser": lambda: self.finding_palette.set_tool(ERASER),
            "intensity.up": lambda: self.finding_palette.step_intensity(1),
            "intensity.down": lambda: self.finding_palette.step_intensity(-1),
            "zoom.in": lambda: self.maps().zoom_by(1.25),
            "zoom.out": lambda: self.maps().zoom_by(0.8),
            "zoom.fit": lambda: self.maps().fit(),
        }
        for tool in TOOLS:
            if tool != ERASER:
                slots[f"tool.{tool}"] = partial(self.finding_palette.set_tool, tool)
        for index in range(len(MAP_TAB_TITLES)):
            slots[f"page.{index}"] = partial(self._show_page, index)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.window_actions = actions = WindowActions(
            self,
            slots,
            {"file.": self._run_file_command, "visit.": self._run_visit_command},
            {"undo": self.undo_action, "redo": self.redo_action},
            self._tool_text,
        )
        self.actions_by_id = actions.by_id
        self.submenus = actions.submenus
        menus = actions.menus
        self.file_menu = menus["File"]
        self.quit_action = self.actions_by_id["quit"]
        self.clear_action = self.actions_by_id["clear"]
        self.tool_actions = {tool: self.actions_by_id[f"tool.{tool}"] for tool in TOOLS}

        toolbar = QToolBar(self.tr("Tools"), self)
        toolbar.setObjectName("tools")
        toolbar.setMovable(False)
        # The marking tools: set aside with the patient's work during a lecture.
        self._marking_tools = [toolbar.addWidget(self.finding_palette), toolbar.addSeparator()]
        # Undo and Redo with short labels, so that the toolbar never jumps; the whole
        # action text ("Undo Numbness over …") is their tooltip and the Edit menu's entry.
        self.undo_button = self._short_action(self.undo_action, self.tr("Undo"), "edit-undo")
        self.redo_button = self._short_action(self.redo_action, self.tr("Redo"), "edit-redo")
        for action in (self.undo_button, self.redo_button, self.clear_action):
            toolbar.addAction(action)
        self._marking_tools += [self.undo_button, self.redo_button, self.clear_action]
        self._marking_tools.append(toolbar.addSeparator())
        toolbar.addWidget(QLabel(self.tr(" Atlas "), self))
        toolbar.addWidget(self.atlas_combo)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)

    def _short_action(self, full: QAction, label: str, icon_name: str) -> QAction:
        """A toolbar twin of ``full`` (undo or redo): a short label and an icon."""
        from rootmap.ui.icons import arrow_icon

        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.ButtonText)
        faded = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        icon = QIcon.fromTheme(icon_name, arrow_icon(icon_name == "edit-undo", ink, faded))
        return ShortAction(full, icon, label, self)

    def _run_file_command(self, command_id: str) -> None:
        self.file_actions.run(command_id)

    def _run_visit_command(self, command_id: str) -> None:
        self.visit_actions.run(command_id)

    def _show_page(self, index: int) -> None:
        self.map_tabs().setCurrentIndex(index)

    def _tool_text(self, command_id: str) -> str:
        return self.finding_palette.buttons[command_id.removeprefix("tool.")].text()

    def _ensure_spine(self) -> None:
        if self.spine_view is not None:
            return
        self._build_core()
        try:
            from rootmap.ui.spine_view import SpineView

            self.spine_view = self._spine = SpineView(self.spine_holder)
        except Exception as error:  # no spine diagram: the rest of the window still works
            message = QLabel(
                self.tr("Spine diagram unavailable: {0}").format(error), self.spine_holder
            )
            message.setWordWrap(True)
            self.spine_view = message
        layout = self.spine_holder.layout()
        assert layout is not None
        layout.addWidget(self.spine_view)
        self._show_overlays()

    # --- showing the session ----------------------------------------------------------
    def _show_state(self, before: EditorState, state: EditorState) -> None:
        """Restyle what changed between two states (``session.stateChanged``)."""
        from rootmap.ui import overlays

        new, old = state.encounter, before.encounter
        if new.findings != old.findings and not self._lecture:
            self.map_area.set_marks(overlays.marks_by_key(new.findings))
        if self._exam_panel is not None and new.signs != old.signs:
            self._exam_panel.set_signs(new.signs)
        if self._history_panel is not None and new.history != old.history:
            self._history_panel.set_history(new.history)
        if state.atlas != before.atlas:
            self.atlas_combo.setCurrentIndex(max(self.atlas_combo.findData(state.atlas), 0))

    def _show_analysis(self, analysis: Analysis | None) -> None:
        if self._lecture:  # shown when the lecture ends
            return
        empty = analysis is not None and not (analysis.roots or analysis.conditions)
        if self._results_panel is not None:
            self._results_panel.set_analysis(analysis)
        elif not empty:
            self._build_results_panel()  # shows the session's analysis
        self.banner.set_flags(analysis.red_flags if analysis else (), self.knowledge.regions)
        self._show_overlays()

    def _show_title(self) -> None:
        if not Shiboken.isValid(self):  # the undo stack also signals while the window dies
            return
        session = self.session
        self.setWindowTitle(self.tr("{0}[*] — RootMap").format(session.display_name()))
        self.setWindowModified(session.is_modified())

    def _show_overlays(self) -> None:
        from rootmap.ui import overlays

        if self._lecture:
            return

        session = self.session
        analysis = session.analysis()
        shown = overlays.shown_root(analysis, self._chosen_root)
        atlas = self.knowledge.atlas(session.atlas())
        self.map_area.set_highlight(overlays.dermatome_levels(shown, atlas, self.knowledge))
        spine = self._spine
        if spine is not None:
            roots, discs = overlays.spine_highlight(shown, analysis)
            spine.set_highlight(roots, discs)

    # --- user acts ----------------------------------------------------------------------
    def _on_region_clicked(self, key: str, button: str) -> None:
        if self._lecture:  # teaching: a click never changes the patient's record
            self.show_message("Teaching is on: Teaching ▸ Teaching off to mark the patient again")
            return
        side, region = key.split(".", 1)
        tool = self.finding_palette.tool()
        erase = button == "right" or tool == ERASER
        kind = None if erase else tool
        if self.session.click_region(region, side, kind, self.finding_palette.intensity()):
            self.show_message(self.undo_stack.undoText())

    def _on_region_hovered(self, key: str) -> None:
        from rootmap.ui import overlays

        if key and not self._lecture:
            side, region = key.split(".", 1)
            self.statusBar().showMessage(
                overlays.region_summary(
                    self.knowledge, self.session.state(), region, side, html=False
                )
            )
        else:
            self.statusBar().clearMessage()

    def _on_sign_edited(self, name: str, side: str, value: int | str | None) -> None:
        from rootmap.encounter import Sign

        assert self._exam_panel is not None
        sign = None if value is None else Sign(sign=name, side=side, value=value)
        before = self.session.encounter()
        old = next((s.value for s in before.signs if (s.sign, s.side) == (name, side)), None)
        # Named "sign, side: old → new"; stepping with the arrow keys is one undo step.
        self.session.edit(
            before.with_sign(sign, name, side),
            text=self._exam_panel.describe_change(name, side, old, value),
            merge_field=self._exam_panel.merge_field(name, side),
        )

    def _on_history_edited(self, history: History, field: str) -> None:
        from rootmap.ui.history_panel import HistoryPanel

        merge = "history.age" if field == "age" else None
        before = self.session.encounter()
        self.session.edit(
            before.with_history(history),
            text=HistoryPanel.describe_change(field, before.history, history),
            merge_field=merge,
        )

    def _on_root_chosen(self, root: str, side: str) -> None:
        self._chosen_root = (root, side)
        self._show_overlays()

    def _tooltip(self, item: RegionItem) -> str:
        from rootmap.ui import overlays

        if self._lecture:  # the region's name only: nothing of the patient's
            region = self.knowledge.regions.get(item.region)
            return f"{region.name if region else item.region}, {item.side}"

        return overlays.region_summary(
            self.knowledge, self.session.state(), item.region, item.side, html=True
        )

    # --- the columns' sizes (rootmap.ui.window_layout) -----------------------------------
    def restore_layout(self) -> bool:
        """The app's start: the last run's geometry and column sizes, and remember them at
        the end; True when the geometry came back."""
        from rootmap.ui import window_layout

        self.remember_layout = True
        restored = window_layout.restore(self, self._columns, self.right)
        self._columns_chosen = restored
        return restored

    def fit_columns(self, width: int | None = None) -> None:
        """The map keeps most of the width; the side columns share the rest."""
        self._columns.setSizes(column_sizes(width or self._columns.width()))

    def _on_columns_moved(self, _pos: int, _index: int) -> None:
        self._columns_chosen = True

    def _on_results_column_moved(self, _pos: int, _index: int) -> None:
        self._visits_wanted = None  # the user's sizes from now on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._columns and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            width = event.size().width()
            sizes = self._columns.sizes()
            if not self._columns_chosen or map_is_squeezed(sizes):
                self.fit_columns(width)  # before the splitter lays out its new width
        elif watched is self.right and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            if self._visits_wanted is not None:
                self.fit_visits(self._visits_wanted, event.size().height())
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_guard is not None and not self._close_guard():
            event.ignore()
            return
        if self.remember_layout:
            from rootmap.ui import window_layout

            window_layout.remember(self, self._columns, self.right)
        super().closeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.first_paint_time is None:
            # The first frame is painted: build the rest, step by step.
            self.first_paint_time = time.perf_counter()
            QTimer.singleShot(0, self._continue_startup)
