"""Case files keep everything a lab result carries: the LOINC code, the laboratory's flag, the
reference-range text, the method and the source survive ``case export`` → ``case import``
(optional keys of labs[], an extension of bonemet-case/1), and bad values are refused naming
the field."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from data.factories import migrated_db

from app.cli import main
from app.data import models as M
from app.domain import case as C
from app.domain.casefile import CaseFileError, parse_case
from app.services.case_service import import_case
from app.services.lab_import import ImportUnit, IncomingLab, apply_lab_import

FIELDS = ("analyte", "value", "unit", "ref_low", "ref_high", "ref_text", "flag", "loinc",
          "method", "source", "fasting", "on_date", "at_time")


def _rows(db, mrn):
    with db.session() as s:
        pid = s.query(M.Patient.id).filter(M.Patient.mrn == mrn).scalar()
        rows = s.query(M.LabResult).filter(M.LabResult.patient_id == pid).order_by(
            M.LabResult.on_date, M.LabResult.id).all()
        return [tuple(getattr(r, f) for f in FIELDS) for r in rows]


def test_lab_provenance_survives_case_export_and_import(tmp_path, capsys):
    src = migrated_db(tmp_path / "a.sqlite")
    import_case(src, C.Case(patient=C.Patient("BM-9001", sex="female")), "test")
    labs = [
        # as an HL7 lab sends it: flag "H" although no numeric range, range text only
        IncomingLab(C.Lab(date(2026, 5, 3), "CTX", 812, "pg/mL", method="ECLIA (Roche)",
                          at=datetime(2026, 5, 3, 8, 5)),
                    loinc="41171-0", flag="H", ref_text="136-689 (fasting)"),
        IncomingLab(C.Lab(date(2026, 5, 3), "ICA", 4.9, "mg/dL", ref_low=4.6, ref_high=5.3),
                    loinc="17863-2", flag="N", ref_text="4.6--5.3"),
    ]
    rep = apply_lab_import(src, [ImportUnit("message 1", "BM-9001", "hl7:LAB1", labs)], "t")
    assert rep.results_imported == 2
    before = _rows(src, "BM-9001")
    src.dispose()
    capsys.readouterr()
    assert main(["case", "export", "--db", str(tmp_path / "a.sqlite"), "BM-9001"]) == 0
    exported = json.loads(capsys.readouterr().out)
    first = exported["labs"][0]
    assert (first["loinc"], first["flag"], first["ref_text"], first["method"],
            first["source"]) == ("41171-0", "H", "136-689 (fasting)", "ECLIA (Roche)", "hl7:LAB1")
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    migrated_db(tmp_path / "b.sqlite").dispose()
    assert main(["case", "import", "--db", str(tmp_path / "b.sqlite"), str(case_file)]) == 0
    dst = migrated_db(tmp_path / "b.sqlite")
    try:
        assert _rows(dst, "BM-9001") == before
    finally:
        dst.dispose()


def test_a_case_without_provenance_gets_the_derived_values(tmp_path):
    db = migrated_db(tmp_path / "c.sqlite")
    try:
        import_case(db, parse_case({"schema": "bonemet-case/1", "patient": {"mrn": "BM-9002"},
                                    "labs": [{"date": "2026-05-03", "analyte": "CA",
                                              "value": 2.8, "unit": "mmol/L",
                                              "ref_low": 2.1, "ref_high": 2.6}]}), "test")
        row, = _rows(db, "BM-9002")
        values = dict(zip(FIELDS, row, strict=True))
        assert (values["loinc"], values["flag"], values["ref_text"], values["source"]) == (
            "2000-8", "H", "2.1–2.6", "case file")
    finally:
        db.dispose()


@pytest.mark.parametrize(("key", "value", "problem"), [
    ("loinc", "ABC", "is not a LOINC code"),
    ("loinc", "2000-8", "is a LOINC code of CA, not CTX"),
    ("flag", "X", "is not one of H, L, N"),
    ("ref_text", 5, "expected a string"),
    ("source", True, "expected a string"),
])
def test_bad_provenance_is_refused_naming_the_field(key, value, problem):
    lab = {"date": "2026-05-03", "analyte": "CTX", "value": 0.4, "unit": "ng/mL", key: value}
    with pytest.raises(CaseFileError) as err:
        parse_case({"schema": "bonemet-case/1", "patient": {"mrn": "X"}, "labs": [lab]})
    assert err.value.field == f"labs[0].{key}"
    assert problem in err.value.problem
