"""Crash recovery, for real: start the app, change something, SIGKILL it, recover the work.

The app runs in a subprocess through its real start path (``run_app``). The test script
acts only once the window says it is ready (``window.ready``), never after a fixed
delay: on a loaded machine the window may take seconds to get there. The test waits on
files and on lines the app prints, with generous deadlines, so it passes with every core
busy (run it under load: see the README's Reliability section).
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from rootmap.documents import Document, write_document
from rootmap.documents.autosave import SessionLock, write_autosave
from rootmap.encounter import Encounter, Finding
from rootmap.knowledge import load_knowledge
from rootmap.ui.recovery import pending_recovery

KNOWLEDGE = load_knowledge()
OPENED = Finding("dorsum_central", "left", "numbness", 6)
ADDED = Finding("leg_anterolateral", "left", "tingling", 4)
DEADLINE_S = 60  # generous: a start on a loaded 2-core machine takes seconds

# The real start path (run_app with a file), plus one edit once the window is ready: the
# clinician's click, done through the window's public API. With "recover" as argument 6,
# the recovery offer is accepted (as a click on Recover would).
APP_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from rootmap.encounter import Finding
from rootmap.ui import file_actions
from rootmap.ui import app as app_module
from rootmap.ui.app import run_app

app = QApplication(sys.argv[:1])
if sys.argv[6:] == ["recover"]:
    offer_recovery = file_actions.FileActions.offer_recovery
    def offer(self):
        recovered = offer_recovery(self)
        print(f"recovered {recovered}", flush=True)
        return recovered
    file_actions.FileActions.ask_to_recover = lambda self, recovery: True
    file_actions.FileActions.offer_recovery = offer

def edit(window):
    if sys.argv[2] != "-":
        window.edit(window.encounter().with_finding(Finding(*sys.argv[2:5], int(sys.argv[5]))))
    print("edited", flush=True)

build_window = app_module.build_window

def build_and_hook(args, progressive=False):
    # Connected before run_app connects start_session: the edit lands on `ready`, before
    # the session (and its autosave) starts; it must still be autosaved.
    window = build_window(args, progressive)
    if window.is_ready():
        edit(window)
    else:
        window.ready.connect(lambda: edit(window))
    return window

app_module.build_window = build_and_hook
sys.exit(run_app([sys.argv[1]] if sys.argv[1] != "-" else []))
"""


def _autosaves(root: Path) -> list[Path]:
    return sorted(root.rglob("*.rootmap-autosave"))


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip


def _start(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", APP_SCRIPT, *args],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_line(app: subprocess.Popen[str], wanted: str) -> None:
    """Read the app's output until ``wanted`` (the app prints it when it got there)."""
    assert app.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        readable, _, _ = select.select([app.stdout], [], [], 1.0)
        if not readable:
            continue
        line = app.stdout.readline()
        if line.strip() == wanted:
            return
        seen.append(line)
        if not line and app.poll() is not None:
            break
    _kill(app)
    pytest.fail(f"the app never printed {wanted!r}; it printed {''.join(seen)!r}")


def _kill(app: subprocess.Popen[str]) -> None:
    if app.poll() is None:
        app.send_signal(signal.SIGKILL)
    app.wait(10)
    app.communicate()


@pytest.mark.slow
def test_work_survives_a_killed_app_and_is_offered_at_the_next_start(
    tmp_path: Path, qtbot, monkeypatch
):
    data_home = tmp_path / "data"
    document_path = tmp_path / "visit.rootmap"
    write_document(document_path, Document(encounter=Encounter(findings=(OPENED,))))
    args = [str(document_path), ADDED.region, ADDED.side, ADDED.kind, str(ADDED.intensity)]
    app = _start(tmp_path, *args)
    try:
        _wait_for_line(app, "edited")
        deadline = time.monotonic() + DEADLINE_S
        while not _autosaves(data_home) and time.monotonic() < deadline:
            assert app.poll() is None, f"the app exited early: {app.communicate()}"
            time.sleep(0.1)  # polling a file, not waiting for the app to be ready
        assert _autosaves(data_home), f"no autosave within {DEADLINE_S} s"
    finally:
        _kill(app)  # the rename is atomic: the autosave is whole whenever this lands

    [autosave] = _autosaves(data_home)
    assert autosave.parent.name == "autosave"
    assert oct(autosave.stat().st_mode & 0o777) == "0o600"
    assert oct(autosave.parent.stat().st_mode & 0o777) == "0o700"
    saved = json.loads(autosave.read_text())
    assert saved["source"] == str(document_path)
    assert ADDED.to_json() in saved["document"]["visits"][-1]["findings"]

    # The next start finds it (its session's lock died with it) and offers it.
    recovery = pending_recovery(autosave.parent, KNOWLEDGE.regions, KNOWLEDGE.atlases)
    assert recovery is not None
    assert set(recovery.document.encounter.findings) == {OPENED, ADDED}
    assert recovery.source == document_path

    from rootmap.ui import file_actions
    from rootmap.ui.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)
    try:
        monkeypatch.setattr(file_actions, "autosave_folder", lambda: autosave.parent)
        window = MainWindow(KNOWLEDGE)
        qtbot.addWidget(window)
        window.file_actions.ask_to_recover = lambda offered: True
        assert window.file_actions.offer_recovery()
        assert set(window.encounter().findings) == {OPENED, ADDED}
        assert window.windowTitle() == "visit.rootmap[*] — RootMap"
        assert window.isWindowModified()
        assert autosave.exists()  # kept until a newer autosave or a save replaces it
        assert window.file_actions.save_to(tmp_path / "saved.rootmap")
        assert not autosave.exists()
    finally:
        QStandardPaths.setTestModeEnabled(False)


