"""PySide6's look at each later import, answered from the file's bytes, gives the same
answers as PySide6's own check (which reads the source with inspect.getsource)."""

from __future__ import annotations

import sys

import rootmap
import rootmap.encounter
import rootmap.ui.exam_panel
from rootmap.ui.pyside_import_scan import scan_imports_from_bytes


def test_the_byte_scan_answers_as_pyside_does():
    assert scan_imports_from_bytes()
    assert scan_imports_from_bytes()  # a second call keeps the one replacement
    hook = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    pyside_own = hook.replaced
    assert not hasattr(pyside_own, "replaced")
    modules = (rootmap.encounter, rootmap.ui.exam_panel, sys, rootmap)
    assert [hook(m) for m in modules] == [bool(pyside_own(m)) for m in modules]
    assert [hook(m) for m in modules] == [False, True, False, False]
