"""The map generator: the SVGs in ``assets/maps`` are built from compact descriptions.

``python3 -m tools.mapgen`` rebuilds all of them (feet, body, spine) and bakes their
geometry; each view also has its own module (``python3 -m tools.mapgen.feet`` ...).
The output is committed; CI regenerates it and fails when it differs.
"""
