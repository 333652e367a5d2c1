"""Autosave: a few seconds after the last change, the open document is written to the
app's data folder (``<AppDataLocation>/autosave``). A clean close removes it; a crash
leaves it for ``recovery`` to offer at the next start (``rootmap.documents.autosave``
says how a session is told from a crashed one)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from rootmap.documents import Document, DocumentError, now_iso
from rootmap.documents.autosave import SessionLock, discard, session_file, write_autosave

IDLE_MS = 5000  # autosave this long after the last change


def autosave_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


class Autosaver(QObject):
    """Writes ``snapshot()`` to this session's autosave file after ``IDLE_MS`` of quiet.

    ``snapshot`` returns (document, the file it came from), or None when there is
    nothing unsaved (then any autosave is removed). While this session's autosave exists,
    the session holds its lock; an autosave it recovered (``inherit``) is kept, locked,
    until this session's own autosave or a save replaces it.
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
        self._path = session_file(folder or autosave_folder())
        self._lock = SessionLock(self._path)
        self._inherited: tuple[Path, SessionLock] | None = None
        self._enabled = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self.save_now)

    @property
    def path(self) -> Path:
        return self._path

    @path.setter
    def path(self, value: Path) -> None:
        self._lock.release()
        self._path = value
        self._lock = SessionLock(value)

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        """Turning autosave on also covers what was changed before: an edit made while the
        window was starting is autosaved like any other."""
        self._enabled = value
        if value and self._snapshot() is not None:
            self._timer.start()
        elif not value:
            self._timer.stop()

    def changed(self) -> None:
        """Something changed: (re)start the idle countdown."""
        if self._enabled:
            self._timer.start()

    def inherit(self, recovered: Path) -> None:
        """Keep the autosave this session recovered until something newer replaces it."""
        self._drop_inherited()
        lock = SessionLock(recovered)
        lock.acquire()  # a second window starting now will not offer it as well
        self._inherited = (recovered, lock)

    def save_now(self) -> None:
        self._timer.stop()
        snapshot = self._snapshot()
        if snapshot is None:
            self.clear()
            return
        document, source = snapshot
        try:
            if not self._lock.acquire():
                raise DocumentError("another RootMap session holds this autosave")
            write_autosave(self._path, document, source, now_iso())
        except (DocumentError, OSError) as error:
            self._on_error(self.tr("Autosave failed: {0}").format(error))
            return
        self._drop_inherited()  # this session's autosave now holds the recovered work

    def clear(self) -> None:
        """The work is safe (saved, or deliberately discarded): no autosave is needed."""
        self._timer.stop()
        discard(self._path)
        self._lock.release()
        self._drop_inherited()

    def _drop_inherited(self) -> None:
        if self._inherited is not None:
            path, lock = self._inherited
            with contextlib.suppress(OSError):
                discard(path)
            lock.release()
            self._inherited = None
