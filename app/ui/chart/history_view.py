"""The chart's change history: who did what to which record, and when (newest first), with
the reason for an entered-in-error mark or a critical-finding override."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.services.records_history import HistoryEntry
from app.ui.chart.record_text import record_text, record_when
from app.ui.forms.choices import kind_label
from app.ui.table_base import Index as _Index
from app.ui.table_base import RowsTableModel

COLUMNS = ("at", "actor", "action", "record", "reason")
# the audit trail's composed summary (app.services.audit.compose_summary)
_SUMMARY = re.compile(r"^(?P<action>\w+) (?P<entity>\w+)(?:: (?P<parts>.*))?$")


class HistoryModel(RowsTableModel[HistoryEntry]):
    COLUMNS = COLUMNS

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.reset_rows(entries)

    def entry(self, row: int) -> HistoryEntry:
        return self._rows[row]

    def column_titles(self) -> dict[str, str]:
        return {
            "at": self.tr("When"), "actor": self.tr("Who"), "action": self.tr("What"),
            "record": self.tr("Record"), "reason": self.tr("Reason"),
        }

    def _action(self, action: str) -> str:
        return {
            "create": self.tr("added"), "correct": self.tr("corrected"),
            "entered_in_error": self.tr("marked entered in error"),
            "override": self.tr("overrode a critical finding"),
            "update": self.tr("updated"), "import": self.tr("imported"),
            "decide": self.tr("recorded the MDT decision"), "export": self.tr("exported"),
        }.get(action, action)

    def _entity(self, entity: str) -> str:
        return {
            "patient": self.tr("Patient details"), "mdt_case": self.tr("MDT case"),
            "mdt_meeting": self.tr("MDT meeting"), "workup": self.tr("Work-up"),
            "case": self.tr("Case file"),
        }.get(entity, entity.replace("_", " "))

    def _field(self, name: str) -> str:
        return {
            "name": self.tr("name"), "sex": self.tr("sex"), "birth_date": self.tr("birth date"),
            "weight_kg": self.tr("weight"), "osteoporosis": self.tr("osteoporosis"),
            "language": self.tr("language"), "phone": self.tr("phone"),
            "histology": self.tr("histology"), "stage": self.tr("stage"),
            "drivers": self.tr("driver genes"),
            "visceral_metastases": self.tr("visceral metastases"),
            "visceral_lesion_count": self.tr("number of visceral lesions"),
            "ecog": self.tr("ECOG"), "kps": self.tr("KPS"), "frankel": self.tr("Frankel grade"),
            "calcium": self.tr("calcium supplement"), "vitamin_d": self.tr("vitamin D supplement"),
            "override_status": self.tr("status override"),
            "override_date": self.tr("override date"), "override_by": self.tr("override by"),
            "override_reason": self.tr("override reason"), "question": self.tr("question"),
            "decision": self.tr("decision"), "draft": self.tr("draft"),
            "status": self.tr("status"),
        }.get(name, name.replace("_", " "))

    def audit_text(self, e: HistoryEntry) -> str:
        """An audit row about no chart record, for a clinician: "Patient details: histology,
        stage changed" (the audit keeps field names, never values)."""
        m = _SUMMARY.match(e.summary)
        if e.action == "override" or m is None:
            return e.summary
        text = self._entity(m.group("entity"))
        details = []
        for part in (m.group("parts") or "").split("; "):
            if part.startswith("fields "):
                sep = self.tr(", ")
                names = sep.join(self._field(f) for f in part[7:].split(", "))
                details.append(self.tr("%1 changed").replace("%1", names))
            elif part.endswith(" records") and part.split()[0].isdigit():
                details.append(self.tr("%1 records").replace("%1", part.split()[0]))
        return text + (self.tr(": ") + self.tr("; ").join(details) if details else "")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                                Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._rows[index.row()]
        col = COLUMNS[index.column()]
        if col == "at":
            return e.at.astimezone().strftime("%Y-%m-%d %H:%M")
        if col == "actor":
            return e.actor
        if col == "action":
            return self._action(e.action)
        if col == "record":
            if e.record is not None and e.kind is not None:
                return (f"{kind_label(e.kind)} {record_when(e.record)}: "
                        f"{record_text(e.kind, e.record)}")
            return self.audit_text(e)
        return e.reason or ""


class HistoryView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history_model = HistoryModel(self)
        self.setModel(self.history_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((130, 100, 170, 420)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.setAccessibleName(self.tr("Change history"))
