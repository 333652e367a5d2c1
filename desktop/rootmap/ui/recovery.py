"""Crash recovery at start-up: offer the work a session left in its autosave file."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from rootmap.documents.autosave import Recovery, discard, scan_autosaves


def _tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def pending_recovery(
    folder: Path,
    regions: Collection[str],
    atlases: Collection[str] | None = None,
    tell: Callable[[str], None] | None = None,
) -> Recovery | None:
    """The newest autosave left by a session that did not close cleanly, if any.

    Damaged autosave files are removed (there is nothing in them to recover). Sound ones
    this RootMap cannot open (a newer format, an atlas this build lacks) are kept, and
    ``tell`` gets one line saying why they are not offered.
    """
    scan = scan_autosaves(folder, regions, atlases)
    for path in scan.damaged:
        discard(path)
    if scan.kept and tell is not None:
        tell(kept_message(scan.kept))
    return scan.recoverable[0] if scan.recoverable else None


def kept_message(kept: list[tuple[Path, str]]) -> str:
    """Why autosaved work is not offered, and where it is kept."""
    path, why = kept[0]
    more = (
        QCoreApplication.translate("Recovery", " (and {0} more)").format(len(kept) - 1)
        if len(kept) > 1
        else ""
    )
    return QCoreApplication.translate(
        "Recovery",
        "Autosaved work{0} cannot be opened by this RootMap: {1}. "
        "It is kept in {2} for a RootMap that can open it.",
    ).format(more, why, path.parent)


def recovery_question(recovery: Recovery) -> str:
    """The words of the offer (no patient label: it may be read over a shoulder)."""
    name = (
        recovery.source.name
        if recovery.source
        else QCoreApplication.translate("Recovery", "an unsaved encounter")
    )
    try:
        when = datetime.fromisoformat(recovery.saved_at).astimezone().strftime("%d %B %Y, %H:%M")
    except ValueError:
        when = recovery.saved_at
    marks = len(recovery.document.encounter.findings)
    signs = len(recovery.document.encounter.signs)
    return QCoreApplication.translate(
        "Recovery",
        "RootMap did not close properly last time.\n\n"
        "Recover the work on {0}, autosaved {1} "
        "({2} marked region(s), {3} sign(s))?",
    ).format(name, when, marks, signs)


def ask_to_recover(parent: QWidget | None, recovery: Recovery) -> bool:
    """Ask the user; True to recover, False to discard."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Recovery", "Recover unsaved work"))
    box.setText(recovery_question(recovery))
    recover = box.addButton(
        QCoreApplication.translate("Recovery", "Recover"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("Recovery", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(recover)
    box.exec()
    return box.clickedButton() is recover
