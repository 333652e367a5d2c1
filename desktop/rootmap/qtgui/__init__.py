"""Qt helpers that are not widgets (QtGui painting), shared by ``rootmap.ui``,
``rootmap.reports`` and ``rootmap check-assets``.

With ``rootmap.ui`` and ``rootmap.reports`` this is the Qt side of the package; every
other module of ``rootmap`` is the Qt-free core (``tests/test_architecture.py``).
"""
