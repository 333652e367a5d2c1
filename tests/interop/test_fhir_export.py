"""FHIR R4 export and import: every Bundle validated by fhir.resources, and round-tripped."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from fhir.resources.R4B.bundle import Bundle
from hypothesis import given

import encounter_strategies as strategies
from rootmap.documents import Document, read_document, visits, write_document
from rootmap.encounter import (
    Encounter,
    Finding,
    Sign,
    parse_encounter,
)
from rootmap.engine import analyze
from rootmap.interop import fhir_codes as fc
from rootmap.interop.fhir_export import export_document, export_encounter, export_visits
from rootmap.interop.fhir_import import FhirImportError, bundle_to_encounter
from rootmap.interop.visits import Visit, pseudonym, visits_of
from rootmap.knowledge import load_knowledge
from rootmap.resources import asset_path

KNOWLEDGE = load_knowledge()
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
SCT = "http://snomed.info/sct"
LABEL = "Margaret Example 1948-02-29"
SIDED = sorted(r.id for r in KNOWLEDGE.regions.values() if not r.midline)


def encounters():
    return strategies.encounters(SIDED, as_parsed=True)


def case(name: str) -> Document:
    """A teaching case's encounter as a document."""
    data = json.loads(asset_path("cases", f"{name}.json").read_text())["encounter"]
    return Document(encounter=parse_encounter(data, KNOWLEDGE.regions))


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def export(encounter: Encounter) -> dict:
    return export_encounter(encounter, analyze(encounter, KNOWLEDGE), KNOWLEDGE, "p-1")


def assert_valid(bundle: dict) -> None:
    Bundle.model_validate(bundle)  # raises on anything FHIR R4 does not allow
    assert bundle["type"] == "collection"
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(set(urls)) == len(urls)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_exports_a_valid_bundle_that_round_trips(path: Path):
    document = read_document(path, KNOWLEDGE.regions, KNOWLEDGE.atlases)
    bundles = export_document(document, KNOWLEDGE)
    every_visit = visits(document)  # one Bundle per visit, oldest first
    assert len(bundles) == len(every_visit)
    for bundle, visit in zip(bundles, every_visit, strict=True):
        assert_valid(bundle)
        warnings: list[str] = []
        back = bundle_to_encounter(json.loads(json.dumps(bundle)), KNOWLEDGE, warnings)
        assert warnings == []
        assert analyze(back, KNOWLEDGE).to_json() == analyze(visit, KNOWLEDGE).to_json()


@given(encounters())
def test_any_encounter_exports_valid_fhir_and_imports_to_the_same_analysis(encounter):
    bundle = export(encounter)
    assert_valid(bundle)
    back = bundle_to_encounter(bundle, KNOWLEDGE)
    assert sorted(back.findings) == sorted(encounter.findings)
    assert sorted(back.signs) == sorted(encounter.signs)
    assert back.history == encounter.history
    assert analyze(back, KNOWLEDGE).to_json() == analyze(encounter, KNOWLEDGE).to_json()


def test_a_finding_is_an_observation_with_coded_kind_site_laterality_and_intensity():
    encounter = Encounter(findings=(Finding("heel_medial", "left", "numbness", 6),))
    observation = resources(export(encounter), "Observation")[0]
    assert {"system": SCT, "code": "44077006", "display": "Numbness"} in observation["code"][
        "coding"
    ]
    site = observation["bodySite"]
    assert site["coding"][0] == {
        "system": SCT, "code": "699919007", "display": "Skin structure of medial part of heel"
    }  # fmt: skip
    [laterality] = site["extension"]
    assert laterality["url"] == fc.LATERALITY_EXTENSION
    assert laterality["valueCodeableConcept"]["coding"][0]["code"] == "7771000"  # Left
    assert observation["valueInteger"] == 6


def test_the_saddle_has_no_laterality_and_a_right_side_has_right():
    encounter = Encounter(
        findings=(Finding("saddle", "midline", "numbness"), Finding("buttock", "right", "pain"))
    )
    saddle, buttock = resources(export(encounter), "Observation")
    assert "extension" not in saddle["bodySite"]
    assert "valueInteger" not in saddle  # no intensity recorded, none invented
    assert buttock["bodySite"]["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == (
        "24028007"
    )


