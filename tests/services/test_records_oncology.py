"""Chart records of the oncology history (issue 20 item 8) through the records service on a
real registry: added from form values, corrected by a new row (the old one kept), marked
entered in error (kept, with the reason), dates refused before birth / in the future, and a
dental exam with findings that keeps BMA-DENTAL-CLEARANCE firing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.data import models as M
from app.data import models_oncology as H
from app.data.case_repo import load_case
from app.services.records import RecordsService, ValidationFailed
from app.services.records_map import HISTORY_KINDS

from .records_helpers import TODAY, case_doc, iso, make_registry


@pytest.fixture
def reg(tmp_path):
    db, ids = make_registry(tmp_path, case_doc("P-1"))
    svc = RecordsService(db, "dr.test", today=lambda: TODAY)
    yield db, ids["P-1"], svc
    db.dispose()


LINE = {"line": 1, "drugs": ["gefitinib"], "start": "2020-05-01", "stop": "2021-05-10",
        "stop_reason": "progression", "best_response": "PR"}
FORM_VALUES = {
    "therapy_line": LINE,
    "pdl1": {"date": "2020-04-25", "tps": 1, "cps": 2, "assay": "22C3"},
    "smoking": {"date": "2020-04-20", "status": "former", "pack_years": 30},
    "course": {"date": "2020-04-20", "kind": "diagnosis", "stage": "IVB"},
}


@pytest.mark.parametrize("kind", HISTORY_KINDS)
def test_each_history_kind_is_added_corrected_and_marked_in_error(reg, kind):
    db, pid, svc = reg
    record = svc.parse(kind, FORM_VALUES[kind])
    first = svc.add(pid, record).record_id
    chart = svc.chart(pid)
    stored = chart.stored(kind, first)
    assert stored is not None and stored.record == record
    changed = svc.parse(kind, {**FORM_VALUES[kind], **(
        {"best_response": "SD"} if kind == "therapy_line" else {"date": "2020-05-02"})})
    second = svc.correct(pid, first, stored.version, changed).record_id
    assert second != first
    stored2 = svc.chart(pid).stored(kind, second)
    assert stored2.record == changed and svc.chart(pid).stored(kind, first) is None
    svc.mark_entered_in_error(pid, kind, second, stored2.version, "wrong patient")
    assert svc.chart(pid).stored(kind, second) is None
    model = {"therapy_line": H.TherapyLineRecord, "pdl1": H.Pdl1Record,
             "smoking": H.SmokingRecord, "course": H.CourseRecord}[kind]
    with db.session() as s:
        rows = list(s.scalars(select(model).where(model.patient_id == pid).order_by(model.id)))
        audit = [a.action for a in s.scalars(select(M.AuditLog).where(
            M.AuditLog.patient_id == pid, M.AuditLog.entity == model.__tablename__))]
    assert len(rows) == 2  # never hard-deleted
    assert rows[1].replaces_id == rows[0].id and rows[1].entered_in_error
    assert rows[1].error_reason == "wrong patient"
    assert audit == ["create", "correct", "entered_in_error"]


def test_the_case_of_the_registry_carries_the_lines(reg):
    db, pid, svc = reg
    for values in (LINE, {"line": 2, "drugs": ["furmonertinib", "savolitinib"],
                          "start": "2024-06-15"}):
        svc.add(pid, svc.parse("therapy_line", values))
    with db.session() as s:
        case = load_case(s, pid)
    assert [t.drugs for t in case.therapy_lines] == [["gefitinib"],
                                                     ["furmonertinib", "savolitinib"]]


@pytest.mark.parametrize(("kind", "values", "field"), [
    ("therapy_line", {**LINE, "start": "1949-12-31", "stop": None, "stop_reason": None},
     "start"),
    ("course", {"date": "1949-06-01", "kind": "diagnosis"}, "date"),
    ("pdl1", {"date": "1949-06-01", "tps": 5}, "date"),
])
def test_a_date_before_the_birth_date_is_refused_naming_the_field(reg, kind, values, field):
    db, pid, svc = reg  # born 1950-01-01
    record = svc.parse(kind, values)
    with pytest.raises(ValidationFailed) as err:
        svc.add(pid, record)
    assert [e.field for e in err.value.errors] == [field]
    assert "birth date" in err.value.errors[0].message
    with db.session() as s:
        assert load_case(s, pid).therapy_lines == [] and load_case(s, pid).pdl1 == []


@pytest.mark.parametrize(("kind", "values", "field"), [
    ("therapy_line", {**LINE, "stop": iso(-1)}, "stop"),
    ("therapy_line", {"line": 1, "drugs": ["x"], "start": iso(-3)}, "start"),
    ("smoking", {"date": iso(-1), "status": "current"}, "date"),
    ("lesion", {"region": "L3", "bone": "vertebra", "level": "L3", "first_seen": iso(-1)},
     "first_seen"),
])
def test_a_future_date_is_refused_naming_the_field(reg, kind, values, field):
    _db, _pid, svc = reg
    with pytest.raises(ValidationFailed) as err:
        svc.parse(kind, values)
    assert field in [e.field for e in err.value.errors]
    assert svc.parse(kind, {**values, field: iso(0)}) is not None  # today is fine


def test_form_values_name_every_bad_field(reg):
    _db, _pid, svc = reg
    with pytest.raises(ValidationFailed) as err:
        svc.parse("therapy_line", {"line": 0, "drugs": [], "start": "2020-01-01",
                                   "best_response": "XX"})
    assert {e.field for e in err.value.errors} == {"line", "drugs", "best_response"}
    with pytest.raises(ValidationFailed) as err:
        svc.parse("symptom", {"date": iso(1), "kind": "bone_pain", "nrs": 12,
                              "analgesic_step": 0})
    assert {e.field for e in err.value.errors} == {"nrs", "analgesic_step"}


def test_a_dental_exam_with_extraction_needed_is_no_clearance_on_the_chart(reg):
    db, pid, svc = reg
    dose = svc.parse("administration", {"date": iso(1), "drug": "denosumab", "dose_mg": 120})
    exam = svc.parse("dental_exam", {"date": iso(20), "oral_hygiene": "poor", "infection": True,
                                     "extraction_needed": True})
    assert exam.extraction_needed is True
    rid = svc.add(pid, exam).record_id
    pending = svc.pending_findings(pid, dose)
    assert "BMA-DENTAL-CLEARANCE" in {f.rule for f in pending}
    # corrected: the extraction was done and the exam repeated → a clearance
    stored = svc.chart(pid).stored("dental_exam", rid)
    fixed = svc.parse("dental_exam", {"date": iso(20), "oral_hygiene": "good",
                                      "extraction_needed": False})
    assert "BMA-DENTAL-CLEARANCE" not in {
        f.rule for f in svc.pending_findings(pid, fixed, replaces=rid)}
    svc.correct(pid, rid, stored.version, fixed)
    assert "BMA-DENTAL-CLEARANCE" not in {f.rule for f in svc.pending_findings(pid, dose)}
    with db.session() as s:
        case = load_case(s, pid)
    assert case.dental.findings[0].oral_hygiene == "good"


def test_a_plain_dental_exam_date_still_works(reg):
    _db, pid, svc = reg
    exam = svc.parse("dental_exam", {"date": iso(3)})
    assert not exam.has_findings()
    rid = svc.add(pid, exam).record_id
    assert svc.chart(pid).stored("dental_exam", rid).record == exam
    with pytest.raises(ValidationFailed) as err:
        svc.parse("dental_exam", {"date": iso(3), "oral_hygiene": "awful"})
    assert [e.field for e in err.value.errors] == ["oral_hygiene"]
