"""Teaching mode, the Qt part: the overlay, the teaching panel, presentation mode, cases.

The main window calls ``rootmap.ui.teaching.mode.install_teaching(window)``.
"""
