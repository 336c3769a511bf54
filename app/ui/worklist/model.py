"""Item model and filter of the worklist: one row per (patient, reason).

Columns: severity, category, due date, MRN, name, rules, detail. Sorting is by the values
(severity by rank, dates chronologically with undated rows last); the filter takes a category
and a text matched against MRN, name, rules and detail (case-insensitive). The model keeps its
rows in order itself (one Python sort, then each new row inserted at its place) and the proxy
only filters: a proxy sort of a 100,000-row list calls ``data()`` millions of times (seconds).

Rows from the cached summaries (``provisional``) say so in their detail, in words, and are
shown in italics; :meth:`WorklistModel.replace_patients` swaps a patient's rows for assessed
ones. While a patient's denosumab rebound window is open (a ``rebound`` row), every row of that
patient carries the rebound flag as text before the name (rule book §5: the flag shows
wherever the patient appears; not colour alone).
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from app.domain.findings import SEVERITY_RANK
from app.services.worklist import CATEGORIES, WorklistItem
from app.ui.icons import severity_icon
from app.ui.labels import message_text, rebound_flag_text, severity_label
from app.ui.table_base import Index as _Index
from app.ui.table_base import RowsTableModel

COLUMNS = ("severity", "category", "due", "mrn", "name", "rules", "detail")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def category_label(code: str) -> str:
    return {
        "critical": QCoreApplication.translate("Worklist", "Critical finding"),
        "dose_overdue": QCoreApplication.translate("Worklist", "Dose overdue"),
        "dose_due": QCoreApplication.translate("Worklist", "Dose due"),
        "rebound": QCoreApplication.translate("Worklist", "Rebound window: checks"),
        "dental": QCoreApplication.translate("Worklist", "Dental"),
        "workup": QCoreApplication.translate("Worklist", "Work-up to confirm"),
    }.get(code, code)


def detail_text(it: WorklistItem) -> str:
    """The item's detail in the UI language (its structured message; an older stored text
    through the due-text patterns)."""
    if it.message is not None:
        return message_text(it.message)
    return message_text(it.detail) if it.detail else ""


class _Descending:
    """A sort key in reverse order (for a descending sort kept with bisect)."""

    __slots__ = ("key",)

    def __init__(self, key: tuple) -> None:
        self.key = key

    def __lt__(self, other: _Descending) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)


class WorklistModel(RowsTableModel[WorklistItem]):
    COLUMNS = COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys: list[Any] = []  # sort key of each row (same order as _rows)
        self._rebound: Counter[int] = Counter()  # patient id -> its rebound rows
        self._sort_column = COLUMNS.index("severity")
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._key = self.key_function()
        self.as_of = date.today()  # the day the list was computed for

    # ---- order ---------------------------------------------------------------------------
    def key_function(self, column: int | None = None,
                     order: Qt.SortOrder | None = None) -> Callable[[WorklistItem], Any]:
        """The sort key of a row in ``column`` / ``order`` (the current ones by default):
        severity by rank, dates chronologically with undated rows last, text case-folded;
        then MRN and reason, so the order is total."""
        col = COLUMNS[self._sort_column if column is None else column]
        descending = (self._sort_order if order is None else order) \
            == Qt.SortOrder.DescendingOrder
        labels = {c: category_label(c).casefold() for c in CATEGORIES}
        rank = {c: i for i, c in enumerate(CATEGORIES)}
        first: Callable[[WorklistItem], Any] = {
            "severity": lambda it: SEVERITY_RANK.get(it.severity, 9),
            "due": lambda it: it.due_date or date.max,
            "category": lambda it: labels.get(it.category, it.category),
            "mrn": lambda it: it.mrn.casefold(),
            "name": lambda it: (it.name or "").casefold(),
            "rules": lambda it: ", ".join(it.rules).casefold(),
            "detail": lambda it: detail_text(it).casefold(),
        }[col]

        def key(it: WorklistItem) -> Any:
            k = (first(it), it.mrn.casefold(), rank.get(it.category, 99))
            return _Descending(k) if descending else k

        return key

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows (a Python sort: the proxy does not sort, see
        :class:`WorklistFilter`); selections follow their rows."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column, self._sort_order = column, order
        self._key = self.key_function()
        self.layoutAboutToBeChanged.emit()
        keys = list(map(self._key, self._rows))
        old_rows = sorted(range(len(keys)), key=keys.__getitem__)
        self._rows = [self._rows[r] for r in old_rows]
        self._keys = [keys[r] for r in old_rows]
        moved = {old: new for new, old in enumerate(old_rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(moved[i.row()], i.column()) if i.row() in moved
                         else QModelIndex() for i in persistent])
        self.layoutChanged.emit()

    # ---- content ---------------------------------------------------------------------------
    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._keys = []
        self._rebound.clear()
        self.endResetModel()

    def append(self, items: list[WorklistItem]) -> None:
        """Add rows at their place in the current order (all at once into an empty list)."""
        if not items:
            return
        if not self._rows:
            self.beginResetModel()
            keys = list(map(self._key, items))
            rows = sorted(range(len(keys)), key=keys.__getitem__)
            self._rows = [items[r] for r in rows]
            self._keys = [keys[r] for r in rows]
            self._rebound.update(i.patient_id for i in items if i.category == "rebound")
            self.endResetModel()
            return
        existing = len(self._rows)
        self._rebound.update(i.patient_id for i in items if i.category == "rebound")
        for it in sorted(items, key=self._key):
            key = self._key(it)
            row = bisect.bisect_right(self._keys, key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, it)
            self._keys.insert(row, key)
            self.endInsertRows()
        flagged = {i.patient_id for i in items if i.category == "rebound"}
        if flagged and existing:  # older rows of these patients now carry the flag
            col = COLUMNS.index("name")
            new = {id(i) for i in items}
            for r, it in enumerate(self._rows):
                if it.patient_id in flagged and id(it) not in new:
                    self.dataChanged.emit(self.index(r, col), self.index(r, col))

    def replace_patients(self, patient_ids: Iterable[int], items: list[WorklistItem]) -> None:
        """Drop every row of ``patient_ids`` and add ``items`` (their new rows). A new row
        that sorts exactly where an old one of the patient was replaces it in place (one
        ``dataChanged``, no row moves: cheap on a long list); the others are removed/inserted."""
        drop = set(patient_ids)
        old_rows = [r for r, it in enumerate(self._rows) if it.patient_id in drop]
        slots: dict[Any, list[int]] = {}
        for r in old_rows:
            slots.setdefault(self._keys[r], []).append(r)
        in_place: list[tuple[int, WorklistItem]] = []
        added: list[WorklistItem] = []
        for it in items:
            free = slots.get(self._key(it))
            if free:
                in_place.append((free.pop(), it))
            else:
                added.append(it)
        removed = sorted(r for rows in slots.values() for r in rows)
        for r in removed:  # the flag's count first: repaints below see the final state
            if self._rows[r].category == "rebound":
                self._rebound[self._rows[r].patient_id] -= 1
        self._rebound += Counter()  # drop zero counts
        last = len(COLUMNS) - 1
        for r, it in in_place:  # same key: same category, same place
            self._rows[r] = it
            self.dataChanged.emit(self.index(r, 0), self.index(r, last))
        while removed:  # contiguous runs, from the end
            end = start = removed.pop()
            while removed and removed[-1] == start - 1:
                start = removed.pop()
            self.beginRemoveRows(QModelIndex(), start, end)
            del self._rows[start:end + 1]
            del self._keys[start:end + 1]
            self.endRemoveRows()
        self.append(added)

    def rebound_open(self, patient_id: int) -> bool:
        """True while the list has a rebound row for the patient."""
        return self._rebound.get(patient_id, 0) > 0

    def item(self, row: int) -> WorklistItem:
        return self._rows[row]

    def items(self) -> list[WorklistItem]:
        return list(self._rows)

    def column_titles(self) -> dict[str, str]:
        return {
            "severity": self.tr("Severity"), "category": self.tr("Why"),
            "due": self.tr("Due"), "mrn": self.tr("MRN"), "name": self.tr("Name"),
            "rules": self.tr("Rules"), "detail": self.tr("Detail"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        it = self._rows[index.row()]
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
        if role == Qt.ItemDataRole.FontRole and it.provisional:
            font = QFont()
            font.setItalic(True)
            return font
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
                if self.rebound_open(it.patient_id):
                    # the flag first: visible however narrow the column (issue 20)
                    return f"{rebound_flag_text()} · {it.name or ''}".rstrip(" ·")
                return it.name or ""
            if col == "rules":
                return ", ".join(it.rules)
            detail = detail_text(it)
            if it.provisional:
                return self.tr("%1 (saved summary, not yet re-checked)").replace("%1", detail)
            return detail
        return None


class WorklistFilter(QSortFilterProxyModel):
    """Filters; sorting is passed to the source model, which keeps its rows in order (a
    proxy sort would call ``data()`` in Python millions of times on a 100,000-row list)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._category: str | None = None
        self._text = ""
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

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
            hay = " ".join([it.mrn, it.name or "", " ".join(it.rules), it.detail,
                            detail_text(it)]).casefold()
            return self._text in hay
        return True
