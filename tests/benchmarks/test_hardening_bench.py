"""Benchmarks (run with --benchmark-enable): the largest legal encounter, and 100,000
copies of one finding, through `rootmap analyze` in-process (read, parse, de-duplicate,
analyse, print). With the benchmark disabled (the default) each runs once, as a test."""

from __future__ import annotations

import io
import json
import sys

import pytest

from rootmap.cli import main
from rootmap.encounter import FINDING_KINDS, HISTORY_FLAGS, SIGN_VALUES
from rootmap.knowledge import load_knowledge


def largest_legal_encounter() -> dict[str, object]:
    """One finding per region, side and kind; one value per sign and side; every history key."""
    knowledge = load_knowledge()
    findings = [
        {"region": region.id, "side": side, "kind": kind, "intensity": 10}
        for region in knowledge.regions.values()
        for side in region.sides
        for kind in FINDING_KINDS
    ]
    signs = [
        {"sign": name, "side": side, "value": values[0] if values else 0}
        for name, values in SIGN_VALUES.items()
        for side in ("left", "right")
    ]
    history: dict[str, object] = {flag: True for flag in HISTORY_FLAGS}
    history.update(age=70, onset="acute")
    return {"findings": findings, "signs": signs, "history": history}


def _analyze(text: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(text))
    try:
        code = main(["analyze", "-"])
    finally:
        sys.stdin = stdin
    out, err = capsys.readouterr()
    return code, out, err


def test_bench_analyze_the_largest_legal_encounter(benchmark, capsys):
    data = largest_legal_encounter()
    text = json.dumps(data).encode()
    code, out, err = benchmark(_analyze, text, capsys)
    assert code == 0 and err == ""
    assert len(data["findings"]) > 400  # type: ignore[arg-type]
    assert json.loads(out)["roots"]


def test_bench_analyze_100000_identical_findings(benchmark, capsys):
    finding = {"region": "buttock", "side": "left", "kind": "pain"}  # 5 MB: the size limit
    text = json.dumps({"findings": [finding] * 100_000}, separators=(",", ":")).encode()
    code, out, err = benchmark.pedantic(_analyze, (text, capsys), rounds=3, iterations=1)
    assert code == 0 and err == ""
    assert len(out) < 20_000  # one finding's analysis, not megabytes
    _, once, _ = _analyze(json.dumps({"findings": [finding]}).encode(), capsys)
    assert json.loads(out) == json.loads(once)
