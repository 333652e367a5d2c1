"""Developer tools, run from the repository root with ``python3 -m tools.<name>``:

- ``tools.mapgen``: regenerate every map SVG in ``assets/maps`` and bake its geometry
  (``python3 -m tools.mapgen``; ``--check`` fails when the committed files differ).
- ``tools.bake_geometry``: bake the maps' region geometry only.
- ``tools.render_views``: render the maps to PNG for looking at them.
- ``tools.startup_bench``: time ``rootmap`` to a ready window against a bare PySide6 window.
"""
