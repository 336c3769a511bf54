"""SNOMED CT concepts the workstation exports, where a code could be verified.

Sources (SNOMED CT International, as published in FHIR implementation guides and concept
lists): 94222008 *Secondary malignant neoplasm of bone* (mCODE examples, HL7 IG example
instances); 363358000 *Malignant neoplasm of lung* ("Lung cancer"); the lung histologies
254626006 *Adenocarcinoma of lung*, 254634000 *Squamous cell carcinoma of lung*, 254632001
*Small cell carcinoma of lung*, 254629004 *Large cell carcinoma of lung*, 254637007
*Non-small cell lung cancer* (SNOMED CT concept list, 2546xxxxx block); 268029009
*Pathological fracture*; 71286001 *Spinal cord compression*; 108290001 *Radiation oncology
AND/OR radiotherapy* (the mCODE radiotherapy category); 392010000 *Percutaneous
vertebroplasty*; 55162003 *Tooth extraction*; routes 47625008 *Intravenous route*, 34206005
*Subcutaneous route*, 26643006 *Oral route* (FHIR SNOMED CT Route Codes value set).

Not coded (no code verified here; the exporter writes the text only): the histology
``other``; the events ``fracture``, ``surgery_to_bone``, ``hypercalcaemia`` and ``onj``
(osteonecrosis of the jaw); the dental procedures other than extraction.
"""

from __future__ import annotations

from app.domain.codes import SNOMED_SYSTEM, Code


def _s(code: str, display: str) -> Code:
    return Code(SNOMED_SYSTEM, code, display)


BONE_METASTASIS = _s("94222008", "Secondary malignant neoplasm of bone")
LUNG_CANCER = _s("363358000", "Malignant neoplasm of lung")

HISTOLOGY: dict[str, Code | None] = {
    "adenocarcinoma": _s("254626006", "Adenocarcinoma of lung"),
    "squamous": _s("254634000", "Squamous cell carcinoma of lung"),
    "sclc": _s("254632001", "Small cell carcinoma of lung"),
    "large_cell": _s("254629004", "Large cell carcinoma of lung"),
    "nsclc_nos": _s("254637007", "Non-small cell lung cancer"),
    "other": None,
}

EVENT: dict[str, Code | None] = {
    "pathological_fracture": _s("268029009", "Pathological fracture"),
    "fracture": None,
    "spinal_cord_compression": _s("71286001", "Spinal cord compression"),
    "radiotherapy": _s("108290001", "Radiation oncology AND/OR radiotherapy"),
    "surgery_to_bone": None,
    "vertebroplasty": _s("392010000", "Percutaneous vertebroplasty"),
    "hypercalcaemia": None,
    "onj": None,
}

DENTAL: dict[str, Code | None] = {
    "extraction": _s("55162003", "Tooth extraction"),
    "implant": None,
    "periodontal_surgery": None,
    "oral_surgery": None,
    "root_canal": None,
    "scaling": None,
    "filling": None,
    "crown": None,
}

ROUTE: dict[str, Code] = {
    "iv": _s("47625008", "Intravenous route"),
    "sc": _s("34206005", "Subcutaneous route"),
    "oral": _s("26643006", "Oral route"),
}
