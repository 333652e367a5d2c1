"""The red-flag banner stays compact: the flag and advice, one line of reasons, the
whole list in a tooltip and under a keyboard-reachable Details toggle."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rootmap.analysis import RedFlagResult

WHY = (
    "a muscle graded 3/5 or weaker: great toe extension 2/5, left",
    "deficit progressing between visits: ankle dorsiflexion, left: 5/5 → 4/5",
    "deficit progressing between visits: great toe extension, left: 4/5 → 2/5",
)
FLAG = RedFlagResult(
    "progressive_neurological_deficit",
    "urgent",
    "Urgent: progressive or severe weakness. Arrange urgent MRI and spinal surgical"
    " review, and re-examine power and reflexes at every contact.",
    WHY,
)


def test_the_banner_is_at_most_three_lines_at_1280x720(window, qtbot):
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    banner = window.banner
    banner.set_flags((FLAG,), window.knowledge.regions)
    qtbot.waitUntil(banner.isVisible)
    shown = banner.shown_text()
    assert "(+2 more)" in shown and WHY[2].split(": ", 1)[1] not in shown
    assert WHY[2] in banner.text() and WHY[2] in banner.label.toolTip()
    line = banner.label.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: banner.label.height() > 0)
    assert banner.label.heightForWidth(banner.label.width()) <= 3.5 * line
    # Details, from the keyboard: every reason; again: compact.
    banner.details.setFocus()
    qtbot.waitUntil(banner.details.hasFocus)
    qtbot.keyClick(banner.details, Qt.Key.Key_Space)
    assert banner.details.isChecked() and WHY[2] in banner.shown_text()
    qtbot.keyClick(banner.details, Qt.Key.Key_Space)
    assert "(+2 more)" in banner.shown_text()


def test_other_flags_are_named_on_the_compact_line(window):
    emergency = RedFlagResult("cauda_equina", "emergency", "Same-day assessment.", ("x",))
    window.banner.set_flags((FLAG, emergency), window.knowledge.regions)
    shown = window.banner.shown_text()
    assert shown.index("CAUDA EQUINA") < shown.index("Also: PROGRESSIVE NEUROLOGICAL DEFICIT")
