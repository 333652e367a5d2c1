"""Teaching mode, the pure part: overlay colours, atlas differences, root facts, quiz, cases.

Nothing here imports Qt; ``rootmap.ui.teaching`` draws it.
"""
