"""Work-up service: drafts saved and resumed, cancel, and completion writing ordinary chart
records, the risk profile and the status in one audited transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.data import models as M
from app.data.models_workup import Workup
from app.domain.casefile import parse_case
from app.domain.workup_entries import LabEntry, LesionEntry, StudyEntry
from app.services.case_service import import_case
from app.services.records import RecordsService
from app.services.workup_service import (
    ConcurrentEditError,
    ValidationFailed,
    WorkupClosed,
    WorkupService,
)

TODAY = date(2026, 11, 21)


@pytest.fixture
def setup(db):
    doc = {"schema": "bonemet-case/1",
           "patient": {"mrn": "WU-1", "name": "Test", "sex": "male", "birth_date": "1955-01-01"},
           "cancer": {"histology": "adenocarcinoma", "stage": "IVA", "drivers": ["EGFR"]}}
    pid = import_case(db, parse_case(doc), "setup")
    return db, pid, WorkupService(db, "dr.wu", today=lambda: TODAY)


def _count(db, model, pid) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(model.patient_id == pid))


def test_start_prefills_the_risk_profile(setup):
    _db, pid, svc = setup
    st = svc.start(pid)
    assert st.workup_id is None and st.mrn == "WU-1"
    assert (st.entries.risk.stage, st.entries.risk.drivers) == ("IVA", ["EGFR"])
    assert st.entries.visit_date == TODAY


def test_draft_saved_and_resumed(setup):
    db, pid, svc = setup
    e = svc.start(pid).entries
    e.bone_pain, e.pain_pattern, e.pain_site = True, "fixed", "L3"
    e.studies.append(StudyEntry(TODAY, "bone_scan", "L3", "positive"))
    wid, ver = svc.save_draft(pid, e)
    resumed = svc.start(pid)
    assert (resumed.workup_id, resumed.version) == (wid, ver)
    assert resumed.entries == e
    assert _count(db, M.ImagingRecord, pid) == 0  # a draft writes nothing to the chart
    e.pain_site = "L4"
    wid2, ver2 = svc.save_draft(pid, e, wid, ver)
    assert wid2 == wid and ver2 == ver + 1
    with pytest.raises(ConcurrentEditError):
        svc.save_draft(pid, e, wid, ver)  # stale version
    svc.cancel(pid, wid, ver2)
    assert svc.drafts(pid) == [] and svc.start(pid).workup_id is None
    with db.session() as s:
        assert s.get(Workup, wid).status == "cancelled"  # kept, never deleted
    assert [(w.id, w.status) for w in svc.workups(pid)] == [(wid, "cancelled")]


def test_complete_writes_records_status_and_audit_in_one_go(setup):
    db, pid, svc = setup
    st = svc.start(pid)
    e = st.entries
    e.bone_pain, e.pain_pattern, e.pain_site = True, "fixed", "L3"
    e.labs.append(LabEntry(TODAY, "ALP", 400, "U/L"))
    e.studies += [StudyEntry(TODAY, "bone_scan", "L3", "positive"),
                  StudyEntry(TODAY, "mri", "L3", "positive", "osteolytic", True)]
    e.risk.visceral_metastases = ["liver"]
    e.lesions.append(LesionEntry("L3", "vertebra", level="L3", pain="mechanical"))
    wid, ver = svc.save_draft(pid, e)
    result = svc.complete(pid, e, wid, ver)
    assert result.workup_id == wid and result.status == "confirmed"
    assert sorted(x for x, _ in result.records) == ["imaging", "imaging", "lab_result",
                                                     "lesion", "symptom"]
    chart = RecordsService(db, "dr.chart", today=lambda: TODAY).chart(pid)
    assert chart.assessment.status.bone_metastasis == "confirmed"
    assert chart.case.cancer.visceral_metastases == ["liver"]
    assert [(le.region, le.bone, le.level) for le in chart.case.lesions] == [("L3", "vertebra",
                                                                             "L3")]
    with db.session() as s:
        assert s.get(Workup, wid).status == "completed"
        assert s.get(M.Patient, pid).bm_status == "confirmed"
        audit = s.scalars(select(M.AuditLog.summary).where(M.AuditLog.patient_id == pid)
                          ).all()
    assert any(a.startswith("update workup: fields status; 5 records") for a in audit)
    assert any(a.startswith("update patient: fields visceral_metastases") for a in audit)
    assert not any("400" in a or "L3" in a for a in audit)  # no clinical values in the audit
    with pytest.raises(WorkupClosed):
        svc.complete(pid, e, wid, ver + 1)


def test_invalid_entry_writes_nothing(setup):
    db, pid, svc = setup
    e = svc.start(pid).entries
    e.studies.append(StudyEntry(TODAY, "bone_scan", "L3", "positive"))
    e.labs.append(LabEntry(TODAY, "CTX", 0.9, "mmol/L"))
    with pytest.raises(ValidationFailed) as info:
        svc.complete(pid, e)
    assert [x.field for x in info.value.errors] == ["labs[0].unit"]
    assert _count(db, M.ImagingRecord, pid) == 0 and _count(db, Workup, pid) == 0


def test_bad_lesion_names_the_field(setup):
    _db, pid, svc = setup
    e = svc.start(pid).entries
    e.lesions.append(LesionEntry("L3", "vertebra"))  # a vertebra needs its level
    with pytest.raises(ValidationFailed) as info:
        svc.complete(pid, e)
    assert [x.field for x in info.value.errors] == ["lesions[0].level"]


def test_future_study_is_refused(setup):
    _db, pid, svc = setup
    e = svc.start(pid).entries
    e.studies.append(StudyEntry(date(2027, 1, 1), "mri", "L3", "negative"))
    with pytest.raises(ValidationFailed) as info:
        svc.complete(pid, e)
    assert info.value.errors[0].field == "imaging[0].date"


def test_urgent_path_records_the_deficit(setup):
    db, pid, svc = setup
    e = svc.start(pid).entries
    e.neuro_deficit, e.neuro_site = True, "new leg weakness"
    e.mscc_actions = ["whole_spine_mri", "corticosteroids"]
    result = svc.complete(pid, e)
    assert [f.rule for f in result.assessment.findings][0] == "WU-MSCC"
    with db.session() as s:
        kinds = s.scalars(select(M.SymptomRecord.kind).where(M.SymptomRecord.patient_id == pid)
                          ).all()
    assert kinds == ["neuro_deficit"]


def test_mdt_referral_lists_the_patient_in_the_same_transaction(setup):
    from app.services.mdt_service import MdtService

    db, pid, svc = setup
    mdt = MdtService(db, "coord")
    meeting = mdt.create_meeting(date(2026, 11, 28), "Thoracic MDT")
    mdt.create_meeting(date(2026, 10, 1))  # past: not offered
    assert [m.id for m in svc.meetings()] == [meeting.id]
    e = svc.start(pid).entries
    e.mdt_meeting_id = meeting.id
    with pytest.raises(ValidationFailed) as info:
        svc.complete(pid, e)  # a referral needs its question
    assert [x.field for x in info.value.errors] == ["mdt_question"]
    e.mdt_question = "Solitary lesion: biopsy?"
    svc.complete(pid, e)
    assert [(c.patient_id, c.question) for c in mdt.list_cases(meeting.id)] == [
        (pid, "Solitary lesion: biopsy?")]
    e2 = svc.start(pid).entries
    e2.mdt_meeting_id, e2.mdt_question = meeting.id, "again"
    e2.studies.append(StudyEntry(TODAY, "ct", "L1", "negative"))
    with pytest.raises(ValidationFailed) as info:
        svc.complete(pid, e2)  # already listed: nothing at all is written
    assert info.value.errors[0].field == "mdt_meeting"
    assert _count(db, M.ImagingRecord, pid) == 0
