"""A cache of extracted map geometry, so start-up skips svgelements.

One JSON file per view, named after the SVG's sha256, so a changed SVG is parsed again.
Two places are looked in: the *baked* geometry shipped beside the SVGs
(``assets/maps/geometry/``, written by ``python3 -m tools.bake_geometry`` and checked by
``rootmap check-assets``), so that even a first start never parses; then the user's cache
folder. A cache that cannot be read or written is simply ignored.
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


BAKED_DIR = "geometry"


def _name(svg_file: Path, data: bytes) -> str:
    return f"{svg_file.stem}-{hashlib.sha256(data).hexdigest()[:24]}.json"


def cache_file(svg_file: Path, data: bytes) -> Path:
    return cache_dir() / _name(svg_file, data)


def baked_file(svg_file: Path, data: bytes) -> Path:
    """Where the geometry shipped with this exact SVG lives (beside it, read-only)."""
    return svg_file.parent / BAKED_DIR / _name(svg_file, data)


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
