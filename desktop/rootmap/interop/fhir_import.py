"""FHIR R4 import: the coded findings, signs and history of a Bundle back into an encounter.

The Bundle is validated with the ``fhir.resources`` models (imported here only). RootMap's
own codings (``urn:rootmap:...``) give back exactly what was exported; a Bundle from
elsewhere is read through its SNOMED CT codes where they name one region and one kind
exactly. What cannot be read is skipped with a warning, never guessed.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from pydantic import ValidationError

from rootmap.encounter import Encounter, EncounterError, parse_encounter
from rootmap.interop import fhir_codes as fc
from rootmap.knowledge import Knowledge
from rootmap.knowledge.coding import SNOMED, SYSTEM_URIS, Code


class FhirImportError(ValueError):
    """A file that is not a FHIR Bundle RootMap can read; the message is one line."""


def bundle_to_encounter(
    data: Any, knowledge: Knowledge, warnings: list[str] | None = None
) -> Encounter:
    """A FHIR Bundle (decoded JSON) -> the encounter its Observations describe."""
    sink: list[str] = [] if warnings is None else warnings
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise FhirImportError('not a FHIR Bundle (resourceType is not "Bundle")')
    try:
        bundle = Bundle.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise FhirImportError(f"not a valid FHIR R4 Bundle: {where}: {first.get('msg')}") from None
    reader = _Reader(knowledge, sink)
    for number, entry in enumerate(bundle.entry or ()):
        resource = entry.resource
        if isinstance(resource, Observation):
            reader.observation(number, resource)
    try:
        return parse_encounter(reader.contract(), knowledge.regions, sink)
    except EncounterError as error:
        raise FhirImportError(f"the Bundle's findings break the contract: {error}") from None


def _codes(concept: Any, system: str) -> list[str]:
    if concept is None:
        return []
    return [c.code for c in concept.coding or () if c.system == system and c.code]


class _Reader:
    def __init__(self, knowledge: Knowledge, warnings: list[str]) -> None:
        self.knowledge = knowledge
        self.warnings = warnings
        self.findings: list[dict[str, Any]] = []
        self.signs: list[dict[str, Any]] = []
        self.history: dict[str, Any] = {}
        sct = SYSTEM_URIS[SNOMED]
        self.sct = sct
        self.kind_by_sct = {
            code.code: kind
            for kind, code in knowledge.coding.kinds.items()
            if isinstance(code, Code) and code.system == SNOMED
        }
        exact: dict[str, list[str]] = {}
        for region in knowledge.regions.values():
            if region.code is not None and region.code.fit == "exact":
                exact.setdefault(region.code.code, []).append(region.id)
        self.region_by_sct = {code: ids[0] for code, ids in exact.items() if len(ids) == 1}
        self.side_by_sct = {code.code: side for side, code in knowledge.coding.laterality.items()}

    def contract(self) -> dict[str, Any]:
        return {"findings": self.findings, "signs": self.signs, "history": self.history}

    def skip(self, number: int, why: str) -> None:
        self.warnings.append(f"entry[{number}]: {why}; skipped")

    def observation(self, number: int, observation: Observation) -> None:
        if _codes(observation.code, fc.SIGN):
            self.sign(number, observation)
        elif _codes(observation.code, fc.HISTORY):
            self.history_item(observation)
        else:
            self.finding(number, observation)

    def side(self, observation: Observation) -> str | None:
        site = observation.bodySite
        for extension in (site.extension or ()) if site is not None else ():
            if extension.url == fc.LATERALITY_EXTENSION:
                for code in _codes(extension.valueCodeableConcept, self.sct):
                    if code in self.side_by_sct:
                        return self.side_by_sct[code]
        return None

    def finding(self, number: int, observation: Observation) -> None:
        kinds = _codes(observation.code, fc.KIND) or [
            self.kind_by_sct[c] for c in _codes(observation.code, self.sct) if c in self.kind_by_sct
        ]
        if not kinds:
            self.skip(number, "an Observation that is no finding kind RootMap knows")
            return
        regions = _codes(observation.bodySite, fc.REGION) or [
            self.region_by_sct[c]
            for c in _codes(observation.bodySite, self.sct)
            if c in self.region_by_sct
        ]
        if not regions:
            self.skip(number, "its body site names no single RootMap region")
            return
        region = regions[0]
        midline = region in self.knowledge.regions and self.knowledge.regions[region].midline
        side = "midline" if midline else self.side(observation)
        if side is None:
            self.skip(number, f"no laterality for {region}")
            return
        finding: dict[str, Any] = {"region": region, "side": side, "kind": kinds[0]}
        if observation.valueInteger is not None:
            finding["intensity"] = observation.valueInteger
        for note in observation.note or ():
            if note.text and note.text.startswith(fc.EXCLUDED_PREFIX):
                finding["excluded"] = {"reason": note.text[len(fc.EXCLUDED_PREFIX) :]}
        self.findings.append(finding)

    def sign(self, number: int, observation: Observation) -> None:
        side = self.side(observation)
        if side is None:
            self.skip(number, "an examination sign without laterality")
            return
        value: Any = observation.valueInteger
        if value is None:
            values = _codes(observation.valueCodeableConcept, fc.SIGN_VALUE)
            value = values[0] if values else None
        if value is None:
            self.skip(number, "an examination sign without a value")
            return
        self.signs.append(
            {"sign": _codes(observation.code, fc.SIGN)[0], "side": side, "value": value}
        )

    def history_item(self, observation: Observation) -> None:
        key = _codes(observation.code, fc.HISTORY)[0]
        if key == "age":
            self.history[key] = observation.valueInteger
        elif key == "onset":
            onsets = _codes(observation.valueCodeableConcept, fc.ONSET)
            self.history[key] = onsets[0] if onsets else None
        else:
            self.history[key] = observation.valueBoolean
