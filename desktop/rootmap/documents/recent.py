"""The recent files list (the window keeps it in QSettings; the rule lives here)."""

from __future__ import annotations

import os
from collections.abc import Iterable

RECENT_LIMIT = 8


def remember(recent: Iterable[str], path: str, limit: int = RECENT_LIMIT) -> list[str]:
    """``path`` first, without duplicates (same file, however spelled), at most ``limit``."""
    first = os.path.abspath(path)
    rest = [p for p in recent if p and os.path.abspath(p) != first]
    return [first, *rest][:limit]


def existing(recent: Iterable[str]) -> list[str]:
    """The entries that still exist on disk, for the Open Recent menu."""
    return [p for p in recent if p and os.path.isfile(p)]
