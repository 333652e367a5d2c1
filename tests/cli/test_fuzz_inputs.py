"""Fuzzing (hypothesis) `rootmap analyze` input and `.rootmap` documents: whatever comes
in, the answer is an analysis (exit 0) or one line and exit 2, or a ``DocumentError``;
never a traceback, never a second line of error. Bounded to stay a few seconds."""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rootmap.cli import main
from rootmap.documents import Document, DocumentError, document_from_bytes, document_to_bytes
from rootmap.encounter import FINDING_KINDS, FINDING_SIDES, HISTORY_KEYS, SIGNS, Encounter
from rootmap.knowledge import load_knowledge

KNOWLEDGE = load_knowledge()
FAST = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])

WORDS = st.sampled_from(
    [*list(KNOWLEDGE.regions)[:12], *FINDING_KINDS, *FINDING_SIDES, *SIGNS[:6], *HISTORY_KEYS[:8],
     "findings", "signs", "history", "region", "side", "kind", "intensity", "sign", "value",
     "absent", "normal", "present", "positive"]
)  # fmt: skip
TEXT = st.one_of(WORDS, st.text(max_size=12))
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 12), st.integers(), st.floats(), TEXT
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=20,
)
FINDING = st.fixed_dictionaries(
    {"region": st.one_of(WORDS, TEXT), "side": st.sampled_from(FINDING_SIDES),
     "kind": st.sampled_from(FINDING_KINDS)},
    optional={"intensity": st.one_of(st.integers(-2, 12), SCALARS)},
)  # fmt: skip
SIGN = st.fixed_dictionaries(
    {"sign": st.sampled_from(SIGNS), "side": st.sampled_from(("left", "right")),
     "value": st.one_of(st.integers(0, 5), WORDS)}
)  # fmt: skip
ENCOUNTERS = st.fixed_dictionaries(
    {},
    optional={
        "findings": st.lists(FINDING, max_size=6),
        "signs": st.lists(SIGN, max_size=6),
        "history": st.dictionaries(st.one_of(WORDS, TEXT), SCALARS, max_size=5),
        "extra": VALUES,
    },
)


def _run_analyze(data: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        code = main(["analyze", "-"])
    finally:
        sys.stdin = stdin
    out, err = capsys.readouterr()
    return code, out, err


def _check(code: int, out: str, err: str) -> None:
    assert code in (0, 2), err
    if code == 0:
        assert isinstance(json.loads(out), dict)
        assert all(line.startswith("rootmap analyze: warning: ") for line in err.splitlines())
    else:
        assert out == "" and err.count("\n") == 1 and err.startswith("rootmap analyze: ")
    assert "Traceback" not in err and "\x1b" not in err


@FAST
@given(ENCOUNTERS)
def test_analyze_answers_any_encounter_shaped_json(capsys, data: dict[str, Any]):
    _check(*_run_analyze(json.dumps(data).encode(), capsys))


@FAST
@given(st.one_of(VALUES.map(lambda v: json.dumps(v).encode()), st.binary(max_size=200)))
def test_analyze_answers_any_bytes(capsys, data: bytes):
    _check(*_run_analyze(data, capsys))


VALID = document_to_bytes(Document(encounter=Encounter(), patient_label="AB", notes="n"))


@FAST
@given(
    st.one_of(
        st.binary(max_size=300),
        st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), max_size=4).map(
            lambda edits: bytes(dict(edits).get(i, b) for i, b in enumerate(VALID))
        ),
        ENCOUNTERS.map(
            lambda e: json.dumps({"format": "rootmap", "version": 1, "encounter": e}).encode()
        ),
    )
)
def test_a_document_is_read_or_refused_in_one_line(data: bytes):
    warnings: list[str] = []
    try:
        document = document_from_bytes(data, KNOWLEDGE.regions, KNOWLEDGE.atlases, warnings)
    except DocumentError as error:
        assert "\n" not in str(error) and len(str(error)) < 400
    else:
        assert isinstance(document, Document)
        assert len(warnings) <= 2 and all("\n" not in w for w in warnings)
