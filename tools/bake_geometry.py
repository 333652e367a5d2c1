"""Bake the maps' region geometry into assets/maps/geometry/, so no start-up parses an SVG.

Run after changing any SVG in assets/maps (``rootmap check-assets`` says when it is due):

    python3 -m tools.bake_geometry

Each view's geometry is written as ``<view>-<fingerprint of the SVG>.json``
(``rootmap.digests``); stale files for the same view are removed. The app reads these
first (see ``rootmap.maps.diskcache``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rootmap.maps import REGION_GROUPS, SPINE_GROUPS, diskcache, extract_geometry
from rootmap.resources import asset_path


def bake(maps_dir: Path) -> list[Path]:
    written = []
    for svg in sorted(maps_dir.glob("*.svg")):
        groups = SPINE_GROUPS if svg.stem == "spine" else REGION_GROUPS
        target = diskcache.baked_file(svg, svg.read_bytes())
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in target.parent.glob(f"{svg.stem}-*.json"):
            if stale != target:
                stale.unlink()
        data = {**extract_geometry(svg, groups), "format": diskcache.FORMAT}
        target.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        written.append(target)
    return written


def main() -> int:
    for path in bake(asset_path("maps")):
        print(f"baked {path.relative_to(path.parents[2])} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
