"""File ▸ Export FHIR…: the open document's visits as FHIR R4 Bundles, one per visit.

Asks for a file name, then (when the document has a patient label) whether to put the label
in the Bundle's ``Patient``: off unless the user ticks it. Every visit is exported, earliest
first (``rootmap.interop.fhir_export.export_document``) and written as the command line
writes it (``rootmap.interop.bundle_files``: ``OUT.json`` for one visit, ``OUT-1.json``,
``OUT-2.json``… for more, each with the one atomic writer). ``fhir.resources`` is imported
only when an export runs. Nothing of the document changes.

The questions go through ``choose_path`` and ``ask_include_label`` so that tests answer them
without a modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QFileDialog, QMessageBox

from rootmap.ui.host import MenuHost
from rootmap.ui.session import EncounterSession


class FhirExport(QObject):
    def __init__(
        self, session: EncounterSession, host: MenuHost, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.host = host

    # --- questions (tests replace these) -------------------------------------------------
    def choose_path(self, suggestion: str) -> str:
        """The Bundle's file name ("" when the user cancels)."""
        path = self.session.path()
        folder = path.parent if path else Path.home()
        return QFileDialog.getSaveFileName(
            self.host.dialog_parent(),
            self.tr("Export FHIR R4 Bundle"),
            str(folder / suggestion),
            self.tr("FHIR JSON (*.json);;All files (*)"),
        )[0]

    def ask_include_label(self, label: str, visits: int) -> bool | None:
        """Whether to put ``label`` in the Bundle (unticked by default); None: cancelled."""
        box = QMessageBox(self.host.dialog_parent())
        box.setWindowTitle(self.tr("Export FHIR"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            self.tr("Export {0} visit(s) as FHIR R4 Bundles.").format(visits)
            if visits > 1
            else self.tr("Export the visit as a FHIR R4 Bundle.")
        )
        box.setInformativeText(
            self.tr(
                "The patient is identified by a pseudonym. Tick the box to add the "
                "patient label as the patient's name."
            )
        )
        check = QCheckBox(self.tr('Include the patient label "{0}"').format(label), box)
        check.setChecked(False)
        box.setCheckBox(check)
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Export"))
        if box.exec() != QMessageBox.StandardButton.Save:
            return None
        return check.isChecked()

    def warn(self, message: str) -> None:
        QMessageBox.warning(self.host.dialog_parent(), "RootMap", message)

    # --- the command ---------------------------------------------------------------------
    def run(self) -> bool:
        """Ask, export, write; True when every file was written."""
        document = self.session.document()
        path = self.session.path()
        suggestion = (path.stem if path else "rootmap-visit") + ".fhir.json"
        chosen = self.choose_path(suggestion)
        if not chosen:
            return False
        include_label = False
        if document.patient_label:
            answer = self.ask_include_label(document.patient_label, len(self.session.visits()))
            if answer is None:
                return False
            include_label = answer
        out = Path(chosen)
        if not out.suffix:
            out = out.with_suffix(".json")
        return self.export_to(out, include_label)

    def export_to(self, out: Path, include_label: bool = False) -> bool:
        """Write every visit of the document as Bundles at ``out`` (numbered for several)."""
        from rootmap.documents import SaveError
        from rootmap.interop.bundle_files import write_bundles

        written: list[tuple[str, str]] = []
        failure: SaveError | None = None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from rootmap.interop.fhir_export import export_document  # imports fhir.resources

            bundles = export_document(
                self.session.document(),
                self.session.knowledge,
                atlas=self.session.atlas(),
                include_label=include_label,
            )
            for path, description in write_bundles(str(out), bundles):
                written.append((path, description))
        except SaveError as error:
            failure = error
        finally:
            QApplication.restoreOverrideCursor()
        names = ", ".join(Path(path).name for path, _ in written)
        if failure is not None:
            before = self.tr(" Written before it: {0}.").format(names) if written else ""
            self.warn(self.tr("Could not write the FHIR export: {0}.").format(failure) + before)
            return False
        description = "; ".join(d for _, d in written)
        self.host.show_message(
            self.tr("Wrote {0}: FHIR R4 ({1})").format(names, description), 10000
        )
        return True
