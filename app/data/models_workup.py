"""The ``workup`` table: one bone-metastasis work-up (wizard session) of a patient.

A work-up starts as a ``draft`` holding the wizard's entries as JSON
(:class:`app.domain.workup_entries.WorkupEntries`, ``bonemet-workup/1``), so it can be saved
and resumed; it ends ``completed`` (its entries were written to the chart as ordinary records in
the same transaction) or ``cancelled``. Rows are never deleted; ``version`` detects a second
workstation saving the same draft.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.data.models import Base
from app.data.types import UtcDateTime, utcnow

WORKUP_STATUSES = ("draft", "completed", "cancelled")


class Workup(Base):
    __tablename__ = "workup"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    status: Mapped[str] = mapped_column(String(10), default="draft", server_default="draft")
    visit_date: Mapped[date] = mapped_column(Date)
    draft: Mapped[dict] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64))
    completed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (
        CheckConstraint("status IN ('draft', 'completed', 'cancelled')", name="status"),
        Index(None, "patient_id", "status"),
    )
    __mapper_args__ = {"version_id_col": version}
