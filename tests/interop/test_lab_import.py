"""Applying imported labs to the registry: one transaction per message, idempotent re-import,
dry run, unknown MRN, corrections, audit, and the patient's cached summary refreshed."""

from __future__ import annotations

from sqlalchemy import func, select

from app.data import case_repo
from app.data import models as M
from app.domain.assess import assess
from app.interop.lab_files import parse_lab_file
from app.services.audit import list_audit
from app.services.lab_import import apply_lab_import
from app.services.worklist import refresh_all_summaries

from .conftest import MRN, TODAY, message, msh, obr, obx, pid


def run(db, text: str | bytes, *, dry_run: bool = False, name: str = "labs.hl7", **kw):
    data = text.encode("utf-8") if isinstance(text, str) else text
    parsed = parse_lab_file(data, name, today=TODAY, **kw)
    return apply_lab_import(db, parsed.units, "tester", dry_run=dry_run, today=lambda: TODAY)


def counts(db) -> dict[str, int]:
    with db.session() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t))
                for t in M.Base.metadata.sorted_tables}


def labs(db, source: str | None = None) -> list[tuple]:
    with db.session() as s:
        stmt = select(M.LabResult).order_by(M.LabResult.id)
        if source is not None:
            stmt = stmt.where(M.LabResult.source == source)
        return [(r.analyte, r.value, r.unit, r.loinc, r.flag, r.ref_text, r.source,
                 r.on_date.isoformat(), r.at_time.isoformat() if r.at_time else None,
                 r.method, r.fasting, r.replaces_id) for r in s.scalars(stmt)]


def patient_row(db) -> M.Patient:
    with db.session() as s:
        return s.scalar(select(M.Patient).where(M.Patient.mrn == MRN))


TWO_MESSAGES = (
    # message 1: one good OBX and one with a unit CTX does not have -> that result rejected
    message(msh("1", "LAB1"), pid(), obr("20261101080000"),
            obx(1, "2160-0^Creat^LN", "0.8", "mg/dL", ref="0.5-1.1"),
            obx(2, "41171-0^CTX^LN", "0.6", "mmol/L"))
    # message 2: good (pg/mL CTX with a range, mg/dL creatinine)
    + message(msh("2", "LAB2"), pid(), obr("20261110073000"),
              obx(1, "41171-0^β-CTX^LN", "520", "pg/mL", ref="136-689", method="^ECLIA"),
              obx(2, "X9^肌酐", "0.9", "mg/dL"))
)


def test_bad_message_rejected_whole_next_message_imported(db):
    before = counts(db)
    rep = run(db, TWO_MESSAGES)
    assert (rep.read, rep.imported, rep.rejected, rep.skipped) == (2, 2, 0, 0)
    assert rep.outcomes[0].reasons == ("OBX 2, OBX-6: 'mmol/L' is not a unit of CTX (ng/mL, "
                                       "pg/mL, µg/L, ng/L)",)
    assert rep.results_rejected == 1 and rep.has_rejections
    # the bad result costs only itself
    assert labs(db, "hl7:LAB1") == [
        ("CREA", 0.8, "mg/dL", "2160-0", "N", "0.5-1.1", "hl7:LAB1", "2026-11-01",
         "2026-11-01T08:00:00", None, None, None)]
    assert labs(db, "hl7:LAB2") == [
        ("CTX", 520.0, "pg/mL", "41171-0", "N", "136-689", "hl7:LAB2", "2026-11-10",
         "2026-11-10T07:30:00", "ECLIA", None, None),
        ("CREA", 0.9, "mg/dL", "2160-0", None, None, "hl7:LAB2", "2026-11-10",
         "2026-11-10T07:30:00", None, None, None),
    ]
    after = counts(db)
    assert after["lab_result"] == before["lab_result"] + 3
    assert after["audit_log"] == before["audit_log"] + 3  # one audit row per result written


def test_reimport_is_idempotent(db):
    run(db, TWO_MESSAGES)
    first = counts(db)
    rep = run(db, TWO_MESSAGES)
    assert counts(db) == first
    assert (rep.imported, rep.skipped, rep.rejected) == (0, 1, 1)
    assert rep.results_duplicate == 3
    assert rep.outcomes[1].reasons == ("2 result(s) already in the registry",)


