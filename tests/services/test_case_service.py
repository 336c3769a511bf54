"""Case import/export round trips, atomic import, corrections that never delete, audit."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from data.factories import example_case, full_case, without_lab_provenance
from sqlalchemy import func, select

from app.data import models as M
from app.domain import case as C
from app.domain.casefile import case_to_json, parse_case
from app.interop.casefile_io import case_json_text, parse_case_text
from app.services.audit import list_audit
from app.services.case_service import (
    CaseImportError,
    DuplicateMrnError,
    PatientNotFound,
    RecordStateError,
    StaleRecordError,
    add_record,
    correct_record,
    import_case,
    load_case,
    load_case_by_id,
    mark_entered_in_error,
)


def counts(db) -> dict[str, int]:
    with db.session() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t))
                for t in M.Base.metadata.sorted_tables}


def every_record(case: C.Case) -> list:
    return [*case.symptoms, *case.labs, *case.imaging, *case.biopsies, *case.lesions,
            *case.bma.administrations, *case.bma.stops, *case.dental.procedures, *case.events,
            *case.therapy_lines, *case.pdl1, *case.smoking, *case.disease_course]


@pytest.mark.parametrize("make", [example_case, full_case])
def test_import_export_round_trip(db, make):
    case = make()
    pid = import_case(db, case, "tester")
    loaded = load_case(db, case.patient.mrn.lower())  # MRN lookup is case-insensitive
    assert loaded == case
    # the export adds the labs' provenance (derived here: LOINC, flag, range text, source)
    assert without_lab_provenance(case_to_json(loaded)) == case_to_json(case)
    assert all(lab["source"] == "case file" and lab["loinc"]
               for lab in case_to_json(loaded).get("labs", []))
    assert parse_case_text(case_json_text(loaded)) == case
    assert load_case_by_id(db, pid) == case
    assert all(r.rid is not None for r in every_record(loaded))


def test_full_case_exercises_every_table(db):
    import_case(db, full_case(), "tester")
    n = counts(db)
    for table in ("patient", "symptom", "lab_result", "imaging", "biopsy", "lesion",
                  "bma_administration", "bma_interval", "bma_stop", "dental_exam",
                  "dental_procedure", "clinical_event", "audit_log", "therapy_line",
                  "pdl1_result", "smoking_history", "disease_course"):
        assert n[table] > 0, table
    assert n["lab_result"] == 4 and n["audit_log"] == 1


def test_lab_keeps_value_as_reported_with_flag_range_and_loinc(db):
    import_case(db, full_case(), "tester")
    with db.session() as s:
        labs = {r.analyte: r for r in s.scalars(select(M.LabResult))}
    ctx = labs["CTX"]
    assert (ctx.value, ctx.unit, ctx.flag, ctx.ref_text, ctx.loinc) == (
        812.0, "pg/mL", "H", "136–689", "41171-0")
    assert (ctx.method, ctx.fasting, ctx.source) == ("ECLIA", True, "case file")
    assert labs["ALP"].flag == "L"
    assert (labs["CA"].flag, labs["CA"].ref_text) == ("N", "< 2.6")
    assert labs["CREA"].flag is None and labs["CREA"].loinc == "14682-9"


def test_existing_mrn_is_refused_and_nothing_written(db):
    import_case(db, example_case(), "tester")
    before = counts(db)
    other = full_case(mrn="bm-0001")  # same MRN, different case
    with pytest.raises(DuplicateMrnError) as info:
        import_case(db, other, "tester")
    assert str(info.value).startswith("patient.mrn: ")
    assert "bm-0001" not in str(info.value).lower()
    assert counts(db) == before


def test_failed_import_is_rolled_back_completely(db):
    case = full_case()
    case.labs[3].method = "m" * 101  # fails after the patient and three labs were written
    with pytest.raises(CaseImportError, match=r"^labs\[3\]\.method: at most 100 characters"):
        import_case(db, case, "tester")
    assert all(v == 0 for v in counts(db).values())


@pytest.mark.parametrize("mrn, problem", [("", "required"), ("A B", "letters"),
                                          ("X" * 40, "at most 32")])
def test_bad_mrn_refused(db, mrn, problem):
    case = full_case(mrn=mrn)
    with pytest.raises(CaseImportError, match=problem):
        import_case(db, case, "tester")
    assert counts(db)["patient"] == 0


def test_unknown_mrn(db):
    with pytest.raises(PatientNotFound, match="^mrn: "):
        load_case(db, "NOPE")


def test_entered_in_error_keeps_the_row(db):
    case = full_case()
    import_case(db, case, "tester")
    lab = load_case(db, case.patient.mrn).labs[0]
    mark_entered_in_error(db, "lab_result", lab.rid, "wrong patient's sample", "dr.b",
                          version=1)
    with db.session() as s:
        row = s.get(M.LabResult, lab.rid)
        assert row is not None and row.entered_in_error and row.version == 2
        assert (row.error_reason, row.error_by) == ("wrong patient's sample", "dr.b")
    reloaded = load_case(db, case.patient.mrn)
    assert lab.rid not in [x.rid for x in reloaded.labs] and len(reloaded.labs) == 3
    with pytest.raises(RecordStateError):
        mark_entered_in_error(db, "lab_result", lab.rid, "again", "dr.b")
    with pytest.raises(RecordStateError):
        mark_entered_in_error(db, "symptom", reloaded.symptoms[0].rid, "  ", "dr.b")
    with db.session() as s:
        entry = list_audit(s)[0]
    assert (entry.action, entry.entity, entry.entity_id) == ("entered_in_error", "lab_result",
                                                             lab.rid)
    assert "sample" not in entry.summary


def test_stale_version_blocks_entered_in_error(db):
    import_case(db, full_case(), "tester")
    rid = load_case(db, "FULL-001").imaging[0].rid
    with pytest.raises(StaleRecordError):
        mark_entered_in_error(db, "imaging", rid, "typo", "dr.b", version=7)
    with db.session() as s:
        assert not s.get(M.ImagingRecord, rid).entered_in_error


def test_correction_is_a_new_row_replacing_the_old(db):
    import_case(db, full_case(), "tester")
    old = load_case(db, "FULL-001").labs[1]
    fixed = dataclasses.replace(old, value=130.0, rid=None)
    new_id = correct_record(db, "lab_result", old.rid, fixed, "dr.c", version=1)
    labs = load_case(db, "FULL-001").labs
    assert [x.value for x in labs if x.analyte == "ALP"] == [130.0]
    assert new_id in [x.rid for x in labs] and old.rid not in [x.rid for x in labs]
    with db.session() as s:
        kept = s.get(M.LabResult, old.rid)
        assert kept.value == 30.0 and not kept.entered_in_error  # the old row stays
        assert s.get(M.LabResult, new_id).replaces_id == old.rid
        assert s.get(M.LabResult, new_id).flag == "H"
    with pytest.raises(StaleRecordError):  # a second correction from a stale form
        correct_record(db, "lab_result", old.rid, fixed, "dr.d", version=1)
    # marking the correction entered-in-error brings the original back
    mark_entered_in_error(db, "lab_result", new_id, "correction was wrong", "dr.c")
    assert [x.value for x in load_case(db, "FULL-001").labs if x.analyte == "ALP"] == [30.0]


def test_add_record_is_audited(db):
    pid = import_case(db, example_case(), "tester")
    rid = add_record(db, pid, C.Lab(date(2026, 11, 20), "CTX", 0.55, "ng/mL"), "dr.e")
    assert load_case(db, "BM-0001").labs[-1].rid == rid
    with db.session() as s:
        entry = list_audit(s, patient_id=pid)[0]
    assert (entry.action, entry.entity, entry.entity_id, entry.actor) == (
        "create", "lab_result", rid, "dr.e")


def test_audit_never_holds_clinical_values_or_names(db):
    case = full_case()
    pid = import_case(db, case, "tester")
    rid = load_case(db, case.patient.mrn).labs[0].rid
    mark_entered_in_error(db, "lab_result", rid, "CTX 812 wrong", "tester")
    with db.session() as s:
        entries = list_audit(s)
    assert [e.action for e in entries] == ["entered_in_error", "import"]
    assert entries[1].summary == f"import case: {len(every_record(case)) + 4} records"
    assert all(e.patient_id == pid for e in entries)
    text = " ".join(e.summary for e in entries)
    for secret in ("欧阳", "FULL-001", "812", "2.31", "51.5", "1960", "L3", "ECLIA", "CTX"):
        assert secret not in text


def test_status_override_and_nullables_round_trip(db):
    case = full_case()
    case.status_override = None
    case.cancer = C.Cancer()  # all unknown, visceral_metastases None (not staged)
    case.patient = C.Patient(mrn="MIN-1")
    import_case(db, case, "t")
    loaded = load_case(db, "MIN-1")
    assert loaded.status_override is None and loaded.cancer.visceral_metastases is None
    assert loaded == case
    assert parse_case(case_to_json(loaded)) == case


def test_two_writers_on_one_file_wait_instead_of_failing(db):
    """Two workstations (separate engines) importing at once: WAL + busy_timeout serialise the
    writes; neither sees "database is locked"."""
    import threading

    from app.data.engine import open_database

    other = open_database(db.sqlite_path)
    errors: list[BaseException] = []

    def work(database, prefix: str) -> None:
        try:
            for i in range(6):
                import_case(database, full_case(mrn=f"{prefix}-{i}"), prefix)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(d, p)) for d, p in ((db, "A"), (other, "B"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.dispose()
    assert errors == []
    assert counts(db)["patient"] == 12 and counts(db)["lab_result"] == 48


def test_a_corrected_lab_result_does_not_keep_a_copied_flag_or_range_text(db):
    import_case(db, full_case(), "tester")
    old = load_case(db, "FULL-001").labs[1]
    assert old.flag is not None  # loaded with its stored provenance
    # the value changed: the copied flag / range text are derived anew; LOINC variant kept
    fixed = dataclasses.replace(old, value=old.value + 1000, rid=None)
    new_id = correct_record(db, "lab_result", old.rid, fixed, "dr.c", version=1)
    with db.session() as s:
        row = s.get(M.LabResult, new_id)
        assert row.flag == "H" and row.loinc == old.loinc and row.source == old.source
    # only the method changed: the laboratory's flag stays as it was sent
    again = load_case(db, "FULL-001").labs[1]
    same = dataclasses.replace(again, method="re-read", flag="L", rid=None)
    newer = correct_record(db, "lab_result", again.rid, same, "dr.c")
    with db.session() as s:
        assert s.get(M.LabResult, newer).flag == "L"
