"""The lab review queue: messages held instead of stored, and a reviewer's decision on each.

:func:`queue_message` is called by the import (same transaction as the unit) when a message's
patient cannot be trusted (:mod:`app.services.lab_match`). A reviewer then, per held message:

- :func:`assign_review` — the results belong to a registry patient (the candidate, or another
  one named by MRN): they are imported into that chart, the row becomes ``assigned``;
- :func:`reject_review` — they belong to nobody here: the row becomes ``rejected`` with the
  reviewer's reason.

Both are audited (actions ``assign`` / ``reject`` on ``lab_review``); rows are never deleted.
:func:`list_reviews` gives the queue with the message's and the registry's details side by
side. Re-reading the held message is the interop layer's job
(:func:`app.interop.lab_review_io.assign_held_message`): this module takes its parsed units.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data import case_repo
from app.data import models as M
from app.data.engine import Database
from app.data.models_labreview import LabReview
from app.data.types import utcnow
from app.domain.params import DEFAULTS, Params
from app.services.audit import write_audit
from app.services.lab_import_types import ImportReport, ImportUnit

__all__ = ["ReviewError", "ReviewItem", "assign_review", "get_review", "list_reviews",
           "queue_message", "reject_review"]

_ENTITY = "lab_review"


class ReviewError(ValueError):
    """A review action that cannot be done; ``str()`` names the field and the problem."""


@dataclass(frozen=True)
class ReviewItem:
    """One held message and the registry patient its ID matched (side by side)."""

    id: int
    status: str
    label: str
    source: str
    received_at: datetime
    reason: str
    message_patient: dict  # mrn, authority, id_field, family, given, birth_date, sex
    candidate: dict | None  # the registry patient: mrn, name, birth_date, sex
    resolved_mrn: str | None
    message: str


def queue_message(s: Session, unit: ImportUnit, actor: str, candidate_id: int | None,
                  reasons: list[str]) -> int:
    row = LabReview(source=unit.source[:100], label=unit.label[:60], message=unit.raw or "",
                    details=unit.patient.to_json() if unit.patient else {},
                    reason="; ".join(reasons), candidate_id=candidate_id, received_by=actor)
    s.add(row)
    s.flush()
    write_audit(s, actor=actor, action="create", entity=_ENTITY, entity_id=row.id,
                patient_id=candidate_id)
    return row.id


def _patient_json(s: Session, pid: int | None) -> dict | None:
    p = s.get(M.Patient, pid) if pid is not None else None
    if p is None:
        return None
    return {"mrn": p.mrn, "name": p.name, "sex": p.sex,
            "birth_date": p.birth_date.isoformat() if p.birth_date else None}


def _item(s: Session, r: LabReview) -> ReviewItem:
    resolved = _patient_json(s, r.resolved_patient_id)
    return ReviewItem(r.id, r.status, r.label, r.source, r.received_at, r.reason,
                      dict(r.details), _patient_json(s, r.candidate_id),
                      resolved["mrn"] if resolved else None, r.message)


def list_reviews(db: Database, status: str | None = "pending") -> list[ReviewItem]:
    with db.session() as s:
        stmt = select(LabReview).order_by(LabReview.id)
        if status is not None:
            stmt = stmt.where(LabReview.status == status)
        return [_item(s, r) for r in s.scalars(stmt)]


def get_review(db: Database, review_id: int) -> ReviewItem:
    with db.session() as s:
        r = s.get(LabReview, review_id)
        if r is None:
            raise ReviewError(f"id: no held message with id {review_id}")
        return _item(s, r)


def _pending(s: Session, review_id: int) -> LabReview:
    r = s.get(LabReview, review_id)
    if r is None:
        raise ReviewError(f"id: no held message with id {review_id}")
    if r.status != "pending":
        raise ReviewError(f"id: the message was already {r.status}")
    return r


def reject_review(db: Database, review_id: int, actor: str, reason: str) -> None:
    if not reason or not reason.strip():
        raise ReviewError("reason: required")
    with db.session() as s:
        r = _pending(s, review_id)
        r.status, r.resolved_at, r.resolved_by = "rejected", utcnow(), actor
        r.resolution_note = reason.strip()
        s.flush()
        write_audit(s, actor=actor, action="reject", entity=_ENTITY, entity_id=r.id,
                    patient_id=r.candidate_id)


def assign_review(db: Database, review_id: int, mrn: str | None, actor: str,
                  units: list[ImportUnit], *, params: Params = DEFAULTS,
                  today: Callable[[], date] = date.today) -> ImportReport:
    """Import the held message's ``units`` (re-read from :attr:`ReviewItem.message`) into the
    patient with ``mrn`` (default: the candidate) and mark it assigned."""
    from app.services.lab_import import apply_lab_import  # it imports this module
    with db.session() as s:
        r = _pending(s, review_id)
        pid = case_repo.find_patient_id(s, mrn) if mrn else r.candidate_id
        if pid is None:
            raise ReviewError("mrn: no patient with this MRN in the registry" if mrn
                              else "mrn: required (the message matched no patient)")
        target = s.get(M.Patient, pid).mrn
    for u in units:
        u.mrn = target
    report = apply_lab_import(db, units, actor, params=params, today=today,
                              check_patient=False)
    if report.imported == 0 and report.results_duplicate == 0:
        raise ReviewError("message: nothing of it could be imported; reject it instead")
    with db.session() as s:
        r = _pending(s, review_id)
        r.status, r.resolved_at, r.resolved_by = "assigned", utcnow(), actor
        r.resolved_patient_id = pid
        s.flush()
        write_audit(s, actor=actor, action="assign", entity=_ENTITY, entity_id=r.id,
                    patient_id=pid)
    return report
