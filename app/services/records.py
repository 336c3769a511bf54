"""Patient chart use cases: add, correct and mark entered-in-error every kind of record, with the
rules run on what the user is about to save.

One transaction per user action: the record row(s), the audit row(s) and the patient's cached
summary columns (assess + summarize, as of today) are written together or not at all.

- **add** writes a new row. **correct** writes a new row whose ``replaces_id`` points at the old
  one (the old row is kept and stops counting). **mark_entered_in_error** flags a row with a
  reason (kept, hidden from the rules). Corrections and marks check the row version the form
  was loaded with: a change made meanwhile on another workstation raises
  :class:`~app.services.registry.ConcurrentEditError`, never a silent overwrite.
- :meth:`RecordsService.pending_findings` runs the rules on a copy of the chart plus the pending
  record (pure domain call), so a form can show every finding with its reason *before* saving.
- **Overrides** (rule book §0): a critical finding that concerns the action blocks the save
  unless a written override reason is given. The action is a BMA dose (given or planned), and
  the findings that concern it are the critical ``BMA-*`` findings and ``DENT-ONJ`` on the chart
  with the pending dose (the policy is :mod:`app.domain.dose_policy`; see
  :func:`blocking_findings`). Observations (labs, imaging, …) are
  facts and are never blocked; the critical findings they raise are returned to the caller.
  The reason is stored on the dose row and in the audit log, with the rule IDs overridden.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import exists, false, select
from sqlalchemy.orm import Session

from app.data import case_repo, record_repo
from app.data import models as M
from app.data.patient_repo import store_summary
from app.domain import case as C
from app.domain.assess import Assessment, assess
from app.domain.dose_policy import dose_blocking
from app.domain.findings import Finding
from app.domain.limits import record_date_problems
from app.domain.summary import PatientSummary, summarize
from app.services.actor_service import ActorService
from app.services.audit import write_audit, write_override_audit
from app.services.records_dose import DoseSuggestion, dose_suggestion
from app.services.records_history import HistoryEntry, patient_history
from app.services.records_map import (
    KINDS,
    IntervalSetting,
    RecordKind,
    StoredRecord,
    kind_of,
    load_records,
    to_domain,
)
from app.services.records_validate import FieldError, ValidationFailed, parse_record
from app.services.registry import ConcurrentEditError, PatientNotFound

__all__ = [
    "ChartData", "ConcurrentEditError", "FieldError", "OverrideRequired", "PatientNotFound",
    "RecordsService", "SaveResult", "ValidationFailed", "blocking_findings", "pending_case",
]

MIN_OVERRIDE_REASON = 10
_CONFLICT = "record: changed by someone else since the chart was opened; reload the chart"


class OverrideRequired(Exception):
    """A critical finding blocks the save; ``findings`` are the blocking ones."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("critical finding: give an override reason to save ("
                         + ", ".join(f.rule for f in findings) + ")")
        self.findings = findings


@dataclass(frozen=True)
class SaveResult:
    record_id: int | None
    findings: list[Finding]  # the chart's findings after the change
    new_findings: list[Finding]  # findings whose rule did not fire before the change
    overridden: tuple[str, ...] = ()  # rule IDs overridden with a reason


@dataclass(frozen=True)
class ChartData:
    """Everything the chart window shows, read in one transaction."""

    patient_id: int
    patient_version: int
    mrn: str
    name: str | None
    case: C.Case
    assessment: Assessment
    summary: PatientSummary
    records: list[StoredRecord]
    as_of: date

    def stored(self, kind: str, rid: int) -> StoredRecord | None:
        for r in self.records:
            if r.kind == kind and r.rid == rid:
                return r
        return None


def blocking_findings(kind: str, findings: list[Finding]) -> list[Finding]:
    """The critical findings that block saving a record of ``kind`` without an override (the
    policy: :mod:`app.domain.dose_policy`; only a BMA dose is ever blocked)."""
    if kind != "administration":
        return []
    return dose_blocking(findings)


