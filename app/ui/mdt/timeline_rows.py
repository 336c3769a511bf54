"""A patient's recorded MDT decisions as rows of the chart's timeline.

Each decision becomes a :class:`~app.services.records_map.StoredRecord` of kind
:data:`MDT_DECISION` dated on the meeting day; the timeline shows it as "MDT decision" with
the decision, then the question. It is not a chart record: Enter / F2 / Delete do nothing
on it (the chart finds no stored record of that kind); corrections go through the MDT
window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication

from app.services.mdt_service import MdtCaseRow, MdtService
from app.services.records_map import StoredRecord
from app.ui.chart.timeline import MDT_DECISION

__all__ = ["MDT_DECISION", "decision_rows", "timeline_rows"]



def _line(text: str | None) -> str:
    return " ".join((text or "").split())


@dataclass(frozen=True)
class MdtDecisionEntry:
    rid: int
    date: date
    question: str | None
    decision: str
    decided_by: str | None

    def __str__(self) -> str:
        text = QCoreApplication.translate("MdtTimeline", "%1 (question: %2)")
        q = _line(self.question) or "—"
        marked = text.replace("%1", "\x01").replace("%2", "\x02")
        return marked.replace("\x01", _line(self.decision)).replace("\x02", q)


def decision_rows(cases: list[MdtCaseRow]) -> list[StoredRecord]:
    return [StoredRecord(MDT_DECISION,
                         MdtDecisionEntry(c.id, c.meeting_date, c.question, c.decision or "",
                                          c.decided_by), c.version)
            for c in cases if c.decision]


def timeline_rows(service: MdtService, patient_id: int) -> list[StoredRecord]:
    """The timeline rows of the patient's recorded MDT decisions."""
    return decision_rows(service.patient_decisions(patient_id))

