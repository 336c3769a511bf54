"""FHIR export of the oncology history (issue 20 item 8): therapy lines as
MedicationStatements, PD-L1, smoking status (LOINC 72166-2), pain score (LOINC 72514-3) and
the disease course as Observations — every resource validated by the fhir.resources R4B
models, from the written JSON too."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from app.domain.casefile import parse_case
from app.interop.fhir_export import build_bundle, bundle_json

from .test_fhir_export import _codes, _resources, revalidate

CASE3 = Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "seed_case3_history.json"
LOINC = "http://loinc.org"


def _doc() -> dict:
    case = parse_case(json.loads(CASE3.read_text("utf-8")))
    text = bundle_json(build_bundle(case, date(2024, 12, 10), ZoneInfo("Asia/Shanghai")))
    return revalidate(text)


def test_each_drug_of_each_line_is_a_medication_statement():
    meds = _resources(_doc(), "MedicationStatement")
    assert [(m["medicationCodeableConcept"]["text"], m["status"]) for m in meds] == [
        ("gefitinib", "completed"), ("osimertinib", "completed"),
        ("furmonertinib", "active"), ("savolitinib", "active")]
    first = meds[0]
    assert first["effectivePeriod"] == {"start": "2020-05-01", "end": "2021-05-10"}
    assert first["statusReason"] == [{"text": "progression"}]
    notes = [n["text"] for n in first["note"]]
    assert notes[0] == "line 1 of systemic therapy: gefitinib"
    assert "best response (RECIST 1.1): PR (partial response)" in notes
    assert meds[2]["effectivePeriod"] == {"start": "2024-06-15"}
    assert "furmonertinib + savolitinib" in meds[3]["note"][0]["text"]


def test_history_observations():
    obs = _resources(_doc(), "Observation")
    smoking = [o for o in obs if _codes(o["code"], LOINC) == ["72166-2"]]
    assert len(smoking) == 1 and smoking[0]["valueCodeableConcept"]["text"] == "Never smoker"
    assert smoking[0]["category"][0]["coding"][0]["code"] == "social-history"
    pain = [o for o in obs if _codes(o["code"], LOINC) == ["72514-3"]]
    assert len(pain) == 1 and pain[0]["valueInteger"] == 4
    assert pain[0]["component"][0]["valueInteger"] == 1
    pdl1 = [o for o in obs if o["code"].get("text") == "PD-L1 expression"]
    assert len(pdl1) == 1 and pdl1[0]["method"] == {"text": "22C3"}
    assert [(c["code"]["text"], c["valueQuantity"]["value"]) for c in pdl1[0]["component"]] == [
        ("PD-L1 tumour proportion score", 5)]
    course = [o for o in obs if o["code"].get("text", "").startswith("Lung cancer ")]
    assert [(o["code"]["text"], o["effectiveDateTime"]) for o in course] == [
        ("Lung cancer diagnosis", "2020-04-20"), ("Lung cancer progression", "2021-05-10"),
        ("Lung cancer progression", "2024-06-01")]
    assert course[0]["valueCodeableConcept"]["text"] == "IVB (AJCC 8th)"


def test_a_case_without_history_exports_none_of_it():
    case = parse_case({"schema": "bonemet-case/1", "patient": {"mrn": "N-1"}})
    doc = revalidate(bundle_json(build_bundle(case, date(2024, 12, 10), ZoneInfo("UTC"))))
    assert _resources(doc, "MedicationStatement") == []
    assert not [o for o in _resources(doc, "Observation")
                if set(_codes(o["code"], LOINC)) & {"72166-2", "72514-3"}]
