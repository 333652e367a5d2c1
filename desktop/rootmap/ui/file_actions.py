"""The File menu: New, Open, Open Recent, Save, Save As, patient label and notes,
Export PDF report, Print, Export figure, Export FHIR (``rootmap.ui.fhir_export_action``);
the window title; the unsaved-changes prompt on close; autosave and crash recovery.

``FileActions(session, host)`` adds all of it: the document (encounter, atlas, path,
label and notes, modified flag) is the ``EncounterSession``'s; the window is reached
only through the ``FileHost`` interface (its File menu, a dialog parent, the status bar,
the map on screen, a guard on closing). The window shows the title from the session.

The questions the user is asked go through small methods (``ask_unsaved``,
``choose_open_path``, ``choose_save_path``, ``ask_to_recover``, ``warn``) so that
tests can answer them without a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from rootmap.analysis import Analysis
from rootmap.documents import Document, DocumentError, document_to_bytes, read_document
from rootmap.documents.autosave import Recovery, discard
from rootmap.documents.recent import existing, remember
from rootmap.encounter import Encounter
from rootmap.knowledge import Knowledge
from rootmap.ui.autosave import Autosaver, autosave_folder
from rootmap.ui.document_dialogs import DetailsDialog, FigureDialog
from rootmap.ui.host import FileHost
from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.ui.recovery import ask_to_recover, pending_recovery
from rootmap.ui.session import EncounterSession

if TYPE_CHECKING:
    from rootmap.ui.fhir_export_action import FhirExport

FILE_FILTER = QT_TRANSLATE_NOOP(
    "FileActions", "RootMap documents (*.rootmap);;Encounter JSON (*.json);;All files (*)"
)  # shown through self.tr
RECENT_KEY = "recent_files"


def write_document_file(path: Path, data: bytes) -> str | None:
    """Write ``data`` to ``path`` atomically; what went wrong and where, or None.

    The one writer of the command line and the autosave (``documents.write_bytes_atomic``:
    0600, through symbolic links, never over a device or a pipe).
    When anything fails the previous file is left intact.
    """
    from rootmap.documents import SaveError, write_bytes_atomic

    try:
        write_bytes_atomic(path, data)
    except SaveError as error:
        return QCoreApplication.translate("FileActions", "{0} (in {1})").format(
            error.reason, error.folder
        )
    return None


def settings() -> QSettings:
    from rootmap.safe_files import make_private

    store = QSettings("RootMap", "RootMap")
    make_private(Path(store.fileName()), folder_is_ours=True)  # recent paths: 0600 in 0700
    return store


class FileActions(QObject):
    def __init__(self, session: EncounterSession, host: FileHost) -> None:
        super().__init__(session)
        self.session = session
        self.host = host
        # Off for windows built by code (tests, tools): they must never block on a question.
        self.prompt_on_close = False
        self.autosaver = Autosaver(self._autosave_snapshot, host.show_message, self)
        self._build_actions()
        session.stateChanged.connect(lambda _before, _after: self.autosaver.changed())
        host.set_close_guard(self.may_close)

    # --- state ---------------------------------------------------------------------------
    @property
    def knowledge(self) -> Knowledge:
        return self.session.knowledge

    @property
    def path(self) -> Path | None:
        return self.session.path()

    @property
    def document(self) -> Document:
        """The document's label, notes and dates (the encounter: ``current_document()``)."""
        return self.session.document()

    def current_document(self) -> Document:
        return self.session.document()

    def is_modified(self) -> bool:
        return self.session.is_modified()

    def display_name(self) -> str:
        return self.session.display_name()

    def _autosave_snapshot(self) -> tuple[Document, Path | None] | None:
        return (self.current_document(), self.path) if self.is_modified() else None

    def _load(self, document: Document, path: Path | None, unsaved: bool = False) -> None:
        self.session.load_document(document, path, unsaved)
        if unsaved:
            self.autosaver.changed()

    # --- actions -------------------------------------------------------------------------
    def _build_actions(self) -> None:
        """The host's File menu entries (declared in ``rootmap.ui.window_commands``)."""
        host = self.host
        self.new_action = host.command_action("file.new")
        self.open_action = host.command_action("file.open")
        self.recent_menu = host.submenu("file.recent")
        self.save_action = host.command_action("file.save")
        self.save_as_action = host.command_action("file.save_as")
        self.details_action = host.command_action("file.details")
        self.pdf_action = host.command_action("file.pdf")
        self.print_action = host.command_action("file.print")
        self.figure_action = host.command_action("file.figure")
        self.fhir_action = host.command_action("file.fhir")
        self._fhir_export: FhirExport | None = None  # built at the first FHIR export
        self._commands: dict[str, Callable[[], object]] = {
            "file.new": self.new,
            "file.open": self.open,
            "file.recent": self._fill_recent_menu,
            "file.save": self.save,
            "file.save_as": self.save_as,
            "file.details": self.edit_details,
            "file.pdf": self.export_pdf,
            "file.print": self.print_report,
            "file.figure": self.export_figure,
            "file.fhir": lambda: self.fhir_export.run(),
        }

    def run(self, command_id: str) -> None:
        """Run a File command by its id (the host routes its menu entries here)."""
        self._commands[command_id]()

    def recent_files(self) -> list[str]:
        value = settings().value(RECENT_KEY, [], type=list)
        return [str(p) for p in value] if isinstance(value, list) else []

    def _remember(self, path: Path) -> None:
        settings().setValue(RECENT_KEY, remember(self.recent_files(), str(path)))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = existing(self.recent_files())
        for number, name in enumerate(files, start=1):
            item = self.recent_menu.addAction(f"&{number} {Path(name).name}")
            item.setToolTip(name)
            item.triggered.connect(lambda _checked=False, p=name: self.open_path(p))
        if not files:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)

    # --- questions (tests replace these) -------------------------------------------------
    def ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = QMessageBox.StandardButton
        return QMessageBox.question(
            self.host.dialog_parent(),
            self.tr("Unsaved changes"),
            self.tr("Save the changes to {0} before closing it?").format(self.display_name()),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )

    def choose_open_path(self) -> str:
        start = str(self.path.parent) if self.path else ""
        return QFileDialog.getOpenFileName(
            self.host.dialog_parent(), self.tr("Open"), start, self.tr(FILE_FILTER)
        )[0]

    def choose_save_path(self, title: str, suggestion: str, file_filter: str) -> str:
        folder = self.path.parent if self.path else Path.home()
        return QFileDialog.getSaveFileName(
            self.host.dialog_parent(), title, str(folder / suggestion), file_filter
        )[0]

    def ask_to_recover(self, recovery: Recovery) -> bool:
        return ask_to_recover(self.host.dialog_parent(), recovery)

    def warn(self, message: str) -> None:
        QMessageBox.warning(self.host.dialog_parent(), "RootMap", message)

    # --- New, Open, Save -----------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current work (saved, discarded, or unchanged)."""
        if not self.is_modified():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.autosaver.clear()
        self._load(Document(encounter=Encounter(), atlas=self.knowledge.default_atlas), None)
        return True

    def open(self) -> bool:
        if not self.maybe_save():
            return False
        chosen = self.choose_open_path()
        return self.open_path(chosen, ask=False) if chosen else False

    def open_path(self, path: str | Path, atlas: str | None = None, ask: bool = True) -> bool:
        """Open a file; on any problem, one clear message and the current work is untouched."""
        if ask and not self.maybe_save():
            return False
        knowledge = self.knowledge
        warnings: list[str] = []
        try:
            document = read_document(path, knowledge.regions, knowledge.atlases, warnings)
        except DocumentError as error:
            self.warn(str(error))
            return False
        self.adopt(document, path, atlas)
        note = f" ({'; '.join(warnings)})" if warnings else ""
        self.host.show_message(self.tr("Opened {0}").format(Path(path).name) + note, 8000)
        return True

    def adopt(self, document: Document, path: str | Path, atlas: str | None = None) -> None:
        """Show a document read from ``path`` (``atlas`` overrides its own choice).

        A bare encounter JSON opens as an untitled document: Save asks for a .rootmap name.
        """
        if atlas is not None and atlas in self.knowledge.atlases:
            document = replace(document, atlas=atlas)
        file = Path(path).absolute()
        is_document = file.suffix == ".rootmap"
        self.autosaver.clear()
        self._load(document, file if is_document else None)
        if is_document:
            self._remember(file)

    def save(self) -> bool:
        return self.save_to(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        suggestion = self.path.name if self.path else "encounter.rootmap"
        chosen = self.choose_save_path(self.tr("Save As"), suggestion, self.tr(FILE_FILTER))
        if not chosen:
            return False
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".rootmap")
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        document = self.current_document().touched()
        error = write_document_file(path, document_to_bytes(document))
        if error is not None:
            self.warn(self.tr("Could not save {0}: {1}. Nothing was lost: "
                      "the previous file is unchanged and your work is still open."
                      ).format(path.name, error))  # fmt: skip
            return False
        self.session.mark_saved(document, path)
        self.autosaver.clear()
        self._remember(path.absolute())
        self.host.show_message(self.tr("Saved {0}").format(path.name))
        return True

    def edit_details(self) -> bool:
        dialog = DetailsDialog(
            self.document.patient_label or "", self.document.notes, self.host.dialog_parent()
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.set_details(*dialog.values())

    def set_details(self, label: str, notes: str) -> bool:
        if not self.session.set_details(label, notes):
            return False
        self.autosaver.changed()
        return True

    # --- reports and figures -------------------------------------------------------------
    def _analysis(self) -> Analysis:
        analysis = self.session.analysis()
        if analysis is None:
            from rootmap.engine import analyze

            return analyze(self.session.for_analysis(), self.knowledge, self.session.atlas())
        return analysis

    def export_pdf(self) -> bool:
        suggestion = (self.path.stem if self.path else "rootmap-report") + ".pdf"
        chosen = self.choose_save_path(
            self.tr("Export PDF Report"), suggestion, self.tr("PDF (*.pdf)")
        )
        return self.export_pdf_to(Path(chosen)) if chosen else False

    def export_pdf_to(self, path: Path) -> bool:
        from rootmap.maps import MapFileError
        from rootmap.reports.pdf import pdf_report_bytes

        try:
            data = pdf_report_bytes(self.session.shown_document(), self._analysis(),
                                    self.knowledge)  # fmt: skip
        except MapFileError as error:
            self.warn(
                self.tr("Could not make the report: a map file is broken ({0}).").format(error)
            )
            return False
        return self._write_export(path, data)

    def print_report(self) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from rootmap.reports.pdf import build_report, footer_text, print_report, text_width_for

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.host.dialog_parent())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        document = self.session.shown_document()  # the visit on screen, with its analysis
        text = build_report(document, self._analysis(), self.knowledge,
                            text_width_for(printer))  # fmt: skip
        print_report(text, printer, footer_text(document))
        return True

    def current_view_name(self) -> str | None:
        return self.host.current_view_name()

    def export_figure(self) -> bool:
        from rootmap.reports.pdf import available_views

        dialog = FigureDialog(
            list(available_views()), self.current_view_name(), self.host.dialog_parent()
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        view, kind, width = dialog.choice()
        stem = f"{self.path.stem}-{view}" if self.path else view
        chosen = self.choose_save_path(
            self.tr("Export Figure"), f"{stem}.{kind}", f"{kind.upper()} (*.{kind})"
        )
        return self.export_figure_to(Path(chosen), view, kind, width) if chosen else False

    def export_figure_to(self, path: Path, view: str, kind: str, width: int) -> bool:
        from rootmap.maps import MapFileError
        from rootmap.reports.figures import image_to_png, render_view, render_view_svg

        parts = (view, self.session.encounter(), self._analysis(), self.knowledge)
        try:
            if kind == "svg":
                data = render_view_svg(*parts, width)
            else:
                data = image_to_png(render_view(*parts, width))
        except MapFileError as error:
            self.warn(
                self.tr("Could not make the figure: a map file is broken ({0}).").format(error)
            )
            return False
        return self._write_export(path, data)

    @property
    def fhir_export(self) -> FhirExport:
        """File ▸ Export FHIR (``rootmap.ui.fhir_export_action``), built on first use."""
        if self._fhir_export is None:
            from rootmap.ui.fhir_export_action import FhirExport

            self._fhir_export = FhirExport(self.session, self.host, self)
        return self._fhir_export

    def _write_export(self, path: Path, data: bytes) -> bool:
        error = write_document_file(path, data)
        if error is not None:
            self.warn(self.tr("Could not write {0}: {1}.").format(path.name, error))
            return False
        self.host.show_message(self.tr("Wrote {0}").format(path.name))
        return True

    # --- session: autosave, recovery, close ----------------------------------------------
    def start_session(self) -> None:
        """Called by the app at start-up: turn autosave on, offer any crashed session's work."""
        self.autosaver.enabled = True
        self.prompt_on_close = True
        QTimer.singleShot(0, self.offer_recovery)

    def offer_recovery(self) -> bool:
        knowledge = self.knowledge
        recovery = pending_recovery(
            autosave_folder(),
            knowledge.regions,
            knowledge.atlases,
            lambda why: self.host.show_message(why, 20000),
        )
        if recovery is None:
            return False
        recovered = self.ask_to_recover(recovery)
        if recovered:
            self._load(recovery.document, recovery.source, unsaved=True)
            self.autosaver.inherit(recovery.path)  # kept until a newer autosave or a save
            self.host.show_message(
                self.tr("Recovered the autosaved work: save it to keep it"), 10000
            )
        else:
            discard(recovery.path)
        return recovered

    def may_close(self) -> bool:
        """Asked before the window closes: False (the user cancelled) keeps it open."""
        if self.prompt_on_close and not self.maybe_save():
            return False
        self.autosaver.clear()
        return True


def install_file_actions(session: EncounterSession, host: FileHost) -> FileActions:
    """Add the File menu's document actions to a window."""
    return FileActions(session, host)
