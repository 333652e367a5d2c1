"""The teaching mode's state, and what it does to the map views.

``TeachingController`` owns one ``OverlayLayer`` per map view, the chosen atlas, the
mode (``off``, ``overlay``, ``differences``, ``explorer``, ``quiz``), the explored root
and the quiz. Views come from the main window's ``MapArea`` (or any
``MapGraphicsView``); the controller adds its own items to their scenes and, during a
"click the dermatome" question, catches clicks on their viewports before the map
would turn them into findings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent

from rootmap import palette
from rootmap.knowledge import Knowledge
from rootmap.teaching.differences import RegionDifference, atlas_differences
from rootmap.teaching.explorer import LUMBOSACRAL, RootFacts, root_facts
from rootmap.teaching.quiz import QUIZ_ROOTS, IdentifyQuestion, LocateQuestion, Outcome, Quiz
from rootmap.ui.map_view import MapGraphicsView
from rootmap.ui.teaching.overlay import OverlayLayer, RegionOverlay

MODES = ("off", "overlay", "differences", "explorer", "quiz")
# The quiz's answer on the map (drawn on the map's light paper: the light theme's colours).
RIGHT_COLOUR, HALF_COLOUR = palette.LIGHT_UI.quiz_right, palette.LIGHT_UI.caution_text
WRONG_COLOUR = palette.LIGHT_UI.quiz_wrong


def root_order(knowledge: Knowledge) -> tuple[str, ...]:
    """Roots as the explorer offers them: L1-S1 first, then the rest from C2 to S5."""
    rest = tuple(r for r in knowledge.roots if r not in LUMBOSACRAL)
    return (*LUMBOSACRAL, *rest)


class TeachingController(QObject):
    changed = Signal()  # mode, atlas, root or quiz state changed
    answered = Signal(object)  # an Outcome

    def __init__(self, knowledge: Knowledge, parent: QObject | None = None, seed: int = 0):
        super().__init__(parent)
        self.knowledge = knowledge
        self.atlas_id = knowledge.default_atlas
        self.mode = "off"
        self.roots = root_order(knowledge)
        self.root = "L5"
        self.layers: dict[str, OverlayLayer] = {}
        self.views: dict[str, MapGraphicsView] = {}
        self._by_viewport: dict[QObject, MapGraphicsView] = {}
        self._views_change_due = False
        self.seed = seed
        self.cases: tuple[Any, ...] = ()
        self.quiz = self._new_quiz()
        self.last_outcome: Outcome | None = None
        self.last_click: tuple[str, str] | None = None  # (view name, key) of a quiz click

    # -- views ---------------------------------------------------------------------------
    def attach_views(self, views: Iterable[MapGraphicsView]) -> None:
        """Add an overlay layer to each ``MapGraphicsView`` (once per view)."""
        for view in views:
            if view.name in self.layers:
                continue
            layer = OverlayLayer.attach(view.scene(), view.name, view.geometry_.regions)
            layer.zoom = view.zoom()
            self.layers[view.name] = layer
            self.views[view.name] = view
            view.viewport().installEventFilter(self)
            self._by_viewport[view.viewport()] = view
        if self.quiz.question is None:  # ask only about roots these maps show
            self.quiz = self._new_quiz()
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and not self._views_change_due:
            # A map tab came on screen (also a page built after the first paint).
            self._views_change_due = True
            QTimer.singleShot(0, self.views_changed)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Paint) and self.mode != "off":
            view = self._by_viewport.get(watched)
            layer = self.layers.get(view.name) if view is not None else None
            if view is not None and layer is not None and view.zoom() != layer.zoom:
                # The view fits itself after its viewport's resize: follow its zoom after.
                QTimer.singleShot(0, lambda v=view, lay=layer: lay.set_zoom(v.zoom()))
        if (
            self.mode == "quiz"
            and isinstance(self.quiz.question, LocateQuestion)
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            view = self._by_viewport.get(watched)
            if view is not None:
                item = view.region_at(event.position())
                if item is not None and not self.quiz.answered:
                    self.answer_region(view.name, item.key)
                return True  # during a locate question a click never marks the map
        return super().eventFilter(watched, event)

    def shown_regions(self) -> set[str]:
        """The region ids drawn on the attached views."""
        return {item.region for layer in self.layers.values() for item in layer.items.values()}

    def on_screen_regions(self) -> set[str]:
        """The region ids of the maps on screen now (the current tab), else of all maps."""
        # The current tab's maps (a page built this moment is shown a moment later).
        views = self.views
        layers = [
            layer
            for name, layer in self.layers.items()
            if views[name].isVisibleTo(views[name].window())
        ]
        regions = {item.region for layer in layers for item in layer.items.values()}
        return regions or self.shown_regions()

    def view_regions(self, view_name: str) -> set[str]:
        """The region ids one view draws."""
        layer = self.layers.get(view_name)
        return {item.region for item in layer.items.values()} if layer is not None else set()

    def highlighted_regions(self, view_name: str) -> set[str]:
        """The region ids highlighted (bluish green) on one view."""
        layer = self.layers.get(view_name)
        items = layer.items.values() if layer is not None else ()
        return {item.region for item in items if item.fill == palette.HIGHLIGHT_COLOR}

    def views_changed(self) -> None:
        """Another map tab is on screen: the legend counts what is shown."""
        self._views_change_due = False
        for name, layer in self.layers.items():
            layer.set_zoom(self.views[name].zoom())
        self.changed.emit()

    # -- state ---------------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown teaching mode {mode!r}")
        if mode == "quiz" and self.quiz.question is None:
            self.quiz.next_question()
        self.mode = mode
        self.refresh()

    def set_atlas(self, atlas_id: str) -> None:
        if atlas_id not in self.knowledge.atlases:
            raise ValueError(f"unknown atlas {atlas_id!r}")
        if atlas_id == self.atlas_id:
            return
        self.atlas_id = atlas_id
        asked = self.quiz.score
        self.quiz = self._new_quiz()
        self.quiz.score = asked  # the score survives an atlas switch; the question does not
        if self.mode == "quiz":
            self.quiz.next_question()
        self.refresh()

    def set_root(self, root: str) -> None:
        if root not in self.knowledge.roots:
            raise ValueError(f"unknown root {root!r}")
        self.root = root
        self.refresh()

    def step(self, delta: int) -> None:
        """The presenter's next/previous: the next root (explorer) or question (quiz)."""
        if self.mode == "quiz":
            if delta > 0:
                self.next_question()
            return
        index = self.roots.index(self.root) if self.root in self.roots else 0
        self.set_root(self.roots[(index + delta) % len(self.roots)])
        if self.mode not in ("explorer",):
            self.mode = "explorer"
            self.refresh()

    def reseed(self, seed: int) -> None:
        """A fresh quiz with this seed (the same seed asks the same questions)."""
        self.seed = seed
        self.quiz = self._new_quiz()
        self.refresh()

    def set_cases(self, cases: tuple[Any, ...]) -> None:
        self.cases = cases
        self.quiz.cases = cases

    # -- explorer ------------------------------------------------------------------------
    def facts(self) -> RootFacts:
        return root_facts(self.knowledge, self.root, self.atlas_id)

    def differences(self) -> dict[str, RegionDifference]:
        return atlas_differences(self.knowledge)

    # -- quiz ----------------------------------------------------------------------------
    def _new_quiz(self) -> Quiz:
        """A quiz on the roots whose dermatome the attached maps show (all, before any)."""
        shown = self.shown_regions() if hasattr(self, "layers") else set()
        atlas = self.knowledge.atlas(self.atlas_id)
        roots = [
            root
            for root in QUIZ_ROOTS
            if not shown or shown & set(atlas.regions_of_root(root, primary_only=True))
        ]
        return Quiz(
            self.knowledge,
            self.atlas_id,
            seed=self.seed,
            cases=self.cases,
            roots=roots or QUIZ_ROOTS,
        )

    def next_question(self, kind: str | None = None) -> None:
        self.quiz.next_question(kind)
        self.last_outcome = None
        self.last_click = None
        self.mode = "quiz"
        self.refresh()

    def answer_region(self, view_name: str, key: str) -> Outcome:
        region = key.split(".", 1)[1] if "." in key else key
        outcome = self.quiz.answer_region(region)
        self.last_outcome = outcome
        self.last_click = (view_name, key)
        self.refresh()
        self.answered.emit(outcome)
        return outcome

    def answer_root(self, root: str) -> Outcome:
        outcome = self.quiz.answer_root(root)
        self.last_outcome = outcome
        self.refresh()
        self.answered.emit(outcome)
        return outcome

    # -- drawing -------------------------------------------------------------------------
    def refresh(self) -> None:
        atlas = self.knowledge.atlas(self.atlas_id)
        differences = self.differences() if self.mode == "differences" else {}
        facts = self.facts() if self.mode == "explorer" else None
        for name, layer in self.layers.items():
            layer.zoom = self.views[name].zoom()
            if self.mode == "overlay":
                layer.show_atlas(self.knowledge, atlas)
            elif self.mode == "differences":
                layer.show_differences(self.knowledge, differences)
            elif self.mode == "explorer" and facts is not None:
                primary, overlap = set(facts.dermatome), set(facts.dermatome_overlap)
                layer.show_highlight(
                    lambda item, p=primary: item.region in p,  # type: ignore[misc]
                    lambda item, o=overlap: item.region in o,  # type: ignore[misc]
                    label=facts.root,
                    key_point_region=facts.key_point_region,
                )
            elif self.mode == "quiz":
                self._draw_quiz(layer)
            else:
                layer.clear()
        self.changed.emit()

    def _draw_quiz(self, layer: OverlayLayer) -> None:
        question = self.quiz.question
        if isinstance(question, IdentifyQuestion):
            shown = set(question.regions)
            case_keys = self._case_keys(question.case)

            def in_pattern(item: RegionOverlay) -> bool:
                if case_keys is not None:
                    return item.key in case_keys
                return item.region in shown

            layer.show_highlight(in_pattern, label="?")
            return
        if isinstance(question, LocateQuestion) and self.quiz.answered:
            # Show the answer: the root's dermatome, and the clicked region outlined.
            primary = set(
                self.knowledge.atlas(self.atlas_id).regions_of_root(
                    question.root, primary_only=True
                )
            )
            layer.show_highlight(lambda item: item.region in primary, label=question.root)
            if self.last_click and self.last_click[0] == layer.view_name and self.last_outcome:
                colour = {1.0: RIGHT_COLOUR, 0.5: HALF_COLOUR}.get(
                    self.last_outcome.credit, WRONG_COLOUR
                )
                layer.mark_answer(self.last_click[1], colour)
            return
        layer.show_targets()

    def _case_keys(self, case_id: str | None) -> set[str] | None:
        if case_id is None:
            return None
        for case in self.cases:
            if case.id == case_id:
                return {f.key for f in case.encounter.findings}
        return None
