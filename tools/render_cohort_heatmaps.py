"""Render the README's cohort heat maps from a seeded synthetic cohort (never real patients).

Usage: python3 tools/render_cohort_heatmaps.py [--count N] [--seed S] [--out DIR]
Writes DIR/cohort-heatmap-all.png and DIR/cohort-heatmap-by-root.png (default DIR: docs/)
by running `rootmap cohort` over the cohort written to a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    from rootmap.cli import main as rootmap
    from rootmap.cohort.synthetic import write_cohort
    from rootmap.knowledge import load_knowledge

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        write_cohort(Path(folder), args.count, args.seed, load_knowledge())
        common = ["cohort", folder, "--width", "1200"]
        status = rootmap([*common, "--heatmap", str(args.out / "cohort-heatmap-all.png")])
        by_root = str(args.out / "cohort-heatmap-by-root.png")
        return status or rootmap([*common, "--heatmap", by_root, "--by", "root", "--panels", "3"])


if __name__ == "__main__":
    raise SystemExit(main())