def _section(case: C.Case, kind: str) -> list[Any]:
    return {
        "symptom": case.symptoms, "lab": case.labs, "imaging": case.imaging,
        "biopsy": case.biopsies, "lesion": case.lesions,
        "administration": case.bma.administrations, "stop": case.bma.stops,
        "dental_procedure": case.dental.procedures, "event": case.events,
        "therapy_line": case.therapy_lines, "pdl1": case.pdl1, "smoking": case.smoking,
        "course": case.disease_course,
    }[kind]


def pending_case(case: C.Case, record: Any, replaced: Any | None = None) -> C.Case:
    """A copy of ``case`` with ``record`` added, or replacing ``replaced`` (same kind)."""
    out = copy.deepcopy(case)
    kind = kind_of(record).key
    if kind == "dental_exam":
        dental = out.dental
        if replaced is not None and replaced.date in dental.exams:
            dental.exams.remove(replaced.date)
            dental.findings = [f for f in dental.findings
                               if f.rid is None or f.rid != replaced.rid]
        dental.exams.append(record.date)
        if record.has_findings():
            dental.findings.append(copy.deepcopy(record))
    elif kind == "interval":
        if replaced is not None:
            out.bma.interval_days.pop(replaced.drug, None)
        out.bma.interval_days[record.drug] = record.days
    else:
        items = _section(out, kind)
        if replaced is not None:
            items[:] = [x for x in items if x.rid != replaced.rid]
        items.append(copy.deepcopy(record))
    return out


def _rule_ids(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}


def _changed_fields(record: Any, old: Any | None) -> list[str]:
    names = []
    for f in fields(record):
        if f.name in ("rid", "at") or not f.compare:  # ids and lab provenance: not edited
            continue
        value = getattr(record, f.name)
        if old is None:
            if value not in (None, False, [], ""):
                names.append(f.name)
        elif value != getattr(old, f.name):
            names.append(f.name)
    return names


