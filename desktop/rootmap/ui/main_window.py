"""The main window: maps, finding palette, exam and history forms, results, red flags.

Public API (for ``ui/file_actions.py`` and other add-ons; everything else is private):

- ``window.encounter() -> Encounter`` and ``window.atlas() -> str``: the current state.
- ``window.set_encounter(encounter, atlas=None)``: replace the state, e.g. after New or
  Open. It clears the undo history (use ``window.edit(...)`` for an undoable change).
- ``window.edit(encounter, atlas=None, text="Edit")``: one undoable change.
- ``window.analysis() -> Analysis | None``: the engine's answer for the current state.
- ``window.encounterChanged(Encounter)``: emitted after every change (edit, undo, redo,
  ``set_encounter``); ``window.analysisChanged(Analysis)`` after each new analysis.
- ``window.undo_stack`` (``QUndoStack``): ``cleanChanged``/``setClean()`` track "modified".
- ``window.file_menu`` (``QMenu``): add New/Open/Save/Report actions before ``quit_action``.
- ``window.knowledge``, ``window.map_area`` (views, for figures), ``window.show_message(text)``.
  (In a progressive window, ``map_area`` and ``results_panel`` exist once the core is
  built: after the first paint, or at the first call of the API above.)

Every edit goes through ``edit`` -> a ``StateChange`` on the undo stack -> ``_show_state``,
which restyles only what changed and asks ``rootmap.engine.analyze`` for a new analysis.

Start-up in two steps (so that the app paints its first frame quickly):

1. ``MainWindow(progressive=True)`` builds the shell, with Qt only: toolbar (finding
   palette, atlas box, undo/redo), menus, red-flag banner, the Examination/History tabs
   (empty frames), and the stand-ins of ``rootmap.ui.shell``: the map tabs (empty
   pages) and an empty results panel. It loads no knowledge and imports no model, map,
   results or engine code. ``run_app`` shows it and it paints.
2. Right after that first paint (a ``QTimer.singleShot(0)`` from the first
   ``paintEvent``) the rest is built in three steps, one per event-loop turn, so that
   each shows as soon as it is built: the core (the knowledge, the state, the atlas
   list, the results panel and the map area in place of their stand-ins) and the
   current map page; the exam and history forms and the spine diagram; the File menu's
   document actions (``window.file_actions``) and teaching mode (``window.teaching``:
   only its Teaching and Cases menus and keys; its dock, overlays and spine diagram
   are built the first time teaching or a case is opened).
   Then ``window.ready`` is emitted and ``window.is_ready()`` turns true, and the
   engine is imported for the first click. ``finish_startup()`` runs whatever steps
   are left at once. Calling the public API earlier builds the core first, so it
   always works.

``MainWindow()`` (``progressive=False``, the default, used by tests and tools) calls
``finish_startup()`` itself, so the window is complete when the constructor returns.
Calling ``finish_startup()`` again does nothing.
"""

from __future__ import annotations

import importlib
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from rootmap.ui.finding_palette import ERASER, TOOLS, FindingPalette
from rootmap.ui.red_flag_banner import RedFlagBanner
from rootmap.ui.shell import (
    MAP_TAB_TITLES,
    disclaimer_label,
    empty_map_tabs,
    empty_results,
)

if TYPE_CHECKING:  # imported when the core is built, after the first paint
    from PySide6.QtGui import QPaintEvent

    from rootmap.analysis import Analysis
    from rootmap.encounter import Encounter, History
    from rootmap.knowledge import Knowledge
    from rootmap.ui.exam_panel import ExamPanel
    from rootmap.ui.file_actions import FileActions
    from rootmap.ui.history_panel import HistoryPanel
    from rootmap.ui.map_area import MapArea
    from rootmap.ui.map_view import RegionItem
    from rootmap.ui.results_panel import ResultsPanel
    from rootmap.ui.teaching.mode import TeachingMode
    from rootmap.ui.undo_commands import EditorState

COLUMN_SIZES = [380, 800, 480]  # forms, maps, results: widths to start from


