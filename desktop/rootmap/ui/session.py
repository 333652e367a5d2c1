"""One open document, between the window and its parts: ``EncounterSession``.

The session is the single source of truth of the window side. It owns the document's
visits (``visits()``, oldest first) and which one is shown and edited (``encounter()``,
``shown_index()``), the
dermatome atlas it is read against, the undo stack, the knowledge, the current
analysis, the file path, the patient label and notes, and the modified flag. Parts
(the window, the panels, file actions, teaching, reports, later a comparison view)
hold the session, listen to its signals and change it only through its commands;
every command that changes the encounter or the atlas is one step on the undo stack.

Signals (emitted in this order after a change):

- ``stateChanged(before: EditorState, after: EditorState)``: every change (edit, undo,
  redo, replace), before anything else; views restyle only what differs.
- ``encounterChanged(Encounter)``: the encounter differs.
- ``atlasChanged(str)``: the atlas id differs.
- ``analysisChanged(Analysis | None)``: the engine's new answer (None: it failed).
- ``fileChanged()``: the path, the label/notes or the modified flag changed.
- ``messageRequested(str, int)``: a line for the status bar (text, timeout in ms).
- ``editableChanged(bool)``: whether the shown visit may be edited changed.

Visits: the last visit is the current one and always editable; an earlier visit is
read-only until ``set_earlier_editable(True)`` (the user's deliberate "Edit this
visit"), which lasts until another visit is shown. An edit of a read-only visit is
refused with a line in the status bar. ``show_visit``, ``add_follow_up`` and every edit
of any visit are steps on the undo stack. The shown visit is analysed with the visits
before it as ``previous`` (``rootmap.documents.for_analysis``), so its analysis has
``changes`` and the progressive-deficit flag from visits. Switching visits does not
make the document modified: the modified flag compares the visits and atlas with those
last saved or opened.

Commands: ``mark``, ``erase``, ``click_region``, ``clear``, ``set_sign``,
``set_history``, ``set_atlas``, ``edit`` (any new encounter and/or atlas, one step),
``replace`` (New, Open, a teaching case: clears the undo history), ``load_document``,
``set_details``, ``mark_saved``, ``show_visit``, ``add_follow_up``,
``set_earlier_editable``.
"""

from __future__ import annotations

import time
from dataclasses import replace as dataclass_replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from shiboken6 import Shiboken

if TYPE_CHECKING:  # the document model loads when a document is first asked for
    from rootmap.documents import Document

from rootmap.analysis import Analysis
from rootmap.encounter import Encounter, Finding, History, Sign
from rootmap.knowledge import Knowledge
from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.ui.undo_commands import EditorState, StateChange
from rootmap.wording import region_words

# The finding kinds, as rootmap.encounter has them (no Qt), for the undo texts.
TRANSLATED_KINDS = (
    QT_TRANSLATE_NOOP("EncounterSession", "pain"),
    QT_TRANSLATE_NOOP("EncounterSession", "numbness"),
    QT_TRANSLATE_NOOP("EncounterSession", "tingling"),
    QT_TRANSLATE_NOOP("EncounterSession", "burning"),
)


