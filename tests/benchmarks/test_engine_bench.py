"""Benchmarks (run with --benchmark-enable): the engine in-process, and `rootmap analyze` cold."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

from rootmap.encounter import MRC_SIGNS, Encounter, Finding, History, Sign
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge

REPO = Path(__file__).resolve().parents[2]


def big_encounter(size: int = 200) -> Encounter:
    knowledge = load_knowledge()
    regions = [r.id for r in knowledge.regions.values() if not r.midline]
    kinds = ("numbness", "tingling", "burning", "pain")
    combos = itertools.cycle(itertools.product(regions, ("left", "right"), kinds))
    findings = tuple(
        Finding(region, side, kind, index % 11)
        for index, (region, side, kind) in zip(range(size), combos, strict=False)
    )
    signs = tuple(Sign(name, side, 3) for name in MRC_SIGNS for side in ("left", "right"))
    history = History(age=61, onset="gradual", flags={"leg_pain": True, "diabetes": True})
    return Encounter(findings=findings, signs=signs, history=history)


def test_bench_analyze_200_findings(benchmark):
    knowledge = load_knowledge()
    encounter = big_encounter()
    analysis = benchmark(analyze, encounter, knowledge)
    assert len(encounter.findings) == 200
    assert analysis.roots and analysis.conditions


def test_bench_cli_cold_start(benchmark):
    command = [
        sys.executable,
        "-m",
        "rootmap",
        "analyze",
        str(REPO / "examples" / "classic_l5.json"),
    ]

    def cold() -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)

    result = benchmark.pedantic(cold, rounds=5, iterations=1, warmup_rounds=1)
    assert '"root": "L5"' in result.stdout
