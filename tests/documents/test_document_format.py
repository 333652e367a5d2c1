"""The .rootmap file: round trips, migration, and every way a file can be wrong."""

from __future__ import annotations

import json
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rootmap.documents import (
    MAX_BYTES,
    VERSION,
    Document,
    DocumentError,
    document_from_bytes,
    document_to_bytes,
)
from rootmap.encounter import Encounter, Finding, History, Sign
from rootmap.resources import asset_path

with open(asset_path("knowledge", "regions.toml"), "rb") as _stream:
    REGIONS = frozenset(r["id"] for r in tomllib.load(_stream)["region"])
ATLASES = ("lee2008", "keegan1948")

L5_ENCOUNTER = Encounter(
    findings=(
        Finding("dorsum_central", "left", "numbness", 6),
        Finding("leg_anterolateral", "left", "tingling"),
        Finding("saddle", "midline", "pain", 2),
    ),
    signs=(Sign("great_toe_extension", "left", 3), Sign("achilles_reflex", "left", "normal")),
    history=History(age=44, onset="acute", flags={"leg_pain": True, "fever": False}),
)


def _document(**changes) -> Document:
    values = {
        "encounter": L5_ENCOUNTER,
        "atlas": "keegan1948",
        "patient_label": "J.D. ward 4 — bed 12",
        "notes": "Seen in clinic.\nReview in 6 weeks; MRI requested.",
        "created": "2025-03-01T09:30:00+00:00",
        "modified": "2025-03-01T10:05:00+00:00",
    }
    values.update(changes)
    return Document(**values)


def _open(data: bytes, warnings: list[str] | None = None) -> Document:
    return document_from_bytes(data, REGIONS, ATLASES, warnings)


def test_a_document_survives_a_round_trip():
    document = _document()
    assert _open(document_to_bytes(document)) == document


def test_an_empty_document_survives_a_round_trip():
    document = Document(created="2025-03-01T09:30:00+00:00")
    reopened = _open(document_to_bytes(document))
    assert reopened.encounter == Encounter()
    assert reopened.patient_label is None and reopened.notes == "" and reopened.atlas is None
    assert reopened.modified == document.created


def test_the_file_is_readable_json_with_the_envelope():
    data = json.loads(document_to_bytes(_document()))
    assert data["format"] == "rootmap" and data["version"] == VERSION
    assert data["visits"][-1]["findings"][0] == {
        "region": "dorsum_central",
        "side": "left",
        "kind": "numbness",
        "intensity": 6,
    }
    assert data["patient_label"] == "J.D. ward 4 — bed 12"


def test_a_bare_encounter_version_0_is_migrated():
    bare = json.dumps(L5_ENCOUNTER.to_json()).encode()
    document = _open(bare)
    assert document.encounter == L5_ENCOUNTER
    assert document.atlas is None and document.patient_label is None
    # Saved again, it is a version 1 document with the same encounter.
    again = json.loads(document_to_bytes(document))
    assert again["version"] == VERSION and again["format"] == "rootmap"
    assert _open(document_to_bytes(document)).encounter == L5_ENCOUNTER


def test_an_empty_json_object_is_an_empty_encounter():
    assert _open(b"{}").encounter == Encounter()


def test_a_file_from_a_newer_rootmap_is_refused():
    data = json.loads(document_to_bytes(_document()))
    data["version"] = VERSION + 1
    with pytest.raises(DocumentError, match="made by a newer RootMap"):
        _open(json.dumps(data).encode())


def test_unknown_envelope_keys_are_ignored_with_a_warning():
    data = json.loads(document_to_bytes(_document()))
    data["colour_scheme"] = "dark"
    warnings: list[str] = []
    assert _open(json.dumps(data).encode(), warnings) == _document()
    assert warnings == ["document: unknown key 'colour_scheme' ignored"]


