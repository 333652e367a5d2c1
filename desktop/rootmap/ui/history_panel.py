"""The history panel: age, onset, and every flag of the contract as a tri-state.

Each flag is three small toggle buttons: ? (not known, the default), Yes, No.
Not known is not "no": a flag left at ? stays out of the encounter.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from rootmap.encounter import HISTORY_FLAGS, MAX_AGE, ONSETS, History
from rootmap.palette import ui_colours
from rootmap.ui.form_guard import ValueGuard
from rootmap.ui.i18n import QT_TRANSLATE_NOOP

FLAG_LABELS: dict[str, str] = {
    "leg_pain": QT_TRANSLATE_NOOP("HistoryPanel", "Pain radiating into the leg"),
    "back_pain": QT_TRANSLATE_NOOP("HistoryPanel", "Low back pain"),
    "neurogenic_claudication": QT_TRANSLATE_NOOP(
        "HistoryPanel", "Leg symptoms on walking, eased by sitting"
    ),
    "worse_sitting_coughing": QT_TRANSLATE_NOOP(
        "HistoryPanel", "Worse on sitting, coughing, sneezing"
    ),
    "bladder_dysfunction": QT_TRANSLATE_NOOP("HistoryPanel", "New bladder dysfunction"),
    "bowel_dysfunction": QT_TRANSLATE_NOOP("HistoryPanel", "Bowel incontinence"),
    "saddle_anesthesia": QT_TRANSLATE_NOOP("HistoryPanel", "Numb saddle (reported)"),
    "altered_bladder_sensation": QT_TRANSLATE_NOOP(
        "HistoryPanel", "New altered bladder sensation, poor stream"
    ),
    "sexual_dysfunction": QT_TRANSLATE_NOOP("HistoryPanel", "New sexual dysfunction"),
    "progressive_weakness": QT_TRANSLATE_NOOP("HistoryPanel", "Weakness getting worse"),
    "fever": QT_TRANSLATE_NOOP("HistoryPanel", "Fever"),
    "cancer_history": QT_TRANSLATE_NOOP("HistoryPanel", "History of cancer"),
    "unexplained_weight_loss": QT_TRANSLATE_NOOP("HistoryPanel", "Unexplained weight loss"),
    "significant_trauma": QT_TRANSLATE_NOOP("HistoryPanel", "Significant trauma"),
    "osteoporosis_or_steroids": QT_TRANSLATE_NOOP(
        "HistoryPanel", "Osteoporosis or long-term steroids"
    ),
    "immunosuppression_or_ivdu": QT_TRANSLATE_NOOP(
        "HistoryPanel", "Immunosuppression or IV drug use"
    ),
    "diabetes": QT_TRANSLATE_NOOP("HistoryPanel", "Diabetes"),
    "type_1_diabetes": QT_TRANSLATE_NOOP("HistoryPanel", "Type 1 diabetes (No: type 2 / other)"),
    "pars_defect": QT_TRANSLATE_NOOP("HistoryPanel", "Pars defect (isthmic) on imaging"),
    "tight_footwear": QT_TRANSLATE_NOOP("HistoryPanel", "Tight footwear, high heels"),
    "fibular_head_pressure": QT_TRANSLATE_NOOP(
        "HistoryPanel", "Pressure at the fibular head (leg crossing, cast…)"
    ),
    "recent_hip_surgery_or_buttock_injection": QT_TRANSLATE_NOOP(
        "HistoryPanel", "Recent hip surgery or buttock injection"
    ),
    "first_step_heel_pain": QT_TRANSLATE_NOOP(
        "HistoryPanel", "Heel pain on the first morning steps"
    ),
    "red_hot_swollen_joint": QT_TRANSLATE_NOOP("HistoryPanel", "Red, hot, swollen joint"),
}
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("HistoryPanel", "Pain pattern"),
        ("leg_pain", "back_pain", "neurogenic_claudication", "worse_sitting_coughing"),
    ),
    (
        QT_TRANSLATE_NOOP("HistoryPanel", "Red flags"),
        (
            "bladder_dysfunction",
            "bowel_dysfunction",
            "saddle_anesthesia",
            "altered_bladder_sensation",
            "sexual_dysfunction",
            "progressive_weakness",
            "fever",
            "cancer_history",
            "unexplained_weight_loss",
            "significant_trauma",
            "osteoporosis_or_steroids",
            "immunosuppression_or_ivdu",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("HistoryPanel", "Other"),
        (
            "diabetes",
            "type_1_diabetes",
            "pars_defect",
            "tight_footwear",
            "fibular_head_pressure",
            "recent_hip_surgery_or_buttock_injection",
            "first_step_heel_pain",
            "red_hot_swollen_joint",
        ),
    ),
)
assert sorted(f for _, flags in SECTIONS for f in flags) == sorted(HISTORY_FLAGS)

TRI_STYLE = """
QToolButton {{ padding: 1px 6px; border: 1px solid {switch_border};
  background: {switch_background}; color: {switch_text}; }}
QToolButton:checked {{ background: {switch_checked_background}; color: {switch_checked_text}; }}
QToolButton#yes:checked {{ background: {switch_yes_background}; color: {switch_checked_text};
  font-weight: bold; }}
