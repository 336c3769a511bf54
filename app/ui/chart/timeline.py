"""The chart's timeline: labs, imaging, biopsies, doses, stops, dental exams and procedures,
events and symptoms, newest first; lesions and dosing intervals (undated) at the end.

A table model over the chart's :class:`~app.services.records_map.StoredRecord` s with a kind
filter (proxy). Enter opens the correction form of the current record, Delete marks it entered
in error; both go through the chart window's actions (``recordActivated`` /
``errorRequested``), so they have menu entries and shortcuts too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.services.records_map import StoredRecord
from app.ui.chart.record_text import record_text, record_when
from app.ui.forms.choices import kind_label
from app.ui.table_base import Index as _Index
from app.ui.table_base import RowsTableModel

COLUMNS = ("when", "kind", "what", "note")
MDT_DECISION = "mdt_decision"  # rows from app.ui.mdt.timeline_rows (not chart records)
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


def _sort_key(r: StoredRecord) -> tuple:
    d = getattr(r.record, "date", None)
    at = getattr(r.record, "at", None)
    return (d is not None, d or date.min, at.isoformat() if at else "", r.rid)


class TimelineModel(RowsTableModel[StoredRecord]):
    COLUMNS = COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._as_of = date.today()

    def set_records(self, records: list[StoredRecord], as_of: date | None = None) -> None:
        self._as_of = as_of or date.today()
        self.reset_rows(sorted(records, key=_sort_key, reverse=True))

    def stored(self, row: int) -> StoredRecord:
        return self._rows[row]

    def row_of(self, kind: str, rid: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.kind == kind and r.rid == rid:
                return i
        return None

    def column_titles(self) -> dict[str, str]:
        return {
            "when": self.tr("Date (newest first)"), "kind": self.tr("Record"),
            "what": self.tr("Details"), "note": self.tr("Note"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = COLUMNS[index.column()]
        if role == RECORD_ROLE:
            return (r.kind, r.rid)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == "when":
                return record_when(r.record)
            if col == "kind":
                return self.tr("MDT decision") if r.kind == MDT_DECISION else kind_label(r.kind)
            if col == "what":
                return str(r.record) if r.kind == MDT_DECISION else record_text(r.kind, r.record)
            if r.override_reason:
                return self.tr("Override: %1").replace("%1", r.override_reason)
            if getattr(r.record, "planned", False):
                d = getattr(r.record, "date", None)
                if isinstance(d, date) and d < self._as_of:
                    return self.tr("planned — overdue")
                return self.tr("planned")
            return ""
        return None


class KindFilter(QSortFilterProxyModel):
    """Shows one kind of record, or all (``None``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self._kind is None:
            return True
        model: TimelineModel = self.sourceModel()  # type: ignore[assignment]
        return model.stored(source_row).kind == self._kind


class TimelineView(QTableView):
    recordActivated = Signal(str, int)
    errorRequested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline_model = TimelineModel(self)
        self.proxy = KindFilter(self)
        self.proxy.setSourceModel(self.timeline_model)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((140, 130, 460)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(lambda _i: self._emit(self.recordActivated))
        self.setAccessibleName(self.tr("Timeline of records"))

    def set_records(self, records: list[StoredRecord], as_of: date | None = None) -> None:
        keep = self.current_record()
        self.timeline_model.set_records(records, as_of)
        if keep is None or not self.select_record(*keep):
            if self.proxy.rowCount():
                self.setCurrentIndex(self.proxy.index(0, 0))

    def current_record(self) -> tuple[str, int] | None:
        index = self.currentIndex()
        return None if not index.isValid() else index.data(RECORD_ROLE)

    def select_record(self, kind: str, rid: int) -> bool:
        row = self.timeline_model.row_of(kind, rid)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.timeline_model.index(row, 0))
        if not index.isValid():
            self.proxy.set_kind(None)
            index = self.proxy.mapFromSource(self.timeline_model.index(row, 0))
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def _emit(self, signal) -> None:
        current = self.current_record()
        if current is not None:
            signal.emit(*current)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._emit(self.recordActivated)
            return
        super().keyPressEvent(event)