@pytest.mark.slow
def test_recovered_work_survives_a_second_crash_right_after_recovering(tmp_path: Path):
    """Kill, restart, Recover, kill at once (before any new autosave): offered again."""
    folder = tmp_path / "data" / "RootMap" / "RootMap" / "autosave"  # AppDataLocation
    work = Document(encounter=Encounter(findings=(OPENED, ADDED)))
    orphan = folder / "session-4242-0123456789ab.rootmap-autosave"
    write_autosave(orphan, work, None, "2025-03-01T10:00:00+00:00")
    app = _start(tmp_path, "-", "-", "-", "-", "0", "recover")
    try:
        _wait_for_line(app, "recovered True")
    finally:
        _kill(app)  # within the 5 s before the recovering session's own autosave
    recovery = pending_recovery(folder, KNOWLEDGE.regions, KNOWLEDGE.atlases)
    assert recovery is not None, f"the recovered work is gone: {list(folder.iterdir())}"
    assert set(recovery.document.encounter.findings) == {OPENED, ADDED}


def test_a_running_sessions_autosave_is_not_offered(tmp_path: Path):
    live = tmp_path / "session-1-aaaaaaaaaaaa.rootmap-autosave"
    lock = SessionLock(live)
    assert lock.acquire()  # what a running window holds while its autosave exists
    try:
        write_autosave(live, Document(), None, "2025-03-01T10:00:00+00:00")
        assert pending_recovery(tmp_path, KNOWLEDGE.regions) is None
        assert live.exists()
    finally:
        lock.release(remove=False)
    assert pending_recovery(tmp_path, KNOWLEDGE.regions) is not None  # the lock died


@pytest.mark.parametrize("pid", [os.getppid(), os.getpid()], ids=["live-unrelated", "own"])
def test_a_reused_process_id_does_not_hide_a_crashed_session(tmp_path: Path, pid: int):
    """An autosave named after a pid that is alive again (another process, or this one)
    is still a crashed session's work when no session holds its lock."""
    orphan = tmp_path / f"session-{pid}.rootmap-autosave"
    write_autosave(orphan, Document(encounter=Encounter(findings=(OPENED,))), None,
                   "2025-03-01T10:00:00+00:00")  # fmt: skip
    recovery = pending_recovery(tmp_path, KNOWLEDGE.regions)
    assert recovery is not None and recovery.path == orphan


def test_each_session_has_its_own_autosave_file(tmp_path: Path, qtbot):
    from rootmap.ui.autosave import Autosaver

    first = Autosaver(lambda: None, print, folder=tmp_path)
    second = Autosaver(lambda: None, print, folder=tmp_path)
    assert first.path != second.path  # same process id, different sessions
    assert str(os.getpid()) in first.path.name
