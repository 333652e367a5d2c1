"""``rootmap cohort DIR_OR_FILES… [--csv OUT.csv] [--heatmap OUT.png|svg] [--by …]``.

Analyses every ``.rootmap`` document and encounter JSON it is given (folders are searched
recursively) over the machine's cores, with a progress bar on standard error when that is a
terminal. ``--csv`` writes one row per finding (the encounter named by a pseudonymous id,
never its label); ``--heatmap`` draws how often each region is marked, per kind, on the
body and foot views, one panel per top root (``--by root``) or condition, or one for all.
A file that fails is reported with its reason and skipped; the summary counts it. Qt's
painting is imported only to draw a heat map.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TextIO

PROG = "rootmap cohort"
MIN_WIDTH, MAX_WIDTH = 400, 8000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs",
        metavar="DIR_OR_FILE",
        nargs="+",
        help="folders (searched for .rootmap and .json) or files",
    )
    parser.add_argument("--csv", metavar="OUT.csv", help="write one row per finding")
    parser.add_argument("--heatmap", metavar="OUT.png|svg", help="draw the heat maps")
    parser.add_argument(
        "--by",
        choices=("root", "condition", "none"),
        default="none",
        help="one heat map panel per top root, top condition, or none (default)",
    )
    parser.add_argument("--atlas", metavar="NAME", help="dermatome atlas (see `rootmap atlases`)")
    parser.add_argument(
        "--jobs", metavar="N", type=int, help="worker processes (default: one per core)"
    )
    parser.add_argument(
        "--width",
        metavar="PX",
        type=int,
        default=1800,
        help=f"heat map width in pixels, {MIN_WIDTH}-{MAX_WIDTH} (default 1800)",
    )
    parser.add_argument(
        "--panels",
        metavar="N",
        type=int,
        default=6,
        help="at most N heat map panels, the largest groups (default 6)",
    )


class Progress:
    """A one-line progress bar on a terminal (standard error); silent otherwise."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.shown = stream.isatty() and total > 0
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if not self.shown or (now - self.last < 0.1 and done < self.total):
            return
        self.last = now
        width = 30
        filled = width * done // self.total
        rate = done / max(now - self.started, 1e-6)
        self.stream.write(
            f"\r{PROG}: [{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} files"
            f"  {rate:,.0f}/s"
        )
        self.stream.flush()

    def break_line(self) -> None:
        if self.shown and self.last:
            self.stream.write("\n")
            self.last = 0.0

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from rootmap.cohort.files import cohort_files, cohort_key
    from rootmap.knowledge.choice import KnowledgeChoiceError, knowledge_with_atlas

    def fail(message: str, status: int = 2) -> int:
        print(f"{PROG}: {message}", file=sys.stderr)
        return status

    if args.heatmap and Path(args.heatmap).suffix.lower() not in (".png", ".svg"):
        return fail(f"--heatmap: {args.heatmap}: the name must end in .png or .svg")
    if not MIN_WIDTH <= args.width <= MAX_WIDTH:
        return fail(f"--width: must be from {MIN_WIDTH} to {MAX_WIDTH} pixels, not {args.width}")
    if args.jobs is not None and args.jobs < 1:
        return fail(f"--jobs: must be 1 or more, not {args.jobs}")
    if args.panels < 1:
        return fail(f"--panels: must be 1 or more, not {args.panels}")
    try:
        knowledge = knowledge_with_atlas(args.atlas)
    except KnowledgeChoiceError as error:
        return fail(str(error), error.status)
    files, missing = cohort_files(args.inputs)
    for line in missing:
        print(f"{PROG}: {line}", file=sys.stderr)
    if not files:
        return fail("no .rootmap or .json files found")

    from rootmap.cohort.analyse import FileResult
    from rootmap.cohort.run import RunOptions, default_jobs, run_cohort, worker_count
    from rootmap.cohort.table import CsvTable

    csv_stream = None
    table = None
    if args.csv:
        try:
            csv_stream = open(args.csv, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as error:
            return fail(f"--csv: cannot write {args.csv}: {error.strerror or error}", 1)
        table = CsvTable(csv_stream, knowledge)
    progress = Progress(len(files), sys.stderr)

    def on_result(result: FileResult) -> None:
        if result.failed:
            progress.break_line()  # the reason on a line of its own, not over the bar
            print(f"{PROG}: {result.path}: {result.error}; skipped", file=sys.stderr)
        elif table is not None:
            table.add(result)

    jobs = args.jobs or default_jobs()
    options = RunOptions(args.atlas, cohort_key(), jobs)
    started = time.monotonic()
    try:
        run = run_cohort(files, args.by, options, on_result, progress)
    finally:
        progress.close()
        if csv_stream is not None:
            csv_stream.close()
    seconds = time.monotonic() - started
    used = worker_count(len(files), jobs)  # a small cohort runs in this one process
    counts = run.counts
    print(
        f"{run.files} files: {run.analysed} analysed, {len(run.failures)} skipped (failed); "
        f"{run.findings} findings; {seconds:.1f} s on {used} process{'es' if used != 1 else ''}"
    )
    if run.analysed and args.by != "none":
        shown = ", ".join(
            f"{group} {counts.encounters[group]}" for group in counts.groups(args.panels)
        )
        print(f"top {args.by}: {shown}")
    if table is not None:
        print(f"wrote {args.csv} ({table.rows} rows)")
    if args.heatmap:
        status = _write_heatmap(args, counts, knowledge)
        if status:
            return status
    return 0


def _write_heatmap(args: argparse.Namespace, counts: object, knowledge: object) -> int:
    from rootmap.cohort.counts import HeatCounts
    from rootmap.documents import DocumentError, write_bytes_atomic
    from rootmap.knowledge import Knowledge
    from rootmap.maps import MapFileError
    from rootmap.reports.qt import ensure_gui_app

    assert isinstance(counts, HeatCounts) and isinstance(knowledge, Knowledge)
    ensure_gui_app()
    from rootmap.reports.figures import image_to_png
    from rootmap.reports.heatmap import render_heatmap, render_heatmap_svg

    parts = (counts, knowledge, args.atlas, args.width, args.panels)
    try:
        if args.heatmap.lower().endswith(".svg"):
            data = render_heatmap_svg(*parts)
        else:
            data = image_to_png(render_heatmap(*parts))
    except MapFileError as error:
        print(f"{PROG}: a map file is broken: {error}", file=sys.stderr)
        return 1
    try:
        write_bytes_atomic(args.heatmap, data)
    except DocumentError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    panels = len(counts.groups(args.panels))
    print(f"wrote {args.heatmap} ({panels} panel{'s' if panels != 1 else ''})")
    return 0
