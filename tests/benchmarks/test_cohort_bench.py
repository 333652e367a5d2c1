"""Cohort scale: `rootmap cohort` over a seeded synthetic cohort written at test time.

By default 1,000 encounters (a few seconds). For the README's figures run
``ROOTMAP_COHORT_BENCH=1000,10000,50000 python3 -m pytest tests/benchmarks -k cohort -s``:
each size prints its wall time, the CPU time of all processes (what a busy machine does
not change), and the peak memory of the main process and of a worker; memory must stay
flat as the count grows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rootmap.cohort.synthetic import write_cohort
from rootmap.knowledge import load_knowledge

SIZES = [int(n) for n in os.environ.get("ROOTMAP_COHORT_BENCH", "1000").split(",")]
MEASURE = """
import json, resource, sys, time
from rootmap.cli import main
started = time.perf_counter()
status = main(sys.argv[1:])
seconds = time.perf_counter() - started
kib = lambda who: resource.getrusage(who).ru_maxrss


def own_peak_kib():
    # VmHWM: this process's own peak. ru_maxrss would also count the pytest process this
    # one was forked from (Linux keeps the high-water mark across exec).
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return kib(resource.RUSAGE_SELF)


cpu = lambda who: resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
cpu_seconds = cpu(resource.RUSAGE_SELF) + cpu(resource.RUSAGE_CHILDREN)
print("BENCH:" + json.dumps({"status": status, "seconds": seconds, "cpu_seconds": cpu_seconds,
                             "main_mib": own_peak_kib() / 1024,
                             "worker_mib": kib(resource.RUSAGE_CHILDREN) / 1024}))
"""


def run_cohort(folder: Path, table: Path) -> dict[str, float]:
    command = [sys.executable, "-c", MEASURE, "cohort", str(folder), "--csv", str(table),
               "--by", "root", "--jobs", "2"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    line = next(s for s in result.stdout.splitlines() if s.startswith("BENCH:"))
    figures: dict[str, float] = json.loads(line[len("BENCH:") :])
    assert figures["status"] == 0
    return figures


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict[int, dict[str, float]]:
    knowledge = load_knowledge()
    figures = {}
    for size in SIZES:
        folder = tmp_path_factory.mktemp(f"cohort{size}")
        write_cohort(folder / "visits", size, seed=2026, knowledge=knowledge)
        figures[size] = run_cohort(folder / "visits", folder / "out.csv")
        seconds, cpu, main, worker = (
            figures[size][k] for k in ("seconds", "cpu_seconds", "main_mib", "worker_mib")
        )
        print(f"\n{size:>6} encounters: {seconds:6.1f} s ({cpu:.1f} s of CPU), main process "
              f"{main:.0f} MiB, worker {worker:.0f} MiB")  # fmt: skip
    return figures


def test_cohort_speed_and_flat_memory(measured: dict[int, dict[str, float]]):
    for size, figures in measured.items():
        assert figures["seconds"] < 60 * max(1, size / 10_000)  # 10,000 in under a minute
    smallest, largest = min(measured), max(measured)
    growth = measured[largest]["main_mib"] - measured[smallest]["main_mib"]
    assert growth < 40, f"the main process grew by {growth:.0f} MiB from {smallest} to {largest}"
    worker_growth = measured[largest]["worker_mib"] - measured[smallest]["worker_mib"]
    assert worker_growth < 40
