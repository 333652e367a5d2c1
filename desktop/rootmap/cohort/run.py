"""Analyse a cohort's files over the machine's cores, streaming the results in input order.

Files go to a ``ProcessPoolExecutor`` in chunks; at most a few chunks are in flight at a
time and each result is handed to ``on_result`` and dropped, so memory stays flat however
many files there are. Each worker loads the knowledge once. Where Qt is already loaded
(the window), workers are spawned rather than forked.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from rootmap.cohort.analyse import FileResult, analyse_file
from rootmap.cohort.counts import HeatCounts
from rootmap.knowledge import Knowledge, load_knowledge

CHUNK = 200  # files per task: large enough to hide the cost of a task, small for progress
IN_FLIGHT_PER_WORKER = 2

_worker: dict[str, object] = {}


@dataclass(frozen=True)
class RunOptions:
    atlas: str | None = None
    key: bytes = b""
    jobs: int | None = None  # processes; None: every core


def default_jobs() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _init_worker(atlas: str | None, key: bytes) -> None:
    _worker["knowledge"] = load_knowledge()
    _worker["atlas"] = atlas
    _worker["key"] = key


def _analyse_chunk(paths: list[str]) -> list[FileResult]:
    knowledge = _worker["knowledge"]
    assert isinstance(knowledge, Knowledge)
    atlas = _worker["atlas"]
    key = _worker["key"]
    assert isinstance(key, bytes) and (atlas is None or isinstance(atlas, str))
    return [analyse_file(path, knowledge, atlas, key) for path in paths]


def worker_count(files: int, jobs: int | None) -> int:
    """How many processes a run of ``files`` files really uses: at most ``jobs`` (None:
    one per core), and no more than there are chunks of ``CHUNK`` files to share."""
    return min(jobs or default_jobs(), max(1, -(-files // CHUNK)))


def _chunks(paths: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(paths), size):
        yield list(paths[start : start + size])


def analyse_files(
    paths: Sequence[str],
    options: RunOptions,
    on_result: Callable[[FileResult], None],
    on_progress: Callable[[int], None] | None = None,
) -> None:
    """Analyse every file, calling ``on_result`` once per file in the order of ``paths``."""
    jobs = worker_count(len(paths), options.jobs)
    done = 0
    if jobs <= 1:
        _init_worker(options.atlas, options.key)
        for chunk in _chunks(paths, CHUNK):
            for result in _analyse_chunk(chunk):
                on_result(result)
            done += len(chunk)
            if on_progress:
                on_progress(done)
        return
    method = "spawn" if "PySide6" in sys.modules else None
    context = multiprocessing.get_context(method)
    gc.freeze()  # forked workers share the parent's objects instead of copying them
    try:
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=_init_worker,
            initargs=(options.atlas, options.key),
        ) as pool:
            pending: deque[Future[list[FileResult]]] = deque()
            chunks = _chunks(paths, CHUNK)
            for chunk in chunks:
                pending.append(pool.submit(_analyse_chunk, chunk))
                if len(pending) >= jobs * IN_FLIGHT_PER_WORKER:
                    done += _drain(pending.popleft(), on_result)
                    if on_progress:
                        on_progress(done)
            while pending:
                done += _drain(pending.popleft(), on_result)
                if on_progress:
                    on_progress(done)
    finally:
        gc.unfreeze()


def _drain(future: Future[list[FileResult]], on_result: Callable[[FileResult], None]) -> int:
    results = future.result()
    for result in results:
        on_result(result)
    return len(results)


@dataclass
class CohortRun:
    """What a run over a cohort found: the heat map counts, and the files that failed."""

    counts: HeatCounts
    files: int = 0
    findings: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    @property
    def analysed(self) -> int:
        return self.files - len(self.failures)


def run_cohort(
    files: Sequence[str],
    by: str = "none",
    options: RunOptions | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> CohortRun:
    """Analyse ``files`` (see ``cohort.files.cohort_files``); count what the heat maps draw.

    With the file list of a folder, the one call the window needs (Teaching ▸ Cohort): the
    result's ``counts`` go straight to ``rootmap.reports.heatmap.render_heatmap``.
    ``on_result`` sees every file's result (failed ones too), in order, e.g. to write a CSV.
    """
    from rootmap.cohort.files import cohort_key

    run = CohortRun(HeatCounts(by=by), files=len(files))
    chosen = options or RunOptions(key=cohort_key())

    def collect(result: FileResult) -> None:
        if result.failed:
            run.failures.append((result.path, result.error))
        else:
            run.findings += len(result.findings)
            run.counts.add(result)
        if on_result is not None:
            on_result(result)

    analyse_files(files, chosen, collect, on_progress)
    return run
