"""The chart's lesion table: each bone lesion with its SINS, Mirels and ESCC and their bands
(from the assessment's scores), plus the patient-level scores (Tokuhashi, Tomita, Katagiri)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.domain.names import band_name
from app.domain.scores import mirels, sins
from app.domain.why import field_name
from app.services.records_map import StoredRecord
from app.ui.chart.record_text import record_text
from app.ui.labels import ui_lang
from app.ui.table_base import Index as _Index
from app.ui.table_base import RowsTableModel

COLUMNS = ("lesion", "sins", "mirels", "escc", "missing")


def _score(r) -> str:
    if r is None:
        return ""
    return "?" if r.value is None else f"{r.value} ({band_name(r.band, ui_lang())})"



class LesionsModel(RowsTableModel[StoredRecord]):
    COLUMNS = COLUMNS

    def set_records(self, records: list[StoredRecord]) -> None:
        self.reset_rows(r for r in records if r.kind == "lesion")

    def stored(self, row: int) -> StoredRecord:
        return self._rows[row]

    def column_titles(self) -> dict[str, str]:
        return {"lesion": self.tr("Lesion"), "sins": self.tr("SINS"), "mirels": self.tr("Mirels"),
                "escc": self.tr("ESCC"), "missing": self.tr("Not recorded")}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        lesion = self._rows[index.row()].record
        col = COLUMNS[index.column()]
        s, m = sins(lesion), mirels(lesion)
        if col == "lesion":
            return record_text("lesion", lesion)
        if col == "sins":
            return _score(s)
        if col == "mirels":
            return _score(m)
        if col == "escc":
            return lesion.escc or ""
        missing = [x for r in (s, m) if r is not None for x in r.missing]
        names = dict.fromkeys(field_name(x, ui_lang()) for x in missing)
        return ("、" if ui_lang() == "zh" else ", ").join(names)


class LesionsView(QTableView):
    recordActivated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lesions_model = LesionsModel(self)
        self.setModel(self.lesions_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((260, 150, 150, 60)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(lambda i: self._activate(i.row()))
        self.setAccessibleName(self.tr("Bone lesions and scores"))

    def _activate(self, row: int) -> None:
        if 0 <= row < self.lesions_model.rowCount():
            self.recordActivated.emit("lesion", self.lesions_model.stored(row).rid)

    def current_record(self) -> tuple[str, int] | None:
        row = self.currentIndex().row()
        if row < 0:
            return None
        return ("lesion", self.lesions_model.stored(row).rid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(self.currentIndex().row())
            return
        super().keyPressEvent(event)
