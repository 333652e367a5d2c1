"""Marking texts for translation where no ``tr`` can run yet (module-level tables).

``QT_TRANSLATE_NOOP("Context", "text")`` returns the text unchanged; ``pyside6-lupdate``
finds it by its name and puts the text in the context's list, and the code that shows
it calls ``QCoreApplication.translate("Context", text)``. (PySide6's own function of
that name is typed to return ``object``; this one returns ``str``.)
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text``, marked for translation in ``context``."""
    return text
