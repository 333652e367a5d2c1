"""RootMap's data in the formats other systems speak: FHIR R4 export and import.

``rootmap.interop.visits`` (plain Python) says what a visit is; ``fhir_export`` and
``fhir_import`` build and read FHIR with the ``fhir.resources`` models, which are imported
only there, so that ``rootmap analyze`` and the window never pay for them.
"""
