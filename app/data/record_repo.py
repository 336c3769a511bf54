"""Corrections to clinical records without ever deleting one.

- :func:`mark_entered_in_error` flags a row (reason, who, when); the row stays.
- :func:`correct_record` writes a *new* row that replaces the old one (``replaces_id``); the old
  row stays and simply stops counting.

Both check the caller's ``version`` (optimistic concurrency): if another workstation changed the
row since it was read, :class:`StaleRecordError` is raised and nothing is written.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import exists, false, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.data import models as M
from app.data.case_repo import RECORD_MAP, add_record
from app.data.types import utcnow
from app.domain.case import Lab
from app.domain.units import normalise_unit


class RecordNotFound(LookupError):
    """No record with that entity and id."""


class StaleRecordError(RuntimeError):
    """The record was changed by someone else since it was read."""


class RecordStateError(ValueError):
    """The operation does not apply to the record in its current state."""


def _model(entity: str) -> type[M.RecordMixin]:
    try:
        return M.RECORD_MODELS[entity]
    except KeyError:
        raise RecordNotFound(f"entity: unknown record kind {entity!r}") from None


def get_row_state(session: Session, entity: str, record_id: int) -> tuple[int, int, bool]:
    """(patient_id, version, entered_in_error) of a record."""
    row = session.get(_model(entity), record_id)
    if row is None:
        raise RecordNotFound(f"{entity}: no record with id {record_id}")
    return row.patient_id, row.version, row.entered_in_error


def mark_entered_in_error(
    session: Session, entity: str, record_id: int, reason: str, actor: str,
    version: int | None = None,
) -> int:
    """Flag a record as entered in error; returns its patient id."""
    if not reason or not reason.strip():
        raise RecordStateError("reason: required")
    model = _model(entity)
    row = session.get(model, record_id)
    if row is None:
        raise RecordNotFound(f"{entity}: no record with id {record_id}")
    if version is not None and row.version != version:
        raise StaleRecordError(f"{entity}: the record was changed by someone else")
    if row.entered_in_error:
        raise RecordStateError(f"{entity}: already marked entered in error")
    row.entered_in_error = True
    row.error_reason = reason.strip()
    row.error_at = utcnow()
    row.error_by = actor
    try:
        session.flush()
    except StaleDataError as exc:
        raise StaleRecordError(f"{entity}: the record was changed by someone else") from exc
    return row.patient_id


def correct_record(
    session: Session, entity: str, record_id: int, new_record: Any, actor: str,
    version: int | None = None, **extra: Any,
) -> int:
    """Write ``new_record`` (a domain record of the same kind) replacing row ``record_id``;
    returns the new row id. The old row is kept (and bumped to a new version so that a
    concurrent second correction of the same row fails)."""
    model = _model(entity)
    if RECORD_MAP.get(type(new_record)) is not model:
        raise RecordStateError(f"{entity}: correction is a different kind of record")
    old = session.get(model, record_id)
    if old is None:
        raise RecordNotFound(f"{entity}: no record with id {record_id}")
    if version is not None and old.version != version:
        raise StaleRecordError(f"{entity}: the record was changed by someone else")
    if old.entered_in_error:
        raise RecordStateError(f"{entity}: an entered-in-error record cannot be corrected")
    newer = select(model.id).where(model.replaces_id == old.id, model.entered_in_error == false())
    if session.scalar(select(exists(newer))):
        raise StaleRecordError(f"{entity}: the record was already corrected")
    # Bump the old row's version: two simultaneous corrections of it cannot both succeed.
    table = model.__table__
    result = session.execute(
        table.update()
        .where(table.c.id == old.id, table.c.version == old.version)
        .values(version=old.version + 1)
    )
    if result.rowcount != 1:
        raise StaleRecordError(f"{entity}: the record was changed by someone else")
    if isinstance(new_record, Lab):
        new_record = _provenance_after_correction(old, new_record)
    session.expire(old)
    new_id = add_record(session, old.patient_id, new_record, actor, replaces_id=old.id, **extra)
    return new_id


def _provenance_after_correction(old: Any, lab: Lab) -> Lab:
    """A corrected lab result does not inherit a flag, range text or LOINC variant copied from
    the row it replaces when its result changed (they are derived anew); provenance the caller
    set differently, and the source, are kept."""
    def result(analyte, value, unit, low, high):
        return analyte, value, normalise_unit(unit), low, high

    if result(old.analyte, old.value, old.unit, old.ref_low, old.ref_high) == result(
            lab.analyte, lab.value, lab.unit, lab.ref_low, lab.ref_high):
        return lab
    same_variant = old.analyte == lab.analyte and normalise_unit(old.unit) == normalise_unit(
        lab.unit)
    return dataclasses.replace(
        lab,
        flag=None if lab.flag == old.flag else lab.flag,
        ref_text=None if lab.ref_text == old.ref_text else lab.ref_text,
        loinc=None if lab.loinc == old.loinc and not same_variant else lab.loinc,
    )
