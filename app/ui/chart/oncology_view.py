"""The chart's oncology-history tab (issue 20 item 8): an overview (diagnosis, recurrences,
stage history, smoking, latest pain score, latest PD-L1) above the history records — therapy
lines, PD-L1 results, smoking entries, disease-course milestones — newest first.

The words come from :mod:`app.domain.oncology_text`; this module only lays them out. The
record list is a :class:`~app.ui.chart.timeline.TimelineView` of the history kinds, so Enter /
F2 corrects the current record and Delete marks it entered in error, as on the timeline.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.case import Case
from app.domain.oncology_text import history_rows, latest_pdl1
from app.services.records_map import HISTORY_KINDS, StoredRecord
from app.ui.chart.timeline import TimelineView
from app.ui.labels import ui_lang


class OncologyView(QWidget):
    """Overview text and the list of history records."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview = QLabel(self)
        self.overview.setWordWrap(True)
        self.overview.setTextFormat(Qt.TextFormat.PlainText)
        self.overview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.records = TimelineView(self)
        self.records.setAccessibleName(self.tr("Oncology history records"))
        self.records.horizontalHeader().resizeSection(2, 760)  # the details are long
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.overview)
        layout.addWidget(self.records, 1)
        self.setFocusProxy(self.records)

    def set_chart(self, case: Case, records: list[StoredRecord], as_of: date) -> None:
        lang = ui_lang()
        colon = "：" if lang == "zh" else ": "
        lines = [f"{name}{colon}{text}" for name, text in history_rows(case, as_of, lang)]
        pdl1 = latest_pdl1(case, as_of, lang)
        if pdl1:
            lines.insert(min(1, len(lines)), pdl1)  # "PD-L1 TPS 5%; … (date)"
        self.overview.setText("\n".join(lines) if lines else self.tr(
            "No oncology history recorded yet: add therapy lines, PD-L1, smoking and the "
            "diagnosis from the Record menu."))
        self.records.set_records([r for r in records if r.kind in HISTORY_KINDS], as_of)
