"""One file of a cohort, analysed: the compact result a worker process sends back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rootmap.analysis import Analysis
from rootmap.documents import DocumentError, document_from_bytes
from rootmap.documents.files import read_bytes_capped
from rootmap.encounter import Finding
from rootmap.knowledge import Knowledge

# (region, side, kind, intensity or None)
FindingRow = tuple[str, str, str, int | None]


@dataclass(frozen=True)
class FileResult:
    path: str
    id: str = ""  # pseudonymous
    findings: tuple[FindingRow, ...] = ()
    top_root: str = ""  # e.g. "L5"; empty when no root is implicated
    top_root_side: str = ""
    top_root_score: float = 0.0
    top_condition: str = ""  # a condition id
    top_condition_icd10: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()
    atlas: str = ""
    error: str = ""  # why the file was skipped; empty when it was analysed

    @property
    def failed(self) -> bool:
        return bool(self.error)


def analyse_file(path: str, knowledge: Knowledge, atlas: str | None, key: bytes) -> FileResult:
    """Read, check and analyse one file; a file that fails says why, it never raises."""
    from rootmap.cohort.files import pseudonymous_id
    from rootmap.engine import analyze

    try:
        data = read_bytes_capped(Path(path))
        document = document_from_bytes(data, knowledge.regions, knowledge.atlases)
        analysis = analyze(document.encounter, knowledge, atlas or document.atlas)
    except DocumentError as error:
        return FileResult(path, error=str(error))
    except Exception as error:  # one bad file must not stop a cohort
        return FileResult(path, error=f"{type(error).__name__}: {error}")
    return summarise(path, pseudonymous_id(data, key), document.encounter.findings, analysis)


def summarise(
    path: str, file_id: str, findings: Iterable[Finding], analysis: Analysis
) -> FileResult:
    rows = tuple((f.region, f.side, f.kind, f.intensity) for f in findings)
    top = analysis.roots[0] if analysis.roots else None
    condition = analysis.conditions[0] if analysis.conditions else None
    return FileResult(
        path=path,
        id=file_id,
        findings=rows,
        top_root=top.root if top else "",
        top_root_side=top.side if top else "",
        top_root_score=round(top.score, 3) if top else 0.0,
        top_condition=condition.id if condition else "",
        top_condition_icd10=condition.icd10 if condition else (),
        red_flags=tuple(flag.id for flag in analysis.red_flags),
        atlas=analysis.atlas,
    )
