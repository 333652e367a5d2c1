"""Teaching ▸ Cohort…: many patients' drawings at once, beside the textbook dermatome.

``CohortAction(session, host)`` asks for a folder, analyses every ``.rootmap`` document and
encounter JSON in it (``rootmap.cohort.run.run_cohort``, grouped by top root) in a worker
thread while a progress dialog with Cancel shows how far it is, then opens ``CohortView``:
the heat map of how often each region is marked (``rootmap.reports.heatmap``) for the
encounters whose top root is the one chosen in the Root box, with that root's textbook
dermatome (the window's atlas) outlined over it, so the spread of real pain drawings beyond
the dermatome shows; the count of files analysed and failed; Save Image… for the PNG.

Teaching only reads: the patient's encounter, the undo stack and the document are never
touched. The questions go through ``choose_folder`` and ``CohortView.choose_image_path``
so that tests answer them without a modal dialog.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, QThread, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rootmap.cohort.counts import ALL, HeatCounts
from rootmap.knowledge import Knowledge
from rootmap.ui.host import MenuHost
from rootmap.ui.session import EncounterSession

if TYPE_CHECKING:
    from rootmap.cohort.run import CohortRun

SHOWN_WIDTH = 1000  # the heat map on screen, in pixels
SAVED_WIDTH = 1800  # the saved PNG (as `rootmap cohort --heatmap`)
PROGRESS_EVERY_S = 0.05  # at most 20 progress updates a second


def _tr(text: str) -> str:
    return QCoreApplication.translate("CohortView", text)


# -- the analysis, off the window's thread ---------------------------------------------------
class _Cancelled(Exception):
    pass


class CohortRunner(QThread):
    """Runs ``run_cohort`` over ``files`` (grouped by top root) in its own thread."""

    progressed = Signal(int, int)  # files done, files in all
    done = Signal(object)  # CohortRun
    failed = Signal(str)  # why the run stopped
    cancelled = Signal()

    def __init__(self, files: Sequence[str], atlas: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.files = list(files)
        self.atlas = atlas
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def run(self) -> None:
        from rootmap.cohort.files import cohort_key
        from rootmap.cohort.run import RunOptions, run_cohort

        total = len(self.files)
        count = 0
        last = 0.0

        def on_result(_result: object) -> None:
            nonlocal count, last
            if self._stop.is_set():
                raise _Cancelled
            count += 1
            now = time.monotonic()
            if now - last >= PROGRESS_EVERY_S or count == total:
                last = now
                self.progressed.emit(count, total)

        try:
            # A frozen bundle cannot spawn worker processes of itself: one process there.
            jobs = 1 if getattr(sys, "frozen", False) else None
            options = RunOptions(self.atlas, cohort_key(), jobs)
            result = run_cohort(self.files, "root", options, on_result)
        except _Cancelled:
            self.cancelled.emit()
            return
        except Exception as error:  # a failing run must say why, not end the thread silently
            self.failed.emit(f"{type(error).__name__}: {error}")
            return
        self.done.emit(result)


# -- what a heat map shows -------------------------------------------------------------------
@dataclass
class OneGroup(HeatCounts):
    """The cohort's counts with one group drawn: its share of the cohort stays right."""

    shown: str = ""

    def groups(self, limit: int | None = None) -> list[str]:
        return [self.shown]


def all_encounters(counts: HeatCounts) -> HeatCounts:
    """Every group's counts as one (an encounter is in one group, so the sums are right)."""
    merged = HeatCounts(by="none")
    merged.encounters[ALL] = sum(counts.encounters.values())
    kinds = merged.marks.setdefault(ALL, {})
    for per_kind in counts.marks.values():
        for kind, counter in per_kind.items():
            kinds.setdefault(kind, Counter()).update(counter)
    return merged


def counts_for(counts: HeatCounts, group: str | None) -> HeatCounts:
    """What the heat map draws for ``group`` (a top root), or for everyone (None)."""
    if group is None:
        return all_encounters(counts)
    return OneGroup(counts.by, counts.encounters, counts.marks, shown=group)


