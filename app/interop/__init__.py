"""Interoperability: case files, HL7 v2 / CSV lab import, FHIR R4."""
