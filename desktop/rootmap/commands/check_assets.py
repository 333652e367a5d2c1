"""``rootmap check-assets``: prove the SVG maps fit the knowledge data and tile the skin.

Checks: every SVG in the maps folder parses (svgelements) and renders (QtSvg); every
region path id is a known ``<side>.<region>`` and is closed; every region of the
knowledge data appears, for each of its sides, on at least one view; the regions of
each view tile its silhouette (rasterised: no gaps, no overlaps); the spine diagram has
all its vertebrae, discs and roots. Exit 0 when clean, 1 with a list of problems.

The tiling check fills each region, without antialiasing, into a coverage count; the
silhouette is the union of the ``outline`` group's shapes. Gaps (skin covered 0 times) and
overlaps (2+ times) are reported where they are wider than a pixel (the boundary tolerance).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from rootmap.maps import RegionShape
from rootmap.maps.geometry import Command

SPINE_LEVELS = ("L1", "L2", "L3", "L4", "L5", "S1")

# --- the rasterised tiling check -----------------------------------------------
SILHOUETTE = 128  # value painted for skin; each region adds 1


@dataclass(frozen=True)
class Flaw:
    kind: str  # "gap" | "overlap"
    x: float  # view units, centre of the flaw
    y: float
    pixels: int
    regions: tuple[str, ...]  # the regions involved (overlap) or around it (gap)

    def describe(self, unit_area: float) -> str:
        where = f"around ({self.x:.0f}, {self.y:.0f})"
        size = f"~{self.pixels * unit_area:.1f} square units"
        if self.kind == "overlap":
            return f"overlap of {', '.join(self.regions)} {where}, {size}"
        near = f" next to {', '.join(self.regions)}" if self.regions else ""
        return f"gap (skin in no region) {where}{near}, {size}"


def _painter_path(commands: Sequence[Command]) -> Any:  # a QPainterPath
    from rootmap.qtgui.painting import painter_path

    return painter_path(commands)


def find_flaws(
    width: float,
    height: float,
    regions: Sequence[RegionShape],
    silhouette: Sequence[Sequence[Command]],
    scale: float = 2.0,
) -> list[Flaw]:
    """Gaps and overlaps of `regions` inside the `silhouette` paths, at `scale` px per unit."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    w, h = max(1, round(width * scale)), max(1, round(height * scale))
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor(0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.scale(scale, scale)
    painter.setPen(Qt.PenStyle.NoPen)
    for commands in silhouette:
        painter.fillPath(_painter_path(commands), QColor(SILHOUETTE, SILHOUETTE, SILHOUETTE))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Plus)
    for shape in regions:
        painter.fillPath(_painter_path(shape.commands), QColor(1, 1, 1))
    painter.end()
    stride = image.bytesPerLine()
    data = bytes(image.constBits())
    blue = (
        data[0::4]
        if stride == w * 4
        else b"".join(data[row * stride : row * stride + w * 4 : 4] for row in range(h))
    )

    def is_gap(value: int) -> bool:
        return value == SILHOUETTE

    def is_overlap(value: int) -> bool:
        return value > SILHOUETTE + 1 or 2 <= value < SILHOUETTE

    flaws: list[Flaw] = []
    for kind, pattern, test in (
        ("gap", re.compile(rb"\x80"), is_gap),
        ("overlap", re.compile(rb"[\x02-\x7f\x82-\xff]"), is_overlap),
    ):
        # keep a pixel only if its four neighbours are flawed too: a flaw wider than
        # a pixel, not the rounding of two edges that meet
        core: set[int] = set()
        for match in pattern.finditer(blue):
            i = match.start()
            x, y = i % w, i // w
            if (
                0 < x < w - 1
                and 0 < y < h - 1
                and all(test(blue[j]) for j in (i - 1, i + 1, i - w, i + w))
            ):
                core.add(i)
        flaws.extend(_components(kind, core, w, scale, regions))
    return flaws


def _components(
    kind: str, pixels: set[int], w: int, scale: float, regions: Sequence[RegionShape]
) -> list[Flaw]:
    out: list[Flaw] = []
    seen: set[int] = set()
    for start in sorted(pixels):
        if start in seen:
            continue
        stack, members = [start], []
        seen.add(start)
        while stack:
            i = stack.pop()
            members.append(i)
            for j in (i - 1, i + 1, i - w, i + w):
                if j in pixels and j not in seen:
                    seen.add(j)
                    stack.append(j)
        cx = sum(i % w for i in members) / len(members)
        cy = sum(i // w for i in members) / len(members)
        x, y = (cx + 0.5) / scale, (cy + 0.5) / scale
        if kind == "overlap":
            names = tuple(s.key for s in regions if s.contains(x, y))
        else:
            probe = 4.0
            around = {
                s.key
                for dx in (-probe, 0, probe)
                for dy in (-probe, 0, probe)
                for s in regions
                if s.contains(x + dx, y + dy)
            }
            names = tuple(sorted(around))
        out.append(Flaw(kind, x, y, len(members), names))
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--maps-dir",
        type=Path,
        metavar="DIR",
        help="check the SVGs in DIR instead of the bundled assets/maps",
    )


