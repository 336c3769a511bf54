"""The audit trail: one row for every create, update, correction and entered-in-error mark.

The summary is *composed here* from structured parts (action, entity, field names, a count), so
it can never carry a clinical value or a patient's name: callers cannot pass free text. Field
names must be identifiers (``weight_kg``), never values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.data.models import AuditLog
from app.data.types import utcnow

ACTIONS = (
    "create", "update", "entered_in_error", "correct", "import", "export", "backup",
    "upgrade", "login", "decide",
)
_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class AuditError(ValueError):
    """A malformed audit entry (programming error)."""


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int | None
    patient_id: int | None
    summary: str


def compose_summary(action: str, entity: str, fields: Iterable[str] = (),
                    count: int | None = None) -> str:
    """``"update patient: fields name, phone"``; ``"import case: 14 records"``."""
    if action not in ACTIONS:
        raise AuditError(f"action: unknown audit action {action!r}")
    if not _IDENT.match(entity):
        raise AuditError("entity: must be an identifier")
    names = list(fields)
    for name in names:
        if not _IDENT.match(name):
            raise AuditError("fields: audit field names must be identifiers")
    text = f"{action} {entity}"
    parts = []
    if names:
        parts.append("fields " + ", ".join(names))
    if count is not None:
        parts.append(f"{int(count)} records")
    return text + (": " + "; ".join(parts) if parts else "")


def write_audit(
    session: Session, *, actor: str, action: str, entity: str, entity_id: int | None = None,
    patient_id: int | None = None, fields: Iterable[str] = (), count: int | None = None,
) -> None:
    """Add one audit row to the caller's unit of work (it commits or rolls back with it)."""
    if not actor or len(actor) > 64:
        raise AuditError("actor: required, at most 64 characters")
    session.add(AuditLog(
        at=utcnow(), actor=actor, action=action, entity=entity, entity_id=entity_id,
        patient_id=patient_id, summary=compose_summary(action, entity, fields, count),
    ))


def list_audit(session: Session, *, patient_id: int | None = None, limit: int = 500
               ) -> list[AuditEntry]:
    """Newest first; optionally for one patient."""
    stmt = select(AuditLog).order_by(AuditLog.id.desc()).limit(limit)
    if patient_id is not None:
        stmt = stmt.where(AuditLog.patient_id == patient_id)
    return [
        AuditEntry(r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.patient_id, r.summary)
        for r in session.scalars(stmt)
    ]
