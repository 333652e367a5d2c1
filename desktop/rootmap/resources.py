"""Find RootMap's assets in a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def assets_dir() -> Path:
    """The folder holding ``knowledge/`` and ``maps/``.

    Wheel: ``rootmap/assets`` inside the package. Frozen (PyInstaller): ``assets``
    beside the bundle's data (``sys._MEIPASS``). Checkout: ``assets/`` at the top.
    """
    candidates = [_PACKAGE_DIR / "assets"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "assets")
    candidates.append(_PACKAGE_DIR.parent.parent / "assets")
    for candidate in candidates:
        if (candidate / "knowledge").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"RootMap's assets were not found (looked in: {searched})")


def asset_path(*parts: str) -> Path:
    """A path below the assets folder; refuses to leave it."""
    base = assets_dir()
    path = base.joinpath(*parts).resolve()
    if base.resolve() not in path.parents and path != base.resolve():
        raise ValueError(f"asset path escapes the assets folder: {'/'.join(parts)}")
    return path