class EncounterSession(QObject):
    stateChanged = Signal(object, object)  # (before, after): EditorState
    encounterChanged = Signal(object)  # Encounter
    atlasChanged = Signal(str)
    analysisChanged = Signal(object)  # Analysis | None
    fileChanged = Signal()
    messageRequested = Signal(str, int)
    editableChanged = Signal(bool)

    def __init__(
        self,
        knowledge: Knowledge,
        undo_stack: QUndoStack | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.knowledge = knowledge
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._state = EditorState(Encounter(), knowledge.default_atlas)
        self._analysis: Analysis | None = Analysis((), (), (), knowledge.default_atlas)
        self._document: Document | None = None  # label, notes, created: made on first need
        self._opened = time.time()  # the new document's creation time
        self._path: Path | None = None
        self._unsaved_details = False  # label/notes edited, or recovered work
        self._clean = self._content()  # the visits and atlas as last saved or opened
        self._modified = False  # is_modified() as last announced
        self._earlier_editable = False  # the user chose to edit the earlier visit shown
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, _clean: bool) -> None:
        if Shiboken.isValid(self):  # the stack also signals while its owner dies
            self._announce_modified()

    def _content(self) -> tuple[tuple[Encounter, ...], str]:
        return self._state.visits(), self._state.atlas

    def _announce_modified(self, force: bool = False) -> None:
        modified = self.is_modified()
        if force or modified != self._modified:
            self._modified = modified
            self.fileChanged.emit()

    # --- what is open ----------------------------------------------------------------------
    def state(self) -> EditorState:
        return self._state

    def encounter(self) -> Encounter:
        return self._state.encounter

    def visits(self) -> tuple[Encounter, ...]:
        """The document's visits, oldest first; the last is the current one."""
        return self._state.visits()

    def shown_index(self) -> int:
        """The position of the visit shown (and edited) in ``visits()``."""
        return self._state.shown()

    def for_analysis(self) -> Encounter:
        """The shown visit with the visits before it as ``previous`` (what the engine reads)."""
        if not self._state.earlier:
            return self._state.encounter
        return dataclass_replace(self._state.encounter, previous=self._state.earlier)

    def is_read_only(self) -> bool:
        """An earlier visit the user has not chosen to edit."""
        return bool(self._state.later) and not self._earlier_editable

    def atlas(self) -> str:
        return self._state.atlas

    def analysis(self) -> Analysis | None:
        return self._analysis

    def document(self) -> Document:
        """The document as it would be saved now: every visit."""
        every = self._state.visits()
        return dataclass_replace(
            self._details(), encounter=every[-1], earlier=every[:-1], atlas=self._state.atlas
        )

    def shown_document(self) -> Document:
        """The document as of the visit shown: that visit current, the later ones left out
        (what a report of the visit on screen shows, with its analysis)."""
        state = self._state
        return dataclass_replace(
            self._details(), encounter=state.encounter, earlier=state.earlier, atlas=state.atlas
        )

    def _details(self) -> Document:
        """The document's label, notes and dates (its encounter is not kept current)."""
        if self._document is None:
            from datetime import UTC, datetime

            from rootmap.documents import Document

            created = datetime.fromtimestamp(int(self._opened), UTC).isoformat()
            self._document = Document(atlas=self.knowledge.default_atlas, created=created)
        return self._document

    def path(self) -> Path | None:
        return self._path

    def display_name(self) -> str:
        return self._path.name if self._path else self.tr("Untitled")

    def is_modified(self) -> bool:
        return self._unsaved_details or self._content() != self._clean

    def valid_atlas(self, atlas: str | None) -> str:
        """``atlas`` when the knowledge has it, else the default atlas."""
        if atlas is not None and atlas in self.knowledge.atlases:
            return atlas
        return self.knowledge.default_atlas

    # --- commands through the undo stack -----------------------------------------------------
    def edit(
        self,
        encounter: Encounter | None = None,
        atlas: str | None = None,
        text: str = "Edit",
        merge_field: str | None = None,
    ) -> bool:
        """One undoable change of the shown visit and/or the atlas; False (and nothing
        recorded) when nothing changes or the shown visit is read-only."""
        after = dataclass_replace(
            self._state,
            encounter=self._state.encounter if encounter is None else encounter,
            atlas=self._state.atlas if atlas is None else self.valid_atlas(atlas),
        )
        if after == self._state:
            return False
        if after.encounter != self._state.encounter and self.is_read_only():
            self._refuse_edit()
            return False
        return self._push(after, text, merge_field)

    def _push(self, after: EditorState, text: str, merge_field: str | None = None) -> bool:
        self.undo_stack.push(StateChange(self._apply, self._state, after, text, merge_field))
        return True

    def mark(self, finding: Finding) -> bool:
        name = region_words(self.knowledge.regions, finding.region, finding.side)
        text = self.tr("Mark {0} {1}/10, {2}").format(
            self.tr(finding.kind), finding.intensity, name
        )
        return self.edit(self._state.encounter.with_finding(finding), text=text)

    def erase(self, region: str, side: str, kind: str | None = None) -> bool:
        """Clear one kind of finding on a region, or (``kind`` None) every kind."""
        name = region_words(self.knowledge.regions, region, side)
        text = (
            self.tr("Clear {0}, {1}").format(self.tr(kind), name)
            if kind
            else self.tr("Clear {0}").format(name)
        )
        return self.edit(self._state.encounter.without_finding(region, side, kind), text=text)

    def click_region(self, region: str, side: str, kind: str | None, intensity: int) -> bool:
        """A click with a tool: mark, or clear when the same mark is there (``kind`` None:
        the eraser)."""
        if kind is None:
            return self.erase(region, side)
        current = next(
            (
                f
                for f in self._state.encounter.findings
                if (f.region, f.side, f.kind) == (region, side, kind)
            ),
            None,
        )
        if current is not None and current.intensity == intensity:
            return self.erase(region, side, kind)
        return self.mark(Finding(region=region, side=side, kind=kind, intensity=intensity))

    def clear(self) -> bool:
        return self.edit(Encounter(), text=self.tr("Clear all"))

    def set_sign(self, name: str, side: str, value: int | str | None) -> bool:
        sign = None if value is None else Sign(sign=name, side=side, value=value)
        shown = "not tested" if value is None else value
        # Stepping through a drop-down with the arrow keys is one undo step.
        return self.edit(
            self._state.encounter.with_sign(sign, name, side),
            text=f"{name.replace('_', ' ')} {side}: {shown}",
            merge_field=f"sign.{name}.{side}",
        )

    def set_history(self, history: History, field: str) -> bool:
        return self.edit(
            self._state.encounter.with_history(history),
            text=self.tr("History: {0}").format(field.replace("_", " ")),
            merge_field="history.age" if field == "age" else None,
        )

    def set_atlas(self, atlas: str) -> bool:
        return self.edit(atlas=atlas, text=self.tr("Change atlas"))

    def set_exclusion(self, item: Finding | Sign, reason: str | None) -> bool:
        """Mark a finding or sign of the shown visit "not due to a root" with ``reason``
        (None: count it again)."""
        if isinstance(item, Finding):
            name = f"{item.kind}, {region_words(self.knowledge.regions, item.region, item.side)}"
        else:
            name = f"{item.sign.replace('_', ' ')}, {item.side}"
        text = f"Not due to a root: {name} ({reason})" if reason else f"Due to a root: {name}"
        return self.edit(self._state.encounter.with_exclusion(item, reason), text=text)

    # --- visits ------------------------------------------------------------------------------
    def visit_name(self, index: int | None = None) -> str:
        """``visit of 3 Nov 2026`` (or ``undated visit``)."""
        from rootmap.engine.progression import show_date

        every = self._state.visits()
        day = every[self._state.shown() if index is None else index].date
        return f"visit of {show_date(day)}" if day else "undated visit"

    def show_visit(self, index: int) -> bool:
        """Show (and edit) visit ``index``; one undo step. False if it is shown already."""
        every = self._state.visits()
        index = index % len(every)
        if index == self._state.shown():
            return False
        return self._push(self._state.showing(index), f"Show the {self.visit_name(index)}")

    def add_follow_up(self, day: str) -> bool:
        """A new current visit on ``day`` (ISO date), shown: the map empty, the exam not
        tested, the lasting history carried over; one undo step. False (and a status
        line) when it cannot be dated so."""
        from rootmap.documents import VisitError
        from rootmap.documents import add_follow_up as follow_up

        try:
            document = follow_up(self.document(), day)
        except VisitError as error:
            self.messageRequested.emit(f"No follow-up visit: {error}", 10000)
            return False
        after = EditorState(document.encounter, self._state.atlas, document.earlier)
        from rootmap.engine.progression import show_date

        return self._push(after, f"New follow-up visit, {show_date(day)}")

    def set_earlier_editable(self, on: bool) -> None:
        """Let the user edit the earlier visit shown (until another visit is shown)."""
        if on != self._earlier_editable:
            self._earlier_editable = on
            self.editableChanged.emit(not self.is_read_only())

    def _refuse_edit(self) -> None:
        self.messageRequested.emit(
            f"The {self.visit_name()} is an earlier visit, shown read-only: choose "
            "Visit ▸ Edit This Visit to change it.",
            8000,
        )
        self.stateChanged.emit(EditorState(Encounter(), ""), self._state)  # forms show it again

    # --- whole documents (not undoable) -------------------------------------------------------
    def replace(self, encounter: Encounter, atlas: str | None = None) -> None:
        """Show a new encounter (New, Open, a case); clears the undo history."""
        self._replace_state(
            EditorState(
                dataclass_replace(encounter, previous=()),
                self.valid_atlas(atlas),
                tuple(sorted(encounter.previous, key=lambda v: v.date or "")),
            )
        )

    def _replace_state(self, state: EditorState) -> None:
        self.undo_stack.clear()
        self._apply(state)
        self._clean = self._content()
        self.undo_stack.setClean()
        self._announce_modified()

    def load_document(self, document: Document, path: Path | None, unsaved: bool = False) -> None:
        """Open ``document`` (from ``path``; ``unsaved``: recovered work to save again)."""
        self._document = document
        self._path = path
        self._unsaved_details = unsaved
        self._replace_state(
            EditorState(document.encounter, self.valid_atlas(document.atlas), document.earlier)
        )
        self.fileChanged.emit()

    def set_details(self, label: str, notes: str) -> bool:
        """The patient label and notes; False when unchanged."""
        details = self._details()
        if (label or None, notes) == (details.patient_label, details.notes):
            return False
        self._document = dataclass_replace(details, patient_label=label or None, notes=notes)
        self._unsaved_details = True
        self.fileChanged.emit()
        return True

    def mark_saved(self, document: Document, path: Path) -> None:
        """``document`` was written to ``path``: it is the clean state now."""
        self._document = document
        self._path = path.absolute()
        self._unsaved_details = False
        self._clean = self._content()
        self.undo_stack.setClean()
        self._announce_modified(force=True)

    # --- applying a state --------------------------------------------------------------------
    def refresh(self) -> None:
        """Announce the current state again (as a change from an empty encounter)."""
        before = EditorState(Encounter(), "")
        self.stateChanged.emit(before, self._state)
        self._analyze()

    def _apply(self, state: EditorState) -> None:
        before, self._state = self._state, state
        if self._earlier_editable and (state.shown(), len(state.later)) != (
            before.shown(),
            len(before.later),
        ):
            self._earlier_editable = False  # another visit: read-only again
            self.editableChanged.emit(not self.is_read_only())
        self.stateChanged.emit(before, state)
        if state.encounter != before.encounter:
            self.encounterChanged.emit(state.encounter)
        if state.atlas != before.atlas:
            self.atlasChanged.emit(state.atlas)
        self._analyze()
        self._announce_modified()

    def _analyze(self) -> None:
        encounter, atlas = self.for_analysis(), self._state.atlas
        try:
            if encounter == Encounter():
                # Nothing recorded: nothing to explain (and start-up need not load the engine).
                self._analysis = Analysis((), (), (), atlas)
            else:
                from rootmap.engine import analyze

                self._analysis = analyze(encounter, self.knowledge, atlas)
        except Exception as error:  # the engine failing must not lose the clinician's marks
            self._analysis = None
            self.messageRequested.emit(
                self.tr("The analysis is unavailable: {0}").format(error), 10000
            )
        self.analysisChanged.emit(self._analysis)
