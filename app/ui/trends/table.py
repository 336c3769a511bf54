"""The accessible table beside the trend plot: the same series, one result a row.

Rows come from the same :class:`~app.domain.trends.TrendData` the plot draws (the shown
series, in date order); each row keeps its series key and point index so tests and the view
can tie a row to its marker. H/L is text (never colour alone); the value is shown as
reported with its unit, and, when the unit was converted for the plot, the plotted value in
the canonical unit beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.domain.trends import TrendData, TrendPoint
from app.ui.trends import text as tx

COLUMNS = ("date", "test", "reported", "unit", "plotted", "flag", "fasting", "method")
_Index = QModelIndex | QPersistentModelIndex


class TrendTableModel(QAbstractTableModel):
    """Rows: ``(series key, point index, TrendPoint)`` sorted by date, then series order."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._data: TrendData | None = None
        self._keys: tuple[str, ...] = ()
        self._rows: list[tuple[str, int, TrendPoint]] = []

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
            "date": tx.tr("Date"), "test": tx.tr("Test"), "reported": tx.tr("Result"),
            "unit": tx.tr("Unit"), "plotted": tx.tr("Plotted as"), "flag": tx.tr("H/L"),
            "fasting": tx.tr("Fasting"), "method": tx.tr("Method"),
        }
        return headers[COLUMNS[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._data is None:
            return None
        key, _i, p = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(key, p, column, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tx.point_tooltip(key, self._data.series[key].unit, p)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("reported", "plotted"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == "flag" and p.flag:
            font = QFont()
            font.setBold(True)
            return font
        return None

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
