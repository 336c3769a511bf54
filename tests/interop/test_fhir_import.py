"""``bonemet import-fhir``: demo patients exported as FHIR bundles and re-imported into a fresh
registry (the patient added from its case file without labs first) get the same lab results;
a missing patient or disagreeing demographics are refused (exit 2, naming the field); a bad
result rejects the bundle naming the entry and the field."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from data.factories import migrated_db

from app.cli import main
from app.interop.fhir_export import build_bundle, bundle_json
from app.services.case_service import import_case, load_case
from app.services.demo import write_demo_registry
from app.services.site_zone import default_site_path

AS_OF = date(2026, 11, 21)
ZONE = "Asia/Shanghai"


def _instant(at: datetime | None):
    if at is None:
        return None
    return (at if at.tzinfo else at.replace(tzinfo=ZoneInfo(ZONE))).timestamp()


def lab_rows(labs) -> list[tuple]:
    """What a lab result is, for comparison (a naive time is site local time)."""
    return sorted((x.date, x.analyte, x.value, x.unit, x.ref_low, x.ref_high, x.fasting,
                   x.method, _instant(x.at)) for x in labs)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("fhirin") / "demo.sqlite"
    db = migrated_db(path)
    write_demo_registry(db, n=6, seed=3, reference_date=AS_OF, summaries=False)
    yield db, str(path)
    db.dispose()


def _fresh_with_patient(tmp_path, demo, mrn):
    """A fresh registry holding the demo patient without labs; the bundle file."""
    demo, _path = demo
    case = load_case(demo, mrn)
    path = tmp_path / f"{mrn}.json"
    path.write_text(bundle_json(build_bundle(case, AS_OF, ZoneInfo(ZONE))), encoding="utf-8")
    fresh = migrated_db(tmp_path / f"fresh-{mrn}.sqlite")
    bare = load_case(demo, mrn)
    bare.labs = []
    import_case(fresh, bare, "test")
    fresh.dispose()
    return case, path, str(tmp_path / f"fresh-{mrn}.sqlite")


@pytest.mark.parametrize("mrn", ["BM-000001", "BM-000004", "BM-000006"])
def test_export_then_import_gives_the_same_lab_results(tmp_path, demo, mrn, capsys):
    site = default_site_path()  # the site's zone (the test's isolated config folder)
    site.parent.mkdir(parents=True, exist_ok=True)
    site.write_text(json.dumps({"time_zone": ZONE}), encoding="utf-8")
    case, path, fresh = _fresh_with_patient(tmp_path, demo, mrn)
    assert case.labs, "the demo patient has labs"
    assert main(["import-fhir", str(path), "--db", fresh]) == 0
    out = capsys.readouterr()
    assert f"results: {len(case.labs)} imported" in out.out
    assert mrn not in out.out + out.err
    db = migrated_db(fresh)
    try:
        assert lab_rows(load_case(db, mrn).labs) == lab_rows(case.labs)
    finally:
        db.dispose()
    # importing the same bundle again changes nothing
    assert main(["import-fhir", str(path), "--db", fresh]) == 0
    assert "results: 0 imported" in capsys.readouterr().out


def test_missing_patient_is_refused(tmp_path, demo, capsys):
    case = load_case(demo[0], "BM-000002")
    path = tmp_path / "b.json"
    path.write_text(bundle_json(build_bundle(case, AS_OF, ZoneInfo(ZONE))), encoding="utf-8")
    migrated_db(tmp_path / "empty.sqlite").dispose()
    assert main(["import-fhir", str(path), "--db", str(tmp_path / "empty.sqlite")]) == 2
    err = capsys.readouterr().err
    assert "Patient.identifier" in err and "BM-000002" not in err


@pytest.mark.parametrize(("field", "value"), [("birthDate", "1900-01-01"),
                                               ("gender", "other")])
def test_disagreeing_demographics_are_refused(tmp_path, demo, field, value, capsys):
    case, path, fresh = _fresh_with_patient(tmp_path, demo, "BM-000003")
    doc = json.loads(path.read_text(encoding="utf-8"))
    patient = next(e["resource"] for e in doc["entry"]
                   if e["resource"]["resourceType"] == "Patient")
    patient[field] = value
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import-fhir", str(path), "--db", fresh]) == 2
    assert f"Patient.{field}" in capsys.readouterr().err
    db = migrated_db(fresh)
    try:
        assert load_case(db, "BM-000003").labs == []  # nothing written
    finally:
        db.dispose()


def test_a_bad_result_rejects_the_bundle_naming_entry_and_field(tmp_path, demo, capsys):
    case, path, fresh = _fresh_with_patient(tmp_path, demo, "BM-000005")
    doc = json.loads(path.read_text(encoding="utf-8"))
    entries = doc["entry"]
    n, obs = next((i, e["resource"]) for i, e in enumerate(entries)
                  if any(c.get("system") == "urn:bonemet:analyte"
                         for c in e["resource"].get("code", {}).get("coding", [])))
    obs["valueQuantity"]["unit"] = "furlongs"
    obs["valueQuantity"].pop("code", None)
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["import-fhir", str(path), "--db", fresh]) == 1
    out = capsys.readouterr().out
    assert f"entry {n}, Observation.valueQuantity.unit" in out
    db = migrated_db(fresh)
    try:
        assert load_case(db, "BM-000005").labs == []
    finally:
        db.dispose()


def test_not_a_bundle_is_refused(tmp_path, capsys):
    migrated_db(tmp_path / "r.sqlite").dispose()
    bad = tmp_path / "x.json"
    bad.write_text('{"resourceType": "Patient"}', encoding="utf-8")
    assert main(["import-fhir", str(bad), "--db", str(tmp_path / "r.sqlite")]) == 2
    assert "resourceType" in capsys.readouterr().err


def test_reimport_into_the_source_registry_adds_nothing(tmp_path, demo, capsys):
    db, db_path = demo
    site = default_site_path()
    site.parent.mkdir(parents=True, exist_ok=True)
    site.write_text(json.dumps({"time_zone": ZONE}), encoding="utf-8")
    timed = 0
    for mrn in ("BM-000001", "BM-000002", "BM-000003"):
        case = load_case(db, mrn)
        timed += sum(1 for x in case.labs if x.at is not None and x.at.tzinfo is None)
        path = tmp_path / f"{mrn}.json"
        path.write_text(bundle_json(build_bundle(case, AS_OF, ZoneInfo(ZONE))), encoding="utf-8")
        capsys.readouterr()
        assert main(["import-fhir", str(path), "--db", db_path, "--dry-run"]) == 0
        assert (f"results: 0 would be imported, {len(case.labs)} already in the registry"
                in capsys.readouterr().out)
    # times recorded without an offset were exported with the site zone, and recognised
    assert timed > 0