def _scroll_area(parent: QWidget) -> QScrollArea:
    """An empty page for a form (the form is set in ``finish_startup``)."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class MainWindow(QMainWindow):
    encounterChanged = Signal(object)
    analysisChanged = Signal(object)
    ready = Signal()  # finish_startup() is done: every panel, menu and add-on is there

    exam_panel: ExamPanel
    history_panel: HistoryPanel
    file_actions: FileActions
    teaching: TeachingMode
    map_area: MapArea
    results_panel: ResultsPanel
    _state: EditorState

    def __init__(
        self,
        knowledge: Knowledge | None = None,
        parent: QWidget | None = None,
        *,
        progressive: bool = False,
    ) -> None:
        super().__init__(parent)
        self._knowledge = knowledge  # loaded when the core is built, if not given
        self._analysis: Analysis | None = None
        self._chosen_root: tuple[str, str] | None = None
        self._core = False  # _build_core() done
        self._forms = False  # _build_forms() done
        self._ready = False  # finish_startup() done
        self._startup_step = 0  # the next step of _next_startup_step()
        self.first_paint_time: float | None = None  # time.perf_counter() at the first paint
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle("RootMap")
        self.setObjectName("main_window")
        self._build_shell()
        self._build_actions()
        if not progressive:
            self.finish_startup()

    @property
    def knowledge(self) -> Knowledge:
        self._build_core()
        assert self._knowledge is not None
        return self._knowledge

    def is_ready(self) -> bool:
        """True once ``finish_startup()`` has built everything."""
        return self._ready

    def finish_startup(self) -> None:
        """Build what the first frame does not need (see the module docstring); once."""
        while self._next_startup_step():
            pass

    def _next_startup_step(self) -> bool:
        """Build the next part of the window; False once the window is complete.

        After the first paint these run one per event-loop turn, so that each part shows
        as soon as it is built: the maps and results first, then the forms and the spine,
        then the menus of the add-ons."""
        if self._ready:
            return False
        step, self._startup_step = self._startup_step, self._startup_step + 1
        if step == 0:
            self._build_core()
            if self.isVisible():  # the app's start-up: the map the user sees, built now
                from rootmap.ui.map_area import PAGES

                for name in PAGES[max(self.map_area.currentIndex(), 0)][1]:
                    self.map_area.view(name)
        elif step == 1:
            self._build_forms()
            if self.isVisible():
                self._ensure_spine()
        else:
            from rootmap.ui.file_actions import install_file_actions
            from rootmap.ui.teaching.mode import install_teaching

            self.file_actions = install_file_actions(self)  # File menu: documents, reports
            self.teaching = install_teaching(self)  # Teaching and Cases menus, presentation
            self._ready = True
            self.ready.emit()
        return True

    def _continue_startup(self) -> None:
        """One start-up step, then the next on the next event-loop turn (after a repaint)."""
        if self._next_startup_step():
            QTimer.singleShot(0, self._continue_startup)
        else:  # complete: import the engine for the first click
            importlib.import_module("rootmap.engine")

    # --- public API -------------------------------------------------------------------
    def encounter(self) -> Encounter:
        self._build_core()
        return self._state.encounter

    def atlas(self) -> str:
        self._build_core()
        return self._state.atlas

    def _atlas_name(self, atlas_id: str) -> str:
        return self.atlas_combo.itemText(max(0, self.atlas_combo.findData(atlas_id)))

    def analysis(self) -> Analysis | None:
        self._build_core()
        return self._analysis

    def set_encounter(self, encounter: Encounter, atlas: str | None = None) -> None:
        """Replace the whole state (New, Open); clears the undo history."""
        from rootmap.ui.undo_commands import EditorState

        self._build_core()
        self.undo_stack.clear()
        self._show_state(EditorState(encounter, self._valid_atlas(atlas)))
        self.undo_stack.setClean()

    def edit(
        self,
        encounter: Encounter | None = None,
        atlas: str | None = None,
        text: str = "Edit",
        merge_field: str | None = None,
    ) -> bool:
        """One undoable change; returns False (and records nothing) when nothing changes."""
        from rootmap.ui.undo_commands import EditorState, StateChange

        self._build_core()
        after = EditorState(
            self._state.encounter if encounter is None else encounter,
            self._state.atlas if atlas is None else self._valid_atlas(atlas),
        )
        if after == self._state:
            return False
        self.undo_stack.push(StateChange(self._show_state, self._state, after, text, merge_field))
        return True

    def show_message(self, text: str, timeout_ms: int = 4000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    # --- building ---------------------------------------------------------------------
    def _build_shell(self) -> None:
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = RedFlagBanner(central)
        column.addWidget(self.banner)

        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        splitter.setChildrenCollapsible(False)
        self.forms = QTabWidget(splitter)
        self.forms.setDocumentMode(True)
        self._exam_page = _scroll_area(self.forms)
        self._history_page = _scroll_area(self.forms)
        self.forms.addTab(self._exam_page, "Examination")
        self.forms.addTab(self._history_page, "History")
        # Stand-ins for the first frame; the map area and the results panel replace them.
        self._map_tabs = empty_map_tabs(splitter)
        self.right = QSplitter(Qt.Orientation.Vertical, splitter)
        self._results_stand_in = empty_results(self.right)
        self.spine_holder = QWidget(self.right)
        QVBoxLayout(self.spine_holder).setContentsMargins(0, 0, 0, 0)
        self.spine_view: QWidget | None = None
        self.right.addWidget(self._results_stand_in)
        self.right.addWidget(self.spine_holder)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 1)
        self.right.setSizes([620, 300])
        splitter.addWidget(self.forms)
        splitter.addWidget(self._map_tabs)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes(COLUMN_SIZES)
        self._columns = splitter
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.finding_palette = FindingPalette(self)
        self.atlas_combo = QComboBox(self)
        self.atlas_combo.setObjectName("atlas")
        self.atlas_combo.setPlaceholderText("Dermatome atlas")  # until the atlases are loaded
        self.atlas_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.atlas_combo.setToolTip("Dermatome atlas: changes the map's roots and the analysis")
        self.atlas_combo.activated.connect(
            lambda _i: self.edit(
                atlas=self.atlas_combo.currentData(),
                text=f"Atlas: {self._atlas_name(self.atlas())} → {self.atlas_combo.currentText()}",
            )
        )
        from rootmap.ui.form_guard import ValueGuard  # no wheel, no typed letters

        ValueGuard(self.atlas_combo).watch(self.atlas_combo)
        self.disclaimer = disclaimer_label(self)
        self.statusBar().addPermanentWidget(self.disclaimer)

    def _build_core(self) -> None:
        """The knowledge, the state, the map area and the atlas list; once."""
        if self._core:
            return
        self._core = True
        from rootmap.encounter import Encounter
        from rootmap.knowledge import load_knowledge
        from rootmap.ui.map_area import MapArea
        from rootmap.ui.results_panel import ResultsPanel
        from rootmap.ui.undo_commands import EditorState

        self._set_shortcuts()
        knowledge = self._knowledge = self._knowledge or load_knowledge()
        self._state = EditorState(Encounter(), knowledge.default_atlas)
        for atlas_id, atlas in knowledge.atlases.items():
            self.atlas_combo.addItem(atlas.name, atlas_id)
            self.atlas_combo.setItemData(
                self.atlas_combo.count() - 1, atlas.description, Qt.ItemDataRole.ToolTipRole
            )
        self.results_panel = ResultsPanel(None, knowledge.regions)
        self.right.replaceWidget(self.right.indexOf(self._results_stand_in), self.results_panel)
        self._results_stand_in.deleteLater()
        self.results_panel.rootChosen.connect(self._on_root_chosen)
        self.map_area = MapArea()
        self.map_area.tooltip_text = self._tooltip
        self.map_area.setCurrentIndex(self._map_tabs.currentIndex())
        self._columns.replaceWidget(self._columns.indexOf(self._map_tabs), self.map_area)
        self._map_tabs.deleteLater()
        self.map_area.regionClicked.connect(self._on_region_clicked)
        self.map_area.regionHovered.connect(self._on_region_hovered)
        self.map_area.currentChanged.connect(lambda _i: self._ensure_spine())
        self._show_state(self._state, force=True)

    def map_tabs(self) -> QTabWidget:
        """The map tabs: the map area, or in the first frame its empty stand-in."""
        return self.map_area if self._core else self._map_tabs

    def _build_forms(self) -> None:
        from rootmap.ui.exam_panel import ExamPanel
        from rootmap.ui.history_panel import HistoryPanel

        labels = {sign: rule.label for sign, rule in self.knowledge.signs.items()}
        self.exam_panel = ExamPanel(labels, self._exam_page)
        self.history_panel = HistoryPanel(self._history_page)
        self.exam_panel.set_signs(self._state.encounter.signs)
        self.history_panel.set_history(self._state.encounter.history)
        self._exam_page.setWidget(self.exam_panel)
        self._history_page.setWidget(self.history_panel)
        self.forms.setMinimumWidth(self.exam_panel.sizeHint().width() + 24)
        self._columns.setSizes(COLUMN_SIZES)  # again, now that the forms column has its width
        self.exam_panel.signEdited.connect(self._on_sign_edited)
        self.history_panel.historyEdited.connect(self._on_history_edited)
        self._forms = True

    def _build_actions(self) -> None:
        self.file_menu = self.menuBar().addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self._shortcuts: list[tuple[QAction, tuple[str, ...]]] = []  # set by _set_shortcuts
        self._shortcut(self.quit_action, "Quit")
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self._shortcut(self.undo_action, "Undo")
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self._shortcut(self.redo_action, "Ctrl+Shift+Z", "Ctrl+Y")
        self.clear_action = QAction("Clear &all", self)
        self._shortcut(self.clear_action, "Ctrl+Shift+Backspace")
        self.clear_action.setToolTip("Clear every mark, sign and history answer (undoable)")
        self.clear_action.triggered.connect(self._clear_all)
        for action in (self.undo_action, self.redo_action, self.clear_action):
            edit_menu.addAction(action)

        tools_menu = self.menuBar().addMenu("&Tools")
        self.tool_actions: dict[str, QAction] = {}
        for number, tool in enumerate(TOOLS, start=1):
            key = "E" if tool == ERASER else str(number)
            action = QAction(self.finding_palette.buttons[tool].text(), self)
            self._shortcut(action, key)
            action.triggered.connect(lambda _c=False, t=tool: self.finding_palette.set_tool(t))
            tools_menu.addAction(action)
            self.tool_actions[tool] = action
        tools_menu.addSeparator()
        for text, key, delta in (("More intense", "]", 1), ("Less intense", "[", -1)):
            action = QAction(text, self)
            self._shortcut(action, key)
            action.triggered.connect(
                lambda _c=False, d=delta: self.finding_palette.step_intensity(d)
            )
            tools_menu.addAction(action)

        view_menu = self.menuBar().addMenu("&View")
        for index, title in enumerate(MAP_TAB_TITLES):
            action = QAction(title, self)
            self._shortcut(action, f"Ctrl+{index + 1}")
            action.triggered.connect(lambda _c=False, i=index: self.map_tabs().setCurrentIndex(i))
            view_menu.addAction(action)
        view_menu.addSeparator()
        for text, keys, slot in (
            ("Zoom in", ("Ctrl+=", "Ctrl++"), lambda: self._maps().zoom_by(1.25)),
            ("Zoom out", ("Ctrl+-",), lambda: self._maps().zoom_by(0.8)),
            ("Fit to window", ("Ctrl+0",), lambda: self._maps().fit()),
        ):
            action = QAction(text, self)
            self._shortcut(action, *keys)
            action.triggered.connect(slot)
            view_menu.addAction(action)

        toolbar = QToolBar("Tools", self)
        toolbar.setObjectName("tools")
        toolbar.setMovable(False)
        toolbar.addWidget(self.finding_palette)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Atlas ", self))
        toolbar.addWidget(self.atlas_combo)
        toolbar.addSeparator()
        for action in (self.undo_action, self.redo_action, self.clear_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        # Shortcuts work wherever the focus is. (Listed, not found with findChildren(QAction):
        # that wraps every child object in Python and costs start-up ~15 ms.)
        listed = [self.quit_action, self.undo_action, self.redo_action, self.clear_action]
        listed += [a for a in (*tools_menu.actions(), *view_menu.actions()) if not a.isSeparator()]
        self.addActions(listed)

    def _shortcut(self, action: QAction, *keys: str) -> None:
        """Give ``action`` these keys (a name like "Quit" is a platform standard key).

        They are set with the core, right after the first paint: the first frame needs
        no key sequence (and building them costs it ~2 ms)."""
        self._shortcuts.append((action, keys))

    def _set_shortcuts(self) -> None:
        from PySide6.QtGui import QKeySequence

        for action, keys in self._shortcuts:
            standard = getattr(QKeySequence.StandardKey, keys[0], None)
            if standard is not None:
                action.setShortcut(standard)
            else:
                action.setShortcuts([QKeySequence(key) for key in keys])
        self._shortcuts = []

    def _maps(self) -> MapArea:
        self._build_core()
        return self.map_area

    def _clear_all(self) -> None:
        from rootmap.encounter import Encounter

        self.edit(Encounter(), text="Clear all")

    def _ensure_spine(self) -> None:
        if self.spine_view is not None:
            return
        self._build_core()
        try:
            from rootmap.ui.spine_view import SpineView

            self.spine_view = SpineView(self.spine_holder)
        except Exception as error:  # no spine diagram: the rest of the window still works
            message = QLabel(f"Spine diagram unavailable: {error}", self.spine_holder)
            message.setWordWrap(True)
            self.spine_view = message
        layout = self.spine_holder.layout()
        assert layout is not None
        layout.addWidget(self.spine_view)
        self._show_overlays()

    # --- state --------------------------------------------------------------------------
    def _valid_atlas(self, atlas: str | None) -> str:
        if atlas is not None and atlas in self.knowledge.atlases:
            return atlas
        return self.knowledge.default_atlas

    def _show_state(self, state: EditorState, force: bool = False) -> None:
        from rootmap.ui import overlays

        before, self._state = self._state, state
        new, old = state.encounter, before.encounter
        if force or new.findings != old.findings:
            self.map_area.set_marks(overlays.marks_by_key(new.findings))
        forms = self._forms  # before that, _build_forms shows the state when it runs
        if forms and (force or new.signs != old.signs):
            self.exam_panel.set_signs(new.signs)
        if forms and (force or new.history != old.history):
            self.history_panel.set_history(new.history)
        if force or state.atlas != before.atlas:
            self.atlas_combo.setCurrentIndex(max(self.atlas_combo.findData(state.atlas), 0))
        self._analyze()
        self.encounterChanged.emit(new)

    def _analyze(self) -> None:
        from rootmap.analysis import Analysis
        from rootmap.encounter import Encounter

        try:
            if self._state.encounter == Encounter():
                # Nothing recorded: nothing to explain (and start-up need not load the engine).
                self._analysis = Analysis((), (), (), self._state.atlas)
            else:
                from rootmap.engine import analyze

                self._analysis = analyze(self._state.encounter, self.knowledge, self._state.atlas)
        except Exception as error:  # the engine failing must not lose the clinician's marks
            self._analysis = None
            self.show_message(f"The analysis is unavailable: {error}", 10000)
        self.results_panel.set_analysis(self._analysis)
        self.banner.set_flags(
            self._analysis.red_flags if self._analysis else (), self.knowledge.regions
        )
        self._show_overlays()
        self.analysisChanged.emit(self._analysis)

    def _show_overlays(self) -> None:
        from rootmap.ui import overlays

        shown = overlays.shown_root(self._analysis, self._chosen_root)
        atlas = self.knowledge.atlas(self._state.atlas)
        self.map_area.set_highlight(overlays.dermatome_levels(shown, atlas, self.knowledge))
        spine = self.spine_view
        if spine is not None and hasattr(spine, "set_highlight"):
            roots, discs = overlays.spine_highlight(shown, self._analysis)
            spine.set_highlight(roots, discs)

    # --- user edits -----------------------------------------------------------------------
    def _on_region_clicked(self, key: str, button: str) -> None:
        from rootmap.encounter import Finding
        from rootmap.ui import overlays

        side, region = key.split(".", 1)
        encounter = self._state.encounter
        name = overlays.region_words(self.knowledge, region, side)
        tool = self.finding_palette.tool()
        if button == "right" or tool == ERASER:
            self.edit(encounter.without_finding(region, side), text=f"Clear {name}")
            return
        intensity = self.finding_palette.intensity()
        current = next(
            (f for f in encounter.findings if (f.region, f.side, f.kind) == (region, side, tool)),
            None,
        )
        if current is not None and current.intensity == intensity:
            self.edit(encounter.without_finding(region, side, tool), text=f"Clear {tool}, {name}")
        else:
            finding = Finding(region=region, side=side, kind=tool, intensity=intensity)
            self.edit(encounter.with_finding(finding), text=f"Mark {tool} {intensity}/10, {name}")
        self.show_message(self.undo_stack.undoText())

    def _on_region_hovered(self, key: str) -> None:
        from rootmap.ui import overlays

        if key:
            side, region = key.split(".", 1)
            self.statusBar().showMessage(
                overlays.region_summary(self.knowledge, self._state, region, side, html=False)
            )
        else:
            self.statusBar().clearMessage()

    def _on_sign_edited(self, name: str, side: str, value: int | str | None) -> None:
        from rootmap.encounter import Sign

        sign = None if value is None else Sign(sign=name, side=side, value=value)
        before = self._state.encounter
        old = next((s.value for s in before.signs if (s.sign, s.side) == (name, side)), None)
        # Named "sign, side: old → new"; stepping with the arrow keys is one undo step.
        self.edit(
            before.with_sign(sign, name, side),
            text=self.exam_panel.describe_change(name, side, old, value),
            merge_field=self.exam_panel.merge_field(name, side),
        )

    def _on_history_edited(self, history: History, field: str) -> None:
        merge = "history.age" if field == "age" else None
        before = self._state.encounter.history
        self.edit(
            self._state.encounter.with_history(history),
            text=self.history_panel.describe_change(field, before, history),
            merge_field=merge,
        )

    def _on_root_chosen(self, root: str, side: str) -> None:
        self._chosen_root = (root, side)
        self._show_overlays()

    def _tooltip(self, item: RegionItem) -> str:
        from rootmap.ui import overlays

        return overlays.region_summary(
            self.knowledge, self._state, item.region, item.side, html=True
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.first_paint_time is None:
            # The first frame is painted: build the rest, step by step.
            self.first_paint_time = time.perf_counter()
            QTimer.singleShot(0, self._continue_startup)
