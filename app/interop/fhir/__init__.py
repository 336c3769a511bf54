"""FHIR R4 (mCODE-shaped) export and the lab part of the import, built and validated with the
``fhir.resources`` R4B models (R4-compatible).

One module per resource kind: :mod:`.common` (ids, references, codings, times in the site's
zone, validation), :mod:`.patient` (Patient, the lung-cancer and bone-metastasis Conditions,
staging, weight, performance status), :mod:`.labs` (lab Observations), :mod:`.scores` (score
Observations), :mod:`.meds` (MedicationAdministration / MedicationRequest), :mod:`.procedures`
(Procedure, ServiceRequest for plans, Conditions for events), :mod:`.alerts` (Flag, DetectedIssue,
CarePlan). :mod:`app.interop.fhir_export` assembles them into one Bundle per patient.
"""
