"""The ``lab_review`` table: lab messages held for a person to check before anything is stored.

An HL7 message goes here instead of into a chart when its patient cannot be trusted: the ID
names an assigning authority the site has not accepted, or the registry patient with that ID
differs in family name, birth date or sex (:mod:`app.services.lab_match`). The row keeps the
message as received (``message``), what it says about the patient (``details``: ID, authority,
names, birth date, sex) and why it was held (``reason``, field names only). A reviewer assigns
it to a patient (its results are then imported into that chart) or rejects it; either way the
row stays (``status``, ``resolved_*``), and the audit trail records the decision.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.models import Base
from app.data.types import UtcDateTime, utcnow

REVIEW_STATUSES = ("pending", "assigned", "rejected")


class LabReview(Base):
    __tablename__ = "lab_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="pending", server_default="pending")
    source: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(60))  # "message M42"
    message: Mapped[str] = mapped_column(Text)  # the message as received (segments, CR)
    details: Mapped[dict] = mapped_column(JSON)  # the message's patient: id, names, birth …
    reason: Mapped[str] = mapped_column(Text)
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    received_by: Mapped[str] = mapped_column(String(64))
    resolved_patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolution_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __table_args__ = (
        CheckConstraint("status IN ('pending', 'assigned', 'rejected')", name="status"),
        Index(None, "status", "id"),
    )
    __mapper_args__ = {"version_id_col": version}
