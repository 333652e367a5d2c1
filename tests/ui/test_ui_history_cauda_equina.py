"""The contract v2 history items (altered bladder sensation, sexual dysfunction) and the
coding items (diabetes type, pars defect): recordable in the History panel as ? / Yes / No,
kept by .rootmap documents (older files without them still open), printed in the report."""

from __future__ import annotations

import json
import tomllib

import pytest
from PySide6.QtCore import Qt

from rootmap.documents import Document, document_from_bytes, document_to_bytes
from rootmap.encounter import Encounter, History
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge
from rootmap.reports.html import report_html
from rootmap.resources import asset_path

NEW_KEYS = ("altered_bladder_sensation", "sexual_dysfunction", "type_1_diabetes", "pars_defect")

with open(asset_path("knowledge", "regions.toml"), "rb") as _stream:
    REGIONS = frozenset(r["id"] for r in tomllib.load(_stream)["region"])


@pytest.mark.parametrize("key", NEW_KEYS)
def test_each_new_history_item_is_a_tri_state_in_the_panel(window, qtbot, key):
    tri = window.history_panel.flags[key]
    assert tri.value() is None
    qtbot.mouseClick(tri.buttons[True], Qt.MouseButton.LeftButton)
    assert window.encounter().history.flags == {key: True}
    qtbot.mouseClick(tri.buttons[False], Qt.MouseButton.LeftButton)
    assert window.encounter().history.flags == {key: False}
    qtbot.mouseClick(tri.buttons[None], Qt.MouseButton.LeftButton)
    assert window.encounter().history.flags == {}


def test_altered_bladder_sensation_with_back_pain_raises_the_cauda_equina_emergency(window, qtbot):
    for flag in ("back_pain", "altered_bladder_sensation"):
        qtbot.mouseClick(window.history_panel.flags[flag].buttons[True], Qt.MouseButton.LeftButton)
    flags = window.analysis().red_flags
    assert [(f.id, f.urgency) for f in flags][:1] == [("cauda_equina", "emergency")]
    assert window.banner.isVisible() and "CAUDA EQUINA" in window.banner.text()


def test_documents_keep_the_new_items_and_older_files_still_open():
    history = History(flags={key: True for key in NEW_KEYS})
    document = Document(encounter=Encounter(history=history), created="2025-03-01T09:30:00+00:00")
    reopened = document_from_bytes(document_to_bytes(document), REGIONS, ("lee2008",))
    assert reopened.encounter.history.flags == history.flags
    older = json.dumps({"history": {"bladder_dysfunction": True, "leg_pain": True}}).encode()
    opened = document_from_bytes(older, REGIONS, ("lee2008",))
    assert opened.encounter.history.flags == {"bladder_dysfunction": True, "leg_pain": True}


def test_the_report_history_section_names_the_new_items():
    knowledge = load_knowledge()
    history = History(flags={"altered_bladder_sensation": True, "sexual_dysfunction": False})
    document = Document(encounter=Encounter(history=history))
    html = report_html(document, analyze(document.encounter, knowledge), knowledge)
    assert "Altered bladder sensation" in html and "Sexual dysfunction" in html
