"""Item models of the MDT window: meetings (upcoming first, then past ones newest first) and
the cases of one meeting (MRN, name, question, decision)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from app.services.mdt_service import MdtCaseRow, Meeting
from app.ui.table_base import Index as _Index
from app.ui.table_base import RowsTableModel

_DISPLAY = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def order_meetings(meetings: list[Meeting], today: date) -> list[Meeting]:
    """Upcoming meetings (today included) soonest first, then past meetings newest first."""
    upcoming = sorted((m for m in meetings if m.meeting_date >= today),
                      key=lambda m: m.meeting_date)
    past = sorted((m for m in meetings if m.meeting_date < today),
                  key=lambda m: m.meeting_date, reverse=True)
    return upcoming + past


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


class MeetingsModel(RowsTableModel[Meeting]):
    COLUMNS = ("date", "title", "cases", "when")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._today = date.today()

    def set_meetings(self, meetings: list[Meeting], today: date) -> None:
        self._today = today
        self.reset_rows(order_meetings(meetings, today))

    def meeting(self, row: int) -> Meeting:
        return self._rows[row]

    def row_of(self, meeting_id: int) -> int | None:
        return next((i for i, m in enumerate(self._rows) if m.id == meeting_id), None)

    def column_titles(self) -> dict[str, str]:
        return {"date": self.tr("Date"), "title": self.tr("Title"), "cases": self.tr("Cases"),
                "when": self.tr("When")}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "cases":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in _DISPLAY:
            return None
        if col == "date":
            return m.meeting_date.isoformat()
        if col == "title":
            return m.title or ""
        if col == "cases":
            return str(m.case_count)
        if m.meeting_date == self._today:
            return self.tr("today")
        return self.tr("upcoming") if m.meeting_date > self._today else self.tr("past")


class CasesModel(RowsTableModel[MdtCaseRow]):
    COLUMNS = ("mrn", "name", "question", "decision")

    def set_cases(self, cases: list[MdtCaseRow]) -> None:
        self.reset_rows(cases)

    def case(self, row: int) -> MdtCaseRow:
        return self._rows[row]

    def cases(self) -> list[MdtCaseRow]:
        return list(self._rows)

    def row_of(self, case_id: int) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.id == case_id), None)

    def column_titles(self) -> dict[str, str]:
        return {"mrn": self.tr("MRN"), "name": self.tr("Name"),
                "question": self.tr("Question for the MDT"), "decision": self.tr("Decision")}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and col in ("question", "decision"):
            return (c.question if col == "question" else c.decision) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == "mrn":
            return c.mrn
        if col == "name":
            return c.name or ""
        if col == "question":
            return one_line(c.question)
        if c.decision:
            return one_line(c.decision)
        return self.tr("(not recorded)")
