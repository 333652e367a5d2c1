"""The window's texts go through Qt's translation, and a translation is loaded when one exists."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from rootmap.ui import translation


class Shouting(QTranslator):
    """Every text of the given contexts, in capitals: shows which texts are translated."""

    def __init__(self, contexts: set[str]) -> None:
        super().__init__()
        self.contexts = contexts
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[override]
        self.asked.add((context, source))
        return source.upper() if context in self.contexts else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def shouting(qapp: QApplication) -> Iterator[Shouting]:
    translator = Shouting(
        {"WindowCommands", "MapArea", "MainWindow", "FindingPalette", "Shell", "TeachingMode"}
    )
    qapp.installTranslator(translator)
    try:
        yield translator
    finally:
        qapp.removeTranslator(translator)


def test_menus_tabs_and_buttons_are_translated(qtbot, shouting):
    from rootmap.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&FILE" in menus and "&EDIT" in menus and "&TEACHING" in menus
    tabs = window.map_tabs()
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["BODY FRONT", "BODY BACK", "FEET"]
    assert window.forms.tabText(0) == "EXAMINATION"
    assert window.finding_palette.buttons["eraser"].text() == "ERASER"
    assert window.finding_palette.buttons["pain"].text() == "PAIN"
    assert window.actions_by_id["zoom.fit"].text() == "FIT TO WINDOW"
    assert window.actions_by_id["page.0"].text() == "BODY FRONT"
    assert window.disclaimer.text() == "SUPPORTS CLINICAL JUDGEMENT — NOT A DIAGNOSIS"


def test_without_a_translation_the_texts_stay_english(qtbot):
    from rootmap.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.map_tabs().tabText(0) == "Body front"


def test_no_translations_folder_loads_nothing(qapp, tmp_path: Path):
    assert translation.install_translation(qapp, QLocale("fr"), tmp_path / "missing") == []
    assert translation.install_translation(qapp, QLocale("fr"), tmp_path) == []
    # None is shipped: start-up finds no folder (or no file for the system's language).
    folder = translation.translations_dir()
    assert folder is None or not list(folder.glob("rootmap_*.qm"))


LRELEASE = shutil.which("pyside6-lrelease")

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context><name>WindowCommands</name>
<message><source>&amp;File</source><translation>&amp;Fichier</translation></message>
</context>
<context><name>MapArea</name>
<message><source>Feet</source><translation>Pieds</translation></message>
</context>
</TS>
"""


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease is not installed")
def test_a_generated_qm_for_the_locale_is_loaded(qtbot, qapp, tmp_path: Path):
    from rootmap.ui.main_window import MainWindow

    (tmp_path / "rootmap_fr.ts").write_text(TS, encoding="utf-8")
    assert LRELEASE is not None
    subprocess.run(
        [LRELEASE, str(tmp_path / "rootmap_fr.ts"), "-qm", str(tmp_path / "rootmap_fr.qm")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    installed = translation.install_translation(qapp, QLocale("fr_FR"), tmp_path)
    try:
        assert installed
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "&Fichier"
        assert window.map_tabs().tabText(2) == "Pieds"
        assert window.map_tabs().tabText(0) == "Body front"  # not translated: stays English
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