def _envelope_with(**changes) -> bytes:
    data = json.loads(document_to_bytes(_document()))
    data.update(changes)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b'{"format": "rootmap", "version": 1, "encounter": {"find', "truncated JSON at line 1"),
        (b"\xff\xfe\x00garbage\x80", "not UTF-8"),
        (b"%PDF-1.7 not json", "damaged or truncated JSON"),
        (b"[1, 2, 3]", "expected a JSON object, found an array"),
        (b'"a string"', "found a string"),
        (b"42", "found a number"),
        (b"null", "found null"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a":' * 5000 + b"1" + b"}" * 5000, "nested too deeply"),
        (b'{"findings": [], "x": NaN}', "NaN"),
        (b'{"history": {"age": ' + b"9" * 5000 + b"}}", "not a RootMap file"),
        (b'{"format": "word", "version": 1}', '"format" is not "rootmap"'),
        (b'{"format": "rootmap", "version": "1"}', "version: must be a whole number"),
        (b'{"format": "rootmap", "version": true}', "version: must be a whole number"),
        (b'{"format": "rootmap", "version": 0}', "unknown format version 0"),
        (b'{"version": 1, "encounter": {}}', '"format" key is missing'),
        (b'{"findings": {"region": "x"}}', "damaged encounter: findings: must be a list"),
        (b'{"findings": [{"region": "mars", "side": "left", "kind": "pain"}]}', "mars"),
    ],
)
def test_a_bad_file_gets_one_clear_line(data: bytes, message: str):
    with pytest.raises(DocumentError, match=message) as caught:
        _open(data)
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"version": 1, "encounter": []}, "damaged encounter: encounter: must be an object"),
        ({"visits": [[]]}, "damaged visit 1: encounter: must be an object"),
        ({"visits": []}, "visits: must be a list of at least one visit"),
        ({"patient_label": 12}, "patient_label: must be text, not a number"),
        ({"patient_label": "x" * 201}, "patient_label: longer than 200"),
        ({"notes": ["a"]}, "notes: must be text, not an array"),
        ({"atlas": "gray1918"}, "unknown atlas 'gray1918'"),
        ({"atlas": {"id": 1}}, "atlas: must be text, not an object"),
        ({"created": "yesterday"}, "created: not an ISO 8601"),
        ({"modified": 1700000000}, "modified: must be text"),
    ],
)
def test_an_envelope_with_wrong_types_is_refused(changes, message):
    with pytest.raises(DocumentError, match=message):
        _open(_envelope_with(**changes))


def test_a_huge_file_is_refused_before_parsing():
    huge = b'{"notes": "' + b"a" * MAX_BYTES + b'"}'
    with pytest.raises(DocumentError, match="over the 5 MB limit"):
        _open(huge)


def test_a_byte_order_mark_is_accepted():
    assert _open(b"\xef\xbb\xbf" + document_to_bytes(_document())) == _document()


# --- fuzzing: nothing but DocumentError, ever ------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)
# Keys a real document has, so that the fuzzer reaches deep into the parser.
document_keys = st.sampled_from(
    ["format", "version", "encounter", "atlas", "patient_label", "notes", "created",
     "modified", "findings", "signs", "history", "region", "side", "kind", "intensity"]
)  # fmt: skip
likely_values = (
    json_values
    | st.sampled_from(["rootmap", 1, 0, 2, "left", "midline", "pain", "dorsum_central", "L5"])
    | st.sampled_from(["2025-03-01T09:30:00", "lee2008", "great_toe_extension", "age"])
)
documentish = st.recursive(
    likely_values,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(document_keys, children, max_size=6)
    ),
    max_leaves=40,
)


def _only_document_error(data: bytes) -> None:
    try:
        document = _open(data)
    except DocumentError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(document, Document)
        # Whatever was accepted saves and reopens to the same document.
        assert _open(document_to_bytes(document)) == document


@given(st.binary(max_size=400))
def test_random_bytes_never_raise_anything_but_document_error(data: bytes):
    _only_document_error(data)


@given(json_values)
def test_random_json_never_raises_anything_but_document_error(value):
    _only_document_error(json.dumps(value).encode())


@given(documentish)
def test_random_document_shaped_json_never_raises_anything_but_document_error(value):
    _only_document_error(json.dumps(value).encode())


@given(st.dictionaries(document_keys, documentish, max_size=8))
def test_random_envelopes_never_raise_anything_but_document_error(envelope):
    _only_document_error(json.dumps({"format": "rootmap", "version": 1, **envelope}).encode())


@given(st.binary(max_size=60), st.integers(min_value=0, max_value=400))
def test_damaged_real_files_never_raise_anything_but_document_error(noise: bytes, cut: int):
    real = document_to_bytes(_document())
    _only_document_error(real[:cut] + noise + real[cut + len(noise) :])
