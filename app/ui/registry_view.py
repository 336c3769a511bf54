"""The registry table view and the search box that drives it from the keyboard.

- :class:`RegistryView`: a read-only, row-selecting ``QTableView`` over
  :class:`~app.ui.registry_model.RegistryTableModel`; header clicks sort in SQL; Enter or a
  double click emits ``patientActivated(patient_id)``.
- :class:`SearchBox`: a ``QLineEdit`` that keeps the focus while Up/Down/PageUp/PageDown move
  the table's current row and Enter activates it, so finding a patient never needs the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QWidget,
)

from app.ui import labels
from app.ui.registry_model import COLUMN_KEYS, PATIENT_ID_ROLE, RegistryTableModel
from app.ui.registry_paint import RowPainter

# The last column (next due item) stretches: it is the one most worth reading in full.
_COLUMN_WIDTHS = {
    "mrn": 105, "name": 120, "sex_age": 70, "histology_stage": 185, "bm_status": 105,
    "current_bma": 120, "alerts": 110,
}
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: the cell's margins around icon and text, with room to spare
FLAG_PADDING = 28


class RegistryView(QTableView):
    """Read-only patient table; one row = one patient."""

    patientActivated = Signal(int)

    def __init__(self, model: RegistryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registryView")
        self.setModel(model)
        self._row_painter = RowPainter(self, model)  # fast painting of most rows (its doc)
        #: False: every row is painted by QTableView (tests compare the two)
        self.fast_paint = True
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        for col, key in enumerate(COLUMN_KEYS):
            if key in _COLUMN_WIDTHS:
                header.resizeSection(col, _COLUMN_WIDTHS[key])
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSortingEnabled(True)
        header.setSortIndicator(model.sort_column(), Qt.SortOrder.AscendingOrder)
        model.sortRejected.connect(self._restore_sort_indicator)
        model.modelReset.connect(self._select_first_if_none)
        self.doubleClicked.connect(lambda index: self._activate_row(index.row()))
        self.retranslate()

    def retranslate(self) -> None:
        self.fit_flag_column()
        self.setAccessibleName(self.tr("Patients"))
        self.setAccessibleDescription(
            self.tr("Patients matching the search. Enter opens the selected patient.")
        )

    def fit_flag_column(self) -> None:
        """Widen the Alerts column (never narrow it) to show the rebound flag with a critical
        count in full at the default width (issue 20: not only in a tooltip)."""
        col = COLUMN_KEYS.index("alerts")
        sample = f"{labels.rebound_flag_text()} · 99 · {labels.severity_label('critical')}"
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        need = self.fontMetrics().horizontalAdvance(sample) + icon + FLAG_PADDING
        header = self.horizontalHeader()
        if header.sectionSize(col) < need:
            header.resizeSection(col, need)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                              QEvent.Type.PaletteChange):
            self._row_painter.clear_cache()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.fast_paint:
            super().paintEvent(event)
            return
        rest = self._row_painter.paint(event.region())
        if not rest.isEmpty():  # the selected and current rows: as the style paints them
            super().paintEvent(QPaintEvent(rest))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        # the first page of a search fills the table with rows to spare for a page down
        rows = self.viewport().height() // max(1, self.verticalHeader().defaultSectionSize())
        self.registry_model().set_first_page_size(2 * rows + 10)

    def registry_model(self) -> RegistryTableModel:
        return self.model()  # type: ignore[return-value]

    def current_patient_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(PATIENT_ID_ROLE)
        return int(value) if value is not None else None

    def move_current(self, delta: int) -> None:
        """Move the current row by delta (clamped; fetches more pages when moving past the end)."""
        model = self.registry_model()
        rows = model.rowCount()
        if rows == 0:
            return
        current = self.currentIndex().row() if self.currentIndex().isValid() else -1
        target = current + delta
        while target >= model.rowCount() and model.canFetchMore():
            model.fetchMore()
        target = max(0, min(target, model.rowCount() - 1))
        self.select_row(target)

    def select_row(self, row: int) -> None:
        index = self.registry_model().index(row, 0)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def activate_current(self) -> None:
        if self.currentIndex().isValid():
            self._activate_row(self.currentIndex().row())

    def _activate_row(self, row: int) -> None:
        patient = self.registry_model().row_at(row)
        if patient is not None:
            self.patientActivated.emit(patient.id)

    def _select_first_if_none(self) -> None:
        if self.registry_model().rowCount() > 0:
            self.select_row(0)

    def _restore_sort_indicator(self) -> None:
        model = self.registry_model()
        order = Qt.SortOrder.DescendingOrder if model.sort_key[1] else Qt.SortOrder.AscendingOrder
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(model.sort_column(), order)
        header.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier
        ):
            self.activate_current()
            return
        super().keyPressEvent(event)


class SearchBox(QLineEdit):
    """The registry search field; navigation keys drive the table while typing continues."""

    def __init__(self, view: RegistryView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBox")
        self._view = view
        self.setClearButtonEnabled(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setPlaceholderText(
            self.tr("Search: MRN, name, pinyin or initials (e.g. zxy)  [Ctrl+F]")
        )
        self.setAccessibleName(self.tr("Search patients"))
        self.setAccessibleDescription(
            self.tr("Type an MRN, a name, its pinyin or pinyin initials; "
                    "Up and Down choose a patient, Enter opens it.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        page = max(1, self._view.viewport().height() // max(1, self._view.rowHeight(0) or 20))
        moves = {
            Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: page, Qt.Key.Key_PageUp: -page,
        }
        if key in moves:
            self._view.move_current(moves[key])
            return
        if key in _ENTER_KEYS:
            self._view.activate_current()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)
