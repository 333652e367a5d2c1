"""The red-flag banner: red, bold, across the top of the window, impossible to miss.

Hidden while the analysis raises no red flag. Compact (at most ~3 lines at 1280x720):
the most urgent flag and its advice in bold, then one line of reasons (the first, "+N
more", and the other flags' names); the whole list is the tooltip and opens under a
"Details" toggle (Alt+D, or Tab to it). ``text()`` is the whole list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from rootmap import palette
from rootmap.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # the banner is built before the first paint, the analysis after it
    from rootmap.analysis import RedFlagResult
    from rootmap.knowledge.model import Region

URGENCY_ORDER = {"emergency": 0, "urgent": 1}
REASON_CHARS = 110  # the compact line's first reason, at most (then "…")
BANNER_STYLE = (
    f"QFrame#red_flag_banner {{ background: {palette.RED_FLAG_BACKGROUND};"
    f" border-bottom: 3px solid {palette.RED_FLAG_EDGE}; }}"
    f" QFrame#red_flag_banner QLabel {{ color: {palette.RED_FLAG_TEXT};"
    " font-weight: bold; font-size: 15px; }"
    f" QFrame#red_flag_banner QToolButton {{ color: {palette.RED_FLAG_TEXT};"
    f" background: {palette.RED_FLAG_EDGE}; border: 1px solid {palette.RED_FLAG_TEXT};"
    " border-radius: 3px; padding: 2px 8px; font-weight: bold; }"
    f" QFrame#red_flag_banner QToolButton:focus {{ border: 2px solid {palette.RED_FLAG_TEXT}; }}"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RedFlagBanner", text)


TRANSLATED_WORDS = (  # the urgencies, as the knowledge has them
    QT_TRANSLATE_NOOP("RedFlagBanner", "emergency"),
    QT_TRANSLATE_NOOP("RedFlagBanner", "urgent"),
)


def banner_html(flags: Sequence[RedFlagResult], regions: Mapping[str, Region]) -> str:
    from html import escape  # here: the banner is built before the first paint, used after

    from rootmap.wording import plain

    lines = []
    for flag in sorted(flags, key=lambda f: URGENCY_ORDER.get(f.urgency, 9)):
        title = flag.id.replace("_", " ").upper()
        because = escape(plain("; ".join(flag.why), regions))
        because = QCoreApplication.translate("RedFlagBanner", "Because: {0}").format(because)
        why = f"<br><span style='font-weight:normal'>{because}</span>"
        lines.append(
            f"⚠ {escape(_tr(flag.urgency).upper())} — {escape(title)}: {escape(flag.message)}"
            + (why if flag.why else "")
        )
    return "<br>".join(lines)


def compact_html(flags: Sequence[RedFlagResult], regions: Mapping[str, Region]) -> str:
    """The most urgent flag and its advice (bold), then one line: its first reason,
    "+N more", and the names of the other flags."""
    from html import escape

    from rootmap.wording import plain

    ordered = sorted(flags, key=lambda f: URGENCY_ORDER.get(f.urgency, 9))
    if not ordered:
        return ""
    top = ordered[0]
    title = top.id.replace("_", " ").upper()
    text = f"⚠ {escape(_tr(top.urgency).upper())} — {escape(title)}: {escape(top.message)}"
    parts = []
    if top.why:
        first = plain(top.why[0], regions)
        if len(first) > REASON_CHARS:
            first = first[: REASON_CHARS - 1].rstrip() + "…"
        because = _tr("Because: {0}").format(escape(first))
        if len(top.why) > 1:
            because += " " + _tr("(+{0} more)").format(len(top.why) - 1)
        parts.append(because)
    others = [f.id.replace("_", " ").upper() for f in ordered[1:]]
    if others:
        parts.append(_tr("Also: {0}").format(escape(", ".join(others))))
    if parts:
        text += f"<br><span style='font-weight:normal'>{' · '.join(parts)}</span>"
    return text


class RedFlagBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("red_flag_banner")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 10, 6)
        row.setSpacing(10)
        self.label = QLabel(self)
        self.label.setObjectName("red_flag_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        row.addWidget(self.label, 1)
        self.details = QToolButton(self)
        self.details.setObjectName("red_flag_details")
        self.details.setText(QCoreApplication.translate("RedFlagBanner", "&Details"))
        self.details.setCheckable(True)
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details.toggled.connect(self._show_text)
        row.addWidget(self.details, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._flags: tuple[RedFlagResult, ...] = ()
        self._full = ""
        self._compact = ""
        self.hide()

    def flags(self) -> tuple[RedFlagResult, ...]:
        return self._flags

    def text(self) -> str:
        """Every flag with every reason (the tooltip and the Details view)."""
        return self._full

    def shown_text(self) -> str:
        """What the banner shows now: compact, or every reason while Details is on."""
        return self.label.text()

    def set_flags(
        self, flags: Sequence[RedFlagResult], regions: Mapping[str, Region] | None = None
    ) -> None:
        """Show ``flags``; ``regions`` names the regions in their reasons in plain words."""
        flags = tuple(flags)
        if flags == self._flags:
            return
        self._flags = flags
        if flags and not self.styleSheet():  # styled when first needed (quicker start-up)
            self.setStyleSheet(BANNER_STYLE)
        self._full = banner_html(flags, regions or {})
        self._compact = compact_html(flags, regions or {})
        self.label.setToolTip(self._full)
        self.details.setToolTip(self._full)
        more = sum(len(f.why) for f in flags) > 1 or len(flags) > 1
        self.details.setVisible(more)
        self._show_text()
        self.setVisible(bool(flags))

    def _show_text(self) -> None:
        full = self.details.isChecked() or not self.details.isVisibleTo(self)
        self.label.setText(self._full if full else self._compact)
