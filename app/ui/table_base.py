"""A read-only table model over a list of rows with named columns.

:class:`RowsTableModel` holds the rows (``self._rows``) and answers ``rowCount``,
``columnCount`` and the horizontal ``headerData`` from the class's ``COLUMNS`` (column keys) and
:meth:`~RowsTableModel.column_titles` (key -> translated title; a subclass returns its own
``self.tr(...)`` texts, so they stay in the subclass's translation context). A subclass keeps
its own ``data()`` and calls :meth:`~RowsTableModel.reset_rows` to show a new list.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """A flat, read-only table: one row per item of ``self._rows``, one column per key of
    ``COLUMNS``."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def reset_rows(self, rows: Iterable[Row]) -> None:
        """Show ``rows`` instead of the current ones (a model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def column_titles(self) -> dict[str, str]:
        """The header title of each column key (by default the key itself)."""
        return {c: c for c in self.COLUMNS}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.column_titles()[self.COLUMNS[section]]
