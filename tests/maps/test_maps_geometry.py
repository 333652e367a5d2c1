"""Map geometry: each region is hit where it is drawn; sides and views face the right way."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys

import pytest

from rootmap.maps import VIEW_NAMES, MapFileError, diskcache, load_spine, load_view, read_view
from rootmap.resources import asset_path

AVAILABLE = [n for n in VIEW_NAMES if asset_path("maps", f"{n}.svg").is_file()]


@pytest.mark.parametrize("name", AVAILABLE)
def test_each_region_is_hit_at_its_label_point(name):
    view = load_view(name)
    assert view.regions
    for shape in view.regions:
        assert view.hit_test(*shape.label_point) is shape, shape.key
        x0, y0, x1, y1 = shape.bbox
        assert 0 <= x0 < x1 <= view.width and 0 <= y0 < y1 <= view.height, shape.key


@pytest.mark.parametrize("name", AVAILABLE)
def test_a_point_outside_the_body_hits_nothing(name):
    view = load_view(name)
    assert view.hit_test(2, 2) is None
    assert view.hit_test(view.width - 2, view.height - 2) is None


def _mean_x(view, side):
    return statistics.mean(s.label_point[0] for s in view.regions if s.side == side)


@pytest.mark.parametrize(
    ("name", "right_on_viewers_left"),
    [("body_front", True), ("body_back", False), ("foot_dorsal", True), ("foot_plantar", False)],
)
def test_the_patients_right_is_on_the_correct_side(name, right_on_viewers_left):
    if name not in AVAILABLE:
        pytest.skip(f"{name}.svg is not drawn yet")
    view = load_view(name)
    for region in {s.region for s in view.regions if s.side == "right"}:
        (right,) = [s for s in view.shapes_of(region) if s.side == "right"]
        (left,) = [s for s in view.shapes_of(region) if s.side == "left"]
        assert (right.label_point[0] < left.label_point[0]) == right_on_viewers_left, region
    assert (_mean_x(view, "right") < _mean_x(view, "left")) == right_on_viewers_left


def test_front_shows_the_groin_and_the_back_the_buttocks_and_saddle():
    front, back = load_view("body_front"), load_view("body_back")
    assert front.shapes_of("groin") and not front.shapes_of("buttock")
    assert back.shapes_of("buttock")
    assert [s.key for s in back.shapes_of("saddle")] == ["midline.saddle"]
    assert not front.shapes_of("saddle")


def test_body_views_have_both_sides_of_every_limb_region():
    for name in ("body_front", "body_back"):
        view = load_view(name)
        regions = {s.region for s in view.regions if s.side != "midline"}
        for region in regions:
            assert {s.side for s in view.shapes_of(region)} == {"left", "right"}, region


def test_a_click_on_the_left_thigh_in_front_is_the_left_thigh():
    view = load_view("body_front")
    shape = view.region("left.thigh_anterior_upper")
    assert shape is not None and shape.side == "left"
    hit = view.hit_test(*shape.label_point)
    assert hit is not None and hit.key == "left.thigh_anterior_upper"
    assert view.region("left.no_such_region") is None


def test_unknown_view_is_refused():
    with pytest.raises(ValueError, match="unknown map view"):
        load_view("body_side")


def test_a_broken_svg_gives_one_clear_error(tmp_path):
    bad = tmp_path / "body_front.svg"
    bad.write_text("<svg xmlns='http://www.w3.org/2000/svg'><g id='regions'>", encoding="utf-8")
    with pytest.raises(MapFileError, match=r"body_front\.svg"):
        read_view("body_front", bad)


def test_region_ids_must_name_a_side(tmp_path):
    svg = tmp_path / "x.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10">'
        '<g id="regions"><path id="thigh" d="M1 1L9 1L9 9Z"/></g></svg>',
        encoding="utf-8",
    )
    with pytest.raises(MapFileError, match=r"not <side>\.<region>"):
        read_view("x", svg)


def test_transforms_are_applied_and_label_points_stay_inside_concave_shapes(tmp_path):
    # a "C" shape, moved by a transform on its group: its centroid lies outside it
    svg = tmp_path / "c.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">'
        '<g id="regions" transform="translate(100 0)">'
        '<path id="left.calf_posterior" d="M0 0L90 0L90 20L20 20L20 80L90 80L90 100L0 100Z"/>'
        "</g></svg>",
        encoding="utf-8",
    )
    view = read_view("c", svg)
    (shape,) = view.regions
    assert shape.bbox == (100, 0, 190, 100)
    assert view.hit_test(*shape.label_point) is shape
    assert view.hit_test(150, 50) is None  # inside the C's mouth
    assert view.hit_test(110, 50) is shape


def test_geometry_is_cached_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("ROOTMAP_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "body_front.svg"  # a copy: no baked geometry beside it
    source.write_bytes(asset_path("maps", "body_front.svg").read_bytes())
    first = read_view("body_front", source)
    assert len(list((tmp_path / "cache").glob("body_front-*.json"))) == 1
    again = read_view("body_front", source)
    assert [s.key for s in again.regions] == [s.key for s in first.regions]
    assert again.regions[0].commands == first.regions[0].commands
    # a corrupt cache file is ignored and rewritten
    (cached,) = (tmp_path / "cache").glob("body_front-*.json")
    cached.write_text("{not json", encoding="utf-8")
    assert read_view("body_front", source).regions[0].key == first.regions[0].key


def test_spine_has_every_vertebra_disc_and_root():
    if not asset_path("maps", "spine.svg").is_file():
        pytest.skip("spine.svg is not drawn yet")
    spine = load_spine()
    assert list(spine.vertebrae) == ["L1", "L2", "L3", "L4", "L5", "S1"]
    assert set(spine.discs) == {"L1-L2", "L2-L3", "L3-L4", "L4-L5", "L5-S1"}
    assert ("left", "L5") in spine.roots and ("right", "S1") in spine.roots
    assert len(spine.roots) == 12
    # viewed from behind: the patient's left roots are on the viewer's left
    left, right = spine.roots[("left", "L4")], spine.roots[("right", "L4")]
    assert left.label_point[0] < right.label_point[0]


def test_baked_geometry_matches_the_svgs_and_spares_svgelements(tmp_path):
    """The geometry shipped beside the SVGs is what parsing them gives, and is used first."""
    from rootmap.maps import REGION_GROUPS, extract_geometry

    for name in ("foot_dorsal", "body_back"):
        svg = asset_path("maps", f"{name}.svg")
        baked = json.loads(diskcache.baked_file(svg, svg.read_bytes()).read_text("utf-8"))
        fresh = extract_geometry(svg, REGION_GROUPS)
        assert baked["groups"] == json.loads(json.dumps(fresh["groups"])), name
    script = (
        "import sys; from rootmap.maps import VIEW_NAMES, load_view, load_spine\n"
        "[load_view(v) for v in VIEW_NAMES]; load_spine()\n"
        "assert 'svgelements' not in sys.modules, 'parsed an SVG at start-up'\n"
    )
    env = {**os.environ, "ROOTMAP_CACHE_DIR": str(tmp_path / "empty-cache")}
    subprocess.run([sys.executable, "-c", script], check=True, env=env)
    assert not (tmp_path / "empty-cache").exists()
