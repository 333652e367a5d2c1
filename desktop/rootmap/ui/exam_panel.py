"""The examination panel: every sign of the contract, the patient's right and left.

One drop-down per sign and side. "not tested" (the default) leaves the sign out of the
encounter, which differs from a normal finding. Abnormal values are tinted so that a
glance finds them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from rootmap.encounter import MRC_SIGNS, SIGN_VALUES, Sign
from rootmap.palette import ui_colours
from rootmap.ui.form_guard import ValueGuard
from rootmap.ui.i18n import QT_TRANSLATE_NOOP
from rootmap.wording import SHOWN_SIDES, SIDES_CONVENTION

NOT_TESTED = QT_TRANSLATE_NOOP("ExamPanel", "not tested")
MRC_LABELS = {
    5: QT_TRANSLATE_NOOP("ExamPanel", "5 normal"),
    4: "4",
    3: "3",
    2: "2",
    1: "1",
    0: "0",
}
MRC_MEANINGS = {
    5: QT_TRANSLATE_NOOP("ExamPanel", "normal power"),
    4: QT_TRANSLATE_NOOP("ExamPanel", "moves against some resistance"),
    3: QT_TRANSLATE_NOOP("ExamPanel", "moves against gravity, not resistance"),
    2: QT_TRANSLATE_NOOP("ExamPanel", "moves with gravity eliminated"),
    1: QT_TRANSLATE_NOOP("ExamPanel", "flicker of contraction"),
    0: QT_TRANSLATE_NOOP("ExamPanel", "no contraction"),
}
NORMAL_VALUES: dict[str, int | str] = {
    **{sign: 5 for sign in MRC_SIGNS},
    "heel_walk": "normal",
    "toe_walk": "normal",
    "foot_drop": "absent",
    "patellar_reflex": "normal",
    "medial_hamstring_reflex": "normal",
    "achilles_reflex": "normal",
    "babinski": "absent",
    "straight_leg_raise": "negative",
    "crossed_straight_leg_raise": "negative",
    "femoral_stretch": "negative",
}
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("ExamPanel", "Strength (MRC 0-5)"), MRC_SIGNS),
    (
        QT_TRANSLATE_NOOP("ExamPanel", "Reflexes"),
        ("patellar_reflex", "medial_hamstring_reflex", "achilles_reflex"),
    ),
    (QT_TRANSLATE_NOOP("ExamPanel", "Gait"), ("heel_walk", "toe_walk", "foot_drop")),
    (QT_TRANSLATE_NOOP("ExamPanel", "Upper motor neuron"), ("babinski",)),
    (
        QT_TRANSLATE_NOOP("ExamPanel", "Nerve tension"),
        ("straight_leg_raise", "crossed_straight_leg_raise", "femoral_stretch"),
    ),
)
# An abnormal value: a warm tint and bold text. (Set as a palette and a font, not a style
# sheet: a style sheet on the panel made building it ~4x slower, ~25 ms at start-up.)
# (Colours: the abnormal_background and abnormal_text roles of rootmap.palette.UiColours.)


# Words the core (rootmap.encounter, rootmap.wording; no Qt) shows here, marked for
# translation: the sides, the sign values and the sides' convention.
TRANSLATED_WORDS = (
    QT_TRANSLATE_NOOP("ExamPanel", "right"),
    QT_TRANSLATE_NOOP("ExamPanel", "left"),
    QT_TRANSLATE_NOOP("ExamPanel", "Right"),
    QT_TRANSLATE_NOOP("ExamPanel", "Left"),
    QT_TRANSLATE_NOOP("ExamPanel", "normal"),
    QT_TRANSLATE_NOOP("ExamPanel", "impaired"),
    QT_TRANSLATE_NOOP("ExamPanel", "present"),
    QT_TRANSLATE_NOOP("ExamPanel", "absent"),
    QT_TRANSLATE_NOOP("ExamPanel", "positive"),
    QT_TRANSLATE_NOOP("ExamPanel", "negative"),
    QT_TRANSLATE_NOOP("ExamPanel", "reduced"),
    QT_TRANSLATE_NOOP("ExamPanel", "brisk"),
    QT_TRANSLATE_NOOP(
        "ExamPanel",
        "Right and left are the patient's, on the maps too: on the front views"
        " the patient's right is on your left.",
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExamPanel", text)


def sign_label(sign: str) -> str:
    """``great_toe_extension`` -> ``Great toe extension``."""
    return sign.replace("_", " ").capitalize()


def shown_value(value: int | str | None) -> str:
    """A sign's value in words: None -> "not tested", an MRC grade 3 -> "3/5"."""
    if value is None:
        return _tr(NOT_TESTED)
    return f"{value}/5" if isinstance(value, int) else _tr(value)


