"""``rootmap atlases``: the dermatome atlases, the default marked, each with its source."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Choose one with `rootmap analyze --atlas NAME` or `rootmap regions --atlas NAME`."
    )


def run(args: argparse.Namespace) -> int:
    from rootmap.knowledge import KnowledgeError, load_knowledge

    try:
        knowledge = load_knowledge()
    except KnowledgeError as error:
        print(f"rootmap atlases: the knowledge data is broken: {error}", file=sys.stderr)
        return 1
    width = max(len(atlas_id) for atlas_id in knowledge.atlases)
    for atlas in knowledge.atlases.values():
        default = "  (default)" if atlas.id == knowledge.default_atlas else ""
        print(f"{atlas.id:<{width}}  {atlas.name}{default}")
        print(f"{'':<{width}}  {atlas.description}")
        print(f"{'':<{width}}  Source: {knowledge.cite(atlas.source)}")
    return 0
