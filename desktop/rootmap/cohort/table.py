"""The cohort's CSV: one row per finding, the encounter named only by its pseudonymous id."""

from __future__ import annotations

import csv
from typing import TextIO

from rootmap.cohort.analyse import FileResult
from rootmap.knowledge import Knowledge

COLUMNS = (
    "encounter",  # pseudonymous id: HMAC-SHA256 of the file's bytes (16 hex digits)
    "region",
    "side",
    "kind",
    "intensity",  # 0-10, empty when not recorded
    "region_group",
    "region_snomed",  # SNOMED CT body structure (see regions.toml; may be a parent concept)
    "top_root",
    "top_root_side",
    "top_root_score",
    "top_condition",
    "top_condition_icd10",  # space-separated
    "red_flags",  # space-separated ids
    "atlas",
)


class CsvTable:
    def __init__(self, stream: TextIO, knowledge: Knowledge) -> None:
        self.writer = csv.writer(stream, lineterminator="\n")
        self.writer.writerow(COLUMNS)
        self.regions = knowledge.regions
        self.rows = 0

    def add(self, result: FileResult) -> None:
        for region, side, kind, intensity in result.findings:
            known = self.regions[region]
            self.writer.writerow(
                (
                    result.id,
                    region,
                    side,
                    kind,
                    "" if intensity is None else intensity,
                    known.group,
                    known.code.code if known.code else "",
                    result.top_root,
                    result.top_root_side,
                    f"{result.top_root_score:.3f}" if result.top_root else "",
                    result.top_condition,
                    " ".join(result.top_condition_icd10),
                    " ".join(result.red_flags),
                    result.atlas,
                )
            )
            self.rows += 1
