"""The user's map geometry cache is never trusted: it verifies by digest or is ignored."""

from __future__ import annotations

import stat
from pathlib import Path

from rootmap.digests import fingerprint
from rootmap.maps import diskcache

SVG = b"<svg>the map</svg>"
DATA = {"width": 10, "height": 20, "title": "t", "group_names": ["a"], "groups": {"a": []}}


def test_a_verified_cache_is_read_back(tmp_path: Path):
    path = tmp_path / "cache" / "view.json"
    diskcache.write(path, DATA, source=SVG)
    digest = fingerprint(SVG)
    assert diskcache.read(path, SVG) == {
        **DATA,
        "format": diskcache.FORMAT,
        "source": digest,
    }
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_any_changed_byte_or_another_svg_is_ignored(tmp_path: Path):
    path = tmp_path / "view.json"
    diskcache.write(path, DATA, source=SVG)
    good = path.read_bytes()
    for position in range(0, len(good)):
        damaged = bytearray(good)
        damaged[position] ^= 0x01
        path.write_bytes(bytes(damaged))
        assert diskcache.read(path, SVG) is None, position
    path.write_bytes(good)
    assert diskcache.read(path, SVG + b" ") is None
    path.write_bytes(good.partition(b"\n")[2])  # plain JSON, as a 0.x cache was: not ours
    assert diskcache.read(path, SVG) is None
