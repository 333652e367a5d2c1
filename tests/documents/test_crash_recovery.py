"""Crash recovery, for real: start the app, change something, SIGKILL it, recover the work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from rootmap.documents import Document, write_document
from rootmap.encounter import Encounter, Finding
from rootmap.knowledge import load_knowledge
from rootmap.ui.recovery import pending_recovery

KNOWLEDGE = load_knowledge()
OPENED = Finding("dorsum_central", "left", "numbness", 6)
ADDED = Finding("leg_anterolateral", "left", "tingling", 4)

# The real start path (run_app with a file), plus one edit once the window is up: the
# clinician's click, done through the window's public API.
APP_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from rootmap.encounter import Finding
from rootmap.ui.app import run_app
from rootmap.ui.main_window import MainWindow

app = QApplication(sys.argv[:1])

def edit():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    window.edit(window.encounter().with_finding(Finding(*sys.argv[2:5], int(sys.argv[5]))))
    print("edited", flush=True)

QTimer.singleShot(300, edit)
sys.exit(run_app([sys.argv[1]]))
"""


def _autosaves(root: Path) -> list[Path]:
    return sorted(root.rglob("*.rootmap-autosave"))


@pytest.mark.slow
def test_work_survives_a_killed_app_and_is_offered_at_the_next_start(
    tmp_path: Path, qtbot, monkeypatch
):
    data_home = tmp_path / "data"
    document_path = tmp_path / "visit.rootmap"
    write_document(document_path, Document(encounter=Encounter(findings=(OPENED,))))
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    args = [str(document_path), ADDED.region, ADDED.side, ADDED.kind, str(ADDED.intensity)]
    app = subprocess.Popen(
        [sys.executable, "-c", APP_SCRIPT, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not _autosaves(data_home) and time.monotonic() < deadline:
            assert app.poll() is None, f"the app exited early: {app.communicate()}"
            time.sleep(0.25)
        assert _autosaves(data_home), "no autosave within 30 s"
        time.sleep(0.3)  # let an atomic rename settle, then crash for real
        app.send_signal(signal.SIGKILL)
        app.wait(10)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(10)
    out, _err = app.communicate()
    assert "edited" in out

    [autosave] = _autosaves(data_home)
    assert autosave.parent.name == "autosave"
    assert oct(autosave.stat().st_mode & 0o777) == "0o600"
    saved = json.loads(autosave.read_text())
    assert saved["source"] == str(document_path)
    assert ADDED.to_json() in saved["document"]["visits"][-1]["findings"]

    # The next start finds it (its process is gone) and offers it.
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
        assert not autosave.exists()
    finally:
        QStandardPaths.setTestModeEnabled(False)


def test_a_running_sessions_autosave_is_not_offered(tmp_path: Path):
    from rootmap.documents.autosave import write_autosave

    live = tmp_path / f"session-{os.getppid()}.rootmap-autosave"  # the parent process is alive
    write_autosave(live, Document(), None, "2025-03-01T10:00:00+00:00")
    assert pending_recovery(tmp_path, KNOWLEDGE.regions) is None
    assert live.exists()
