"""The accessible table beside the trend plot: the same series, one result a row.

Rows come from the same :class:`~app.domain.trends.TrendData` the plot draws (the shown
series, in date order); each row keeps its series key and point index so tests and the view
can tie a row to its marker. H/L is text (never colour alone); the value is shown as
reported with its unit, and, when the unit was converted for the plot, the plotted value in
the canonical unit beside it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from app.domain.trends import TrendData, TrendPoint
from app.ui.trends import text as tx

COLUMNS = ("date", "test", "reported", "unit", "plotted", "flag", "fasting", "method")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_Index = QModelIndex | QPersistentModelIndex

translate = QCoreApplication.translate


class TrendTableModel(QAbstractTableModel):
    """Rows: ``(series key, point index, TrendPoint)`` sorted by date, then series order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._data: TrendData | None = None
        self._keys: tuple[str, ...] = ()
        self._rows: list[tuple[str, int, TrendPoint]] = []
        self._texts: dict[int, list[str]] = {}
        self._bold_font: QFont | None = None

    def set_data(self, data: TrendData | None, keys: tuple[str, ...] | None = None) -> None:
        """Show ``keys`` of ``data`` (default: every series of the data)."""
        self.beginResetModel()
        self._data = data
        self._keys = tuple(data.series) if data is not None and keys is None else (keys or ())
        order = {k: i for i, k in enumerate(self._keys)}
        rows: list[tuple[str, int, TrendPoint]] = []
        if data is not None:
            for key in self._keys:
                s = data.series.get(key)
                if s is not None:
                    rows += [(key, i, p) for i, p in enumerate(s.points)]
        rows.sort(key=lambda r: (r[2].date, order[r[0]], r[1]))
        self._rows = rows
        self._texts = {}
        self.endResetModel()

    def row_point(self, row: int) -> tuple[str, int, TrendPoint]:
        return self._rows[row]

    def keys(self) -> tuple[str, ...]:
        return self._keys

    # ---- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        headers = {
            "date": translate("Trends", "Date"),
            "test": translate("Trends", "Test"),
            "reported": translate("Trends", "Result"),
            "unit": translate("Trends", "Unit"),
            "plotted": translate("Trends", "Plotted as"),
            "flag": translate("Trends", "H/L"),
            "fasting": translate("Trends", "Fasting"),
            "method": translate("Trends", "Method"),
        }
        return headers[COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # hot path (the view asks for ~10 roles per visible cell on every paint): display
        # texts are computed once per row and cached
        if not index.isValid() or self._data is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row_texts(index.row())[index.column()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in ("reported", "plotted") else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold() if column == "flag" and self._rows[index.row()][2].flag else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            key, _i, p = self._rows[index.row()]
            return self._text(key, p, column, True)
        if role == Qt.ItemDataRole.ToolTipRole:
            key, _i, p = self._rows[index.row()]
            return tx.point_tooltip(key, self._data.series[key].unit, p)
        return None

    def _bold(self) -> QFont:
        if self._bold_font is None:
            self._bold_font = QFont()
            self._bold_font.setBold(True)
        return self._bold_font

    def retranslate(self) -> None:
        """Drop the cached texts (the UI language changed) and tell the views."""
        self._texts = {}
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _row_texts(self, row: int) -> list[str]:
        texts = self._texts.get(row)
        if texts is None:
            key, _i, p = self._rows[row]
            texts = [self._text(key, p, column, False) for column in COLUMNS]
            self._texts[row] = texts
        return texts

    def _text(self, key: str, p: TrendPoint, column: str, accessible: bool) -> str:
        unit = self._data.series[key].unit
        if column == "date":
            return p.date.isoformat()
        if column == "test":
            return tx.series_name(key)
        if column == "reported":
            return tx.number(p.reported_value)
        if column == "unit":
            return tx.unit_text(p.reported_unit)
        if column == "plotted":
            if key == "CA" or p.converted:
                return f"{tx.canonical_value(key, p.value)} {tx.unit_text(unit)}"
            return ""
        if column == "flag":
            return tx.flag_long(p.flag) if accessible else tx.flag_text(p.flag)
        if column == "fasting":
            return tx.yes_no(p.fasting)
        return p.method or ""
