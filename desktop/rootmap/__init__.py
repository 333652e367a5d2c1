"""RootMap: from leg and foot symptoms to the nerve roots and conditions that explain them.

The clinical core (knowledge, encounter, engine, maps, documents) imports no Qt;
``rootmap.ui`` and ``rootmap.reports`` are the Qt layer over it.
"""

__version__ = "0.1.0"
