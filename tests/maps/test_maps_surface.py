"""The drawn body surface baked into the engine matches the maps it comes from."""

from __future__ import annotations

import math

from rootmap.engine.surface_areas import SURFACE_PERCENT
from rootmap.maps.surface import surface_percent


def test_the_baked_surface_table_matches_the_maps():
    fresh = surface_percent()
    assert set(fresh) == set(SURFACE_PERCENT), "run python3 tools/bake_surface.py"
    for key, value in fresh.items():
        assert math.isclose(SURFACE_PERCENT[key], value, abs_tol=1e-3), (
            f"{key}: baked {SURFACE_PERCENT[key]}, maps {value:.4f}; "
            "run python3 tools/bake_surface.py"
        )


def test_left_and_right_have_the_same_share():
    for key, value in SURFACE_PERCENT.items():
        side, _, region = key.partition(".")
        if side == "left":
            assert SURFACE_PERCENT[f"right.{region}"] == value
