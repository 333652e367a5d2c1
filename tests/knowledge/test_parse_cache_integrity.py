"""The knowledge parse cache is never trusted: a damaged cache is ignored and rebuilt,
and can neither change an answer nor fail a load."""

from __future__ import annotations

import random
from pathlib import Path

from rootmap.knowledge.loader import ParseCache, _Loader
from rootmap.resources import asset_path

DIRECTORY = asset_path("knowledge")
NAMES = ("signs.toml", "regions.toml", "conditions.toml")


def _fresh(tmp_path: Path) -> Path:
    path = tmp_path / "knowledge.marshal"
    cache = ParseCache(path)
    _Loader(DIRECTORY, cache).load()
    cache.save()
    assert path.stat().st_mode & 0o777 == 0o600
    return path


def test_every_one_byte_change_is_ignored_never_used(tmp_path: Path):
    path = _fresh(tmp_path)
    good = path.read_bytes()
    raws = {name: (DIRECTORY / name).read_bytes() for name in NAMES}
    expected = {name: _Loader.parse(name, raw) for name, raw in raws.items()}
    assert all(ParseCache(path).get(name, raw) == expected[name] for name, raw in raws.items())
    positions = random.Random(12).sample(range(len(good)), 300)
    for position in positions:
        damaged = bytearray(good)
        damaged[position] ^= 0x01
        path.write_bytes(bytes(damaged))
        cache = ParseCache(path)
        for name, raw in raws.items():
            assert cache.get(name, raw) in (None, expected[name]), (position, name)
    path.write_bytes(good[: len(good) // 2])  # truncated
    assert all(ParseCache(path).get(name, raw) is None for name, raw in raws.items())


def test_a_damaged_cache_is_rebuilt_and_the_knowledge_is_the_same(tmp_path: Path):
    path = _fresh(tmp_path)
    reference = _Loader(DIRECTORY).load()
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    path.write_bytes(bytes(damaged))
    cache = ParseCache(path)
    assert _Loader(DIRECTORY, cache).load() == reference  # no error blaming the data
    cache.save()
    rebuilt = ParseCache(path)
    raw = (DIRECTORY / "signs.toml").read_bytes()
    assert rebuilt.get("signs.toml", raw) == _Loader.parse("signs.toml", raw)


def test_an_entry_is_used_only_for_the_bytes_it_was_parsed_from(tmp_path: Path):
    path = _fresh(tmp_path)
    raw = (DIRECTORY / "signs.toml").read_bytes()
    assert ParseCache(path).get("signs.toml", raw + b"\n# edited\n") is None
