"""Write each region's share of the drawn body surface into the engine, from the maps.

Run after changing a body or sole map (a test says when it is due):

    python3 tools/bake_surface.py

The engine may not read maps (architecture.md), so the table is baked into
``desktop/rootmap/engine/surface_areas.py``; ``rootmap.maps.surface`` says what the
surface is.
"""

from __future__ import annotations

from pathlib import Path

from rootmap.maps.surface import surface_percent

TARGET = Path(__file__).resolve().parents[1] / "desktop" / "rootmap" / "engine" / "surface_areas.py"
DIGITS = 4


def table_source(percent: dict[str, float]) -> str:
    rows = "".join(f'    "{key}": {value:.{DIGITS}f},\n' for key, value in percent.items())
    return (
        '"""Each region\'s share of the drawn body surface, in percent '
        "(generated: do not edit).\n\n"
        "Written by ``tools/bake_surface.py`` from the maps; ``rootmap.maps.surface`` says what\n"
        'the surface is (front and back body views, the soles added once).\n"""\n\n'
        "SURFACE_PERCENT: dict[str, float] = {\n"
        f"{rows}"
        "}\n"
    )


def main() -> int:
    TARGET.write_text(table_source(surface_percent()), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
