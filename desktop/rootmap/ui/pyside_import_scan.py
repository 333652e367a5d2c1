"""PySide6's look at every later import, answered from the module file's bytes.

Once PySide6 is loaded it asks of every module imported after it whether that module
uses PySide6 (for PySide6's opt-in ``from __feature__ import snake_case`` syntax), by
reading the module's whole source with ``inspect.getsource``: decoding, tokenising for
the encoding, caching every line. For the hundred modules a RootMap window imports that
is about 10 ms of start-up. RootMap uses no ``__feature__``; here the same question is
answered from the file's bytes, and anything else (a module without a ``.py`` file, an
unreadable file) still goes to PySide6's own check. Should PySide6 stop doing this (the
hook is a private part of it), nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType

_HOOK_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"


def scan_imports_from_bytes() -> bool:
    """Replace PySide6's source check (once); True when it is now answered from bytes."""
    import shiboken6  # noqa: F401 - loads PySide6's import hook

    hook_module = sys.modules.get(_HOOK_MODULE)
    original = getattr(hook_module, _HOOK, None)
    if hook_module is None or not callable(original):
        return False
    if hasattr(original, "replaced"):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.replaced = original  # type: ignore[attr-defined]  # (kept for tests)
    setattr(hook_module, _HOOK, uses_pyside)
    return True
