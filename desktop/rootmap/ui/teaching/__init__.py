"""Teaching mode, the Qt part: the overlay, the teaching panel, presentation mode, cases.

The main window builds ``rootmap.ui.teaching.mode.TeachingMode(session, window)``: the
encounter session and a ``TeachingHost`` (``rootmap.ui.host``).
"""
