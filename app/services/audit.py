"""The audit trail: one row for every create, update, correction and entered-in-error mark.

The summary is *composed here* from structured parts (action, entity, field names, a count), so
it can never carry a clinical value or a patient's name: callers cannot pass free text. Field
names must be identifiers (``weight_kg``), never values.

**The one exception: overrides.** The rule book (§0) requires that saving an action against a
critical finding takes an explicit override with a *written reason, which is audit-logged*.
:func:`write_override_audit` writes that row (action ``override``): the rule IDs overridden
(validated as rule IDs) and the clinician's reason — the only free text the audit trail
accepts. The reason is the clinician's own words and may mention clinical facts; it is stored
as written (whitespace runs folded to one space, cut to fit the 500-character summary; the full
text stays on the record row), and it is never logged or printed outside the audit trail and
the patient's history. ``override`` is deliberately not in :data:`ACTIONS`:
:func:`write_audit` cannot write an override row, so no reason can be missing from one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.data.models import AuditLog
from app.data.types import utcnow

ACTIONS = (
    "create", "update", "entered_in_error", "correct", "import", "export", "backup",
    "upgrade", "login", "decide", "assign", "reject",
)
OVERRIDE_ACTION = "override"
_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
_SUMMARY_MAX = 500


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


def audit_row(*, actor: str, action: str, entity: str, entity_id: int | None = None,
              patient_id: int | None = None) -> dict[str, object]:
    """The column values of one audit row (for :func:`write_audit_rows`)."""
    if not actor or len(actor) > 64:
        raise AuditError("actor: required, at most 64 characters")
    return {"at": utcnow(), "actor": actor, "action": action, "entity": entity,
            "entity_id": entity_id, "patient_id": patient_id,
            "summary": compose_summary(action, entity)}


def write_audit_rows(session: Session, rows: list[dict[str, object]]) -> None:
    """Insert many audit rows at once in the caller's unit of work (bulk imports)."""
    if rows:
        session.connection().execute(insert(AuditLog.__table__), rows)


def compose_override_summary(rule_ids: Iterable[str], reason: str) -> str:
    """``"override BMA-ZA-CONTRAINDICATED, DENT-ONJ (rules/2): <reason>"`` (at most 500
    characters): the overridden rules, the rule-book version they come from, the reason."""
    rules = list(dict.fromkeys(rule_ids))
    if not rules:
        raise AuditError("rule_ids: an override names at least one rule")
    for rule in rules:
        if not isinstance(rule, str) or len(rule) > 40 or not _RULE_ID.match(rule):
            raise AuditError("rule_ids: must be rule IDs such as BMA-ZA-CONTRAINDICATED")
    text = " ".join((reason or "").split())
    if not text:
        raise AuditError("reason: an override requires a written reason (rule book §0)")
    from app.domain.catalogue import RULES_VERSION  # the rule modules load only when needed

    head = f"{OVERRIDE_ACTION} {', '.join(rules)} ({RULES_VERSION}): "
    if len(head) >= _SUMMARY_MAX - 10:
        raise AuditError("rule_ids: too many rules for one audit row")
    return head + text[:_SUMMARY_MAX - len(head)]


def write_override_audit(
    session: Session, *, actor: str, patient_id: int | None, entity: str,
    entity_id: int | None, rule_ids: Iterable[str], reason: str,
) -> None:
    """Add the audit row of an override of critical finding(s) ``rule_ids`` with the
    clinician's written ``reason`` (required) to the caller's unit of work."""
    if not actor or len(actor) > 64:
        raise AuditError("actor: required, at most 64 characters")
    if not _IDENT.match(entity):
        raise AuditError("entity: must be an identifier")
    session.add(AuditLog(
        at=utcnow(), actor=actor, action=OVERRIDE_ACTION, entity=entity, entity_id=entity_id,
        patient_id=patient_id, summary=compose_override_summary(rule_ids, reason),
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
