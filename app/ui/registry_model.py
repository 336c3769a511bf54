"""The registry table: a paged ``QAbstractTableModel`` over :class:`RegistryService`.

Filtering and sorting happen in SQL (the service's indexed prefix search and ORDER BY); the
model holds only the pages fetched so far (``canFetchMore``/``fetchMore``, 200 rows a page), so
a 100,000-patient registry never loads whole. Cell values come from the cached summary columns
of each patient; missing values show as an em dash. Every cell has an accessible description,
and the Alerts column names the severity in text beside a shape-coded icon.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.services.registry import SORT_KEYS, PatientRow, RegistryService
from app.ui import labels
from app.ui.icons import severity_icon

translate = QCoreApplication.translate

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    key: str  # a RegistryService sort key, or a display-only key
    header: Callable[[], str]  # translated at call time


COLUMNS: tuple[Column, ...] = (
    Column("mrn", lambda: translate("RegistryTableModel", "MRN")),
    Column("name", lambda: translate("RegistryTableModel", "Name")),
    Column("sex_age", lambda: translate("RegistryTableModel", "Sex/Age")),
    Column("histology_stage", lambda: translate("RegistryTableModel", "Histology/Stage")),
    Column("bm_status", lambda: translate("RegistryTableModel", "Bone-met status")),
    Column("current_bma", lambda: translate("RegistryTableModel", "Current bone drug")),
    Column("alerts", lambda: translate("RegistryTableModel", "Alerts")),
    Column("next_due", lambda: translate("RegistryTableModel", "Next due")),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


def alerts_text(row: PatientRow) -> str:
    """``2 · Critical`` / ``0`` / the em dash when the summary has not been computed."""
    if row.alert_count is None:
        return labels.NONE_TEXT
    if row.alert_count == 0 or not row.alert_top_severity:
        return str(row.alert_count)
    return f"{row.alert_count} · {labels.severity_label(row.alert_top_severity)}"


def next_due_text(row: PatientRow, today: date | None = None) -> str:
    """``2026-12-01 · Denosumab 120 mg`` (``Overdue`` prefixed when the date has passed)."""
    if row.next_due_date is None and not row.next_due_text:
        return labels.NONE_TEXT
    parts = []
    if row.next_due_date is not None:
        when = row.next_due_date.isoformat()
        if row.next_due_date < (today or date.today()):
            when = translate("RegistryTableModel", "Overdue %1").replace("%1", when)
        parts.append(when)
    if row.next_due_text:
        parts.append(row.next_due_text)
    return " · ".join(parts)


def _overdue(row: PatientRow) -> bool:
    return row.next_due_date is not None and row.next_due_date < date.today()


_OVERDUE_BRUSH = QBrush(QColor(176, 0, 32))


class RegistryTableModel(QAbstractTableModel):
    """Rows of the registry matching the current filter, in the current SQL order."""

    PAGE_SIZE = 200

    #: (matching, total) after every filter change or refresh
    countsChanged = Signal(int, int)
    #: a header click on a column the database cannot sort by (the view restores its indicator)
    sortRejected = Signal()

    def __init__(self, service: RegistryService, parent=None) -> None:
        super().__init__(parent)
        self._service = service
        self._rows: list[PatientRow] = []
        self._filter = ""
        self._sort = "mrn"
        self._descending = False
        self._matching = 0
        self._total = 0
        self.last_query_ms = 0.0  # count + first page of the latest filter/sort change

    # ----- state -------------------------------------------------------------------------
    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    @property
    def matching_count(self) -> int:
        return self._matching

    @property
    def total_count(self) -> int:
        return self._total

    def set_filter(self, text: str) -> None:
        """Show the patients whose MRN, name, full pinyin or pinyin initials start with text."""
        text = text.strip()
        if text == self._filter and self._rows:
            return
        self._filter = text
        self._reload(recount_total=False)

    def refresh(self) -> None:
        """Re-run the current query (after a save, or to see other workstations' changes)."""
        self._reload(recount_total=True)

    def _reload(self, *, recount_total: bool) -> None:
        started = time.perf_counter()
        if recount_total or not self._total:
            self._total = self._service.count_all()
        self._matching = self._service.count(self._filter) if self._filter else self._total
        first = self._service.search(
            self._filter,
            sort=self._sort,
            descending=self._descending,
            offset=0,
            limit=self.PAGE_SIZE,
        )
        self.beginResetModel()
        self._rows = list(first)
        self.endResetModel()
        self.last_query_ms = (time.perf_counter() - started) * 1000
        log.debug("registry query: %d rows in %.1f ms", len(first), self.last_query_ms)
        self.countsChanged.emit(self._matching, self._total)

    def row_at(self, row: int) -> PatientRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_patient(self, patient_id: int) -> int | None:
        """The row showing a patient among the rows fetched so far, or None."""
        for i, r in enumerate(self._rows):
            if r.id == patient_id:
                return i
        return None

    # ----- paging ------------------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return len(self._rows) < self._matching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._service.search(
            self._filter,
            sort=self._sort,
            descending=self._descending,
            offset=len(self._rows),
            limit=self.PAGE_SIZE,
        )
        if not more:
            self._matching = len(self._rows)  # the registry shrank meanwhile
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # ----- sorting -----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].key not in SORT_KEYS:
            self.sortRejected.emit()
            return
        key = COLUMNS[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self._rows:
            return
        self._sort, self._descending = key, descending
        self._reload(recount_total=False)

    def sort_column(self) -> int:
        return COLUMN_KEYS.index(self._sort)

    # ----- table -------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[section].header()
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].key in SORT_KEYS:
            return translate("RegistryTableModel", "Click to sort by this column")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(row, key)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.accessible_text(row, key)
        if role == Qt.ItemDataRole.DecorationRole and key == "alerts":
            return severity_icon(row.alert_top_severity) if row.alert_count else None
        if role == Qt.ItemDataRole.ForegroundRole and key == "next_due" and _overdue(row):
            return _OVERDUE_BRUSH  # the text says "Overdue" too: colour is not the only signal
        if role == PATIENT_ID_ROLE:
            return row.id
        return None

    @staticmethod
    def display_text(row: PatientRow, key: str) -> str:
        none = labels.NONE_TEXT
        if key == "mrn":
            return row.mrn
        if key == "name":
            return row.name or none
        if key == "sex_age":
            return labels.sex_age_text(row.sex, row.birth_date)
        if key == "histology_stage":
            return labels.histology_stage_text(row.histology, row.stage)
        if key == "bm_status":
            return labels.bm_status_label(row.bm_status)
        if key == "current_bma":
            return labels.drug_label(row.current_bma)
        if key == "alerts":
            return alerts_text(row)
        if key == "next_due":
            return next_due_text(row)
        raise KeyError(key)

    @classmethod
    def accessible_text(cls, row: PatientRow, key: str) -> str:
        """A sentence a screen reader can speak (also the tooltip)."""
        if key == "sex_age":
            text = translate("RegistryTableModel", "Sex %1, age %2").replace(
                "%1", labels.sex_label(row.sex)
            )
            return text.replace("%2", labels.age_text(row.birth_date))
        if key == "alerts":
            if row.alert_count is None:
                return translate("RegistryTableModel", "Alerts: not yet assessed")
            text = translate("RegistryTableModel", "Alerts: %1, highest severity %2").replace(
                "%1", str(row.alert_count)
            )
            text = text.replace("%2", labels.severity_label(row.alert_top_severity))
            if row.rebound_open:
                text += " · " + translate("RegistryTableModel", "denosumab rebound window open")
            return text
        header = COLUMNS[COLUMN_KEYS.index(key)].header()
        return f"{header}: {cls.display_text(row, key)}"
