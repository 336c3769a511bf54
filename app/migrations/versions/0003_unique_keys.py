"""unique keys: one patient per folded MRN, one MDT meeting per date, a patient once per meeting

- ``uq_patient_mrn_folded``: unique on ``lower(trim(mrn))`` (SQLite and PostgreSQL).
  Stored MRNs with surrounding blanks are trimmed. Patients whose MRNs differ only in case or
  blanks (possible before, e.g. on PostgreSQL) are kept: every one but the first is renamed
  ``<MRN>-DUP-<id>`` with an audit row, so nothing is merged by guesswork and the clinician can
  see and resolve it.
- ``uq_mdt_meeting_date``: unique on ``mdt_meeting.meeting_date`` (replaces the plain index).
  Meetings created twice for one date (a race before this key) are merged into the first:
  their cases move to it, the empty duplicate is removed.
- ``uq_mdt_case_active``: unique on ``(meeting_id, patient_id)`` among listings that are not
  withdrawn (entered_in_error). A patient listed twice is kept once (the listing with a
  decision, else the first); the others are withdrawn with the reason, never deleted.

Revision ID: 0003_unique_keys
Revises: 0002_workup
"""
from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from app.data.types import UtcDateTime

revision = '0003_unique_keys'
down_revision = "0003_mdt_meeting_details"
branch_labels = None
depends_on = None

MRN_MAX = 32  # app.data.patient_rows.MRN_MAX when written
ACTOR = "upgrade 0003"
_audit = sa.table(
    "audit_log", sa.column("at", UtcDateTime()), sa.column("actor", sa.String),
    sa.column("action", sa.String), sa.column("entity", sa.String),
    sa.column("entity_id", sa.Integer), sa.column("patient_id", sa.Integer),
    sa.column("summary", sa.String),
)


def _audit_row(conn, entity: str, entity_id: int, patient_id: int | None, summary: str) -> None:
    conn.execute(_audit.insert().values(
        at=datetime.now(UTC), actor=ACTOR, action="update", entity=entity, entity_id=entity_id,
        patient_id=patient_id, summary=summary))


def _fold_mrns(conn) -> None:
    rows = conn.execute(sa.text("SELECT id, mrn FROM patient ORDER BY id")).all()
    seen: set[str] = set()
    for pid, mrn in rows:
        key = mrn.strip().lower()
        if key not in seen:
            seen.add(key)
            continue
        suffix = f"-DUP-{pid}"
        renamed = mrn.strip()[: MRN_MAX - len(suffix)] + suffix
        conn.execute(sa.text("UPDATE patient SET mrn = :m, version = version + 1 WHERE id = :i"),
                     {"m": renamed, "i": pid})
        _audit_row(conn, "patient", pid, pid, "MRN renamed by upgrade 0003: it differed from "
                   "another patient's MRN only in case or blanks")
    conn.execute(sa.text("UPDATE patient SET mrn = trim(mrn) WHERE mrn <> trim(mrn)"))


def _merge_meetings(conn) -> None:
    rows = conn.execute(sa.text(
        "SELECT id, meeting_date FROM mdt_meeting ORDER BY meeting_date, id")).all()
    first: dict = {}
    for mid, day in rows:
        if day not in first:
            first[day] = mid
            continue
        conn.execute(sa.text("UPDATE mdt_case SET meeting_id = :k WHERE meeting_id = :d"),
                     {"k": first[day], "d": mid})
        conn.execute(sa.text("DELETE FROM mdt_meeting WHERE id = :d"), {"d": mid})
        _audit_row(conn, "mdt_meeting", first[day], None,
                   f"meeting {mid} of the same date merged into this one by upgrade 0003")


def _withdraw_double_listings(conn) -> None:
    rows = conn.execute(sa.text(
        "SELECT id, meeting_id, patient_id, decision FROM mdt_case "
        "WHERE entered_in_error = :f ORDER BY meeting_id, patient_id, "
        "CASE WHEN decision IS NULL THEN 1 ELSE 0 END, id"), {"f": False}).all()
    kept: set[tuple[int, int]] = set()
    for cid, meeting_id, patient_id, _decision in rows:
        if (meeting_id, patient_id) not in kept:
            kept.add((meeting_id, patient_id))
            continue
        conn.execute(sa.text(
            "UPDATE mdt_case SET entered_in_error = :t, error_reason = :r, "
            "version = version + 1 WHERE id = :i"),
            {"t": True, "i": cid, "r": "listed twice for this meeting; withdrawn by upgrade 0003"})
        _audit_row(conn, "mdt_case", cid, patient_id,
                   "duplicate listing withdrawn by upgrade 0003")


def upgrade() -> None:
    conn = op.get_bind()
    _fold_mrns(conn)
    _merge_meetings(conn)
    _withdraw_double_listings(conn)
    trim = "btrim" if conn.dialect.name == "postgresql" else "trim"  # same function
    op.create_index("uq_patient_mrn_folded", "patient", [sa.text(f"lower({trim}(mrn))")],
                    unique=True)
    with op.batch_alter_table("mdt_meeting", schema=None) as batch_op:
        batch_op.drop_index("ix_mdt_meeting_meeting_date")
        batch_op.create_index("uq_mdt_meeting_date", ["meeting_date"], unique=True)
    op.create_index("uq_mdt_case_active", "mdt_case", ["meeting_id", "patient_id"], unique=True,
                    sqlite_where=sa.text("entered_in_error = 0"),
                    postgresql_where=sa.text("NOT entered_in_error"))


def downgrade() -> None:
    op.drop_index("uq_mdt_case_active", table_name="mdt_case")
    with op.batch_alter_table("mdt_meeting", schema=None) as batch_op:
        batch_op.drop_index("uq_mdt_meeting_date")
        batch_op.create_index("ix_mdt_meeting_meeting_date", ["meeting_date"], unique=False)
    op.drop_index("uq_patient_mrn_folded", table_name="patient")
