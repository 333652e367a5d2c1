"""A document's visits: list them, start a follow-up, read or replace one. No Qt.

Visits are identified by their **position** in date order (0: the first visit;
``-1`` or ``len - 1``: the current one) or found by their date (one visit per date). Every
function returns a new ``Document``; none touches a file. For the engine,
``for_analysis`` gives a visit with the visits before it as ``previous``, which is
what ``rootmap.engine.analyze`` compares (contract v2).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from rootmap.documents.format import MAX_VISITS, Document, DocumentError
from rootmap.encounter import MAX_AGE, Encounter, EncounterError, History, parse_date

# History that a follow-up visit carries over: what does not change between visits of
# one episode (the age is carried and moved on by the time between the visits). The
# symptoms (leg pain, bladder, fever, weakness getting worse, ...) are asked again.
CARRIED_HISTORY = (
    "cancer_history",
    "diabetes",
    "osteoporosis_or_steroids",
    "immunosuppression_or_ivdu",
    "significant_trauma",
    "recent_hip_surgery_or_buttock_injection",
)


class VisitError(DocumentError):
    """A visit that does not exist, or a follow-up that cannot be dated so."""


@dataclass(frozen=True)
class VisitSummary:
    """One line of a visit list."""

    index: int
    date: str | None
    current: bool


def visits(document: Document) -> tuple[Encounter, ...]:
    """Every visit, oldest first; the last is the current one."""
    return (*document.earlier, document.encounter)


def visit_list(document: Document) -> tuple[VisitSummary, ...]:
    every = visits(document)
    return tuple(
        VisitSummary(index=i, date=v.date, current=i == len(every) - 1) for i, v in enumerate(every)
    )


def get_visit(document: Document, index: int = -1) -> Encounter:
    every = visits(document)
    if not -len(every) <= index < len(every):
        raise VisitError(f"no visit {index} (the document has {len(every)})")
    return every[index]


def find_visit(document: Document, when: str) -> int:
    """The position of the visit on date ``when``; ``VisitError`` if there is none."""
    try:
        day = parse_date(when, "--visit")
    except EncounterError as error:
        raise VisitError(str(error)) from None
    dates = [v.date for v in visits(document)]
    if day not in dates:
        shown = ", ".join(d or "undated" for d in dates)
        raise VisitError(f"no visit on {day} (visits: {shown})")
    return len(dates) - 1 - dates[::-1].index(day)


def replace_visit(document: Document, index: int, encounter: Encounter) -> Document:
    """The document with visit ``index`` replaced (kept in date order)."""
    every = list(visits(document))
    get_visit(document, index)  # refuses an index out of range
    if encounter.previous:
        raise VisitError("a visit in a document cannot hold earlier visits")
    every[index] = encounter
    if len(every) > 1 and any(v.date is None for v in every):
        raise VisitError("each of several visits needs a date")
    dates = [v.date for v in every]
    if len(set(dates)) != len(dates):
        raise VisitError(f"another visit is dated {encounter.date} (one visit per date)")
    every.sort(key=lambda v: v.date or "")
    return replace(document, earlier=tuple(every[:-1]), encounter=every[-1])


def add_follow_up(document: Document, when: str) -> Document:
    """A new current visit on ``when`` (ISO date): the map empty, the exam not tested,
    the lasting history carried over and the age moved on by the time between visits.

    An undated current visit takes the document's creation date first.
    """
    try:
        day = parse_date(when, "date")
    except EncounterError as error:
        raise VisitError(str(error)) from None
    if len(document.earlier) + 1 >= MAX_VISITS:
        raise VisitError(f"a document holds at most {MAX_VISITS} visits")
    last = document.encounter
    if last.date is None:
        last = replace(last, date=document.created[:10])
    if day <= (last.date or ""):
        raise VisitError(f"a follow-up must be dated after the last visit ({last.date}), not {day}")
    follow_up = Encounter(history=carried_history(last.history, last.date, day), date=day)
    return replace(document, earlier=(*document.earlier, last), encounter=follow_up)


def carried_history(history: History, since: str | None, on: str) -> History:
    """What a follow-up on ``on`` keeps of a visit's history on ``since``."""
    age = history.age
    if age is not None and since is not None:
        age = min(MAX_AGE, age + _whole_years(date.fromisoformat(since), date.fromisoformat(on)))
    flags = {k: v for k, v in history.flags.items() if k in CARRIED_HISTORY}
    return History(age=age, onset=history.onset, flags=flags)


def _whole_years(start: date, end: date) -> int:
    years = end.year - start.year - ((end.month, end.day) < (start.month, start.day))
    return max(0, years)


def for_analysis(document: Document, index: int = -1) -> Encounter:
    """Visit ``index`` with the visits before it as ``previous``: what the engine compares."""
    every = visits(document)
    position = index % len(every) if -len(every) <= index < len(every) else None
    if position is None:
        raise VisitError(f"no visit {index} (the document has {len(every)})")
    return replace(every[position], previous=tuple(every[:position]))