QToolButton#no:checked {{ background: {switch_no_background}; color: {switch_checked_text}; }}
"""  # filled from rootmap.palette.ui_colours()


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryPanel", text)


def _age_words(age: int | None) -> str:
    return (
        QCoreApplication.translate("HistoryPanel", "not known")
        if age is None
        else QCoreApplication.translate("HistoryPanel", "{0} years").format(age)
    )


def _flag_word(value: bool | None) -> str:
    return {
        None: QCoreApplication.translate("HistoryPanel", "not known"),
        True: QCoreApplication.translate("HistoryPanel", "yes"),
        False: QCoreApplication.translate("HistoryPanel", "no"),
    }[value]


TRANSLATED_WORDS = (  # the onsets, as rootmap.encounter has them (no Qt)
    QT_TRANSLATE_NOOP("HistoryPanel", "acute"),
    QT_TRANSLATE_NOOP("HistoryPanel", "gradual"),
)


class TriState(QWidget):
    """? / Yes / No for one history flag. ``value()`` is None, True or False."""

    edited = Signal(object)

    def __init__(self, flag: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flag = flag
        # The style sheet on each switch, not on the panel: the panel's other widgets keep
        # the plain style, and the panel builds ~1.5x faster.
        self.setStyleSheet(TRI_STYLE.format(**vars(ui_colours())))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._group = QButtonGroup(self)
        self.buttons: dict[bool | None, QToolButton] = {}
        for value, text, name in (
            (None, "?", "unknown"),
            (True, QCoreApplication.translate("HistoryPanel", "Yes"), "yes"),
            (False, QCoreApplication.translate("HistoryPanel", "No"), "no"),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setObjectName(name)
            button.setCheckable(True)
            button.setToolTip(_flag_word(value))
            self._group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
            button.clicked.connect(lambda _c=False, v=value: self.edited.emit(v))
        self.buttons[None].setChecked(True)

    def value(self) -> bool | None:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def set_value(self, value: bool | None) -> None:
        self.buttons[value].setChecked(True)


class HistoryPanel(QWidget):
    """Emits ``historyEdited(History, field)`` on every user edit; field names what changed."""

    historyEdited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history = History()
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setVerticalSpacing(3)

        self.age = QSpinBox(self)
        self.age.setObjectName("age")
        self.age.setRange(-1, MAX_AGE)
        self.age.setSpecialValueText(self.tr("not known"))
        self.age.setValue(-1)
        self.age.setSuffix(self.tr(" years"))
        self.age.setKeyboardTracking(False)
        self.age.valueChanged.connect(self._on_age)
        grid.addWidget(QLabel(self.tr("Age"), self), 0, 0)
        grid.addWidget(self.age, 0, 1)

        self.onset = QComboBox(self)
        self.onset.setObjectName("onset")
        self.onset.addItem(self.tr("not known"), None)
        for onset in ONSETS:
            self.onset.addItem(_tr(onset), onset)
        self.onset.activated.connect(self._on_onset)
        self._guard = ValueGuard(self)
        self._guard.watch(self.age)
        self._guard.watch(self.onset)
        grid.addWidget(QLabel(self.tr("Onset"), self), 1, 0)
        grid.addWidget(self.onset, 1, 1)

        self.flags: dict[str, TriState] = {}
        row = 2
        for title, flags in SECTIONS:
            section = QLabel(f"<b>{_tr(title)}</b>", self)
            section.setContentsMargins(0, 8, 0, 0)
            grid.addWidget(section, row, 0, 1, 2)
            row += 1
            for flag in flags:
                label = QLabel(_tr(FLAG_LABELS[flag]), self)
                label.setWordWrap(True)
                tri = TriState(flag, self)
                tri.edited.connect(lambda value, f=flag: self._on_flag(f, value))
                grid.addWidget(label, row, 0)
                grid.addWidget(tri, row, 1, Qt.AlignmentFlag.AlignRight)
                self.flags[flag] = tri
                row += 1
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(0, 1)

    def history(self) -> History:
        return self._history

    def set_history(self, history: History) -> None:
        """Show this history without emitting."""
        self._history = history
        self.age.blockSignals(True)
        self.age.setValue(-1 if history.age is None else history.age)
        self.age.blockSignals(False)
        self.onset.setCurrentIndex(max(self.onset.findData(history.onset), 0))
        for flag, tri in self.flags.items():
            tri.set_value(history.flag(flag))

    @staticmethod
    def describe_change(field: str, before: History, after: History) -> str:
        """The undo text of a history edit: "Fever: not known → yes"."""
        if field == "age":
            return QCoreApplication.translate("HistoryPanel", "Age: {0} → {1}").format(
                _age_words(before.age), _age_words(after.age)
            )
        if field == "onset":
            unknown = QCoreApplication.translate("HistoryPanel", "not known")
            return QCoreApplication.translate("HistoryPanel", "Onset: {0} → {1}").format(
                _tr(before.onset) if before.onset else unknown,
                _tr(after.onset) if after.onset else unknown,
            )
        label = _tr(FLAG_LABELS.get(field, field.replace("_", " ").capitalize()))
        return QCoreApplication.translate("HistoryPanel", "{0}: {1} → {2}").format(
            label, _flag_word(before.flag(field)), _flag_word(after.flag(field))
        )

    def _emit(self, history: History, field: str) -> None:
        if history != self._history:
            self._history = history
            self.historyEdited.emit(history, field)

    def _on_age(self, value: int) -> None:
        age = None if value < 0 else value
        self._emit(History(age, self._history.onset, self._history.flags), "age")

    def _on_onset(self, _index: int) -> None:
        onset = self.onset.currentData()
        self._emit(History(self._history.age, onset, self._history.flags), "onset")

    def _on_flag(self, flag: str, value: bool | None) -> None:
        flags = {k: v for k, v in self._history.flags.items() if k != flag}
        if value is not None:
            flags[flag] = value
        self._emit(History(self._history.age, self._history.onset, flags), flag)
