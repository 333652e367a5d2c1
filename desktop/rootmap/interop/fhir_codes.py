"""The code systems and extension URLs of RootMap's FHIR resources (shared by export and import).

SNOMED CT, LOINC and ICD-10-CM carry the meaning other systems understand; beside each
standard coding, RootMap adds its own (``urn:rootmap:...``) so that an import gets back
exactly the region, kind, sign or history item it exported, even where SNOMED CT has only
a broader parent concept for a region.
"""

from __future__ import annotations

ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
# mCODE's laterality qualifier on a body site (value: SNOMED CT Left or Right qualifier).
LATERALITY_EXTENSION = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality-qualifier"

REGION = "urn:rootmap:region"
SIDE = "urn:rootmap:side"
KIND = "urn:rootmap:finding-kind"
SIGN = "urn:rootmap:sign"
SIGN_VALUE = "urn:rootmap:sign-value"
HISTORY = "urn:rootmap:history"
ONSET = "urn:rootmap:onset"
ROOT = "urn:rootmap:root"
CONDITION = "urn:rootmap:condition"
RED_FLAG = "urn:rootmap:red-flag"

# A finding the clinician marked "not due to a root" carries the reason in a note so.
EXCLUDED_PREFIX = "Not due to a root: "

DISCLAIMER = "RootMap supports clinical judgement; it is not a diagnosis."
