"""A cache of extracted map geometry, so start-up skips svgelements.

One JSON file per view in the user's cache folder, named after the SVG's sha256, so a
changed SVG is parsed again. A cache that cannot be read or written is simply ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 1


def cache_dir() -> Path:
    """``$ROOTMAP_CACHE_DIR``, else the platform's user cache folder + ``rootmap/maps``."""
    override = os.environ.get("ROOTMAP_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "rootmap" / "cache" / "maps"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "rootmap" / "maps"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "rootmap" / "maps"


def cache_file(svg_file: Path, data: bytes) -> Path:
    digest = hashlib.sha256(data).hexdigest()[:24]
    return cache_dir() / f"{svg_file.stem}-{digest}.json"


def read(path: Path) -> dict[str, Any] | None:
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data


def write(path: Path, data: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({**data, "format": FORMAT}, handle, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home or a full disk: parse again next time
