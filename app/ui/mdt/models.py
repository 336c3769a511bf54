"""Item models of the MDT window: meetings (upcoming first, then past ones newest first) and
the cases of one meeting (MRN, name, question, decision)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.services.mdt_service import MdtCaseRow, Meeting

_Index = QModelIndex | QPersistentModelIndex
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


class MeetingsModel(QAbstractTableModel):
    COLUMNS = ("date", "title", "cases", "when")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Meeting] = []
        self._today = date.today()

    def set_meetings(self, meetings: list[Meeting], today: date) -> None:
        self.beginResetModel()
        self._today = today
        self._rows = order_meetings(meetings, today)
        self.endResetModel()

    def meeting(self, row: int) -> Meeting:
        return self._rows[row]

    def row_of(self, meeting_id: int) -> int | None:
        return next((i for i, m in enumerate(self._rows) if m.id == meeting_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Title"), self.tr("Cases"), self.tr("When"))[section]

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


class CasesModel(QAbstractTableModel):
    COLUMNS = ("mrn", "name", "question", "decision")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[MdtCaseRow] = []

    def set_cases(self, cases: list[MdtCaseRow]) -> None:
        self.beginResetModel()
        self._rows = list(cases)
        self.endResetModel()

    def case(self, row: int) -> MdtCaseRow:
        return self._rows[row]

    def cases(self) -> list[MdtCaseRow]:
        return list(self._rows)

    def row_of(self, case_id: int) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.id == case_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("MRN"), self.tr("Name"), self.tr("Question for the MDT"),
                self.tr("Decision"))[section]

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