def test_signs_are_exam_observations_with_their_value():
    encounter = Encounter(
        signs=(Sign("great_toe_extension", "left", 3), Sign("achilles_reflex", "right", "absent"))
    )
    strength, reflex = resources(export(encounter), "Observation")
    assert strength["category"][0]["coding"][0]["code"] == "exam"
    assert strength["valueInteger"] == 3
    assert reflex["valueCodeableConcept"]["coding"][0] == {
        "system": fc.SIGN_VALUE,
        "code": "absent",
    }


def test_the_analysis_is_a_clinical_impression_with_ranked_roots_icd10_and_the_disclaimer():
    document = case("classic_l5")
    analysis = analyze(document.encounter, KNOWLEDGE)
    [bundle] = export_document(document, KNOWLEDGE)
    [impression] = resources(bundle, "ClinicalImpression")
    assert impression["status"] == "completed"
    assert fc.DISCLAIMER in impression["summary"]
    assert impression["note"] == [{"text": fc.DISCLAIMER}]
    items = [f["itemCodeableConcept"] for f in impression["finding"]]
    roots = [i["coding"][0]["code"] for i in items if i["coding"][0]["system"] == fc.ROOT]
    assert roots == [r.root for r in analysis.roots]  # in the engine's rank order
    first_condition = next(i for i in items if i["coding"][0]["system"] == fc.ICD10CM)
    assert [c["code"] for c in first_condition["coding"] if c["system"] == fc.ICD10CM] == list(
        analysis.conditions[0].icd10
    )
    observations = {f"urn:uuid:{o['id']}" for o in resources(bundle, "Observation")}
    assert {i["reference"] for i in impression["investigation"][0]["item"]} == observations


def test_the_patient_is_pseudonymous_unless_the_label_is_asked_for():
    document = Document(encounter=Encounter(findings=(Finding("buttock", "left", "pain"),)),
                        patient_label=LABEL)  # fmt: skip
    [plain_bundle] = export_document(document, KNOWLEDGE)
    assert LABEL not in json.dumps(plain_bundle)
    [patient] = resources(plain_bundle, "Patient")
    assert patient["id"] == pseudonym(document)
    [labelled] = export_document(document, KNOWLEDGE, include_label=True)
    assert resources(labelled, "Patient")[0]["name"] == [{"text": LABEL}]


def test_export_is_stable():
    document = case("classic_s1")
    assert export_document(document, KNOWLEDGE) == export_document(document, KNOWLEDGE)


def test_several_visits_give_one_bundle_each_in_date_order():
    early = Encounter(findings=(Finding("calf_posterior", "left", "pain", 7),))
    late = Encounter(findings=(Finding("calf_posterior", "left", "pain", 3),))
    # A document of visits over time (format 2): the current visit and the earlier ones.
    document = Document(
        encounter=replace(late, date="2026-03-01"), earlier=(replace(early, date="2026-01-10"),)
    )
    visits = visits_of(document)
    assert [v.date for v in visits] == ["2026-01-10", "2026-03-01"]
    analyses = [analyze(v.encounter, KNOWLEDGE) for v in visits]
    bundles = export_visits(visits, analyses, KNOWLEDGE, "p-2")
    assert len(bundles) == 2
    for bundle, day, intensity in zip(bundles, ["2026-01-10", "2026-03-01"], [7, 3], strict=True):
        assert_valid(bundle)
        assert resources(bundle, "Encounter")[0]["period"]["start"] == day
        assert resources(bundle, "Observation")[0]["effectiveDateTime"] == day
        assert resources(bundle, "Observation")[0]["valueInteger"] == intensity
    assert bundles[0]["id"] != bundles[1]["id"]
    assert visits_of(Document()) == [Visit(Encounter())]


def test_a_foreign_bundle_is_read_through_its_exact_snomed_codes_only():
    bundle = export(Encounter(findings=(Finding("heel_medial", "left", "pain", 4),
                                        Finding("dorsum_central", "left", "pain", 4))))  # fmt: skip
    for observation in resources(bundle, "Observation"):  # strip RootMap's own codings
        for concept in (observation["code"], observation["bodySite"]):
            concept["coding"] = [c for c in concept["coding"] if c["system"] == SCT]
    warnings: list[str] = []
    back = bundle_to_encounter(bundle, KNOWLEDGE, warnings)
    assert back.findings == (Finding("heel_medial", "left", "pain", 4),)
    # dorsum_central has only a parent concept (Foot structure): not guessed, but said
    assert len(warnings) == 1 and "no single RootMap region" in warnings[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"resourceType": "Patient"}, "not a FHIR Bundle"),
        ([1, 2], "not a FHIR Bundle"),
        ({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
            "resourceType": "Observation", "status": "final"}}]}, "entry.0.resource.code"),
    ],
)  # fmt: skip
def test_import_refuses_what_is_not_a_valid_bundle(data, message):
    with pytest.raises(FhirImportError, match=message):
        bundle_to_encounter(data, KNOWLEDGE)


