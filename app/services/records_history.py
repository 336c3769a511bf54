"""A patient's change history: who did what to which record, and when (newest first).

Built from the audit trail (:mod:`app.services.audit`) and joined with the records it names, so
the chart can show *what* was entered (the domain record), the reason a record was marked
entered in error, and the reason a critical finding was overridden.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data import models as M
from app.services.records_map import KINDS, to_domain

_KIND_BY_ENTITY = {k.entity: k for k in KINDS.values()}


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime  # UTC
    actor: str
    action: str  # create | correct | entered_in_error | override | update | import | …
    entity: str  # table name (lab_result, bma_administration, patient, case, …)
    kind: str | None  # chart record kind key when the entity is a chart record
    entity_id: int | None
    summary: str  # the audit row's text (no clinical values, except an override's reason)
    record: Any | None = None  # the domain record the entry is about, when it is a record
    reason: str | None = None  # entered-in-error reason, or override reason
    replaces_id: int | None = None  # for a correction: the row it replaced


def patient_history(session: Session, patient_id: int, limit: int = 500) -> list[HistoryEntry]:
    rows = list(session.scalars(
        select(M.AuditLog).where(M.AuditLog.patient_id == patient_id)
        .order_by(M.AuditLog.id.desc()).limit(limit)
    ))
    out: list[HistoryEntry] = []
    for a in rows:
        kind = _KIND_BY_ENTITY.get(a.entity)
        record = reason = replaces = None
        if kind is not None and a.entity_id is not None:
            row = session.get(kind.model, a.entity_id)
            if row is not None and row.patient_id == patient_id:
                record = to_domain(kind, row)
                replaces = row.replaces_id
                if a.action == "entered_in_error":
                    reason = row.error_reason
                elif a.action == "override":
                    reason = getattr(row, "override_reason", None)
        out.append(HistoryEntry(
            at=a.at, actor=a.actor, action=a.action, entity=a.entity,
            kind=kind.key if kind else None, entity_id=a.entity_id, summary=a.summary,
            record=record, reason=reason, replaces_id=replaces,
        ))
    return out
