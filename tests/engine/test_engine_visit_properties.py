"""Properties of visits compared: itself, mirrored, shuffled."""

from __future__ import annotations

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from rootmap.encounter import MRC_SIGNS, SIGN_VALUES, Encounter, Finding, Sign, mirror_side
from rootmap.engine import analyze
from rootmap.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
FLAG = "progressive_neurological_deficit"
LIMB_REGIONS = sorted(
    r.id
    for r in KNOWLEDGE.regions.values()
    if r.group in ("lower_back_pelvis", "thigh", "knee", "leg", "ankle", "foot") and not r.midline
)


@st.composite
def marks(draw):
    side = draw(st.sampled_from(("left", "right")))
    region = draw(st.sampled_from(LIMB_REGIONS))
    kind = draw(st.sampled_from(("pain", "numbness", "tingling", "burning")))
    return Finding(region, side, kind, draw(st.none() | st.integers(0, 10)))


@st.composite
def signs(draw):
    name = draw(st.sampled_from(sorted(SIGN_VALUES)))
    allowed = SIGN_VALUES[name]
    value = draw(st.integers(0, 5)) if allowed is None else draw(st.sampled_from(allowed))
    return Sign(name, draw(st.sampled_from(("left", "right"))), value)


def _unique(items, key):
    return tuple({key(item): item for item in items}.values())


def _one_per_date(visits):
    """Earlier visits as the contract allows them: one per date."""
    return list({v.date: v for v in visits}.values())


@st.composite
def visits(draw, date=None):
    found = _unique(draw(st.lists(marks(), max_size=8)), lambda f: (f.region, f.side, f.kind))
    tested = _unique(draw(st.lists(signs(), max_size=6)), lambda s: (s.sign, s.side))
    day = date or f"2026-{draw(st.integers(1, 11)):02d}-{draw(st.integers(1, 28)):02d}"
    return Encounter(findings=found, signs=tested, date=day)


def mirrored(encounter: Encounter) -> Encounter:
    return replace(
        encounter,
        findings=tuple(replace(f, side=mirror_side(f.side)) for f in encounter.findings),
        signs=tuple(replace(s, side=mirror_side(s.side)) for s in encounter.signs),
        previous=tuple(mirrored(v) for v in encounter.previous),
    )


@settings(max_examples=60, deadline=None)
@given(visits())
def test_a_visit_compared_with_itself_is_all_same_and_raises_no_progression(encounter):
    analysis = analyze(replace(encounter, previous=(encounter,)), KNOWLEDGE)
    assert analysis.changes is not None
    assert {c.change for c in analysis.changes.findings} <= {"same"}
    assert {c.change for c in analysis.changes.signs} <= {"same"}
    alone = analyze(encounter, KNOWLEDGE)
    # No flag is raised by the comparison itself: the flags are those of the visit alone.
    assert analysis.red_flags == alone.red_flags


@settings(max_examples=60, deadline=None)
@given(visits(date="2026-12-01"), st.lists(visits(), min_size=1, max_size=3))
def test_mirrored_sides_mirror_the_changes(current, earlier):
    encounter = replace(current, previous=tuple(_one_per_date(earlier)))
    plain = analyze(encounter, KNOWLEDGE)
    flipped = analyze(mirrored(encounter), KNOWLEDGE)
    assert plain.changes is not None and flipped.changes is not None

    def findings(changes, flip):
        side = mirror_side if flip else (lambda s: s)
        return sorted((c.region, side(c.side), c.kind, c.change) for c in changes.findings)

    def tested(changes, flip):
        side = mirror_side if flip else (lambda s: s)
        return sorted((c.sign, side(c.side), c.change, c.earlier, c.current) for c in changes.signs)

    assert findings(plain.changes, False) == findings(flipped.changes, True)
    assert tested(plain.changes, False) == tested(flipped.changes, True)
    assert plain.extent == flipped.extent
    assert [f.id for f in plain.red_flags] == [f.id for f in flipped.red_flags]


@settings(max_examples=60, deadline=None)
@given(visits(date="2026-12-01"), st.lists(visits(), min_size=1, max_size=4), st.randoms())
def test_shuffled_previous_visits_give_the_same_result(current, earlier, rnd: random.Random):
    earlier = _one_per_date(earlier)
    shuffled = list(earlier)
    rnd.shuffle(shuffled)
    one = analyze(replace(current, previous=tuple(earlier)), KNOWLEDGE)
    two = analyze(replace(current, previous=tuple(shuffled)), KNOWLEDGE)
    assert one.to_json() == two.to_json()


def test_the_mrc_signs_are_the_key_muscles():
    from rootmap.engine.progression import _deficit_kind

    assert all(_deficit_kind(Sign(name, "left", 3)) for name in MRC_SIGNS)