def test_same_result_twice_in_one_file_is_stored_once(db):
    m = message(msh("7"), pid(), obr(), obx(1, "41171-0^CTX^LN", "0.5", "ng/mL"))
    rep = run(db, m + m)
    assert [o.status for o in rep.outcomes] == ["imported", "skipped"]
    assert len(labs(db, "hl7:LAB1")) == 1


def test_entered_in_error_results_are_not_resurrected(db):
    m = message(msh(), pid(), obr(), obx(1, "41171-0^CTX^LN", "0.5", "ng/mL"))
    run(db, m)
    with db.session() as s:
        row = s.scalar(select(M.LabResult).where(M.LabResult.source == "hl7:LAB1"))
        row.entered_in_error, row.error_reason = True, "wrong patient"
    rep = run(db, m)
    assert rep.results_imported == 0 and rep.results_duplicate == 1


def test_unknown_mrn_rejects_the_message_without_naming_it(db):
    before = counts(db)
    rep = run(db, message(msh(), pid("NOPE-999"), obr(),
                          obx(1, "41171-0^CTX^LN", "0.5", "ng/mL")))
    assert rep.rejected == 1
    assert rep.outcomes[0].reasons == ("PID-3: no patient with this MRN in the registry",)
    assert counts(db) == before


def test_preliminary_result_is_skipped_and_counted(db):
    rep = run(db, message(msh(), pid(), obr(),
                          obx(1, "41171-0^CTX^LN", "0.5", "ng/mL", status="P")))
    assert (rep.imported, rep.skipped, rep.rejected, rep.results_left_out) == (0, 1, 0, 1)
    assert rep.outcomes[0].reasons == ("OBX 1: preliminary result (OBX-11 P)",)
    assert labs(db, "hl7:LAB1") == []


def test_dry_run_writes_nothing_but_reports_what_would_happen(db):
    before = counts(db)
    rep = run(db, TWO_MESSAGES, dry_run=True)
    assert rep.dry_run and (rep.imported, rep.results_rejected, rep.results_imported) == (2, 1, 3)
    assert counts(db) == before
    assert patient_row(db).alert_count is None  # no summary written either


def test_corrected_result_replaces_the_stored_one(db):
    run(db, message(msh(), pid(), obr(), obx(1, "41171-0^CTX^LN", "0.5", "ng/mL")))
    rep = run(db, message(msh(), pid(), obr(),
                          obx(1, "41171-0^CTX^LN", "0.55", "ng/mL", status="C")))
    assert rep.outcomes[0].corrected == 1
    rows = labs(db, "hl7:LAB1")
    assert [r[1] for r in rows] == [0.5, 0.55]  # the old row is kept
    with db.session() as s:
        old_id = s.scalar(select(M.LabResult.id).where(M.LabResult.value == 0.5))
        pid_ = s.scalar(select(M.Patient.id))
        current = [lab.value for lab in case_repo.load_case(s, pid_).labs
                   if lab.date.isoformat() == "2026-11-10"]
    assert rows[1][-1] == old_id and current == [0.55]
    actions = [e.action for e in list_audit_all(db) if e.entity == "lab_result"]
    assert actions.count("correct") == 1 and actions.count("import") == 1


def list_audit_all(db):
    with db.session() as s:
        return list_audit(s)


def test_ctx_rebound_after_denosumab_stop_refreshes_the_cached_summary(db):
    refresh_all_summaries(db, as_of=TODAY)
    before = patient_row(db)
    with db.session() as s:
        rules = {f.rule for f in assess(case_repo.load_case(s, before.id), TODAY).findings}
    assert "DEN-REBOUND-CTX" not in rules
    assert before.alert_top_severity != "critical"
    # 520 pg/mL = 0.52 ng/mL on day 113 after the last dose: >= 1.3 x nadir 0.09 ng/mL
    rep = run(db, message(msh(), pid(), obr("20261110073000"),
                          obx(1, "41171-0^β-CTX^LN", "520", "pg/mL")))
    assert rep.imported == 1
    after = patient_row(db)
    with db.session() as s:
        findings = assess(case_repo.load_case(s, after.id), TODAY).findings
    assert "DEN-REBOUND-CTX" in {f.rule for f in findings}
    assert after.alert_count == len(findings) == before.alert_count + 1
    assert after.alert_top_severity == "critical" and after.summary_as_of == TODAY
    assert after.version == before.version  # a summary refresh is not an edit of the patient


