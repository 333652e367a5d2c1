"""Every colour of the window comes from one palette; the dark theme stays readable."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from rootmap import palette
from rootmap.ui import theme

PACKAGE = Path(palette.__file__).parent
HEX = re.compile(r"#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?(?:[0-9A-Fa-f]{2})?\b")
QCOLOR_NUMBERS = re.compile(r"QColor\(\s*\d")
COLOUR_NAME = re.compile(
    r"""QColor\(\s*["'](?:white|black|red|green|blue|gray|grey|yellow)["']"""
    r"""|Qt\.GlobalColor\.(?!transparent)\w+""",
)
PALETTE_MODULES = {"palette.py", "colours.py"}


def _sources() -> Iterator[Path]:
    for folder in ("ui", "reports"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            if path.name not in PALETTE_MODULES:
                yield path


def test_no_colour_literal_outside_the_palette_modules():
    found = []
    for path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("  #", 1)[0]  # a comment may name a colour
            if code.lstrip().startswith("#"):
                continue
            for pattern in (HEX, QCOLOR_NUMBERS, COLOUR_NAME):
                if pattern.search(code):
                    found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert not found, "colour literals outside rootmap.palette:\n" + "\n".join(found)


def test_the_grep_finds_what_it_is_meant_to_find():
    assert HEX.search('label.setStyleSheet("color: #444;")')
    assert HEX.search('QColor("#8A1C1C")')
    assert QCOLOR_NUMBERS.search("QColor(12, 34, 56)")
    assert COLOUR_NAME.search('QColor("white")')
    assert COLOUR_NAME.search("Qt.GlobalColor.darkGray")
    assert not HEX.search("page #2 of the form")
    assert not COLOUR_NAME.search("Qt.GlobalColor.transparent")


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_text_role_reads_on_its_background(name: str):
    c = palette.UI_THEMES[name]
    pairs = {
        "window text": (c.window_text, c.window),
        "text": (c.text, c.base),
        "alternate rows": (c.text, c.alternate_base),
        "buttons": (c.button_text, c.button),
        "selection": (c.highlighted_text, c.highlight),
        "tooltips": (c.tooltip_text, c.tooltip_base),
        "hint": (c.hint_text, c.window),
        "map captions": (c.caption_text, c.window),
        "disclaimer": (c.disclaimer_text, c.window),
        "map error": (c.error_text, c.window),
        "caution evidence": (c.caution_text, c.base),
        "abnormal value": (c.abnormal_text, c.abnormal_background),
        "switch": (c.switch_text, c.switch_background),
        "switch ?": (c.switch_checked_text, c.switch_checked_background),
        "switch yes": (c.switch_checked_text, c.switch_yes_background),
        "switch no": (c.switch_checked_text, c.switch_no_background),
        "score numbers": (c.bar_text, c.base),
        "quiz right": (c.quiz_right, c.window),
        "quiz half": (c.quiz_half, c.window),
        "quiz wrong": (c.quiz_wrong, c.window),
        "red-flag banner": (palette.RED_FLAG_TEXT, palette.RED_FLAG_BACKGROUND),
    }
    poor = {
        what: round(palette.contrast_ratio(*colours), 2)
        for what, colours in pairs.items()
        if palette.contrast_ratio(*colours) < 4.5
    }
    assert not poor, f"{name} theme: contrast under 4.5:1 for {poor}"


def test_contrast_ratio_matches_wcag():
    assert palette.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert palette.contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert palette.contrast_ratio("#123456", "#123456") == pytest.approx(1.0)


def test_rootmap_theme_variable():
    assert theme.requested_theme({}) == "auto"
    assert theme.requested_theme({"ROOTMAP_THEME": "Dark"}) == "dark"
    assert theme.requested_theme({"ROOTMAP_THEME": "light"}) == "light"
    with pytest.raises(ValueError, match="ROOTMAP_THEME"):
        theme.requested_theme({"ROOTMAP_THEME": "purple"})


@pytest.fixture
def dark_theme(qapp: QApplication) -> Iterator[str]:
    saved = QPalette(qapp.palette())
    name = theme.apply_theme(qapp, "dark")
    try:
        yield name
    finally:
        palette.set_ui_theme("light")
        qapp.setPalette(saved)


def _contrast(first: QColor, second: QColor) -> float:
    return palette.contrast_ratio(first.name(), second.name())


def test_forced_dark_theme_makes_the_window_readable(qtbot, dark_theme):
    from rootmap.ui.main_window import MainWindow

    assert dark_theme == "dark"
    assert palette.ui_colours() is palette.DARK_UI
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    role = QPalette.ColorRole
    shown = window.palette()
    assert shown.color(role.Window).lightness() < 80  # dark indeed
    assert _contrast(shown.color(role.WindowText), shown.color(role.Window)) >= 4.5
    assert _contrast(shown.color(role.Text), shown.color(role.Base)) >= 4.5
    assert _contrast(shown.color(role.ButtonText), shown.color(role.Button)) >= 4.5
    disclaimer = window.disclaimer.palette()
    assert _contrast(disclaimer.color(role.WindowText), shown.color(role.Window)) >= 4.5
    tabs = window.forms.tabBar().palette()
    assert _contrast(tabs.color(role.WindowText), tabs.color(role.Window)) >= 4.5
    # The maps keep their light paper.
    for name in ("body_front", "foot_dorsal"):
        view = window.map_area.view(name)
        assert view is not None
        assert view.backgroundBrush().color().lightness() > 240
    window._ensure_spine()
    spine = window.spine_view
    assert spine is not None and spine.backgroundBrush().color().lightness() > 240


def test_red_flag_banner_reads_in_the_dark_theme(qtbot, dark_theme):
    from rootmap.ui.red_flag_banner import BANNER_STYLE, RedFlagBanner

    banner = RedFlagBanner()
    qtbot.addWidget(banner)
    assert palette.RED_FLAG_BACKGROUND in BANNER_STYLE and palette.RED_FLAG_TEXT in BANNER_STYLE
    assert palette.contrast_ratio(palette.RED_FLAG_TEXT, palette.RED_FLAG_BACKGROUND) >= 4.5


def test_an_abnormal_value_reads_in_the_dark_theme(qtbot, dark_theme):
    from rootmap.ui.exam_panel import SignCombo

    combo = SignCombo("great_toe_extension", "left")
    qtbot.addWidget(combo)
    combo.set_value(2)
    shown = combo.palette()
    role = QPalette.ColorRole
    assert shown.color(role.Button).name().upper() == palette.DARK_UI.abnormal_background
    assert _contrast(shown.color(role.ButtonText), shown.color(role.Button)) >= 4.5


def test_the_light_theme_is_the_default(qapp):
    assert palette.ui_colours() is palette.LIGHT_UI


def test_auto_follows_a_dark_system_palette(qapp):
    saved = QPalette(qapp.palette())
    try:
        qapp.setPalette(theme.qt_palette(palette.DARK_UI))  # as a dark desktop would
        assert theme.system_is_dark(qapp)
        assert theme.apply_theme(qapp, "auto") == "dark"
        assert palette.ui_colours() is palette.DARK_UI
    finally:
        palette.set_ui_theme("light")
        qapp.setPalette(saved)


def test_a_bad_theme_name_is_one_line_and_status_2(monkeypatch, capsys):
    from rootmap.ui.app import run_app

    monkeypatch.setenv("ROOTMAP_THEME", "purple")
    assert run_app([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ROOTMAP_THEME" in err
