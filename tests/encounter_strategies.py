"""Hypothesis strategies for encounters, shared by the property tests.

The top conftest's folder is on ``sys.path`` (pytest's prepend import mode), so test
files import this as ``encounter_strategies``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from rootmap.encounter import (
    HISTORY_FLAGS,
    MRC_SIGNS,
    SIGN_VALUES,
    Encounter,
    Finding,
    History,
    Sign,
)

KINDS = ("pain", "numbness", "tingling", "burning")


@st.composite
def findings(draw: Any, regions: Sequence[str]) -> Finding:
    """A mark on one of ``regions`` (a side each), or now and then on the saddle."""
    if draw(st.integers(0, 9)) == 0:
        side, region = "midline", "saddle"
    else:
        side, region = draw(st.sampled_from(("left", "right"))), draw(st.sampled_from(regions))
    return Finding(region, side, draw(st.sampled_from(KINDS)), draw(st.none() | st.integers(0, 10)))


@st.composite
def signs(draw: Any) -> Sign:
    name = draw(st.sampled_from(sorted(SIGN_VALUES)))
    value = (
        draw(st.integers(0, 5)) if name in MRC_SIGNS else draw(st.sampled_from(SIGN_VALUES[name]))
    )
    return Sign(name, draw(st.sampled_from(("left", "right"))), value)


@st.composite
def histories(draw: Any) -> History:
    return History(
        age=draw(st.none() | st.integers(15, 95)),
        onset=draw(st.none() | st.sampled_from(("acute", "gradual"))),
        flags=draw(st.dictionaries(st.sampled_from(HISTORY_FLAGS), st.booleans(), max_size=8)),
    )


@st.composite
def encounters(draw: Any, regions: Sequence[str], as_parsed: bool = False) -> Encounter:
    """Up to 12 marks and 10 signs; ``as_parsed``: one per region, side and kind and one
    per sign and side, as the parser keeps them."""
    marks = draw(st.lists(findings(regions), max_size=12))
    tests = draw(st.lists(signs(), max_size=10))
    if as_parsed:
        marks = list({(f.region, f.side, f.kind): f for f in marks}.values())
        tests = list({(s.sign, s.side): s for s in tests}.values())
    return Encounter(tuple(marks), tuple(tests), draw(histories()))
