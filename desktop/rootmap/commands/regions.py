"""``rootmap regions``: every region id, its sides, and its roots in each atlas (or one)."""

from __future__ import annotations

import argparse
import sys

from rootmap.knowledge.model import DermatomeEntry


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--atlas", metavar="NAME", help="show only this atlas (see `rootmap atlases`)"
    )


def roots_text(entry: DermatomeEntry) -> str:
    """``L5 (L4 S1)``: primary roots, then overlap roots in brackets; ``-`` for none."""
    text = " ".join(entry.primary) or "-"
    if entry.overlap:
        text += f" ({' '.join(entry.overlap)})"
    return text


def run(args: argparse.Namespace) -> int:
    from rootmap.knowledge.choice import KnowledgeChoiceError, knowledge_with_atlas

    try:
        knowledge = knowledge_with_atlas(args.atlas)
    except KnowledgeChoiceError as error:
        print(f"rootmap regions: {error}", file=sys.stderr)
        return error.status
    atlases = [knowledge.atlas(args.atlas)] if args.atlas else list(knowledge.atlases.values())
    rows = [["REGION", "SIDES", *(atlas.id for atlas in atlases)]]
    for region in knowledge.regions.values():
        cells = [region.id, " ".join(region.sides)]
        for atlas in atlases:
            entry = atlas.entry(region.id)
            cells.append(roots_text(entry) if entry else "-")
        rows.append(cells)
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    for row in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    print()
    print("Roots: primary, then (overlap). `-`: no spinal root (the face: trigeminal nerve).")
    return 0
