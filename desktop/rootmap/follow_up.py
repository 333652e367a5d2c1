"""Follow-up visits for the window and the reports: the visit list and the comparison. No Qt.

What a window part needs beyond ``rootmap.documents`` (the visits) and
``rootmap.engine`` (the analysis): one row per visit for a visit list (date, top
root, extent), the comparison behind ``analysis.changes`` (both visits and both
analyses), each region's change for a change map, and a sign's change in words
("great toe extension, left: 4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026").
"""

from __future__ import annotations

from dataclasses import dataclass

from rootmap import palette
from rootmap.analysis import Analysis, Changes, SignChange
from rootmap.documents import Document, for_analysis, visits
from rootmap.encounter import MRC_SIGNS, Encounter
from rootmap.engine import analyze
from rootmap.engine.changes import most_recent
from rootmap.engine.progression import show_date
from rootmap.knowledge import Knowledge


@dataclass(frozen=True)
class VisitRow:
    """One line of a visit list."""

    index: int
    date: str | None
    top_root: str | None  # e.g. "L5 left"; None when no root is implicated
    extent: float  # percent of the drawn body surface marked
    current: bool


def visit_rows(
    document: Document, knowledge: Knowledge, atlas: str | None = None
) -> tuple[VisitRow, ...]:
    """The visit list: each visit analysed on its own (oldest first)."""
    every = visits(document)
    rows = []
    for index, visit in enumerate(every):
        analysis = analyze(visit, knowledge, atlas or document.atlas)
        top = analysis.roots[0] if analysis.roots else None
        rows.append(
            VisitRow(
                index=index,
                date=visit.date,
                top_root=f"{top.root} {top.side}" if top else None,
                extent=analysis.extent.all if analysis.extent else 0.0,
                current=index == len(every) - 1,
            )
        )
    return tuple(rows)


@dataclass(frozen=True)
class Comparison:
    """A visit compared with the one before it: both visits and both analyses."""

    earlier: Encounter
    current: Encounter  # with its earlier visits as ``previous``
    earlier_analysis: Analysis
    analysis: Analysis  # the current visit's, with ``changes``
    changes: Changes


def comparison_for(
    current: Encounter, analysis: Analysis, knowledge: Knowledge
) -> Comparison | None:
    """The comparison behind ``analysis.changes`` (None without earlier visits)."""
    earlier = most_recent(current.previous)
    if earlier is None or analysis.changes is None:
        return None
    earlier_analysis = analyze(earlier, knowledge, analysis.atlas)
    return Comparison(earlier, current, earlier_analysis, analysis, analysis.changes)


def compare_visit(
    document: Document, index: int, knowledge: Knowledge, atlas: str | None = None
) -> Comparison | None:
    """Visit ``index`` compared with the visit before it (None for the first visit)."""
    current = for_analysis(document, index)
    return comparison_for(current, analyze(current, knowledge, atlas or document.atlas), knowledge)


def region_changes(changes: Changes) -> dict[str, str]:
    """``side.region`` -> its most pressing change over the kinds marked there
    (``palette.CHANGE_PRECEDENCE``: worse, new, better, resolved, same)."""
    rank = {change: i for i, change in enumerate(palette.CHANGE_PRECEDENCE)}
    out: dict[str, str] = {}
    for item in changes.findings:
        key = f"{item.side}.{item.region}"
        if key not in out or rank[item.change] < rank[out[key]]:
            out[key] = item.change
    return out


def describe_sign_change(change: SignChange) -> str:
    """``great toe extension, left: 4/5 on 3 Nov 2026 → 2/5 on 17 Nov 2026``."""

    def shown(value: int | str | None) -> str:
        return f"{value}/5" if change.sign in MRC_SIGNS else str(value)

    name = f"{change.sign.replace('_', ' ')}, {change.side}"
    if change.earlier is None and change.current is not None:
        return f"{name}: {shown(change.current.value)} on {show_date(change.current.date)}"
    if change.current is None and change.earlier is not None:
        earlier = f"{shown(change.earlier.value)} on {show_date(change.earlier.date)}"
        return f"{name}: {earlier}, not tested now"
    assert change.earlier is not None and change.current is not None
    return (
        f"{name}: {shown(change.earlier.value)} on {show_date(change.earlier.date)} → "
        f"{shown(change.current.value)} on {show_date(change.current.date)}"
    )
