"""Autosave: a few seconds after the last change, the open document is written to the
app's data folder (``<AppDataLocation>/autosave``). A clean close removes it; a crash
leaves it for ``recovery`` to offer at the next start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from rootmap.documents import Document, DocumentError, now_iso
from rootmap.documents.autosave import discard, session_file, write_autosave

IDLE_MS = 5000  # autosave this long after the last change


def autosave_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


class Autosaver(QObject):
    """Writes ``snapshot()`` to this session's autosave file after ``IDLE_MS`` of quiet.

    ``snapshot`` returns (document, the file it came from), or None when there is
    nothing unsaved (then any autosave is removed).
    """

    def __init__(
        self,
        snapshot: Callable[[], tuple[Document, Path | None] | None],
        on_error: Callable[[str], None],
        parent: QObject | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self._on_error = on_error
        self.path = session_file(folder or autosave_folder())
        self.enabled = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.save_now)

    def changed(self) -> None:
        """Something changed: (re)start the idle countdown."""
        if self.enabled:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        snapshot = self._snapshot()
        if snapshot is None:
            discard(self.path)
            return
        document, source = snapshot
        try:
            write_autosave(self.path, document, source, now_iso())
        except (DocumentError, OSError) as error:
            self._on_error(f"Autosave failed: {error}")

    def clear(self) -> None:
        """The work is safe (saved, or deliberately discarded): no autosave is needed."""
        self._timer.stop()
        discard(self.path)