class SignCombo(QComboBox):
    """A drop-down for one sign and side (the panel's ``ValueGuard`` keeps the wheel and
    typed characters off it)."""

    def __init__(self, sign: str, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sign = sign
        self.side = side
        self.stepping = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName(f"sign_{sign}_{side}")
        # Sized to its values on first show (Qt's default; they never change). Asking for
        # AdjustToContents would build every drop-down's popup list now: 80 of them.
        self.setMinimumContentsLength(8)
        self.addItem(_tr(NOT_TESTED), None)
        allowed = SIGN_VALUES[sign]
        if allowed is None:
            for grade in range(5, -1, -1):
                self.addItem(_tr(MRC_LABELS[grade]), grade)
                self.setItemData(
                    self.count() - 1,
                    QCoreApplication.translate("ExamPanel", "MRC {0}: {1}").format(
                        grade, _tr(MRC_MEANINGS[grade])
                    ),
                    Qt.ItemDataRole.ToolTipRole,
                )
        else:
            for value in allowed:
                self.addItem(_tr(value), value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.stepping = True  # a value chosen now comes from a key (e.g. Down)
        try:
            super().keyPressEvent(event)
        finally:
            self.stepping = False

    def value(self) -> int | str | None:
        data = self.currentData()
        return None if data is None else data

    def set_value(self, value: int | str | None) -> None:
        index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.refresh_tint()

    def refresh_tint(self) -> None:
        value = self.value()
        abnormal = value is not None and value != NORMAL_VALUES.get(self.sign)
        if self.property("abnormal") != abnormal:
            self.setProperty("abnormal", abnormal)
            palette, font = QPalette(), QFont()  # empty: inherit the panel's
            if abnormal:
                palette = QPalette(self.palette())
                colours = ui_colours()
                for role in (QPalette.ColorRole.Button, QPalette.ColorRole.Base):
                    palette.setColor(role, QColor(colours.abnormal_background))
                for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
                    palette.setColor(role, QColor(colours.abnormal_text))
                font = QFont(self.font())
                font.setBold(True)
            self.setPalette(palette)
            self.setFont(font)


class ExamPanel(QWidget):
    """Emits ``signEdited(sign, side, value)``; value None means "not tested"."""

    signEdited = Signal(str, str, object)

    def __init__(
        self, labels: Mapping[str, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)  # narrow: both sides' drop-downs still fit
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(3)
        self.combos: dict[tuple[str, str], SignCombo] = {}
        self._labels: dict[str, str] = {}
        self._guard = ValueGuard(self)
        self.convention = QLabel(_tr(SIDES_CONVENTION), self)
        self.convention.setObjectName("sides_convention")
        self.convention.setWordWrap(True)
        grid.addWidget(self.convention, 0, 0, 1, 3)
        row = 1
        self.side_headers: list[QLabel] = []
        for column, side in enumerate(SHOWN_SIDES, start=1):
            header = QLabel(f"<b>{_tr(side.capitalize())}</b>", self)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setToolTip(self.tr("the patient's {0}").format(_tr(side)))
            grid.addWidget(header, row, column)
            self.side_headers.append(header)
        row += 1
        for title, signs in SECTIONS:
            section = QLabel(f"<b>{_tr(title)}</b>", self)
            section.setContentsMargins(0, 8, 0, 0)
            grid.addWidget(section, row, 0, 1, 3)
            row += 1
            for sign in signs:
                text = (labels or {}).get(sign) or sign_label(sign)
                self._labels[sign] = text
                label = QLabel(text, self)
                label.setWordWrap(True)
                grid.addWidget(label, row, 0)
                for column, side in enumerate(SHOWN_SIDES, start=1):
                    combo = SignCombo(sign, side, self)
                    combo.setToolTip(f"{text}, {_tr(side)}")
                    combo.activated.connect(lambda _i, c=combo: self._on_activated(c))
                    self._guard.watch(combo)
                    label.setBuddy(combo)
                    grid.addWidget(combo, row, column)
                    self.combos[(sign, side)] = combo
                row += 1
        grid.setRowStretch(row, 1)
        grid.setColumnStretch(0, 1)

    def combo(self, sign: str, side: str) -> SignCombo:
        return self.combos[(sign, side)]

    def set_signs(self, signs: Iterable[Sign]) -> None:
        """Show these signs (without emitting); every other sign shows "not tested"."""
        values = {(s.sign, s.side): s.value for s in signs}
        for key, combo in self.combos.items():
            value = values.get(key)
            if combo.value() != value:
                combo.set_value(value)

    def describe_change(
        self, sign: str, side: str, before: int | str | None, after: int | str | None
    ) -> str:
        """The undo text of a sign change: "Great toe extension, left: 3/5 → 2/5"."""
        label = self._labels.get(sign) or sign_label(sign)
        return self.tr("{0}, {1}: {2} → {3}").format(
            label, _tr(side), shown_value(before), shown_value(after)
        )

    def merge_field(self, sign: str, side: str) -> str | None:
        """The undo merge field of the edit being made: steps with the arrow keys merge
        into one undo step; each mouse choice is a step of its own."""
        return f"sign.{sign}.{side}" if self.combo(sign, side).stepping else None

    def _on_activated(self, combo: SignCombo) -> None:
        combo.refresh_tint()
        self.signEdited.emit(combo.sign, combo.side, combo.value())