# -- the command line, as a user runs it ---------------------------------------------------
def rootmap(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rootmap", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_export_then_import_on_the_command_line(tmp_path: Path):
    source = tmp_path / "case.rootmap"
    encounter = case("classic_l5").encounter
    write_document(source, Document(encounter=encounter, patient_label=LABEL))
    out = tmp_path / "case.fhir.json"
    result = rootmap("export", str(source), "--fhir", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{out}: FHIR R4 Bundle (collection): 1 Patient, 1 Encounter")
    text = out.read_text()
    assert LABEL not in text
    assert_valid(json.loads(text))
    back = tmp_path / "back.rootmap"
    result = rootmap("import", "--fhir", str(out), "--out", str(back))
    assert result.returncode == 0, result.stderr
    original = rootmap("analyze", "-", stdin=json.dumps(encounter.to_json()))
    imported = read_document(back, KNOWLEDGE.regions).encounter
    assert json.loads(original.stdout) == analyze(imported, KNOWLEDGE).to_json()
    labelled = rootmap("export", str(source), "--fhir", "-", "--include-label")
    assert LABEL in labelled.stdout


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"resourceType": "Bundle", "type": "collection", "entry": 3}')
    missing = str(tmp_path / "missing.rootmap")
    for result in (rootmap("import", "--fhir", str(bad)),
                   rootmap("import", "--fhir", str(tmp_path / "missing.json")),
                   rootmap("export", missing, "--fhir", str(tmp_path / "x.json"))):  # fmt: skip
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


PROBE = """
import sys
{body}
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('fhir', 'fhir_core', 'pydantic'))
print('HEAVY:' + ','.join(heavy))
"""


@pytest.mark.parametrize(
    "body",
    [
        "from rootmap.cli import main\nmain(['analyze', {case!r}])",
        "import rootmap.ui.app, rootmap.ui.main_window",
    ],
    ids=["analyze", "app-start-up"],
)
def test_fhir_models_are_imported_only_by_export_and_import(body: str):
    case = str(EXAMPLES[0])
    code = PROBE.format(body=body.format(case=case))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "HEAVY:"


def test_several_bundles_go_to_numbered_files_next_to_the_name_given():
    from rootmap.commands.export import bundle_paths

    assert bundle_paths("out/visit.json", 1) == ["out/visit.json"]
    assert bundle_paths("out/visit.json", 3) == [
        "out/visit-1.json", "out/visit-2.json", "out/visit-3.json"
    ]  # fmt: skip
    assert bundle_paths("visit", 2) == ["visit-1.json", "visit-2.json"]


def test_visits_are_read_from_a_documents_earlier_visits_too():
    first = SimpleNamespace(date="2026-01-10")
    current = SimpleNamespace(date=None, previous=())
    document = SimpleNamespace(encounter=current, earlier=(first,))
    visits = visits_of(document)
    assert [(v.date, v.index) for v in visits] == [("2026-01-10", 0), (None, 1)]


def test_a_finding_marked_not_due_to_a_root_keeps_its_reason_both_ways():
    from fhir.resources.R4B.bundle import Bundle as FhirBundle

    from rootmap.interop.fhir_import import _Reader

    marked = SimpleNamespace(region="calf_posterior", side="left", kind="pain", intensity=4,
                             excluded="old calf tear")  # fmt: skip
    encounter = Encounter(findings=(marked,))  # type: ignore[arg-type]
    bundle = export_encounter(encounter, analyze(Encounter(), KNOWLEDGE), KNOWLEDGE, "p-3")
    [observation] = resources(bundle, "Observation")
    assert observation["note"] == [{"text": fc.EXCLUDED_PREFIX + "old calf tear"}]
    reader = _Reader(KNOWLEDGE, [])
    reader.observation(0, FhirBundle.model_validate(bundle).entry[2].resource)
    assert reader.findings[0]["excluded"] == {"reason": "old calf tear"}
