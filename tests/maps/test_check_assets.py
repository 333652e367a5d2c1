"""``rootmap check-assets`` passes on the real maps and catches each kind of broken map."""

from __future__ import annotations

import re
import shutil

import pytest

from rootmap.cli import main
from rootmap.resources import asset_path


@pytest.fixture
def maps_copy(tmp_path):
    target = tmp_path / "maps"
    shutil.copytree(asset_path("maps"), target)
    return target


def _edit(svg, old, new, count=1):
    text = svg.read_text(encoding="utf-8")
    assert old in text
    svg.write_text(text.replace(old, new, count), encoding="utf-8")


def _path_of(svg, key):
    match = re.search(rf'<path id="{re.escape(key)}" d="[^"]*"/>', svg.read_text(encoding="utf-8"))
    assert match, key
    return match.group(0)


def test_the_real_maps_are_clean(capsys):
    assert main(["check-assets"]) == 0
    out = capsys.readouterr().out
    assert "all maps OK" in out
    assert "body_front.svg" in out and "body_back.svg" in out


def test_a_missing_region_is_reported_as_a_gap(maps_copy, capsys):
    svg = maps_copy / "body_front.svg"
    _edit(svg, _path_of(svg, "left.knee_anterior"), "")
    assert main(["check-assets", "--maps-dir", str(maps_copy)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"body_front\.svg: gap \(skin in no region\) around \(\d+, \d+\)", err)
    assert "left.knee_anterior (knowledge data) is on no map" in err


def test_an_overlap_names_the_regions(maps_copy, capsys):
    svg = maps_copy / "body_back.svg"
    path = _path_of(svg, "right.calf_posterior")
    _edit(svg, path, path.replace("<path ", '<path transform="translate(0 -20)" '))
    assert main(["check-assets", "--maps-dir", str(maps_copy)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"overlap of [^\n]*right\.calf_posterior", err)
    assert "right.popliteal_fossa" in err


def test_an_unknown_region_id_is_reported(maps_copy, capsys):
    _edit(maps_copy / "body_front.svg", 'id="left.groin"', 'id="left.grion"')
    assert main(["check-assets", "--maps-dir", str(maps_copy)]) == 1
    err = capsys.readouterr().err
    assert "body_front.svg: left.grion is not a known <side>.<region>" in err


def test_an_open_region_path_is_reported(maps_copy, capsys):
    svg = maps_copy / "body_front.svg"
    path = _path_of(svg, "right.palm")
    _edit(svg, path, path.replace('Z"/>', '"/>'))
    assert main(["check-assets", "--maps-dir", str(maps_copy)]) == 1
    assert "body_front.svg: region right.palm is not a closed path" in capsys.readouterr().err


def test_a_spine_without_a_root_is_reported(maps_copy, capsys):
    svg = maps_copy / "spine.svg"
    _edit(svg, 'id="root.left.L5"', 'id="root.left.L9"')
    assert main(["check-assets", "--maps-dir", str(maps_copy)]) == 1
    assert "spine.svg: missing root.left.L5" in capsys.readouterr().err


def test_an_unreadable_svg_is_one_clear_problem(maps_copy, capsys):
    (maps_copy / "body_back.svg").write_text("<svg><g id='regions'>", encoding="utf-8")
    assert main(["check-assets", "--maps-dir", str(maps_copy)]) == 1
    err = capsys.readouterr().err
    assert "body_back.svg" in err and "Traceback" not in err


def test_a_missing_folder_is_refused(tmp_path, capsys):
    assert main(["check-assets", "--maps-dir", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err
