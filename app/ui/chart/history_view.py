"""The chart's change history: who did what to which record, and when (newest first), with
the reason for an entered-in-error mark or a critical-finding override."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.services.records_history import HistoryEntry
from app.ui.chart.record_text import record_text, record_when
from app.ui.forms.choices import kind_label
from app.ui.table_base import Index as _Index
from app.ui.table_base import RowsTableModel

COLUMNS = ("at", "actor", "action", "record", "reason")


class HistoryModel(RowsTableModel[HistoryEntry]):
    COLUMNS = COLUMNS

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.reset_rows(entries)

    def entry(self, row: int) -> HistoryEntry:
        return self._rows[row]

    def column_titles(self) -> dict[str, str]:
        return {
            "at": self.tr("When"), "actor": self.tr("Who"), "action": self.tr("What"),
            "record": self.tr("Record"), "reason": self.tr("Reason"),
        }

    def _action(self, action: str) -> str:
        return {
            "create": self.tr("added"), "correct": self.tr("corrected"),
            "entered_in_error": self.tr("marked entered in error"),
            "override": self.tr("overrode a critical finding"),
            "update": self.tr("updated"), "import": self.tr("imported"),
        }.get(action, action)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                                Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._rows[index.row()]
        col = COLUMNS[index.column()]
        if col == "at":
            return e.at.astimezone().strftime("%Y-%m-%d %H:%M")
        if col == "actor":
            return e.actor
        if col == "action":
            return self._action(e.action)
        if col == "record":
            if e.record is not None and e.kind is not None:
                return (f"{kind_label(e.kind)} {record_when(e.record)}: "
                        f"{record_text(e.kind, e.record)}")
            return e.summary
        return e.reason or ""


class HistoryView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history_model = HistoryModel(self)
        self.setModel(self.history_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((130, 100, 170, 420)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.setAccessibleName(self.tr("Change history"))
