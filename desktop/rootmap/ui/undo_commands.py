"""Undo commands: every edit of the encounter (or of the atlas) is one ``QUndoCommand``.

A command stores the whole state before and after (``EditorState``: the immutable
encounter and the atlas id), so undo and redo are exact and cheap. Consecutive edits
of the same text field (typing an age) merge into one step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from rootmap.encounter import Encounter


@dataclass(frozen=True)
class EditorState:
    """What the user edits: the visit shown (``encounter``), the dermatome atlas it is
    read against, and the document's other visits: ``earlier`` (before the shown one,
    oldest first) and ``later`` (after it). An edit replaces ``encounter`` only."""

    encounter: Encounter
    atlas: str
    earlier: tuple[Encounter, ...] = ()
    later: tuple[Encounter, ...] = ()

    def visits(self) -> tuple[Encounter, ...]:
        """Every visit, oldest first."""
        return (*self.earlier, self.encounter, *self.later)

    def shown(self) -> int:
        """The position of the shown visit in ``visits()``."""
        return len(self.earlier)

    def showing(self, index: int) -> EditorState:
        """The same visits with visit ``index`` shown."""
        every = self.visits()
        return EditorState(every[index], self.atlas, every[:index], every[index + 1 :])


# Merge ids: one per field whose edits arrive keystroke by keystroke.
_MERGE_IDS: dict[str, int] = {}


def merge_id(field: str) -> int:
    """A stable QUndoCommand id for a field (e.g. "history.age"); -1 means never merge."""
    return _MERGE_IDS.setdefault(field, 1000 + len(_MERGE_IDS))


def merged_text(first: str, latest: str) -> str:
    """The name of two merged steps: "X: a → b" and "X: b → c" give "X: a → c"."""
    head, arrow, _ = first.rpartition(" → ")
    _, latest_arrow, tail = latest.rpartition(" → ")
    return f"{head} → {tail}" if arrow and latest_arrow else latest


class StateChange(QUndoCommand):
    """Replace the editor state; ``apply`` is the window's function that shows a state."""

    def __init__(
        self,
        apply: Callable[[EditorState], None],
        before: EditorState,
        after: EditorState,
        text: str,
        merge_field: str | None = None,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self.before = before
        self.after = after
        self._id = merge_id(merge_field) if merge_field else -1

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, StateChange) or other.id() != self._id or self._id == -1:
            return False
        self.after = other.after
        self.setText(merged_text(self.text(), other.text()))
        if self.after == self.before:
            self.setObsolete(True)  # stepped back to where it started: drop the step
        return True

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
