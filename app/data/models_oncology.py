"""The oncology-history tables (issue 20 item 8): systemic-therapy lines, PD-L1 results,
smoking history and the disease course (diagnosis, recurrence, progression, restaging with the
stage found then). Clinical records like the others (:class:`~app.data.models.RecordMixin`):
versioned, corrected by a new row, never hard-deleted (entered-in-error)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Date, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.models import RECORD_MODELS, Base, RecordMixin


class TherapyLineRecord(RecordMixin, Base):
    """A line of systemic therapy; ``drugs`` is the list of drug names as prescribed."""

    __tablename__ = "therapy_line"

    line: Mapped[int] = mapped_column(Integer)
    drugs: Mapped[list[str]] = mapped_column(JSON)
    start: Mapped[date] = mapped_column(Date)
    stop: Mapped[date | None] = mapped_column(Date)
    stop_reason: Mapped[str | None] = mapped_column(String(16))
    best_response: Mapped[str | None] = mapped_column(String(2))
    note: Mapped[str | None] = mapped_column(Text)


class Pdl1Record(RecordMixin, Base):
    __tablename__ = "pdl1_result"

    on_date: Mapped[date] = mapped_column(Date, sort_order=-1)
    tps: Mapped[float | None] = mapped_column(Float)
    cps: Mapped[float | None] = mapped_column(Float)
    assay: Mapped[str | None] = mapped_column(String(60))


class SmokingRecord(RecordMixin, Base):
    __tablename__ = "smoking_history"

    on_date: Mapped[date] = mapped_column(Date, sort_order=-1)
    status: Mapped[str] = mapped_column(String(8))
    pack_years: Mapped[float | None] = mapped_column(Float)


class CourseRecord(RecordMixin, Base):
    __tablename__ = "disease_course"

    on_date: Mapped[date] = mapped_column(Date, sort_order=-1)
    kind: Mapped[str] = mapped_column(String(12))
    stage: Mapped[str | None] = mapped_column(String(8))


HISTORY_MODELS = (TherapyLineRecord, Pdl1Record, SmokingRecord, CourseRecord)
RECORD_MODELS.update({m.__tablename__: m for m in HISTORY_MODELS})
