"""The registry table: a paged ``QAbstractTableModel`` over :class:`RegistryService`.

Filtering and sorting happen in SQL (the service's indexed prefix search and ORDER BY); the
model holds only the pages fetched so far (``canFetchMore``/``fetchMore``, 200 rows a page), so
a 100,000-patient registry never loads whole. A search counts at most :data:`COUNT_CAP` + 1
matches with its first page (counting every match of a one-letter prefix takes longer than
finding the page); when there are more, the exact count follows from a second background query
(``matching_is_exact`` is false meanwhile). Cell values come from the cached summary columns
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
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QIcon

from app.services.registry import SORT_KEYS, PatientRow, RegistryService
from app.ui import labels
from app.ui.icons import severity_icon
from app.ui.query_runner import QueryRunner

translate = QCoreApplication.translate

log = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_HANDLED_ROLES = frozenset(
    {
        _DISPLAY,
        _DECORATION,
        _FOREGROUND,
        PATIENT_ID_ROLE,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


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
        parts.append(labels.due_item_text(row.next_due_text))
    return " · ".join(parts)


def _overdue(row: PatientRow, today: date) -> bool:
    return row.next_due_date is not None and row.next_due_date < today


_OVERDUE_COLOUR = QColor(176, 0, 32)
_OVERDUE_BRUSH = QBrush(_OVERDUE_COLOUR)
_ICONS: dict[str | None, QIcon] = {}


def _severity_icon(severity: str | None) -> QIcon:
    """The severity marker, drawn once per severity (not on every paint of every cell)."""
    icon = _ICONS.get(severity)
    if icon is None:
        icon = _ICONS[severity] = severity_icon(severity)
    return icon


# What a column's text depends on, for the columns whose texts repeat from patient to patient
# (labels, ages, due items): each distinct text is built once per language and day, not once per
# painted row (building a label translates a whole table of them).
_TEXT_INPUTS: dict[str, Callable[[PatientRow], object]] = {
    "sex_age": lambda r: (r.sex, r.birth_date),
    "histology_stage": lambda r: (r.histology, r.stage),
    "bm_status": lambda r: r.bm_status,
    "current_bma": lambda r: r.current_bma,
    "alerts": lambda r: (r.alert_count, r.alert_top_severity, r.rebound_open),
    "next_due": lambda r: (r.next_due_date, r.next_due_text),
}
_COLUMN_INPUTS = tuple((key, _TEXT_INPUTS.get(key)) for key in COLUMN_KEYS)
_TEXT_CACHE_LIMIT = 50_000

#: A search's first query counts at most this many matches (+ 1, to know there are more).
COUNT_CAP = 2000


@dataclass(frozen=True)
class _Result:
    total: int | None  # None = not recounted
    matching: int | None  # None = everyone (empty filter); COUNT_CAP + 1 = more than the cap
    rows: list[PatientRow]
    elapsed_ms: float


class RegistryTableModel(QAbstractTableModel):
    """Rows of the registry matching the current filter, in the current SQL order.

    With ``asynchronous=True`` (the registry window) the count and first page are queried on a
    background thread, latest-wins, so typing never waits for the database; ``busy`` is true
    until the newest query's rows are in. Otherwise the query runs inline.
    """

    #: rows fetched per page when scrolling on (``fetchMore``)
    PAGE_SIZE = 200
    #: rows a search (or refresh) shows first, unless the view asks for more to fill its height
    #: (``first_page_size``): a smaller first page is found and converted sooner — on 100,000
    #: patients, walking the MRN index for 60 rows instead of 200 takes a third of the time
    FIRST_PAGE_SIZE = 60
    #: a refresh reloads as many rows as were shown (so the selection stays), up to this many
    REFRESH_ROWS_MAX = 1000
    ALERTS_COLUMN = COLUMN_KEYS.index("alerts")
    NEXT_DUE_COLUMN = COLUMN_KEYS.index("next_due")
    OVERDUE_COLOUR = _OVERDUE_COLOUR

    #: (matching, total) after every filter change or refresh
    countsChanged = Signal(int, int)
    #: the newest query's rows are shown
    searchFinished = Signal()
    #: the newest query failed (exception type name; the rows shown are unchanged)
    searchFailed = Signal(str)
    #: a header click on a column the database cannot sort by (the view restores its indicator)
    sortRejected = Signal()

    def __init__(
        self, service: RegistryService, parent=None, *, asynchronous: bool = False
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._rows: list[PatientRow] = []
        # row -> (display strings by column, severity icon or None, next due overdue)
        self._display: dict[int, tuple[tuple[str, ...], QIcon | None, bool]] = {}
        self._filter = ""
        self._sort = "mrn"
        self._descending = False
        self._matching = 0
        self._matching_exact = True
        self._total: int | None = None
        self._applied = 0  # generation of the rows shown
        self._first_page = self.FIRST_PAGE_SIZE
        self._today = date.today()
        self._texts: dict[tuple[str, object], str] = {}  # (column, inputs) -> text (today's)
        self._callbacks: list[Callable[[], None]] = []
        self.last_query_ms = 0.0  # database time (count + first page) of the latest query
        self._runner = QueryRunner(self, asynchronous=asynchronous)
        self._runner.finished.connect(self._apply)
        self._runner.failed.connect(self._fail)
        # exact counts beyond COUNT_CAP: their own thread (and database connection), so the
        # next keystroke's rows never wait behind a count
        self._counter = QueryRunner(self, asynchronous=asynchronous)
        self._counter.finished.connect(self._apply_count)

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
    def matching_is_exact(self) -> bool:
        """False while the search's exact count (more than COUNT_CAP) is being computed;
        ``matching_count`` is then COUNT_CAP + 1."""
        return self._matching_exact

    @property
    def counting(self) -> bool:
        """True while the exact count of the rows shown is still to come."""
        return not self._matching_exact and not self.busy

    @property
    def total_count(self) -> int:
        return self._total or 0

    @property
    def busy(self) -> bool:
        """True while the newest query's rows are not shown yet."""
        return self._applied != self._runner.generation

    @property
    def first_page_size(self) -> int:
        return self._first_page

    def set_first_page_size(self, rows: int) -> None:
        """Rows the next search shows at once (the view: its visible rows and some to spare;
        never fewer than FIRST_PAGE_SIZE). More are fetched by page when scrolling on."""
        self._first_page = max(self.FIRST_PAGE_SIZE, rows)

    def set_filter(self, text: str, on_done: Callable[[], None] | None = None) -> None:
        """Show the patients whose MRN, name, full pinyin or pinyin initials start with text."""
        text = text.strip()
        if text == self._filter and self._applied and not self.busy:
            if on_done is not None:
                on_done()
            return
        self._filter = text
        self._reload(recount_total=False, on_done=on_done)

    def refresh(self, on_done: Callable[[], None] | None = None) -> None:
        """Re-run the current query (after a save, or to see other workstations' changes).
        ``on_done`` runs once the rows are in (at once when synchronous)."""
        self._reload(recount_total=True, on_done=on_done)

    def wait(self, msecs: int = 30_000) -> None:
        """Block until queued queries ran; their rows arrive with the next event processing."""
        self._runner.wait(msecs)

    def _reload(self, *, recount_total: bool, on_done: Callable[[], None] | None) -> None:
        service, text = self._service, self._filter
        sort, descending, limit = self._sort, self._descending, self._first_page
        if recount_total:  # a refresh keeps the rows loaded so far (and so the selection)
            limit = max(limit, min(len(self._rows), self.REFRESH_ROWS_MAX))
        need_total = recount_total or self._total is None

        def query() -> _Result:  # runs on the pool thread: no Qt, no self
            started = time.perf_counter()
            total = service.count_all() if need_total else None
            matching = service.count(text, limit=COUNT_CAP + 1) if text else None
            rows = service.search(text, sort=sort, descending=descending, offset=0, limit=limit,
                                  matching=matching)
            return _Result(total, matching, rows, (time.perf_counter() - started) * 1000)

        if on_done is not None:
            self._callbacks.append(on_done)
        self._runner.submit(query)

    def _apply(self, generation: int, result: _Result) -> None:
        if result.total is not None:
            self._total = result.total
        self._matching = result.matching if result.matching is not None else self.total_count
        self._matching_exact = result.matching is None or result.matching <= COUNT_CAP
        self.beginResetModel()
        today = date.today()  # one clock read per query, not per painted cell
        if today != self._today:
            self._texts.clear()  # ages and "Overdue" change with the day
            self._today = today
        self._display.clear()
        self._rows = list(result.rows)
        self._applied = generation
        self.endResetModel()
        self.last_query_ms = result.elapsed_ms
        log.debug("registry query: %d rows in %.1f ms", len(result.rows), result.elapsed_ms)
        self.countsChanged.emit(self._matching, self.total_count)
        if not self._matching_exact:
            if self._counter.asynchronous:  # after the new rows are painted (posted events
                QTimer.singleShot(0, self, lambda: self._count_exactly(generation))  # first)
            else:
                self._count_exactly(generation)
        self.searchFinished.emit()
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def _count_exactly(self, generation: int) -> None:
        """Count every match of the rows shown (they were counted only up to COUNT_CAP + 1).
        Started once the rows are painted, so the count never competes with painting them."""
        if generation != self._applied or self._matching_exact:
            return  # a newer query's rows are shown (or coming)
        service, text = self._service, self._filter
        self._counter.submit(lambda: (generation, service.count(text)))

    def _apply_count(self, _count_generation: int, result: tuple[int, int]) -> None:
        generation, matching = result
        if generation != self._applied or self._matching_exact:
            return  # rows of a newer query are shown (or coming): its own count follows
        self._matching = max(matching, len(self._rows))
        self._matching_exact = True
        self.countsChanged.emit(self._matching, self.total_count)

    def _fail(self, generation: int, error: str) -> None:
        self._applied = generation  # not busy any more; the previous rows stay
        self._callbacks.clear()
        self.searchFailed.emit(error)

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
        if parent.isValid() or self.busy:
            return False  # never append a page of a newer query to an older one's rows
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
            matching=self._matching if self._filter else None,
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
        if (key, descending) == (self._sort, self._descending) and self._applied:
            return
        self._sort, self._descending = key, descending
        self._reload(recount_total=False, on_done=None)

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

    # flags(): QAbstractTableModel's own (enabled, selectable, never has children; nothing
    # for an invalid index) — not overridden, as the view asks twice per painted cell and a
    # call into Python costs more than the answer.

    def data(self, index: _Index, role: int = _DISPLAY):
        # Called for every role of every visible cell on each paint: keep the common path to a
        # couple of lookups (display strings are computed once per row and cached).
        if role not in _HANDLED_ROLES:
            return None
        r = index.row()  # -1 for an invalid index (one call fewer than isValid())
        if r < 0:
            return None
        if role == _DISPLAY:
            cells = self.paint_row(r)
            return cells[0][index.column()] if cells is not None else None
        row = self.row_at(r)
        if row is None:
            return None
        key = COLUMN_KEYS[index.column()]
        if role == _DECORATION:
            if key == "alerts" and row.alert_count:
                return _severity_icon(row.alert_top_severity)
            return None
        if role == _FOREGROUND:
            if key == "next_due" and _overdue(row, self._today):
                return _OVERDUE_BRUSH  # the text says "Overdue" too: not colour alone
            return None
        if role == PATIENT_ID_ROLE:
            return row.id
        return self.accessible_text(row, key)  # AccessibleTextRole, ToolTipRole

    def paint_row(self, r: int) -> tuple[tuple[str, ...], QIcon | None, bool] | None:
        """What a row's cells show: the display texts by column, the Alerts column's severity
        icon (None without alerts) and whether its next due item is overdue. Computed once per
        row and query (the view's row painter paints from it)."""
        cached = self._display.get(r)
        if cached is not None:
            return cached
        row = self.row_at(r)
        if row is None:
            return None
        cache, today = self._texts, self._today
        if len(cache) > _TEXT_CACHE_LIMIT:
            cache.clear()
        texts = []
        for key, inputs in _COLUMN_INPUTS:
            if inputs is None:  # the row's own string (MRN, name)
                texts.append(self.display_text(row, key, today))
                continue
            cache_key = (key, inputs(row))
            text = cache.get(cache_key)
            if text is None:
                text = cache[cache_key] = self.display_text(row, key, today)
            texts.append(text)
        icon = _severity_icon(row.alert_top_severity) if row.alert_count else None
        cached = self._display[r] = (tuple(texts), icon, _overdue(row, today))
        return cached

    def retranslate(self) -> None:
        """Drop cached display strings (language changed) and repaint headers and cells."""
        self._display.clear()
        self._texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    @staticmethod
    def display_text(row: PatientRow, key: str, today: date | None = None) -> str:
        none = labels.NONE_TEXT
        if key == "mrn":
            return row.mrn
        if key == "name":
            return row.name or none
        if key == "sex_age":
            return labels.sex_age_text(row.sex, row.birth_date, today)
        if key == "histology_stage":
            return labels.histology_stage_text(row.histology, row.stage)
        if key == "bm_status":
            return labels.bm_status_label(row.bm_status)
        if key == "current_bma":
            return labels.drug_label(row.current_bma)
        if key == "alerts":  # the rebound flag as text while the window is open (rules §5),
            # first, so that it shows however narrow the column (issue 20)
            flag = labels.rebound_flag_text() + " · " if row.rebound_open else ""
            return flag + alerts_text(row)
        if key == "next_due":
            return next_due_text(row, today)
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
                text = translate("RegistryTableModel", "denosumab rebound window open") + \
                    " · " + text
            return text
        header = COLUMNS[COLUMN_KEYS.index(key)].header()
        return f"{header}: {cls.display_text(row, key)}"
