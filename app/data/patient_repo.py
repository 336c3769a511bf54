"""Patient list queries for the registry: prefix search, SQL sorting, paging, cached summaries.

Search is a case-insensitive *prefix* match on MRN, name, full pinyin and initials. On SQLite
those columns are ``COLLATE NOCASE`` and indexed, and the query uses ``LIKE 'text%'`` (with an
ESCAPE for ``%``/``_``), which SQLite answers from the indexes (a MULTI-INDEX OR), never by a
table scan. (``ilike``/``startswith`` would not use an index.) On PostgreSQL the query is
``lower(col) LIKE 'abc%'``, answered from ``lower(col) text_pattern_ops`` indexes.

On an SQLite file the registry service runs the same list queries with ``sqlite3``
(:mod:`app.data.sqlite_list`, no SQLAlchemy on the start path, dense-prefix plan); a test
checks that both return the same rows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, case, func, or_, select, update
from sqlalchemy.orm import Session

from app.data.models import Patient
from app.data.patient_rows import SEVERITY_RANK as _SEVERITY_RANK
from app.data.patient_rows import SORT_KEYS, PatientRow, check_sort, escape_like
from app.data.search_keys import normalise_query

__all__ = ["SORT_KEYS", "PatientRow", "count", "escape_like", "get_row", "search",
           "search_filter", "search_statement", "store_summary"]

_ROW_COLUMNS = (
    Patient.id, Patient.mrn, Patient.name, Patient.sex, Patient.birth_date, Patient.histology,
    Patient.stage, Patient.bm_status, Patient.current_bma, Patient.alert_count,
    Patient.alert_top_severity, Patient.next_due_date, Patient.next_due_text,
    Patient.rebound_open, Patient.version,
)


def _row(r: Any) -> PatientRow:
    return PatientRow(*r[:13], bool(r[13]), r[14])


def search_filter(session: Session, text: str):
    """The WHERE clause for a search text (None = everyone)."""
    raw = (text or "").strip()
    if not raw:
        return None
    folded = normalise_query(raw)
    sqlite = session.get_bind().dialect.name == "sqlite"

    def prefix(col, value: str):
        if sqlite:  # NOCASE column + NOCASE index
            return col.like(escape_like(value) + "%", escape="\\")
        # other databases: lower(col) LIKE 'abc%' on the lower() text_pattern_ops indexes
        return func.lower(col).like(escape_like(value.lower()) + "%", escape="\\")

    terms = [prefix(Patient.mrn, raw), prefix(Patient.name, raw)]
    if folded:
        terms += [prefix(Patient.name_pinyin, folded), prefix(Patient.name_initials, folded)]
    return or_(*terms)


def _order(sort: str, descending: bool) -> list:
    check_sort(sort)

    def d(expr, flip: bool = False):
        desc = descending != flip
        return (expr.desc() if desc else expr.asc()).nulls_last()

    severity = case(
        *((Patient.alert_top_severity == k, v) for k, v in _SEVERITY_RANK.items()), else_=0
    )
    keys = {
        "mrn": [d(Patient.mrn)],
        "name": [d(Patient.name_pinyin), d(Patient.name)],
        "sex_age": [d(Patient.sex), d(Patient.birth_date, flip=True)],
        "histology_stage": [d(Patient.histology), d(Patient.stage)],
        "bm_status": [d(Patient.bm_status)],
        "current_bma": [d(Patient.current_bma)],
        "alerts": [d(severity), d(func.coalesce(Patient.alert_count, 0))],
        "next_due": [d(Patient.next_due_date)],  # soonest (overdue) first; none last
    }[sort]
    return keys + ([Patient.mrn.asc()] if sort != "mrn" else []) + [Patient.id.asc()]


def search_statement(session: Session, text: str) -> Select:
    stmt = select(*_ROW_COLUMNS)
    where = search_filter(session, text)
    return stmt if where is None else stmt.where(where)


def search(session: Session, text: str, *, sort: str = "mrn", descending: bool = False,
           offset: int = 0, limit: int = 200) -> list[PatientRow]:
    stmt = search_statement(session, text).order_by(*_order(sort, descending))
    stmt = stmt.offset(max(0, offset)).limit(max(0, limit))
    return [_row(r) for r in session.execute(stmt)]


def count(session: Session, text: str, limit: int | None = None) -> int:
    """How many patients match ``text`` (at most ``limit`` when given: counting stops there)."""
    where = search_filter(session, text)
    if limit is not None:
        inner = select(Patient.id)
        if where is not None:
            inner = inner.where(where)
        sub = inner.limit(max(0, limit)).subquery()
        return int(session.scalar(select(func.count()).select_from(sub)) or 0)
    stmt = select(func.count()).select_from(Patient)
    if where is not None:
        stmt = stmt.where(where)
    return int(session.scalar(stmt) or 0)


def get_row(session: Session, patient_id: int) -> PatientRow | None:
    r = session.execute(select(*_ROW_COLUMNS).where(Patient.id == patient_id)).first()
    return None if r is None else _row(r)


def store_summary(session: Session, patient_id: int, summary: Any, as_of: date) -> None:
    """Cache a PatientSummary (duck-typed) on the patient row. Does not bump the row's version:
    a background summary refresh must not make a user's open edit form look stale."""
    session.execute(
        update(Patient.__table__)
        .where(Patient.__table__.c.id == patient_id)
        .values(
            bm_status=summary.bm_status, current_bma=summary.current_bma,
            alert_count=summary.alert_count, alert_top_severity=summary.alert_top_severity,
            next_due_date=summary.next_due_date,
            next_due_text=getattr(summary, "next_due_stored", None) or summary.next_due_text,
            rebound_open=bool(summary.rebound_open), summary_as_of=as_of,
        )
    )