# -- the view --------------------------------------------------------------------------------
class FittedImage(QWidget):
    """An image drawn as large as fits, its proportions kept (the whole panel in view)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.fit = True  # False: actual size (the scroll area scrolls)
        self.setMinimumSize(320, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.set_fit(self.fit)

    def set_fit(self, fit: bool) -> None:
        self.fit = fit
        if fit or self.image.isNull():
            self.setMinimumSize(320, 320)
        else:
            self.setMinimumSize(self.image.size())
        self.update()

    def target(self) -> QRectF:
        if self.image.isNull():
            return QRectF()
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        if not self.fit:
            scale = 1.0
        width, height = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - width) / 2, 0, width, height)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.image.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(self.target(), self.image)
        painter.end()


class CohortView(QDialog):
    """The cohort's heat map for a chosen root, its dermatome outlined; counts; Save Image."""

    def __init__(
        self,
        run: CohortRun,
        folder: str,
        knowledge: Knowledge,
        atlas: str,
        parent: QWidget | None = None,
        explore: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.run = run
        self.explore = explore
        self.folder = folder
        self.knowledge = knowledge
        self.atlas = atlas
        self.image = QImage()
        self.setObjectName("cohort_view")
        self.setWindowTitle(_tr("Cohort: {0}").format(Path(folder).name or folder))

        failed = len(run.failures)
        self.counts_label = QLabel(
            _tr("{0} files analysed, {1} failed").format(run.analysed, failed), self
        )
        self.counts_label.setObjectName("cohort_counts")
        font = self.counts_label.font()
        font.setBold(True)
        self.counts_label.setFont(font)

        self.root_box = QComboBox(self)
        self.root_box.setObjectName("cohort_root")
        self.root_box.setAccessibleName(_tr("Root"))
        self.root_box.addItem(_tr("All encounters ({0})").format(run.analysed), None)
        for group in run.counts.groups():
            if group in knowledge.roots:
                self.root_box.addItem(
                    _tr("{0}: top root in {1} encounters").format(
                        group, run.counts.encounters[group]
                    ),
                    group,
                )
        top = QHBoxLayout()
        top.addWidget(self.counts_label)
        top.addStretch(1)
        root_label = QLabel(_tr("&Root:"), self)
        root_label.setBuddy(self.root_box)
        top.addWidget(root_label)
        top.addWidget(self.root_box)

        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.picture = FittedImage(self)
        self.picture.setObjectName("cohort_heatmap")
        self.picture.setAccessibleName(_tr("Cohort heat map"))
        scroll = QScrollArea(self)
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        self.fit_box = QCheckBox(_tr("&Fit to window"), self)
        self.fit_box.setObjectName("cohort_fit")
        self.fit_box.setChecked(True)
        self.fit_box.toggled.connect(self.picture.set_fit)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(scroll, 1)
        if run.failures:
            self.failures = QPlainTextEdit(self)
            self.failures.setObjectName("cohort_failures")
            self.failures.setReadOnly(True)
            self.failures.setMaximumHeight(self.fontMetrics().height() * 4)
            self.failures.setPlainText(
                "\n".join(
                    _tr("{0}: {1}; skipped").format(Path(path).name, why)
                    for path, why in run.failures
                )
            )
            layout.addWidget(self.failures)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(_tr("&Save Image…"), self)
        self.save_button.setObjectName("cohort_save")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_image)
        buttons.rejected.connect(self.close)
        self.explore_button = QPushButton(self)
        self.explore_button.setObjectName("cohort_explore")
        self.explore_button.setToolTip(
            _tr("The textbook dermatome of the root on the window's maps (the Root explorer)")
        )
        self.explore_button.clicked.connect(self.explore_root)
        self.explore_button.setVisible(explore is not None)
        buttons.addButton(self.explore_button, QDialogButtonBox.ButtonRole.ActionRole)
        below = QHBoxLayout()
        below.addWidget(self.fit_box)
        below.addStretch(1)
        below.addWidget(buttons)
        layout.addLayout(below)

        self.root_box.currentIndexChanged.connect(self.refresh)
        self.root_box.setCurrentIndex(1 if self.root_box.count() > 1 else 0)
        self.refresh()
        self.resize(760, 940)

    def chosen_root(self) -> str | None:
        data = self.root_box.currentData()
        return data if isinstance(data, str) else None

    def heatmap_image(self, width: int) -> QImage:
        from rootmap.reports.heatmap import render_heatmap

        return render_heatmap(
            counts_for(self.run.counts, self.chosen_root()), self.knowledge, self.atlas, width, 1
        )

    def refresh(self) -> None:
        """Draw the heat map of the chosen root, its dermatome outlined."""
        root = self.chosen_root()
        atlas = self.knowledge.atlases.get(self.atlas)
        name = atlas.name if atlas is not None else self.atlas
        if root is None:
            text = _tr(
                "How often each region is marked, per kind, in every encounter. "
                "Choose a root to outline its dermatome."
            )
        else:
            text = _tr(
                "Encounters whose top root is {0}: how often each region is marked, per kind. "
                "Outlined: the {0} dermatome ({1}); what lies outside it is how real drawings "
                "spread beyond the textbook dermatome."
            ).format(root, name)
        self.caption.setText(text)
        self.explore_button.setEnabled(root is not None)
        self.explore_button.setText(
            _tr("Show {0} in the &Explorer").format(root) if root else _tr("Show in the &Explorer")
        )
        self.image = self.heatmap_image(SHOWN_WIDTH)
        self.picture.set_image(self.image)

    def explore_root(self) -> None:
        """The chosen root's textbook dermatome on the window's maps, beside the heat map."""
        root = self.chosen_root()
        if root is not None and self.explore is not None:
            self.explore(root)

    # --- Save Image ------------------------------------------------------------------------
    def choose_image_path(self, suggestion: str) -> str:
        return QFileDialog.getSaveFileName(
            self, _tr("Save Heat Map"), str(Path(self.folder) / suggestion), _tr("PNG (*.png)")
        )[0]

    def warn(self, message: str) -> None:
        QMessageBox.warning(self, "RootMap", message)

    def save_image(self) -> bool:
        root = self.chosen_root()
        chosen = self.choose_image_path(f"cohort-heatmap-{root or 'all'}.png")
        if not chosen:
            return False
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".png")
        from rootmap.documents import SaveError, write_bytes_atomic
        from rootmap.reports.figures import image_to_png

        try:
            write_bytes_atomic(path, image_to_png(self.heatmap_image(SAVED_WIDTH)))
        except SaveError as error:
            self.warn(_tr("Could not save the heat map: {0}.").format(error))
            return False
        self.setWindowTitle(_tr("Cohort: {0} (saved {1})").format(
            Path(self.folder).name or self.folder, path.name))  # fmt: skip
        return True