def _is_closed(commands: Sequence[Command]) -> bool:
    """Every subpath ends with Z."""
    ends = [*[i for i, c in enumerate(commands) if c[0] == "M"][1:], len(commands)]
    return bool(commands) and all(commands[i - 1][0] == "Z" for i in ends)


def _renders(svg: Path) -> tuple[bool, list[str]]:
    """Whether QtSvg loads the file, and what it complained about (captured, not printed)."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtSvg import QSvgRenderer

    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        valid = QSvgRenderer(str(svg)).isValid()
    finally:
        qInstallMessageHandler(previous)
    return valid, messages


def check(maps_dir: Path) -> tuple[list[str], list[str]]:
    """(problems, notes) for the maps in `maps_dir`."""
    from rootmap.knowledge import KnowledgeError, load_knowledge
    from rootmap.maps import MapFileError, diskcache, read_spine, read_view
    from rootmap.maps.svgfile import read_groups

    problems: list[str] = []
    notes: list[str] = []
    try:
        knowledge = load_knowledge()
    except KnowledgeError as error:
        return [f"the knowledge data is broken: {error}"], notes
    known = {f"{side}.{r.id}" for r in knowledge.regions.values() for side in r.sides}
    seen: set[str] = set()
    files = sorted(maps_dir.glob("*.svg"))
    if not files:
        problems.append(f"no SVG maps in {maps_dir}")
    for svg in files:
        name = svg.stem
        valid, messages = _renders(svg)
        if not valid or messages:
            why = f" ({'; '.join(messages)})" if messages else ""
            problems.append(f"{svg.name}: QtSvg cannot render it cleanly{why}")
        if not diskcache.baked_file(svg, svg.read_bytes()).is_file():
            problems.append(
                f"{svg.name}: its geometry is not baked for this version of the file "
                "(run: python3 -m tools.bake_geometry)"
            )
        try:
            if name == "spine":
                spine = read_spine(svg)
                missing = [f"vertebra.{v}" for v in SPINE_LEVELS if v not in spine.vertebrae]
                missing += [
                    f"disc.{a}-{b}"
                    for a, b in pairwise(SPINE_LEVELS)
                    if f"{a}-{b}" not in spine.discs
                ]
                missing += [
                    f"root.{side}.{level}"
                    for side in ("left", "right")
                    for level in SPINE_LEVELS
                    if (side, level) not in spine.roots
                ]
                if missing:
                    problems.append(f"{svg.name}: missing {', '.join(missing)}")
                notes.append(
                    f"{svg.name}: {len(spine.vertebrae)} vertebrae, {len(spine.discs)} discs, "
                    f"{len(spine.roots)} roots"
                )
                continue
            view = read_view(name, svg)
            outline_group = read_groups(svg, ("outline",))["groups"]["outline"]
            outline = [commands for _, commands in outline_group]
        except MapFileError as error:
            problems.append(str(error))
            continue
        keys = [shape.key for shape in view.regions]
        for key in sorted({k for k in keys if keys.count(k) > 1}):
            problems.append(f"{svg.name}: region id {key} is used more than once")
        for shape in view.regions:
            if shape.key not in known:
                problems.append(f"{svg.name}: {shape.key} is not a known <side>.<region>")
            if not _is_closed(shape.commands):
                problems.append(f"{svg.name}: region {shape.key} is not a closed path")
        seen.update(keys)
        if not outline:
            problems.append(f'{svg.name}: no <g id="outline"> paths: cannot check the tiling')
            continue
        flaws = find_flaws(view.width, view.height, view.regions, outline)
        problems.extend(f"{svg.name}: {flaw.describe(0.25)}" for flaw in flaws)
        notes.append(f"{svg.name}: {len(view.regions)} regions, tiling checked at 2 px per unit")
    for key in sorted(known - seen):
        problems.append(f"region {key} (knowledge data) is on no map")
    return problems, notes


def run(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from rootmap.resources import asset_path

    _app = QGuiApplication.instance() or QGuiApplication(["rootmap"])
    maps_dir = args.maps_dir if args.maps_dir is not None else asset_path("maps")
    if not maps_dir.is_dir():
        print(f"rootmap check-assets: no such folder: {maps_dir}", file=sys.stderr)
        return 2
    problems, notes = check(maps_dir)
    for note in notes:
        print(note)
    if problems:
        print(f"rootmap check-assets: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print("rootmap check-assets: all maps OK")
    return 0
