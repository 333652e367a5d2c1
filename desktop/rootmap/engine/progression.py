"""A deficit that progresses between visits: evidence for ``progressive_neurological_deficit``.

The red flag's history tick-box ("weakness getting worse over days") is what the
patient reports; this is what the examinations show. Comparing the current visit with
each earlier visit no more than ``WINDOW_DAYS`` before it:

- a key muscle (any MRC-graded movement of the contract: each is the key muscle of a
  lumbosacral myotome) weaker by at least ``MIN_MRC_DROP`` grade, or
- a tendon reflex lost: ``normal``, ``brisk`` or ``reduced`` before, ``absent`` now
  (a reflex only graded down to ``reduced`` is reported as worse in ``changes`` but is
  not a loss: the grading of a diminished reflex varies between examiners).

A progressive neurological deficit is a red flag for serious spinal pathology in the
international framework (Finucane et al. 2020, the flag's source) and in NICE NG59 /
the National Low Back and Radicular Pain Pathway, which send a progressive or major
motor deficit for urgent specialist review. The window: 12 weeks (84 days), the span
of the acute-to-subacute course in which those pathways manage radicular pain before
it counts as persistent (3 months); two examinations further apart belong to
different phases and their difference is not taken as progression. The earlier visit
that shows the largest drop (then the most recent) is named, with both values and both
dates. Signs marked "not due to a root" at either visit are left out.
"""

from __future__ import annotations

from datetime import date

from rootmap.encounter import MRC_SIGNS, REFLEX_VALUES, Encounter, Sign

FLAG = "progressive_neurological_deficit"
WINDOW_DAYS = 84
MIN_MRC_DROP = 1
REFLEX_SIGNS = ("patellar_reflex", "medial_hamstring_reflex", "achilles_reflex")
LOST = "absent"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def show_date(iso: str | None) -> str:
    """``2026-11-03`` -> ``3 Nov 2026`` (the same in every locale)."""
    if iso is None:
        return "an undated visit"
    day = date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def show_value(sign: Sign) -> str:
    return f"{sign.value}/5" if sign.sign in MRC_SIGNS else str(sign.value)


def progression_evidence(encounter: Encounter) -> tuple[str, ...]:
    """One line per sign that got worse enough, e.g. ``great toe extension, left: 4/5 on
    3 Nov 2026 → 2/5 on 17 Nov 2026 (14 days)``; empty when nothing progressed."""
    if encounter.date is None or not encounter.previous:
        return ()
    today = date.fromisoformat(encounter.date)
    within = []  # (date, {(sign, side): sign}) of the earlier visits inside the window
    for visit in encounter.previous:
        if (
            visit.date is not None
            and 0 <= (today - date.fromisoformat(visit.date)).days <= WINDOW_DAYS
        ):
            within.append((visit.date, {(s.sign, s.side): s for s in visit.signs}))
    lines = []
    for now in sorted(encounter.signs, key=lambda s: (s.sign, s.side)):
        if now.excluded is not None or not _deficit_kind(now):
            continue
        best: tuple[int, str, Sign] | None = None
        for when, signs in within:
            before = signs.get((now.sign, now.side))
            if before is None or before.excluded is not None:
                continue
            drop = _drop(before, now)
            if drop and (best is None or (drop, when) > (best[0], best[1])):
                best = (drop, when, before)
        if best is not None:
            drop, when, before = best
            days = (today - date.fromisoformat(when)).days
            what = (
                f"a drop of {drop} MRC grade{'s' if drop > 1 else ''}"
                if now.sign in MRC_SIGNS
                else "reflex lost"
            )
            lines.append(
                f"{now.sign.replace('_', ' ')}, {now.side}: {show_value(before)} on "
                f"{show_date(when)} → {show_value(now)} on {show_date(encounter.date)} "
                f"({what} in {days} day{'s' if days != 1 else ''})"
            )
    return tuple(lines)


def _deficit_kind(sign: Sign) -> bool:
    return sign.sign in MRC_SIGNS or sign.sign in REFLEX_SIGNS


def _drop(before: Sign, now: Sign) -> int:
    """How far it got worse in the flag's sense (0: not a progression)."""
    if now.sign in MRC_SIGNS:
        if isinstance(before.value, int) and isinstance(now.value, int):
            drop = before.value - now.value
            return drop if drop >= MIN_MRC_DROP else 0
        return 0
    lost = now.value == LOST and before.value in REFLEX_VALUES and before.value != LOST
    return 1 if lost else 0


def progression_reasons(encounter: Encounter) -> dict[str, tuple[str, ...]]:
    """Reasons for ``progressive_neurological_deficit`` from the visits (flag id -> lines);
    the flag's urgency and advice come from red_flags.toml, as for its other triggers."""
    evidence = progression_evidence(encounter)
    return {FLAG: tuple(f"deficit progressing between visits: {line}" for line in evidence)}