# -- the menu entry --------------------------------------------------------------------------
class CohortAction(QObject):
    """Teaching ▸ Cohort…: choose a folder, analyse it with a progress dialog, show the view."""

    def __init__(
        self,
        session: EncounterSession,
        host: MenuHost,
        explore: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(host.dialog_parent())
        self.session = session
        self.host = host
        self.explore = explore  # shows a root in teaching's Root explorer
        self.runner: CohortRunner | None = None
        self.progress: QProgressDialog | None = None
        self.view: CohortView | None = None
        self.folder = ""

    def choose_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self.host.dialog_parent(), _tr("Cohort: choose a folder of encounters")
        )

    def warn(self, message: str) -> None:
        QMessageBox.warning(self.host.dialog_parent(), "RootMap", message)

    def run(self) -> bool:
        folder = self.choose_folder()
        return self.start(folder) if folder else False

    def running(self) -> bool:
        return self.runner is not None

    def start(self, folder: str) -> bool:
        """Analyse ``folder`` in a worker thread; the view opens when it is done."""
        from rootmap.cohort.files import cohort_files

        if self.runner is not None:
            return False  # one cohort at a time
        files, _missing = cohort_files([folder])
        if not files:
            self.warn(_tr("No .rootmap or .json files in {0}.").format(folder))
            return False
        self.folder = folder
        parent = self.host.dialog_parent()
        progress = self.progress = QProgressDialog(
            _tr("Analysing {0} files…").format(len(files)), _tr("Cancel"), 0, len(files), parent
        )
        progress.setObjectName("cohort_progress")
        progress.setWindowTitle(_tr("Cohort"))
        # Not modal: the window stays usable while the cohort runs (and a modal progress
        # dialog would run nested event loops from setValue).
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        runner = self.runner = CohortRunner(files, self.session.atlas(), self)
        runner.progressed.connect(self._progressed)
        runner.done.connect(self._show)
        runner.failed.connect(self._failed)
        runner.cancelled.connect(self._cancelled)
        runner.finished.connect(self._finished)
        progress.canceled.connect(runner.cancel)
        app = QCoreApplication.instance()
        if app is not None:  # quitting mid-run: stop the thread before Qt tears down
            app.aboutToQuit.connect(self.stop, Qt.ConnectionType.UniqueConnection)
        runner.start()
        return True

    def stop(self) -> None:
        """Cancel a running analysis and wait for its thread to end (nothing is shown)."""
        runner = self.runner
        if runner is not None:
            runner.cancel()
            runner.wait()
            self._finished()

    def _progressed(self, done: int, _total: int) -> None:
        if self.progress is not None:
            self.progress.setValue(done)

    def _finished(self) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        if self.runner is not None:
            self.runner.deleteLater()
            self.runner = None

    def _show(self, run: CohortRun) -> None:
        if self.view is not None:
            self.view.close()
            self.view.deleteLater()
        session = self.session
        self.view = CohortView(
            run,
            self.folder,
            session.knowledge,
            session.atlas(),
            self.host.dialog_parent(),
            self.explore,
        )
        self.view.show()
        self.host.show_message(
            _tr("Cohort: {0} files analysed, {1} failed").format(run.analysed, len(run.failures)),
            8000,
        )

    def _failed(self, why: str) -> None:
        self.warn(_tr("The cohort analysis stopped: {0}").format(why))

    def _cancelled(self) -> None:
        self.host.show_message(_tr("Cohort analysis cancelled"), 6000)
