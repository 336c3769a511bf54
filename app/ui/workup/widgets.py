"""Small building blocks of the work-up wizard pages: dates, the advice box (recommendation +
reason + evidence), and the choice of the domain text's language. Coded drop-downs are the
chart forms' :class:`~app.ui.forms.fields.ChoiceInput` / :class:`~app.ui.forms.fields.BoolInput`.

Domain texts (recommendations, findings) come in English and Chinese from
:mod:`app.domain.workup`; :func:`pick` shows the one matching the UI language. Labels of coded
values reuse the chart forms' translations (:func:`app.ui.forms.choices.label`).
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.names import evidence_name, source_text
from app.ui.labels import ui_is_chinese, ui_lang


def is_zh() -> bool:
    """The installed UI language (``--lang`` or the Language menu), not only the stored one."""
    return ui_is_chinese()


def evidence_text(evidence) -> str:
    """Evidence labels (LABEL, GL…) in the UI language."""
    lang = ui_lang()
    return ("、" if lang == "zh" else ", ").join(evidence_name(e, lang) for e in evidence)


def basis_text(evidence, source: str) -> str:
    """"GL, SEED — SEED R10; GL …" in the UI language (the citations stay as published)."""
    return f"{evidence_text(evidence)} — {source_text(source, ui_lang())}"


def pick(text: str, text_zh: str) -> str:
    """The domain text in the UI language."""
    return text_zh if is_zh() and text_zh else text


class DateField(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def value(self) -> date:
        d = self.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class AdviceBox(QFrame):
    """A framed, selectable rich-text box: a title, the advice, and its evidence / rules."""

    def __init__(self, parent: QWidget | None = None, *, urgent: bool = False) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("adviceBoxUrgent" if urgent else "adviceBox")
        colour = "#fdecea" if urgent else "#eef5fb"
        border = "#c0392b" if urgent else "#7a9cc6"
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ background: {colour}; "
                           f"border: 1px solid {border}; border-radius: 4px; }}")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(self.label.textFormat().RichText)
        self.label.setTextInteractionFlags(self.label.textInteractionFlags().TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.label)

    def show_advice(self, title: str, body: str, evidence: str = "") -> None:
        html = f"<b>{escape(title)}</b><br>" + escape(body).replace("\n", "<br>")
        if evidence:
            html += f"<br><span style='color:#555'>{escape(evidence)}</span>"
        self.label.setText(html)
        self.setAccessibleName(title)
        self.setAccessibleDescription(body)

    def text(self) -> str:
        return self.label.text()


def entry_table(parent: QWidget, columns: int, max_height: int
                ) -> tuple[QStandardItemModel, QTableView]:
    """The read-only, row-selecting list of what a page has entered (studies, lesions)."""
    model = QStandardItemModel(0, columns, parent)
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setMaximumHeight(max_height)
    return model, table
