"""FHIR R4 export: one visit and its analysis as a ``Bundle`` of type ``collection``.

Built with the ``fhir.resources`` models (``fhir.resources.R4B``: FHIR 4.3, whose
Observation, Encounter, Patient, ClinicalImpression and Bundle are those of R4 4.0.1), so
every resource is validated as it is made. This module imports them; import it only when
exporting.

What a Bundle holds, for one visit:
- a ``Patient``: a pseudonymous id; the patient label only when asked for;
- the ``Encounter``: finished, ambulatory, with the visit's date when known;
- one ``Observation`` per finding: the kind (SNOMED CT finding) as ``code``, the region
  (SNOMED CT body structure) as ``bodySite`` with the laterality qualifier, the intensity
  0-10 as ``valueInteger``;
- one ``Observation`` per examination sign (category ``exam``) and per history item;
- the analysis as a ``ClinicalImpression``: its ``finding`` list ranks the roots, the
  candidate conditions (with their ICD-10-CM codes) and any red flags, each with its
  ``basis``; ``summary`` and ``note`` say that RootMap supports clinical judgement and is
  not a diagnosis.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fhir.resources.R4B.annotation import Annotation
from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.clinicalimpression import (
    ClinicalImpression,
    ClinicalImpressionFinding,
    ClinicalImpressionInvestigation,
)
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.encounter import Encounter as FhirEncounter
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.humanname import HumanName
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.period import Period
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.resource import Resource

from rootmap.analysis import Analysis
from rootmap.documents import Document
from rootmap.encounter import HISTORY_FLAGS, Encounter, Finding, Sign
from rootmap.interop import fhir_codes as fc
from rootmap.interop.visits import Visit, pseudonym, resource_id, visits_of
from rootmap.knowledge import Knowledge
from rootmap.knowledge.coding import Code, Coded
from rootmap.wording import plain


def export_document(
    document: Document,
    knowledge: Knowledge,
    *,
    atlas: str | None = None,
    include_label: bool = False,
) -> list[dict[str, Any]]:
    """One Bundle (as JSON data) per visit of ``document``, earliest first.

    Each visit is analysed here with ``atlas`` (default: the document's own choice).
    """
    from rootmap.engine import analyze

    chosen = atlas or document.atlas
    visits = visits_of(document)
    for_analysis = _for_analysis()
    analyses = [
        analyze(for_analysis(document, v.index) if for_analysis else v.encounter, knowledge, chosen)
        for v in visits
    ]
    label = document.patient_label if include_label else None
    return export_visits(visits, analyses, knowledge, pseudonym(document), label)


def _for_analysis() -> Any:
    """``rootmap.documents.visits.for_analysis`` where documents hold visits over time: it
    gives a visit with the visits before it as ``previous``, so that each visit's analysis
    carries its changes. None in a RootMap whose documents hold one visit."""
    import importlib

    try:
        module = importlib.import_module("rootmap.documents.visits")
    except ImportError:
        return None
    return getattr(module, "for_analysis", None)


def export_visits(
    visits: Sequence[Visit],
    analyses: Sequence[Analysis],
    knowledge: Knowledge,
    patient_id: str,
    patient_label: str | None = None,
) -> list[dict[str, Any]]:
    """One validated Bundle (JSON data) per visit, in the order given."""
    return [
        _bundle(number, visit, analysis, knowledge, patient_id, patient_label)
        for number, (visit, analysis) in enumerate(zip(visits, analyses, strict=True))
    ]


def export_encounter(
    encounter: Encounter,
    analysis: Analysis,
    knowledge: Knowledge,
    patient_id: str,
    date: str | None = None,
    patient_label: str | None = None,
) -> dict[str, Any]:
    """The Bundle (JSON data) of a single encounter and its analysis."""
    return _bundle(0, Visit(encounter, date), analysis, knowledge, patient_id, patient_label)


# -- building --------------------------------------------------------------------------------
def _bundle(
    number: int,
    visit: Visit,
    analysis: Analysis,
    knowledge: Knowledge,
    patient_id: str,
    patient_label: str | None,
) -> dict[str, Any]:
    builder = _VisitBuilder(number, visit, knowledge, patient_id)
    patient = Patient(id=patient_id)
    if patient_label:
        patient.name = [HumanName(text=patient_label)]
    resources: list[Resource] = [patient, builder.encounter()]
    observations = [
        *(builder.finding(f) for f in visit.encounter.findings),
        *(builder.sign(s) for s in visit.encounter.signs),
        *builder.history(),
    ]
    resources += observations
    resources.append(builder.impression(analysis, observations))
    bundle = Bundle(
        id=resource_id(patient_id, number, "bundle"),
        type="collection",
        entry=[BundleEntry(fullUrl=f"urn:uuid:{r.id}", resource=r) for r in resources],
    )
    data: dict[str, Any] = bundle.model_dump(mode="json", by_alias=True, exclude_none=True)
    return data


def _coding(code: Code) -> Coding:
    return Coding(system=code.system_uri, code=code.code, display=code.term)


def _local(system: str, code: str, display: str | None = None) -> Coding:
    return Coding(system=system, code=code, display=display)


def _codings(coded: Coded | None, local: Coding) -> list[Coding]:
    return [_coding(coded), local] if isinstance(coded, Code) else [local]


class _VisitBuilder:
    def __init__(self, number: int, visit: Visit, knowledge: Knowledge, patient_id: str) -> None:
        self.number = number
        self.visit = visit
        self.knowledge = knowledge
        self.patient_id = patient_id
        self.subject = Reference(reference=f"urn:uuid:{patient_id}")
        self.encounter_id = resource_id(patient_id, number, "encounter")
        self.count = 0

    def _id(self, key: str) -> str:
        self.count += 1
        return resource_id(self.patient_id, self.number, f"{key}/{self.count}")

    def encounter(self) -> FhirEncounter:
        # (``class`` is ``class_fhir`` in the models; a FHIR date is given as its text.)
        fields: dict[str, Any] = {
            "class_fhir": Coding(system=fc.ACT_CODE, code="AMB", display="ambulatory")
        }
        if self.visit.date:
            fields["period"] = Period.model_validate({"start": self.visit.date})
        return FhirEncounter(
            id=self.encounter_id, status="finished", subject=self.subject, **fields
        )

    def _observation(self, key: str, code: CodeableConcept, **fields: Any) -> Observation:
        if self.visit.date:
            fields["effectiveDateTime"] = self.visit.date
        return Observation(
            id=self._id(key),
            status="final",
            code=code,
            subject=self.subject,
            encounter=Reference(reference=f"urn:uuid:{self.encounter_id}"),
            **fields,
        )

    def _site(self, code: Code | None, local: Coding | None, side: str, text: str) -> Any:
        codings = ([_coding(code)] if code else []) + ([local] if local else [])
        site = CodeableConcept(coding=codings, text=text)
        qualifier = self.knowledge.coding.laterality.get(side)
        if qualifier is not None:
            site.extension = [
                Extension(
                    url=fc.LATERALITY_EXTENSION,
                    valueCodeableConcept=CodeableConcept(coding=[_coding(qualifier)]),
                )
            ]
        return site

    def finding(self, finding: Finding) -> Observation:
        region = self.knowledge.regions[finding.region]
        kind_code = self.knowledge.coding.kinds.get(finding.kind)
        code = CodeableConcept(
            coding=_codings(kind_code, _local(fc.KIND, finding.kind)), text=finding.kind
        )
        side_text = "" if finding.side == "midline" else f"{finding.side} "
        site = self._site(
            region.code,
            _local(fc.REGION, finding.region, region.name),
            finding.side,
            f"{side_text}{region.name[:1].lower()}{region.name[1:]}",
        )
        observation = self._observation("finding", code, bodySite=site)
        if finding.intensity is not None:
            observation.valueInteger = finding.intensity
        excluded = getattr(finding, "excluded", None)  # "not due to a root", with the reason
        if excluded:
            observation.note = [Annotation(text=f"{fc.EXCLUDED_PREFIX}{excluded}")]
        return observation

    def sign(self, sign: Sign) -> Observation:
        rule = self.knowledge.signs[sign.sign]
        code = CodeableConcept(
            coding=_codings(rule.code, _local(fc.SIGN, sign.sign, rule.label)), text=rule.label
        )
        category = CodeableConcept(
            coding=[Coding(system=fc.OBSERVATION_CATEGORY, code="exam", display="Exam")]
        )
        site = self._site(
            self.knowledge.coding.sign_site, None, sign.side, f"{sign.side} lower limb"
        )
        observation = self._observation("sign", code, category=[category], bodySite=site)
        if isinstance(sign.value, int):
            observation.valueInteger = sign.value
        else:
            observation.valueCodeableConcept = CodeableConcept(
                coding=[_local(fc.SIGN_VALUE, sign.value)], text=sign.value
            )
        return observation

    def history(self) -> list[Observation]:
        history = self.visit.encounter.history
        items: list[Observation] = []
        if history.age is not None:
            code = CodeableConcept(coding=[_local(fc.HISTORY, "age")], text="age in years")
            items.append(self._observation("history", code, valueInteger=history.age))
        if history.onset is not None:
            code = CodeableConcept(coding=[_local(fc.HISTORY, "onset")], text="onset")
            value = CodeableConcept(coding=[_local(fc.ONSET, history.onset)], text=history.onset)
            items.append(self._observation("history", code, valueCodeableConcept=value))
        for flag in HISTORY_FLAGS:
            known = history.flag(flag)
            if known is not None:
                words = flag.replace("_", " ")
                code = CodeableConcept(coding=[_local(fc.HISTORY, flag)], text=words)
                items.append(self._observation("history", code, valueBoolean=known))
        return items

    def impression(self, analysis: Analysis, observations: list[Observation]) -> Any:
        regions = self.knowledge.regions
        findings: list[ClinicalImpressionFinding] = []
        for root in analysis.roots:
            item = CodeableConcept(
                coding=[_local(fc.ROOT, root.root, f"{root.root} nerve root")],
                text=f"{root.root} root, {root.side} (score {root.score:.2f})",
            )
            basis = "; ".join(plain(e.text, regions) for e in root.evidence)
            findings.append(ClinicalImpressionFinding(itemCodeableConcept=item, basis=basis))
        for condition in analysis.conditions:
            labels = {c.code: c.label for c in self.knowledge.conditions[condition.id].icd10}
            codings = [
                Coding(system=fc.ICD10CM, code=c, display=labels.get(c)) for c in condition.icd10
            ]
            codings.append(_local(fc.CONDITION, condition.id, condition.name))
            where = f" at {', '.join(condition.levels)}" if condition.levels else ""
            item = CodeableConcept(
                coding=codings, text=f"{condition.name}{where} (score {condition.score:.2f})"
            )
            basis = "; ".join(plain(e.text, regions) for e in condition.why)
            findings.append(ClinicalImpressionFinding(itemCodeableConcept=item, basis=basis))
        for flag in analysis.red_flags:
            item = CodeableConcept(
                coding=[_local(fc.RED_FLAG, flag.id)],
                text=f"RED FLAG ({flag.urgency}): {flag.message}",
            )
            reasons = "; ".join(plain(why, regions) for why in flag.why)
            findings.append(
                ClinicalImpressionFinding(itemCodeableConcept=item, basis=reasons or None)
            )
        dated: dict[str, Any] = {"effectiveDateTime": self.visit.date} if self.visit.date else {}
        impression = ClinicalImpression(
            id=self._id("impression"),
            status="completed",
            subject=self.subject,
            encounter=Reference(reference=f"urn:uuid:{self.encounter_id}"),
            description=f"RootMap analysis of the drawn findings and examination "
            f"(dermatome atlas: {analysis.atlas})",
            summary=f"{fc.DISCLAIMER} {_summary(analysis)}",
            note=[Annotation(text=fc.DISCLAIMER)],
            **dated,
        )
        if findings:
            impression.finding = findings
        if observations:
            impression.investigation = [
                ClinicalImpressionInvestigation(
                    code=CodeableConcept(text="drawn findings, examination and history"),
                    item=[Reference(reference=f"urn:uuid:{o.id}") for o in observations],
                )
            ]
        return impression


def _summary(analysis: Analysis) -> str:
    if not analysis.roots and not analysis.conditions:
        return "No root or condition is implicated by what was recorded."
    parts = []
    if analysis.roots:
        top = analysis.roots[0]
        parts.append(f"Most implicated root: {top.root} ({top.side}).")
    if analysis.conditions:
        parts.append(f"Leading candidate: {analysis.conditions[0].name}.")
    return " ".join(parts)
