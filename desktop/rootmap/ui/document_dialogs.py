"""Small dialogs of the File menu: patient label and notes; figure export options."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rootmap.documents.format import MAX_LABEL_CHARS
from rootmap.ui.i18n import QT_TRANSLATE_NOOP

VIEW_TITLES = {
    "body_front": QT_TRANSLATE_NOOP("FigureDialog", "Body, front"),
    "body_back": QT_TRANSLATE_NOOP("FigureDialog", "Body, back"),
    "foot_dorsal": QT_TRANSLATE_NOOP("FigureDialog", "Feet, top (dorsal)"),
    "foot_plantar": QT_TRANSLATE_NOOP("FigureDialog", "Feet, sole (plantar)"),
    "foot_medial": QT_TRANSLATE_NOOP("FigureDialog", "Feet, inner side (medial)"),
    "foot_lateral": QT_TRANSLATE_NOOP("FigureDialog", "Feet, outer side (lateral)"),
}


class DetailsDialog(QDialog):
    """Patient label (free text, e.g. initials or a clinic number) and notes."""

    def __init__(self, label: str, notes: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Patient label and notes"))
        form = QFormLayout(self)
        self.label_edit = QLineEdit(label, self)
        self.label_edit.setMaxLength(MAX_LABEL_CHARS)
        self.label_edit.setPlaceholderText(self.tr("e.g. initials or a clinic number (optional)"))
        self.notes_edit = QPlainTextEdit(notes, self)
        self.notes_edit.setPlaceholderText(self.tr("Free notes: printed on the report"))
        self.notes_edit.setMinimumSize(420, 180)
        hint = QLabel(
            self.tr("Both are saved in the .rootmap file and printed on the report."), self
        )
        hint.setWordWrap(True)
        form.addRow(self.tr("Patient label"), self.label_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)
        form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.label_edit.text().strip(), self.notes_edit.toPlainText()


class FigureDialog(QDialog):
    """Which view, which format, how wide."""

    def __init__(self, views: list[str], current: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export figure"))
        form = QFormLayout(self)
        self.view_combo = QComboBox(self)
        for name in views:
            self.view_combo.addItem(self.tr(VIEW_TITLES.get(name, name)), name)
        if current in views:
            self.view_combo.setCurrentIndex(views.index(current))
        self.format_combo = QComboBox(self)
        self.format_combo.addItem(self.tr("PNG image"), "png")
        self.format_combo.addItem(self.tr("SVG (vector)"), "svg")
        self.width_spin = QSpinBox(self)
        self.width_spin.setRange(200, 8000)
        self.width_spin.setSingleStep(200)
        self.width_spin.setValue(2000)
        self.width_spin.setSuffix(self.tr(" px"))
        form.addRow(self.tr("View"), self.view_combo)
        form.addRow(self.tr("Format"), self.format_combo)
        form.addRow(self.tr("Width"), self.width_spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[str, str, int]:
        return (
            self.view_combo.currentData(),
            self.format_combo.currentData(),
            self.width_spin.value(),
        )
