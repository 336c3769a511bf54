"""Bone-metastasis work-up use cases: start (prefilled from the chart), save / resume a draft,
cancel, and complete.

- A work-up is a ``workup`` row linked to the patient (:mod:`app.data.models_workup`). Its
  entries (:class:`~app.domain.workup_entries.WorkupEntries`) are kept as JSON while it is a
  draft; a draft is saved and resumed any number of times (optimistic ``version`` check).
- **complete** writes, in ONE transaction: every entry as an ordinary chart record (symptoms,
  labs, imaging, biopsies, events, lesions — the same rows and validation as the chart's own forms,
  :func:`app.services.records_validate.parse_record` + :func:`app.data.case_repo.add_record`),
  the edited risk profile on the patient row, the MDT referral (the patient listed for the
  chosen meeting with the question), the work-up row marked ``completed``, an audit row for
  each, and the patient's cached summary (status) refreshed. Any problem → nothing is written.
- **cancel** marks the row ``cancelled`` (never deleted).

Audit summaries name fields and counts only, never values.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data import case_repo
from app.data import models as M
from app.data.models_workup import Workup
from app.data.patient_repo import store_summary
from app.data.types import utcnow
from app.domain import case as C
from app.domain.assess import Assessment, assess
from app.domain.summary import summarize
from app.domain.workup import WorkupAnalysis, analyse
from app.domain.workup_entries import (
    RISK_FIELDS,
    DraftError,
    RiskProfile,
    WorkupEntries,
    chart_fragments,
)
from app.services.actor_service import ActorService
from app.services.audit import write_audit
from app.services.mdt_service import QUESTION_MAX, MdtError, MdtService, Meeting, list_patient
from app.services.records_validate import parse_record
from app.services.registry import (
    ConcurrentEditError,
    FieldError,
    PatientNotFound,
    ValidationFailed,
)

__all__ = [
    "CompleteResult", "ConcurrentEditError", "DraftInfo", "PatientNotFound", "ValidationFailed",
    "WorkupClosed", "WorkupNotFound", "WorkupService", "WorkupStart",
]

_SECTION_OF = {"symptom": "symptoms", "lab": "labs", "imaging": "imaging",
               "biopsy": "biopsies", "event": "events", "lesion": "lesions"}


class WorkupNotFound(LookupError):
    """No work-up with that id for that patient."""


class WorkupClosed(Exception):
    """The work-up was completed or cancelled meanwhile (it can no longer be changed)."""


@dataclass(frozen=True)
class WorkupStart:
    """What the wizard opens with: the chart's case and the entries (new or resumed)."""

    patient_id: int
    mrn: str
    name: str | None
    case: C.Case
    entries: WorkupEntries
    workup_id: int | None = None  # a resumed draft
    version: int | None = None
    saved_at: datetime | None = None
    saved_by: str | None = None


@dataclass(frozen=True)
class DraftInfo:
    id: int
    visit_date: date
    updated_at: datetime
    updated_by: str
    version: int
    status: str = "draft"  # draft | completed | cancelled


@dataclass(frozen=True)
class CompleteResult:
    workup_id: int
    records: tuple[tuple[str, int], ...]  # (entity, row id) of every row written (+ mdt_case)
    assessment: Assessment  # the chart's assessment after completion

    @property
    def status(self) -> str:
        return self.assessment.status.bone_metastasis