class RecordsService(ActorService):
    """Chart use cases for one user (``actor``) on one registry."""

    # ---- reading --------------------------------------------------------------------------
    def chart(self, patient_id: int) -> ChartData:
        """The patient's current chart with its assessment as of today."""
        with self._db.session() as s:
            p = s.get(M.Patient, patient_id)
            if p is None:
                raise PatientNotFound("patient: no such patient")
            case = case_repo.load_case(s, patient_id)
            records = load_records(s, patient_id)
            version, mrn, name = p.version, p.mrn, p.name
        as_of = self.today()
        assessment = assess(case, as_of, self._params)
        summary = summarize(case, assessment, as_of)
        return ChartData(patient_id, version, mrn, name, case, assessment, summary, records,
                         as_of)

    def parse(self, kind: str, values: dict[str, Any]) -> Any:
        """Validate form values (case-file keys) into a record; :class:`ValidationFailed`."""
        return parse_record(kind, values, self.today())

    def pending_findings(self, patient_id: int, pending_record: Any, *,
                         replaces: int | None = None) -> list[Finding]:
        """The rules on the chart plus ``pending_record`` (replacing record ``replaces``)."""
        with self._db.session() as s:
            case = case_repo.load_case(s, patient_id)
            replaced = self._replaced(s, kind_of(pending_record), replaces)
        return assess(pending_case(case, pending_record, replaced), self.today(),
                      self._params).findings

    def dose_suggestion(self, patient_id: int, drug: str, dose_date: date,
                        planned: bool = False) -> DoseSuggestion:
        """The suggested dose of ``drug`` on ``dose_date`` (given, or ``planned``) with the
        inputs used (bisphosphonates by the dose's CrCl)."""
        with self._db.session() as s:
            case = case_repo.load_case(s, patient_id)
        return dose_suggestion(case, drug, dose_date, self.today(), self._params, planned)

    def history(self, patient_id: int, limit: int = 500) -> list[HistoryEntry]:
        """Who did what to this patient's chart, and when (newest first)."""
        with self._db.session() as s:
            return patient_history(s, patient_id, limit)

    # ---- writing --------------------------------------------------------------------------
    def add(self, patient_id: int, record: Any, *, override_reason: str | None = None
            ) -> SaveResult:
        """Save a new record. :class:`OverrideRequired` when a critical finding blocks it."""
        return self._save(patient_id, record, None, None, override_reason)

    def correct(self, patient_id: int, record_id: int, version: int, record: Any, *,
                override_reason: str | None = None) -> SaveResult:
        """Save ``record`` as the correction of row ``record_id`` (read at ``version``)."""
        return self._save(patient_id, record, record_id, version, override_reason)

    def mark_entered_in_error(self, patient_id: int, kind: str, record_id: int, version: int,
                              reason: str) -> SaveResult:
        """Flag a record as entered in error (kept, hidden from the rules)."""
        if not (reason or "").strip():
            raise ValidationFailed([FieldError("reason", "required",
                                               "required: say why the record is in error")])
        k = KINDS[kind]
        with self._db.session() as s:
            self._check_owner(s, k, record_id, patient_id)
            before = assess(case_repo.load_case(s, patient_id), self.today(), self._params)
            try:
                record_repo.mark_entered_in_error(s, k.entity, record_id, reason, self._actor,
                                                  version)
            except (record_repo.StaleRecordError, record_repo.RecordStateError) as exc:
                raise ConcurrentEditError(_CONFLICT) from exc
            write_audit(s, actor=self._actor, action="entered_in_error", entity=k.entity,
                        entity_id=record_id, patient_id=patient_id)
            after = self._refresh_summary(s, patient_id)
        return SaveResult(record_id, after.findings, self._new(before, after))

    def update_patient_section(self, patient_id: int, version: int, section: Any) -> int:
        """Save a patient-level section (:class:`~app.domain.case.Cancer` — histology, stage,
        drivers, ECOG/KPS/Frankel…, :class:`~app.domain.case.Supplements`, or a
        :class:`~app.domain.case.StatusOverride`; ``None`` removes the override) on the
        patient row read at ``version``. Returns the new patient version."""
        with self._db.session() as s:
            p = s.get(M.Patient, patient_id)
            if p is None:
                raise PatientNotFound("patient: no such patient")
            if p.version != version:
                raise ConcurrentEditError()
            changed = self._apply_section(p, section)
            p.updated_by = self._actor
            s.flush()
            if changed:
                write_audit(s, actor=self._actor, action="update", entity="patient",
                            entity_id=patient_id, patient_id=patient_id, fields=changed)
            self._refresh_summary(s, patient_id)
            return p.version

    # ---- internals ------------------------------------------------------------------------
    @staticmethod
    def _apply_section(p: M.Patient, section: Any) -> list[str]:
        if isinstance(section, C.Cancer):
            values = {f.name: getattr(section, f.name) for f in fields(C.Cancer)}
        elif isinstance(section, C.Supplements):
            values = {"calcium": section.calcium, "vitamin_d": section.vitamin_d}
        elif section is None or isinstance(section, C.StatusOverride):
            o = section
            values = {
                "override_status": o.status if o else None, "override_date": o.date if o else None,
                "override_by": o.by if o else None, "override_reason": o.reason if o else None,
            }
        else:
            raise TypeError("section: not a patient-level section")
        changed = [k for k, v in values.items() if getattr(p, k) != v]
        for k in changed:
            setattr(p, k, values[k])
        return changed

    def _check_owner(self, s: Session, kind: RecordKind, record_id: int, patient_id: int
                     ) -> Any:
        row = s.get(kind.model, record_id)
        if row is None or row.patient_id != patient_id:
            raise ConcurrentEditError(_CONFLICT)
        return row

    def _replaced(self, s: Session, kind: RecordKind, replaces: int | None) -> Any | None:
        if replaces is None:
            return None
        row = s.get(kind.model, replaces)
        return None if row is None else to_domain(kind, row)

    def _save(self, patient_id: int, record: Any, replaces: int | None, version: int | None,
              override_reason: str | None) -> SaveResult:
        k = kind_of(record)
        reason = (override_reason or "").strip() or None
        with self._db.session() as s:
            if s.get(M.Patient, patient_id) is None:
                raise PatientNotFound("patient: no such patient")
            old = None
            if replaces is not None:
                old_row = self._check_owner(s, k, replaces, patient_id)
                if old_row.version != version:
                    raise ConcurrentEditError(_CONFLICT)
                old = to_domain(k, old_row)
            case = case_repo.load_case(s, patient_id)
            birth_errors = [FieldError(f, "out_of_range", problem) for f, problem
                            in record_date_problems(record, case.patient.birth_date)]
            if birth_errors:
                raise ValidationFailed(birth_errors)
            today = self.today()
            before = assess(case, today, self._params)
            pending = assess(pending_case(case, record, old), today, self._params)
            blocking = blocking_findings(k.key, pending.findings)
            if blocking and reason is None:
                raise OverrideRequired(blocking)
            if blocking and len(reason or "") < MIN_OVERRIDE_REASON:
                raise ValidationFailed([FieldError(
                    "override_reason", "too_short",
                    f"write at least {MIN_OVERRIDE_REASON} characters saying why")])
            extra = {"override_reason": reason} if blocking else {}
            new_id = self._write(s, k, patient_id, record, replaces, version, extra)
            write_audit(
                s, actor=self._actor, action="correct" if replaces else "create",
                entity=k.entity, entity_id=new_id, patient_id=patient_id,
                fields=_changed_fields(record, old),
            )
            overridden = tuple(dict.fromkeys(f.rule for f in blocking))
            if blocking:
                write_override_audit(s, actor=self._actor, patient_id=patient_id,
                                     entity=k.entity, entity_id=new_id, rule_ids=overridden,
                                     reason=reason or "")
            after = self._refresh_summary(s, patient_id)
        return SaveResult(new_id, after.findings, self._new(before, after), overridden)

    def _write(self, s: Session, k: RecordKind, patient_id: int, record: Any,
               replaces: int | None, version: int | None, extra: dict[str, Any]) -> int:
        if k.record_type is IntervalSetting:
            if replaces is not None:
                self._supersede(s, k, replaces, version)
            row = M.BmaInterval(patient_id=patient_id, drug=record.drug, days=record.days,
                                created_by=self._actor, replaces_id=replaces)
            s.add(row)
            s.flush()
            return row.id
        rec = copy.copy(record)
        rec.rid = None
        if replaces is None:
            return case_repo.add_record(s, patient_id, rec, self._actor, **extra)
        try:
            return record_repo.correct_record(s, k.entity, replaces, rec, self._actor, version,
                                              **extra)
        except (record_repo.StaleRecordError, record_repo.RecordStateError) as exc:
            raise ConcurrentEditError(_CONFLICT) from exc

    def _supersede(self, s: Session, k: RecordKind, record_id: int, version: int | None
                   ) -> None:
        """Version-bump a row being corrected (a concurrent second correction then fails)."""
        model = k.model
        newer = select(model.id).where(model.replaces_id == record_id,
                                       model.entered_in_error == false())
        if s.scalar(select(exists(newer))):
            raise ConcurrentEditError(_CONFLICT)
        table = model.__table__
        result = s.execute(
            table.update()
            .where(table.c.id == record_id, table.c.version == version,
                   table.c.entered_in_error == false())
            .values(version=(version or 0) + 1)
        )
        if result.rowcount != 1:
            raise ConcurrentEditError(_CONFLICT)

    def _refresh_summary(self, s: Session, patient_id: int) -> Assessment:
        s.flush()
        case = case_repo.load_case(s, patient_id)
        as_of = self.today()
        assessment = assess(case, as_of, self._params)
        store_summary(s, patient_id, summarize(case, assessment, as_of), as_of)
        return assessment

    @staticmethod
    def _new(before: Assessment, after: Assessment) -> list[Finding]:
        old = _rule_ids(before.findings)
        return [f for f in after.findings if f.rule not in old]
