"""A cache of extracted map geometry, so start-up skips svgelements.

One JSON file per view, named after the SVG's fingerprint (``rootmap.digests``: its
length and CRC-32), so a changed SVG is parsed again.
Two places are looked in: the *baked* geometry shipped beside the SVGs
(``assets/maps/geometry/``, written by ``python3 -m tools.bake_geometry`` and checked by
``rootmap check-assets``), so that even a first start never parses; then the user's cache
folder. A cache that cannot be read or written is simply ignored.

The user's cache is never trusted: each file starts with a line holding the fingerprint
of the rest of its bytes, and records the fingerprint of the SVG it was extracted from. A
file that
does not verify (a flipped byte, a truncated write, another SVG) is ignored, and the SVG
is parsed again and the file rewritten (0600, through the one atomic writer).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from rootmap.digests import fingerprint

FORMAT = 3  # 3: with the lettering (rootmap.maps.lettering)
MAGIC = b"rootmap-geometry-cache fingerprint="


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
    return f"{svg_file.stem}-{fingerprint(data)}.json"


def cache_file(svg_file: Path, data: bytes) -> Path:
    return cache_dir() / _name(svg_file, data)


def baked_file(svg_file: Path, data: bytes) -> Path:
    """Where the geometry shipped with this exact SVG lives (beside it, read-only)."""
    return svg_file.parent / BAKED_DIR / _name(svg_file, data)


def read(path: Path, source: bytes | None = None) -> dict[str, Any] | None:
    """The cached geometry, or None.

    With ``source`` (the SVG's bytes: the user's cache) the file must verify: its digest
    line matches its bytes, and it was extracted from exactly ``source``. Without it (the
    baked geometry shipped with the app), plain JSON is read."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if source is not None:
        header, _, raw = raw.partition(b"\n")
        if header != MAGIC + fingerprint(raw).encode("ascii"):
            return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    if source is not None and data.get("source") != fingerprint(source):
        return None
    return data


def write(path: Path, data: dict[str, Any], source: bytes | None = None) -> None:
    """Cache ``data`` extracted from the SVG bytes ``source`` (signed as ``read`` checks)."""
    from rootmap.safe_files import make_folder, write_atomic

    payload: dict[str, Any] = {**data, "format": FORMAT}
    if source is not None:
        payload["source"] = fingerprint(source)
    body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
    header = MAGIC + fingerprint(body).encode("ascii")
    try:
        make_folder(path.parent)
        write_atomic(path, header + b"\n" + body)
    except OSError:
        pass  # a read-only home or a full disk: parse again next time
