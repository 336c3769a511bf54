"""Work-up page 6: the conclusion — bone-metastasis status with its basis, the next steps drawn
from the rules (grouped: urgent, imaging, biopsy, bone drug, local therapy, MDT), the MDT
question, and what completing the work-up will write to the chart."""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.workup import WorkupAnalysis
from app.domain.workup_entries import WorkupEntries, chart_fragments
from app.ui.forms.choices import kind_label
from app.ui.labels import bm_status_label, severity_label
from app.ui.workup.page_base import WorkupPage
from app.ui.workup.widgets import AdviceBox, basis_text, pick

GROUP_ORDER = ("urgent", "imaging", "biopsy", "bone_drug", "local_therapy", "mdt", "info")


class ConclusionPage(WorkupPage):
    key = "conclusion"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = AdviceBox(self)
        self.steps = QLabel(self)
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(self.steps.textFormat().RichText)
        self.steps.setObjectName("steps")
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.steps.setContentsMargins(8, 4, 8, 4)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.steps)
        self.question_label = QLabel(self)
        self.question = QPlainTextEdit(self)
        self.question.setTabChangesFocus(True)
        self.question.setMaximumHeight(70)
        self.question_label.setBuddy(self.question)
        self.meeting_label = QLabel(self)
        self.meeting = QComboBox(self)
        self.meeting_label.setBuddy(self.meeting)
        self._meetings_loaded = False
        self._meeting_wanted: int | None = None
        self.meeting.currentIndexChanged.connect(lambda _i: self._show_writes())
        self.writes = QLabel(self)
        self.writes.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.question_label)
        layout.addWidget(self.question)
        row = QHBoxLayout()
        row.addWidget(self.meeting_label)
        row.addWidget(self.meeting, 1)
        layout.addLayout(row)
        layout.addWidget(self.writes)
        layout.addWidget(self.error)
        self._suggested = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Conclusion and next steps"))
        self.setSubTitle(self.tr("Drawn from the rules on the chart plus this work-up. Finish "
                                 "writes everything to the chart."))
        self.question_label.setText(self.tr("&Question for the MDT (empty: no referral)"))
        self.meeting_label.setText(self.tr("List for MDT &meeting"))
        if self.meeting.count():
            self.meeting.setItemText(0, self.tr("— not now —"))

    def _group_title(self, group: str) -> str:
        return {
            "urgent": self.tr("Urgent"), "imaging": self.tr("Imaging"),
            "biopsy": self.tr("Biopsy"), "bone_drug": self.tr("Bone-modifying drug"),
            "local_therapy": self.tr("Local therapy (from lesion scores)"),
            "mdt": self.tr("MDT referral"), "info": self.tr("For information"),
        }.get(group, group)

    def refresh(self, analysis: WorkupAnalysis) -> None:
        c = analysis.conclusion
        if c is None:
            return
        self.status.show_advice(
            self.tr("Bone metastasis: %1").replace("%1", bm_status_label(c.status)),
            self.tr("Basis: %1").replace("%1", pick(c.basis, c.basis_zh)))
        html = []
        for group in GROUP_ORDER:
            steps = [s for s in c.steps if s.group == group]
            if not steps:
                continue
            html.append(f"<h4>{escape(self._group_title(group))}</h4><ul>")
            for s in steps:
                if group == "mdt":  # the question itself is edited below
                    html.append("<li>" + escape(self.tr(
                        "Refer to the MDT with the question below.")) + "</li>")
                    continue
                rules = ", ".join(s.rules)
                tag = f"[{escape(severity_label(s.severity))}{' · ' + rules if rules else ''}]"
                html.append(f"<li><b>{tag}</b> {escape(pick(s.text, s.text_zh))}"
                            f"<br><span style='color:#555'>"
                            f"{escape(basis_text(s.evidence, s.source))}</span></li>")
            html.append("</ul>")
        if not html:
            html.append(escape(self.tr("No further steps are called for by the rules.")))
        self.steps.setText("".join(html))
        self._load_meetings()
        suggested = pick(c.mdt_question, c.mdt_question_zh)
        current = self.question.toPlainText().strip()
        if not current or current == self._suggested:
            self.question.setPlainText(suggested)
        self._suggested = suggested
        self._show_writes()

    def _load_meetings(self) -> None:
        """Upcoming MDT meetings (once per wizard), keeping the draft's choice."""
        w = self.wizard_()
        if self._meetings_loaded or w is None:
            return
        self._meetings_loaded = True
        self.meeting.clear()
        self.meeting.addItem(self.tr("— not now —"), None)
        for m in w.service.meetings():
            text = m.meeting_date.isoformat() + (f" — {m.title}" if m.title else "")
            self.meeting.addItem(text, m.id)
        self.meeting.setCurrentIndex(max(self.meeting.findData(self._meeting_wanted), 0))

    def _show_writes(self) -> None:
        w = self.wizard_()
        if w is None or not self._meetings_loaded:
            return
        w.collect()
        e: WorkupEntries = w.entries
        counts = Counter(kind for kind, _ in chart_fragments(e))
        parts = [f"{n} × {kind_label(k)}" for k, n in counts.items()]
        changed = e.risk.differs_from(w.start_data.case.cancer)
        if changed:
            parts.append(self.tr("risk profile (%1)").replace("%1", ", ".join(changed)))
        if e.mdt_meeting_id is not None:
            parts.append(self.tr("MDT listing (%1)").replace("%1", self.meeting.currentText()))
        self.writes.setText(self.tr("Finish will add to the chart: %1").replace(
            "%1", "; ".join(parts) if parts else self.tr("nothing (only the work-up record)")))

    def load(self, e: WorkupEntries) -> None:
        self.question.setPlainText(e.mdt_question)
        self._meeting_wanted = e.mdt_meeting_id

    def store(self, e: WorkupEntries) -> None:
        e.mdt_question = self.question.toPlainText().strip()
        if self._meetings_loaded:
            e.mdt_meeting_id = self.meeting.currentData()
        else:
            e.mdt_meeting_id = self._meeting_wanted

    def show_errors(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))

    def nextId(self) -> int:
        return -1  # the final page (Finish)

    def validatePage(self) -> bool:
        w = self.wizard_()
        return True if w is None else w.complete_workup()
