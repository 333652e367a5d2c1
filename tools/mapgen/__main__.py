"""Regenerate every map: ``python3 -m tools.mapgen [--check]`` (from the repository root).

Writes the foot, body and spine SVGs into ``assets/maps`` and bakes their geometry into
``assets/maps/geometry``. ``--check`` then fails (status 1) when the result differs from
the committed files (``git diff --exit-code``), as CI runs it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from tools.mapgen import body, feet, spine

MAPS = body.REPO / "assets" / "maps"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m tools.mapgen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail when the output changed")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from tools import bake_geometry

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out = str(MAPS)
    status = 0
    for generator in (feet.main, body.main, spine.main):
        status = max(status, generator(["mapgen", out]))
    status = max(status, bake_geometry.main())
    if args.check:
        changed = subprocess.run(
            ["git", "-C", str(body.REPO), "status", "--porcelain", "--", "assets/maps"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if changed:
            print("The generated maps differ from the committed ones:", file=sys.stderr)
            print(changed, file=sys.stderr, end="")
            subprocess.run(["git", "-C", str(body.REPO), "diff", "--stat", "--", "assets/maps"])
            return 1
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
