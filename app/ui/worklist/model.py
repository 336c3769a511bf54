"""Item model and filter of the worklist: one row per (patient, reason).

Columns: severity, category, due date, MRN, name, rules, detail. Sorting is by the values
(severity by rank, dates chronologically with undated rows last); the filter takes a category
and a text matched against MRN, name, rules and detail (case-insensitive).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from app.domain.findings import SEVERITY_RANK
from app.services.worklist import WorklistItem
from app.ui.icons import severity_icon
from app.ui.labels import severity_label

COLUMNS = ("severity", "category", "due", "mrn", "name", "rules", "detail")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


def category_label(code: str) -> str:
    return {
        "critical": QCoreApplication.translate("Worklist", "Critical finding"),
        "dose_overdue": QCoreApplication.translate("Worklist", "Dose overdue"),
        "dose_due": QCoreApplication.translate("Worklist", "Dose due"),
        "rebound": QCoreApplication.translate("Worklist", "Rebound window: checks"),
        "dental": QCoreApplication.translate("Worklist", "Dental"),
        "workup": QCoreApplication.translate("Worklist", "Work-up to confirm"),
    }.get(code, code)


class WorklistModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[WorklistItem] = []
        self.as_of = date.today()  # the day the list was computed for

    def clear(self) -> None:
        self.beginResetModel()
        self._items = []
        self.endResetModel()

    def append(self, items: list[WorklistItem]) -> None:
        if not items:
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(items) - 1)
        self._items.extend(items)
        self.endInsertRows()

    def item(self, row: int) -> WorklistItem:
        return self._items[row]

    def items(self) -> list[WorklistItem]:
        return list(self._items)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "severity": self.tr("Severity"), "category": self.tr("Why"),
            "due": self.tr("Due"), "mrn": self.tr("MRN"), "name": self.tr("Name"),
            "rules": self.tr("Rules"), "detail": self.tr("Detail"),
        }[COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        it = self._items[index.row()]
        col = COLUMNS[index.column()]
        if role == PATIENT_ID_ROLE:
            return it.patient_id
        if role == SORT_ROLE:
            if col == "severity":
                return SEVERITY_RANK.get(it.severity, 9)
            if col == "due":
                return (it.due_date or date.max).isoformat()
            return str(self.data(index) or "").casefold()
        if role == Qt.ItemDataRole.DecorationRole and col == "severity":
            return severity_icon(it.severity)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == "severity":
                return severity_label(it.severity)
            if col == "category":
                return category_label(it.category)
            if col == "due":
                if it.due_date is None:
                    return ""
                late = self.tr(" (overdue)") if it.due_date < self.as_of else ""
                return it.due_date.isoformat() + late
            if col == "mrn":
                return it.mrn
            if col == "name":
                return it.name or ""
            if col == "rules":
                return ", ".join(it.rules)
            return it.detail
        return None


class WorklistFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._category: str | None = None
        self._text = ""
        self.setSortRole(SORT_ROLE)

    def set_category(self, category: str | None) -> None:
        self.beginFilterChange()
        self._category = category
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model: WorklistModel = self.sourceModel()  # type: ignore[assignment]
        it = model.item(source_row)
        if self._category is not None and it.category != self._category:
            return False
        if self._text:
            hay = " ".join([it.mrn, it.name or "", " ".join(it.rules), it.detail]).casefold()
            return self._text in hay
        return True
