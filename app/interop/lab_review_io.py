"""Assign a message held in the lab review queue: re-read it and import it into a patient.

The queue (:mod:`app.services.lab_review`) keeps each held HL7 message as received; assigning
it parses it again with the site's lab-feed settings (the same code map as the import) and
hands the units to :func:`app.services.lab_review.assign_review`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.interop.hl7_labs import parse_hl7_text
from app.interop.lab_feed_config import LabFeedSettings
from app.services.lab_import import ImportReport
from app.services.lab_review import ReviewError, assign_review, get_review

__all__ = ["ReviewError", "assign_held_message"]


def assign_held_message(db: Database, review_id: int, mrn: str | None, actor: str, *,
                        settings: LabFeedSettings | None = None, params: Params = DEFAULTS,
                        today: Callable[[], date] = date.today) -> ImportReport:
    """Import held message ``review_id`` into the patient ``mrn`` (default: the candidate)."""
    item = get_review(db, review_id)
    units = parse_hl7_text(item.message, today=today(), settings=settings)
    if len(units) != 1 or units[0].problems:
        raise ReviewError("message: the held message cannot be read any more")
    return assign_review(db, review_id, mrn, actor, units, params=params, today=today)
