"""Small building blocks of the work-up wizard pages: coded drop-downs, dates, the advice box
(recommendation + reason + evidence), and the choice of the domain text's language.

Domain texts (recommendations, findings) come in English and Chinese from
:mod:`app.domain.workup`; :func:`pick` shows the one matching the UI language. Labels of coded
values reuse the chart forms' translations (:func:`app.ui.forms.choices.label`).
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QFrame, QLabel, QVBoxLayout, QWidget

from app.ui.app import resolve_language
from app.ui.forms.choices import label

NONE = "\x00none"


def is_zh() -> bool:
    return resolve_language(None) == "zh_CN"


def pick(text: str, text_zh: str) -> str:
    """The domain text in the UI language."""
    return text_zh if is_zh() and text_zh else text


class CodeCombo(QComboBox):
    """Allowed codes with their labels; an optional first entry "—" means not recorded."""

    changed = Signal()

    def __init__(self, codes: tuple[str, ...], *, optional: bool = True,
                 labeller=label, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if optional:
            self.addItem("—", NONE)
        for code in codes:
            self.addItem(labeller(code), code)
        self.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def value(self) -> str | None:
        data = self.currentData()
        return None if data in (None, NONE) else str(data)

    def set_value(self, code: str | None) -> None:
        self.setCurrentIndex(max(self.findData(NONE if code is None else code), 0))


class YesNoCombo(CodeCombo):
    """— / Yes / No."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("yes", "no"), labeller=self._label, parent=parent)

    def _label(self, code: str) -> str:
        return self.tr("Yes") if code == "yes" else self.tr("No")

    def value(self) -> bool | None:  # type: ignore[override]
        code = super().value()
        return None if code is None else code == "yes"

    def set_value(self, value: bool | None) -> None:  # type: ignore[override]
        super().set_value(None if value is None else ("yes" if value else "no"))


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
