"""MDT meetings: create, list cases with questions, record decisions (audited), pack content."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from data.factories import example_case

from app.domain.progress import BuildCancelled
from app.services.audit import list_audit
from app.services.case_service import import_case
from app.services.mdt_service import MdtError, MdtService, MeetingDetails

MEETING = date(2026, 11, 25)


def _patient(db, mrn: str, name: str | None = None, *, bare: bool = False) -> int:
    case = example_case()
    case.patient = dataclasses.replace(case.patient, mrn=mrn, name=name)
    if bare:  # no labs, no drugs: no critical finding
        case = dataclasses.replace(case, labs=[], bma=dataclasses.replace(
            case.bma, administrations=[], stops=[]))
    return import_case(db, case, "tester")


@pytest.fixture
def svc(db):
    return MdtService(db, "dr.lin")


def test_create_meeting_is_audited_and_unique_per_date(db, svc):
    m = svc.create_meeting(MEETING, "Thoracic MDT")
    assert (m.meeting_date, m.title, m.case_count) == (MEETING, "Thoracic MDT", 0)
    with pytest.raises(MdtError) as err:
        svc.create_meeting(MEETING)
    assert err.value.field == "meeting_date"
    with db.session() as s:
        entries = [e for e in list_audit(s) if e.entity == "mdt_meeting"]
    assert [(e.action, e.entity_id, e.actor) for e in entries] == [("create", m.id, "dr.lin")]


def test_next_meeting_and_meeting_on(svc):
    svc.create_meeting(date(2026, 11, 11))
    later = svc.create_meeting(MEETING)
    assert svc.next_meeting(date(2026, 11, 12)).id == later.id
    assert svc.next_meeting(date(2026, 11, 26)) is None
    assert svc.meeting_on(MEETING).id == later.id
    assert svc.meeting_on(date(2026, 1, 1)) is None
    assert [m.meeting_date for m in svc.list_meetings()] == [date(2026, 11, 11), MEETING]


def test_add_cases_and_list_them_in_order(db, svc):
    pid_a = _patient(db, "A-1", "张小燕")
    pid_b = _patient(db, "B-2")
    m = svc.create_meeting(MEETING)
    svc.add_case(m.id, "B-2", "Radiotherapy for L3?")
    svc.add_case(m.id, "A-1", "  Resume denosumab?  ")
    rows = svc.list_cases(m.id)
    assert [(r.patient_id, r.mrn, r.question) for r in rows] == [
        (pid_b, "B-2", "Radiotherapy for L3?"), (pid_a, "A-1", "Resume denosumab?")]
    assert rows[1].name == "张小燕"
    assert svc.meeting_on(MEETING).case_count == 2
    with db.session() as s:
        audited = {(e.action, e.entity, e.patient_id) for e in list_audit(s)}
    assert ("create", "mdt_case", pid_a) in audited


@pytest.mark.parametrize("mrn, question, field", [
    ("A-1", "   ", "question"),
    ("NOPE", "Why?", "mrn"),
    ("A-1", "x" * 2001, "question"),
])
def test_add_case_refuses_bad_input(db, svc, mrn, question, field):
    _patient(db, "A-1")
    m = svc.create_meeting(MEETING)
    with pytest.raises(MdtError) as err:
        svc.add_case(m.id, mrn, question)
    assert err.value.field == field
    assert svc.list_cases(m.id) == []


def test_same_patient_twice_in_one_meeting_is_refused(db, svc):
    _patient(db, "A-1")
    m = svc.create_meeting(MEETING)
    svc.add_case(m.id, "A-1", "Q1")
    with pytest.raises(MdtError, match="already listed"):
        svc.add_case(m.id, "A-1", "Q2")


def test_record_decision_after_the_meeting_is_audited_and_shown_on_the_timeline(db, svc):
    pid = _patient(db, "A-1")
    m = svc.create_meeting(MEETING)
    case = svc.add_case(m.id, "A-1", "Resume denosumab?")
    with pytest.raises(MdtError, match="not taken place"):
        svc.record_decision(case.id, "Resume", today=date(2026, 11, 24))
    done = svc.record_decision(case.id, "Resume denosumab 120 mg q4w; CTX in 3 months",
                               today=MEETING)
    assert done.decision.startswith("Resume denosumab")
    assert done.decided_by == "dr.lin" and done.decided_at is not None
    with pytest.raises(MdtError, match="already recorded"):
        svc.record_decision(case.id, "Other", today=MEETING)
    timeline = svc.patient_decisions(pid)
    assert [(r.meeting_date, r.decision) for r in timeline] == [(MEETING, done.decision)]
    with db.session() as s:
        decide = [e for e in list_audit(s, patient_id=pid) if e.action == "decide"]
    assert len(decide) == 1 and "Resume" not in decide[0].summary  # no clinical text


def test_stale_version_is_refused(db, svc):
    _patient(db, "A-1")
    m = svc.create_meeting(MEETING)
    case = svc.add_case(m.id, "A-1", "Q")
    with pytest.raises(MdtError, match="changed by someone else"):
        svc.record_decision(case.id, "D", version=case.version + 1, today=MEETING)


def test_withdrawn_case_is_kept_but_not_listed(db, svc):
    pid = _patient(db, "A-1")
    m = svc.create_meeting(MEETING)
    case = svc.add_case(m.id, "A-1", "Q")
    svc.withdraw_case(case.id, "listed for the wrong meeting")
    assert svc.list_cases(m.id) == []
    assert svc.patient_decisions(pid) == []
    again = svc.add_case(m.id, "A-1", "Q again")  # may be listed again
    assert again.id != case.id


def test_pack_content_assesses_each_case_with_progress_and_trend(db, svc):
    _patient(db, "A-1", "张小燕")
    _patient(db, "B-2")
    m = svc.create_meeting(MEETING)
    svc.add_case(m.id, "A-1", "Resume denosumab?")
    svc.add_case(m.id, "B-2", "RT?")
    seen = []
    pack = svc.pack_content(m.id, as_of=date(2026, 11, 21), progress=lambda d, n: seen.append(d),
                            trend_png=lambda case, when, panel, lang: case.patient.mrn.encode())
    assert [c.mrn for c in pack.cases] == ["A-1", "B-2"]
    assert pack.cases[0].question == "Resume denosumab?"
    assert pack.cases[0].bm_status == "confirmed"
    assert "DEN-REBOUND-CTX" in {f.rule for f in pack.cases[0].findings}
    assert pack.cases[1].trend_png == b"B-2"
    assert seen == [0, 1, 2]
    with pytest.raises(BuildCancelled):
        svc.pack_content(m.id, cancel=lambda: True)


def test_meeting_details_are_stored_checked_and_edited(db, svc):
    with pytest.raises(MdtError, match="start_time: expected a time HH:MM"):
        svc.create_meeting(MEETING, details=MeetingDetails(start_time="2 pm"))
    with pytest.raises(MdtError, match="place: too long"):
        svc.create_meeting(MEETING, details=MeetingDetails(place="x" * 201))
    assert svc.list_meetings() == []  # nothing half-written
    m = svc.create_meeting(MEETING, "Thoracic MDT", MeetingDetails(
        start_time="9:05", place=" Room 3 ", chair="Dr Li", attendees="Dr Zhang\nDr Chen"))
    assert m.details == MeetingDetails("09:05", "Room 3", "Dr Li", "Dr Zhang\nDr Chen")
    assert svc.meeting_on(MEETING).details == m.details
    edited = svc.edit_meeting(m.id, title="Thoracic MDT", details=MeetingDetails(
        start_time="14:00", place="Room 3", chair="", attendees="Dr Zhang"), version=m.version)
    assert edited.details == MeetingDetails("14:00", "Room 3", None, "Dr Zhang")
    assert edited.version == m.version + 1
    with pytest.raises(MdtError, match="changed by someone else"):  # the old version
        svc.edit_meeting(m.id, title=None, details=MeetingDetails(), version=m.version)
    with pytest.raises(MdtError, match="start_time"):
        svc.edit_meeting(m.id, title=None, details=MeetingDetails(start_time="24:00"))
    assert svc.meeting_on(MEETING).details == edited.details
    with db.session() as s:
        updates = [e for e in list_audit(s) if e.action == "update" and e.entity == "mdt_meeting"]
    assert len(updates) == 1 and "Room" not in updates[0].summary


def test_pack_content_carries_details_orders_by_urgency_and_names_who_decided(db, svc):
    _patient(db, "A-1", "张小燕")  # the example case: a critical rebound finding
    _patient(db, "B-2", bare=True)
    m = svc.create_meeting(MEETING, details=MeetingDetails("14:00", "Room 3", "Dr Li", "Dr Z"))
    svc.add_case(m.id, "B-2", "RT?")
    svc.add_case(m.id, "A-1", "Resume denosumab?")
    first = svc.list_cases(m.id)[0]
    svc.record_decision(first.id, "RT 8 Gy", today=MEETING)
    pack = svc.pack_content(m.id, as_of=date(2026, 11, 21))
    assert (pack.start_time, pack.place, pack.chair, pack.attendees) == (
        "14:00", "Room 3", "Dr Li", "Dr Z")
    assert [c.mrn for c in pack.cases] == ["A-1", "B-2"]  # the critical case first
    assert pack.cases[0].critical >= 1
    decided = pack.cases[1]
    assert decided.decision == "RT 8 Gy" and decided.decided_by == "dr.lin"
    assert decided.decided_at is not None
    assert decided.lab_count == 0 and pack.cases[0].lab_count > 0
