"""The window's side of the file guarantees: the same writer as the command line, clear
words on failure, no hang on a pipe, private settings, recovery that keeps what it cannot open."""

from __future__ import annotations

import errno
import json
import os
import stat
import time
from pathlib import Path

import pytest

from rootmap import safe_files as atomic_module
from rootmap.documents import Document, read_document, write_document
from rootmap.documents.autosave import write_autosave
from rootmap.encounter import Encounter, Finding
from rootmap.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
NUMB = Finding("dorsum_central", "left", "numbness", 6)


# Settings and autosaves in Qt's test folders, never the user's.
pytestmark = pytest.mark.usefixtures("isolated_settings")


@pytest.fixture
def window(qtbot):
    from rootmap.ui.main_window import MainWindow

    win = MainWindow(KNOWLEDGE)
    qtbot.addWidget(win)
    warnings: list[str] = []
    win.file_actions.warn = warnings.append
    win.warnings = warnings
    return win


def _mark(window) -> None:
    window.edit(window.encounter().with_finding(NUMB), text="Mark")


def test_a_full_disk_during_the_windows_save_says_what_and_where(
    window, tmp_path: Path, monkeypatch
):
    path = tmp_path / "visit.rootmap"
    write_document(path, Document())
    before = path.read_bytes()

    def disk_full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_module, "_write_all", disk_full)
    _mark(window)
    assert not window.file_actions.save_to(path)
    [message] = window.warnings
    assert "the disk is full" in message and str(tmp_path) in message
    assert "Unknown error" not in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["visit.rootmap"]


def test_the_windows_save_writes_through_a_symlink(window, tmp_path: Path):
    real = tmp_path / "real.rootmap"
    write_document(real, Document())
    link = tmp_path / "link.rootmap"
    link.symlink_to(real)
    _mark(window)
    assert window.file_actions.save_to(link)
    assert link.is_symlink()
    assert read_document(real, KNOWLEDGE.regions).encounter.findings == (NUMB,)
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_the_windows_save_refuses_a_pipe(window, tmp_path: Path):
    fifo = tmp_path / "pipe.rootmap"
    os.mkfifo(fifo)
    _mark(window)
    assert not window.file_actions.save_to(fifo)
    assert "RootMap will not replace it" in window.warnings[0]
    assert fifo.is_fifo()


def test_file_open_refuses_a_named_pipe_without_hanging(window, tmp_path: Path):
    fifo = tmp_path / "pipe.rootmap"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert not window.file_actions.open_path(fifo, ask=False)
    assert time.monotonic() - started < 2
    assert "it is a named pipe" in window.warnings[0]


def test_the_autosave_writes_through_a_symlink(window, tmp_path: Path):
    autosaver = window.file_actions.autosaver
    real = tmp_path / "elsewhere.json"
    real.write_text("{}")
    autosaver.path = tmp_path / "session-1-aaaaaaaaaaaa.rootmap-autosave"
    autosaver.path.symlink_to(real)
    _mark(window)
    autosaver.save_now()
    assert autosaver.path.is_symlink()
    assert json.loads(real.read_text())["document"]["visits"][-1]["findings"] == [NUMB.to_json()]


def test_the_settings_file_is_private(window, tmp_path: Path):
    from rootmap.ui.file_actions import settings

    path = Path(settings().fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[General]\n")
    path.chmod(0o644)  # what RootMap 0.x left
    path.parent.chmod(0o755)
    _mark(window)
    assert window.file_actions.save_to(tmp_path / "Jane Doe.rootmap")  # remembered in recent
    store = settings()
    store.sync()
    assert "Jane Doe" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_an_edit_made_before_the_session_starts_is_autosaved(window, qtbot, tmp_path: Path):
    autosaver = window.file_actions.autosaver
    autosaver.path = tmp_path / "autosave" / "session-1-aaaaaaaaaaaa.rootmap-autosave"
    autosaver._timer.setInterval(50)
    _mark(window)  # while the window was still starting: autosave not on yet
    autosaver.enabled = True  # what start_session does
    qtbot.waitUntil(autosaver.path.exists, timeout=5000)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda d: d.update(version=99), "made by a newer RootMap"),
        (lambda d: d.update(atlas="atlas_of_2031"), "unknown atlas 'atlas_of_2031'"),
    ],
    ids=["newer-format", "unknown-atlas"],
)
def test_an_autosave_this_build_cannot_open_is_kept_and_explained(
    window, tmp_path: Path, monkeypatch, change, why
):
    from rootmap.ui import file_actions

    folder = tmp_path / "autosave"
    orphan = folder / "session-7-aaaaaaaaaaaa.rootmap-autosave"
    write_autosave(
        orphan, Document(encounter=Encounter(findings=(NUMB,))), None, "2025-03-01T10:00:00+00:00"
    )
    data = json.loads(orphan.read_text())
    change(data["document"])
    orphan.write_text(json.dumps(data))
    monkeypatch.setattr(file_actions, "autosave_folder", lambda: folder)
    messages: list[str] = []
    monkeypatch.setattr(window, "show_message", lambda text, *_: messages.append(text))
    window.file_actions.ask_to_recover = lambda recovery: pytest.fail("offered what it cannot open")
    assert not window.file_actions.offer_recovery()
    assert orphan.exists()
    assert len(messages) == 1 and why in messages[0] and str(folder) in messages[0]
