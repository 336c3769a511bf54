"""The findings list: every finding with its severity, rule ID, message, evidence, source and
the data that triggered it — in the chart and in the forms' live safety panel.

A table model over a list of :class:`~app.domain.findings.Finding` (already sorted by severity
and rule-book order by the rule engine). Severity is an icon *and* a word. Enter or a double
click on a row emits ``findingActivated(row)``; the chart uses it to jump to the record behind
the finding. Rows can be marked (e.g. "blocks saving", "new") by the owner.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.domain.findings import Finding
from app.domain.names import evidence_name, source_text
from app.domain.why import why_text
from app.ui.icons import severity_icon
from app.ui.labels import severity_label, ui_is_chinese, ui_lang
from app.ui.table_base import Index as _Index
from app.ui.table_base import RowsTableModel

COLUMNS = ("severity", "rule", "message", "why", "basis")


def finding_why(f: Finding) -> str:
    """The finding's triggering data as words, in the UI language."""
    return why_text(f.rule, f.data, ui_lang()) or "—"


def finding_basis(f: Finding) -> str:
    """Evidence labels in the UI language; the citations stay as published."""
    sep = "、" if ui_is_chinese() else ", "
    labels = sep.join(evidence_name(e, ui_lang()) for e in f.evidence)
    return f"{labels} · {source_text(f.source, ui_lang())}"


def finding_message(f: Finding) -> str:
    """The rule engine's message in the UI language (its Chinese text when the UI is
    Chinese)."""
    return f.message_zh if f.message_zh and ui_is_chinese() else f.message


class FindingsModel(RowsTableModel[Finding]):
    COLUMNS = COLUMNS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks: dict[int, str] = {}

    def set_findings(self, findings: list[Finding], marks: dict[int, str] | None = None) -> None:
        self._marks = dict(marks or {})
        self.reset_rows(findings)

    def findings(self) -> list[Finding]:
        return list(self._rows)

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def column_titles(self) -> dict[str, str]:
        return {
            "severity": self.tr("Severity"), "rule": self.tr("Rule"),
            "message": self.tr("Finding"), "why": self.tr("Why (triggering data)"),
            "basis": self.tr("Evidence · source"),
        }

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self._rows[index.row()]
        col = COLUMNS[index.column()]
        mark = self._marks.get(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "severity":
                text = severity_label(f.severity)
                return f"{text} · {mark}" if mark else text
            if col == "rule":
                return f.rule
            if col == "message":
                return finding_message(f)
            if col == "why":
                return finding_why(f)
            return finding_basis(f)
        if role == Qt.ItemDataRole.DecorationRole and col == "severity":
            return severity_icon(f.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join([
                f"{f.rule} ({severity_label(f.severity)})", finding_message(f), "",
                self.tr("Why: %1").replace("%1", finding_why(f)),
                self.tr("Evidence: %1").replace("%1", finding_basis(f).split(" · ")[0]),
                self.tr("Source: %1").replace("%1", source_text(f.source, ui_lang())),
            ])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{severity_label(f.severity)} {f.rule}: {finding_message(f)}"
        return None


class FindingsView(QTableView):
    """Read-only findings table; Enter / double click activates the current finding."""

    findingActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        self.findings_model = FindingsModel(self)
        self.setModel(self.findings_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        # long triggering data stays readable: at most ~7 lines a row, all of it in the tooltip
        self.verticalHeader().setMaximumSectionSize(self.fontMetrics().lineSpacing() * 7 + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = (130, 150, 330, 260) if compact else (120, 150, 420, 260)
        for col, width in enumerate(widths):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        if compact:  # evidence and source stay in the tooltip
            self.setColumnHidden(COLUMNS.index("basis"), True)
        self.doubleClicked.connect(lambda idx: self.findingActivated.emit(idx.row()))
        self.setAccessibleName(self.tr("Findings"))

    def set_findings(self, findings: list[Finding], marks: dict[int, str] | None = None) -> None:
        self.findings_model.set_findings(findings, marks)
        self.resizeRowsToContents()
        if findings and not self.currentIndex().isValid():
            self.setCurrentIndex(self.findings_model.index(0, 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.findingActivated.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)