def test_gbk_file_imports_chinese_names(db):
    text = message(msh(facility="检验科"), pid(), obr(),
                   obx(1, "L1^碱性磷酸酶", "180", "U/L", ref="45-125", flag="H"),
                   obx(2, "L2^白蛋白", "3.8", "g/dL"))
    rep = run(db, text.encode("gbk"))
    assert rep.results_imported == 2
    rows = labs(db, "hl7:检验科")
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("ALP", 180.0, "U/L", "6768-6", "H"), ("ALB", 3.8, "g/dL", "1751-7", None)]


def test_summary_uses_the_parameters_given(db):
    from app.domain.params import params_from_mapping

    lenient = params_from_mapping({"lsc_ctx": 10.0, "ctx_uln_ng_ml": 5.0})
    parsed = parse_lab_file(message(msh(), pid(), obr("20261110073000"),
                                    obx(1, "41171-0^CTX^LN", "520", "pg/mL")).encode(),
                            "a.hl7", today=TODAY)
    rep = apply_lab_import(db, parsed.units, "tester", params=lenient, today=lambda: TODAY)
    assert rep.imported == 1
    row = patient_row(db)
    with db.session() as s:
        findings = assess(case_repo.load_case(s, row.id), TODAY, lenient).findings
    assert "DEN-REBOUND-CTX" not in {f.rule for f in findings}
    assert row.alert_count == len(findings) and row.alert_top_severity != "critical"


def test_database_error_rejects_only_that_message(db, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from app.services import lab_rows

    real = lab_rows.Writer.store
    calls = []

    def flaky(self, rows, pid, item, unit, old):
        calls.append(item.lab.analyte)
        if item.lab.analyte == "ALB":
            raise OperationalError("INSERT ...", {"value": 987654}, Exception("locked"))
        return real(self, rows, pid, item, unit, old)

    monkeypatch.setattr(lab_rows.Writer, "store", flaky)
    text = (message(msh("1", "L1"), pid(), obr(), obx(1, "2160-0^Cr^LN", "0.8", "mg/dL"),
                    obx(2, "1751-7^Alb^LN", "38", "g/L"))
            + message(msh("2", "L2"), pid(), obr(), obx(1, "41171-0^CTX^LN", "0.5", "ng/mL")))
    rep = run(db, text)
    assert [o.status for o in rep.outcomes] == ["rejected", "imported"]
    assert rep.outcomes[0].reasons == (
        "database error (Exception): nothing of it was written",)
    assert labs(db, "hl7:L1") == [] and len(labs(db, "hl7:L2")) == 1
    assert calls == ["CREA", "ALB", "CTX"]


def test_cancel_stops_before_the_next_message_and_refreshes_what_changed(db):
    text = "".join(message(msh(f"K{n}"), pid(), obr(f"2026110{n + 1}073000"),
                           obx(1, "41171-0^CTX^LN", f"0.{n + 1}", "ng/mL")) for n in range(4))
    units = parse_lab_file(text.encode(), "k.hl7", today=TODAY).units
    done = []
    rep = apply_lab_import(db, units, "t", today=lambda: TODAY,
                           progress=lambda n, total: done.append(n),
                           cancel=lambda: len(done) >= 2)
    assert rep.cancelled and [o.status for o in rep.outcomes] == [
        "imported", "imported", "skipped", "skipped"]
    assert rep.outcomes[3].reasons == ("import cancelled: not imported",)
    assert len(labs(db, "hl7:LAB1")) == 2 and rep.patients_refreshed == 1


def test_each_result_has_its_own_audit_row(db):
    text = message(msh("AU1"), pid(), obr(), obx(1, "2160-0^Cr^LN", "0.8", "mg/dL"),
                   obx(2, "1751-7^Alb^LN", "38", "g/L"), obx(3, "41171-0^CTX^LN", "0.5", "ng/mL"))
    run(db, text)
    with db.session() as s:
        ids = set(s.scalars(select(M.LabResult.id).where(M.LabResult.source == "hl7:LAB1")))
        audited = {e.entity_id for e in list_audit(s)
                   if e.entity == "lab_result" and e.action == "import"}
        pids = {e.patient_id for e in list_audit(s)
                if e.entity == "lab_result" and e.entity_id in ids}
    assert len(ids) == 3 and ids <= audited
    assert pids == {patient_row(db).id}