class WorkupService(ActorService):
    """Work-up use cases for one user (``actor``) on one registry."""

    # ---- reading ------------------------------------------------------------------------
    def start(self, patient_id: int, *, resume: bool = True) -> WorkupStart:
        """A new work-up prefilled from the chart, or the patient's latest draft (``resume``)."""
        if resume:
            drafts = self.drafts(patient_id)
            if drafts:
                return self.load(patient_id, drafts[0].id)
        with self._db.session() as s:
            p = self._patient(s, patient_id)
            case = case_repo.load_case(s, patient_id)
            mrn, name = p.mrn, p.name
        entries = WorkupEntries(self.today(), risk=RiskProfile.from_cancer(case.cancer))
        return WorkupStart(patient_id, mrn, name, case, entries)

    def drafts(self, patient_id: int) -> list[DraftInfo]:
        """The patient's open drafts, newest first."""
        with self._db.session() as s:
            rows = s.scalars(
                select(Workup).where(Workup.patient_id == patient_id, Workup.status == "draft")
                .order_by(Workup.updated_at.desc(), Workup.id.desc()))
            return [DraftInfo(r.id, r.visit_date, r.updated_at, r.updated_by, r.version)
                    for r in rows]

    def workups(self, patient_id: int) -> list[DraftInfo]:
        """Every work-up of the patient (drafts, completed, cancelled), newest first."""
        with self._db.session() as s:
            rows = s.scalars(select(Workup).where(Workup.patient_id == patient_id)
                             .order_by(Workup.updated_at.desc(), Workup.id.desc()))
            return [DraftInfo(r.id, r.visit_date, r.updated_at, r.updated_by, r.version,
                              r.status) for r in rows]

    def load(self, patient_id: int, workup_id: int) -> WorkupStart:
        """Resume a saved draft. :class:`WorkupClosed` if it is no longer a draft."""
        with self._db.session() as s:
            p = self._patient(s, patient_id)
            row = self._row(s, patient_id, workup_id)
            if row.status != "draft":
                raise WorkupClosed("workup: already completed or cancelled")
            try:
                entries = WorkupEntries.from_json(row.draft)
            except DraftError as exc:
                raise ValidationFailed([FieldError("draft", "invalid", str(exc))]) from exc
            case = case_repo.load_case(s, patient_id)
            return WorkupStart(patient_id, p.mrn, p.name, case, entries, row.id, row.version,
                               row.updated_at, row.updated_by)

    def analyse(self, case: C.Case, entries: WorkupEntries) -> WorkupAnalysis:
        """The wizard's decision support on the chart plus the entries (pure domain call)."""
        return analyse(case, entries, self.today(), self._params)

    def meetings(self) -> list[Meeting]:
        """MDT meetings from today on (for the referral on the conclusion page)."""
        return MdtService(self._db, self._actor).list_meetings(from_date=self.today())

    # ---- validation ---------------------------------------------------------------------
    def records(self, entries: WorkupEntries) -> list[Any]:
        """The chart records the entries make, validated like the chart's own forms.
        :class:`ValidationFailed` names every faulty field (``imaging[1].region``)."""
        errors: list[FieldError] = []
        out: list[Any] = []
        counts: dict[str, int] = {}
        for kind, values in chart_fragments(entries):
            section = _SECTION_OF[kind]
            i = counts.get(section, 0)
            counts[section] = i + 1
            try:
                out.append(parse_record(kind, values, self.today()))
            except ValidationFailed as exc:
                errors.extend(FieldError(f"{section}[{i}].{e.field}", e.code, e.message)
                              for e in exc.errors)
        try:
            parse_record("cancer", {k: getattr(entries.risk, k) for k in RISK_FIELDS})
        except ValidationFailed as exc:
            errors.extend(FieldError(f"cancer.{e.field}", e.code, e.message) for e in exc.errors)
        if entries.mdt_meeting_id is not None:
            q = entries.mdt_question.strip()
            if not q:
                errors.append(FieldError("mdt_question", "required",
                                         "required: the question for the MDT"))
            elif len(q) > QUESTION_MAX:
                errors.append(FieldError("mdt_question", "too_long",
                                         f"at most {QUESTION_MAX} characters"))
        if errors:
            raise ValidationFailed(errors)
        return out

    # ---- writing ------------------------------------------------------------------------
    def save_draft(self, patient_id: int, entries: WorkupEntries, workup_id: int | None = None,
                   version: int | None = None) -> tuple[int, int]:
        """Create or update the draft; returns (workup id, new version)."""
        with self._db.session() as s:
            self._patient(s, patient_id)
            if workup_id is None:
                row = Workup(patient_id=patient_id, status="draft",
                             visit_date=entries.visit_date, draft=entries.to_json(),
                             created_by=self._actor, updated_by=self._actor)
                s.add(row)
                s.flush()
                write_audit(s, actor=self._actor, action="create", entity="workup",
                            entity_id=row.id, patient_id=patient_id)
            else:
                row = self._open_row(s, patient_id, workup_id, version)
                row.draft = entries.to_json()
                row.visit_date = entries.visit_date
                row.updated_by = self._actor
                s.flush()
                write_audit(s, actor=self._actor, action="update", entity="workup",
                            entity_id=row.id, patient_id=patient_id, fields=["draft"])
            return row.id, row.version

    def cancel(self, patient_id: int, workup_id: int, version: int) -> None:
        """Mark a saved draft cancelled (kept, never deleted)."""
        with self._db.session() as s:
            row = self._open_row(s, patient_id, workup_id, version)
            row.status = "cancelled"
            row.updated_by = self._actor
            s.flush()
            write_audit(s, actor=self._actor, action="update", entity="workup",
                        entity_id=row.id, patient_id=patient_id, fields=["status"])

    def complete(self, patient_id: int, entries: WorkupEntries, workup_id: int | None = None,
                 version: int | None = None, *, confirmed: Collection[str] = ()
                 ) -> CompleteResult:
        """Write everything entered to the chart in one transaction (see module docstring).

        A changed histology or stage (:data:`CONFIRM_FIELDS`) is written only when named in
        ``confirmed``; otherwise :class:`ValidationFailed` (code ``unconfirmed``, field
        ``cancer.histology``) and nothing is written."""
        records = self.records(entries)
        with self._db.session() as s:
            p = self._patient(s, patient_id)
            missing = entries.risk.unconfirmed(case_repo.load_case(s, patient_id).cancer,
                                               confirmed)
            if missing:
                raise ValidationFailed([FieldError(
                    f"cancer.{f}", "unconfirmed",
                    "unconfirmed: a change of the chart's value needs explicit confirmation")
                    for f in missing])
            if workup_id is None:
                row = Workup(patient_id=patient_id, visit_date=entries.visit_date,
                             draft=entries.to_json(), created_by=self._actor,
                             updated_by=self._actor)
                s.add(row)
                s.flush()
                write_audit(s, actor=self._actor, action="create", entity="workup",
                            entity_id=row.id, patient_id=patient_id)
            else:
                row = self._open_row(s, patient_id, workup_id, version)
            written: list[tuple[str, int]] = []
            for i, record in enumerate(records):
                rid = case_repo.add_record(s, patient_id, record, self._actor,
                                           path=f"records[{i}]")
                entity = case_repo.RECORD_MAP[type(record)].__tablename__
                written.append((entity, rid))
                write_audit(s, actor=self._actor, action="create", entity=entity,
                            entity_id=rid, patient_id=patient_id, fields=_filled(record))
            current = case_repo.load_case(s, patient_id).cancer
            changed = entries.risk.differs_from(current)
            for name in changed:
                value = getattr(entries.risk, name)
                setattr(p, name, list(value) if isinstance(value, list) else value)
            if changed:
                p.updated_by = self._actor
                s.flush()
                write_audit(s, actor=self._actor, action="update", entity="patient",
                            entity_id=patient_id, patient_id=patient_id, fields=changed)
            if entries.mdt_meeting_id is not None:
                written.append(("mdt_case", self._refer(s, patient_id, entries)))
            row.status = "completed"
            row.draft = entries.to_json()
            row.visit_date = entries.visit_date
            row.completed_at = utcnow()
            row.updated_by = self._actor
            s.flush()
            write_audit(s, actor=self._actor, action="update", entity="workup",
                        entity_id=row.id, patient_id=patient_id, fields=["status"],
                        count=len(written))
            case = case_repo.load_case(s, patient_id)
            as_of = self.today()
            after = assess(case, as_of, self._params)
            store_summary(s, patient_id, summarize(case, after, as_of), as_of)
            return CompleteResult(row.id, tuple(written), after)

    # ---- internals ----------------------------------------------------------------------
    @staticmethod
    def _patient(s: Session, patient_id: int) -> M.Patient:
        p = s.get(M.Patient, patient_id)
        if p is None:
            raise PatientNotFound("patient: no such patient")
        return p

    @staticmethod
    def _row(s: Session, patient_id: int, workup_id: int) -> Workup:
        row = s.get(Workup, workup_id)
        if row is None or row.patient_id != patient_id:
            raise WorkupNotFound("workup: no such work-up for this patient")
        return row

    def _refer(self, s: Session, patient_id: int, entries: WorkupEntries) -> int:
        """List the patient for the chosen MDT meeting with the question, inside this
        transaction (the MDT service's own checks: meeting exists, not listed there yet)."""
        try:
            return list_patient(s, actor=self._actor, meeting_id=entries.mdt_meeting_id,
                                patient_id=patient_id, question=entries.mdt_question)
        except MdtError as exc:
            code = "duplicate" if "already listed" in exc.problem else "invalid"
            raise ValidationFailed([FieldError("mdt_meeting", code, exc.problem)]) from exc

    def _open_row(self, s: Session, patient_id: int, workup_id: int, version: int | None
                  ) -> Workup:
        row = self._row(s, patient_id, workup_id)
        if row.status != "draft":
            raise WorkupClosed("workup: already completed or cancelled")
        if version is not None and row.version != version:
            raise ConcurrentEditError(
                "workup: saved by someone else since it was opened; reopen the work-up")
        return row


def _filled(record: Any) -> list[str]:
    return [k for k, v in vars(record).items()
            if k not in ("rid", "at") and v not in (None, False, [], "")]
