"""FHIR R4 export: every patient of a 200-patient demo registry exports as a Bundle that the
``fhir.resources`` R4B models accept (every resource re-validated from the written JSON),
with LOINC/UCUM on lab observations, ATC on doses, SNOMED CT / ICD-10 on the bone-metastasis
condition and a Flag exactly while the denosumab rebound window is open; and the CLI."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from data.factories import migrated_db
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from app.cli import main
from app.domain.assess import assess
from app.domain.careplan import build_careplan
from app.domain.codes.atc import atc_code
from app.domain.codes.loinc import loinc_code
from app.domain.codes.ucum import ucum_code
from app.interop.casefile_io import load_case_file
from app.interop.fhir_export import build_bundle, bundle_json, file_name_for
from app.services import case_batches
from app.services.demo import write_demo_registry

AS_OF = date(2026, 11, 21)
SHANGHAI = ZoneInfo("Asia/Shanghai")
EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "cases", "example.json")


def _resources(doc: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in doc["entry"] if e["resource"]["resourceType"] == kind]


def _codes(concept: dict, system: str) -> list[str]:
    return [c["code"] for c in concept.get("coding", []) if c["system"] == system]


def revalidate(text: str) -> dict:
    """The written JSON read back: the Bundle and each resource through its R4B model."""
    doc = json.loads(text)
    Bundle.model_validate(doc)
    urls = [e["fullUrl"] for e in doc["entry"]]
    assert len(urls) == len(set(urls)), "every resource has its own id"
    for entry in doc["entry"]:
        res = entry["resource"]
        get_fhir_model_class(res["resourceType"]).model_validate(res)
        assert entry["fullUrl"] == f"urn:uuid:{res['id']}"
    return doc


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = migrated_db(tmp_path_factory.mktemp("fhir") / "demo.sqlite")
    write_demo_registry(db, n=200, seed=1, reference_date=AS_OF, summaries=False)
    yield db
    db.dispose()


def test_every_demo_patient_exports_a_valid_coded_bundle(demo_db):
    ids = case_batches.patient_ids(demo_db)
    assert len(ids) == 200
    flags = doses = labs = 0
    for _pid, case in case_batches.cases(demo_db, ids):
        doc = revalidate(bundle_json(build_bundle(case, AS_OF, SHANGHAI)))
        assert doc["type"] == "collection"
        patient, = _resources(doc, "Patient")
        assert patient["identifier"][0]["value"] == case.patient.mrn
        # labs: one Observation each, LOINC for the unit variant, UCUM on the value
        obs = [o for o in _resources(doc, "Observation")
               if o["category"][0]["coding"][0]["code"] == "laboratory"]
        assert len(obs) == len(case.labs)
        for o, lab in zip(obs, case.labs, strict=True):
            expected = loinc_code(lab.analyte, lab.unit)
            assert _codes(o["code"], "http://loinc.org") == ([expected.code] if expected else [])
            assert o["valueQuantity"]["code"] == ucum_code(lab.unit)
            assert o["valueQuantity"]["system"] == "http://unitsofmeasure.org"
            assert o["valueQuantity"]["value"] == pytest.approx(lab.value)
        labs += len(obs)
        # doses: ATC on every dose of a drug that has one
        given = _resources(doc, "MedicationAdministration")
        planned = _resources(doc, "MedicationRequest")
        assert len(given) + len(planned) == len(case.bma.administrations)
        for res in given + planned:
            drug, = _codes(res["medicationCodeableConcept"], "urn:bonemet:drug")
            atc = atc_code(drug)
            assert _codes(res["medicationCodeableConcept"], "http://www.whocc.no/atc") == (
                [atc.code] if atc else [])
        doses += len(given) + len(planned)
        # the bone-metastasis condition: SNOMED CT and ICD-10
        bm = [c for c in _resources(doc, "Condition")
              if "94222008" in _codes(c["code"], "http://snomed.info/sct")]
        assert len(bm) == 1
        assert _codes(bm[0]["code"], "http://hl7.org/fhir/sid/icd-10") == ["C79.5"]
        assert _codes(bm[0]["code"], "http://hl7.org/fhir/sid/icd-10-cm") == ["C79.51"]
        # a Flag exactly while the rebound window is open; one DetectedIssue per finding
        a = assess(case, AS_OF)
        open_window = any(f.rule == "DEN-STOP-WINDOW" for f in a.findings)
        assert len(_resources(doc, "Flag")) == (1 if open_window else 0)
        flags += open_window
        issues = _resources(doc, "DetectedIssue")
        assert [_codes(i["code"], "urn:bonemet:rule")[0] for i in issues] == [
            f.rule for f in a.findings]
        assert len(_resources(doc, "CarePlan")) == 1
    assert flags > 0 and doses > 0 and labs > 1000  # the demo covers each kind


def test_example_case_bundle_content():
    case = load_case_file(EXAMPLE)
    doc = revalidate(bundle_json(build_bundle(
        case, AS_OF, SHANGHAI, now=datetime(2026, 11, 21, 2, 0, tzinfo=UTC))))
    assert doc["timestamp"] == "2026-11-21T10:00:00+08:00"
    bm = [c for c in _resources(doc, "Condition")
          if "94222008" in _codes(c["code"], "http://snomed.info/sct")][0]
    assert bm["verificationStatus"]["coding"][0]["code"] == "confirmed"
    assert "MRI L3 2026-05-08" in bm["note"][0]["text"]
    lung = [c for c in _resources(doc, "Condition")
            if "254626006" in _codes(c["code"], "http://snomed.info/sct")][0]
    stage = next(o for o in _resources(doc, "Observation")
                 if _codes(o["code"], "http://loinc.org") == ["21908-9"])
    assert lung["stage"][0]["assessment"][0]["reference"] == f"urn:uuid:{stage['id']}"
    assert stage["valueCodeableConcept"]["text"].startswith("IVB")
    ctx = next(o for o in _resources(doc, "Observation")
               if o.get("valueQuantity", {}).get("unit") == "pg/mL")
    assert ctx["referenceRange"][0]["low"]["value"] == 136
    assert ctx["interpretation"][0]["coding"][0]["code"] == "H"  # 812 > 689
    assert ctx["effectiveDateTime"] == "2026-05-03"
    flag, = _resources(doc, "Flag")
    assert flag["period"] == {"start": "2026-07-20", "end": "2027-08-19"}
    scores = {o["code"]["coding"][0]["code"]: o for o in _resources(doc, "Observation")
              if o["code"]["coding"][0]["system"] == "urn:bonemet:score"}
    assert scores["sins"]["valueInteger"] == 10 and scores["mirels"]["valueInteger"] == 8
    assert scores["tokuhashi"]["valueInteger"] == 8 and "katagiri" in scores
    assert "labs.PLT" in scores["katagiri"]["note"][0]["text"]
    issue = next(i for i in _resources(doc, "DetectedIssue")
                 if i["code"]["text"] == "DEN-REBOUND-CTX")
    assert issue["severity"] == "high" and issue["evidence"]
    extraction, = _resources(doc, "ServiceRequest")
    assert _codes(extraction["code"], "http://snomed.info/sct") == ["55162003"]
    plan, = _resources(doc, "CarePlan")
    refs = [a["reference"]["reference"] for a in plan["activity"] if "reference" in a]
    assert f"urn:uuid:{extraction['id']}" in refs
    checks = [a["detail"]["scheduledPeriod"]["start"] for a in plan["activity"] if "detail" in a]
    assert checks == ["2026-10-18", "2027-01-16", "2027-04-16", "2027-07-20"]
    sections = build_careplan(case, assess(case, AS_OF), AS_OF, "en").sections
    assert [n["text"].split("\n")[0] for n in plan["note"]] == [x.title for x in sections]


def test_times_without_an_offset_take_the_site_zone():
    case = load_case_file(EXAMPLE)
    case.labs[0].at = datetime(2026, 5, 3, 8, 15)  # naive: site local time
    case.labs[1].at = datetime(2026, 7, 2, 8, 15, tzinfo=UTC)  # keeps its offset
    doc = json.loads(bundle_json(build_bundle(case, AS_OF, SHANGHAI)))
    stamps = [o["effectiveDateTime"] for o in _resources(doc, "Observation")
              if "laboratory" in json.dumps(o.get("category"))]
    assert stamps[0] == "2026-05-03T08:15:00+08:00"
    assert stamps[1] == "2026-07-02T08:15:00Z"  # UTC, written the library's way


def test_file_names_are_safe_and_unique():
    taken: set[str] = set()
    assert file_name_for("BM-000001", taken) == "BM-000001.json"
    assert file_name_for("a/b c", taken) == "a_b_c.json"
    assert file_name_for("a?b c", taken) == "a_b_c-2.json"
    assert file_name_for("../", taken) == "patient.json"


def test_cli_exports_one_patient_and_all(tmp_path, capsys):
    db = migrated_db(tmp_path / "r.sqlite")
    write_demo_registry(db, n=3, seed=2, reference_date=AS_OF, summaries=False)
    db.dispose()
    target = tmp_path / "one.json"
    assert main(["export-fhir", "--db", str(tmp_path / "r.sqlite"), "--mrn", "BM-000002",
                 "--out", str(target), "--as-of", "2026-11-21"]) == 0
    doc = revalidate(target.read_text(encoding="utf-8"))
    assert _resources(doc, "Patient")[0]["identifier"][0]["value"] == "BM-000002"
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed
    folder = tmp_path / "all"
    folder.mkdir()
    capsys.readouterr()
    assert main(["export-fhir", "--db", str(tmp_path / "r.sqlite"), "--all",
                 "--out", str(folder)]) == 0
    err = capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == [
        "BM-000001.json", "BM-000002.json", "BM-000003.json"]
    assert "exported 3 of 3 patients" in err and "BM-" not in err  # counts only


def test_cli_refuses_bad_input_naming_the_field(tmp_path, capsys):
    db = migrated_db(tmp_path / "r.sqlite")
    write_demo_registry(db, n=1, seed=2, reference_date=AS_OF, summaries=False)
    db.dispose()
    path = str(tmp_path / "r.sqlite")
    assert main(["export-fhir", "--db", path, "--mrn", "NOPE-1"]) == 2
    err = capsys.readouterr().err
    assert "--mrn" in err and "NOPE" not in err
    assert main(["export-fhir", "--db", path, "--all", "--out", str(tmp_path / "x.json")]) == 2
    assert "--out" in capsys.readouterr().err
    assert main(["export-fhir", "--db", path, "--mrn", "BM-000001", "--as-of", "21/11"]) == 2
    assert "--as-of" in capsys.readouterr().err


def test_cli_write_failure_names_no_patient(tmp_path, capsys):
    db = migrated_db(tmp_path / "r.sqlite")
    write_demo_registry(db, n=2, seed=2, reference_date=AS_OF, summaries=False)
    db.dispose()
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)  # no writing into it
    try:
        if os.access(folder, os.W_OK):  # running as root: make the target a folder instead
            folder.chmod(0o700)
            (folder / "BM-000001.json").mkdir()
        code = main(["export-fhir", "--db", str(tmp_path / "r.sqlite"), "--all",
                     "--out", str(folder)])
    finally:
        folder.chmod(0o700)
    err = capsys.readouterr().err
    assert code == 1 and "--out: cannot write" in err and "BM-000001" not in err
