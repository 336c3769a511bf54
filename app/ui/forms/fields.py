"""Input widgets of the chart forms (the work-up wizard uses the coded drop-downs too), each
giving its value in case-file form.

Every input has ``value()`` (the JSON-style value the case file takes: ISO date text, a code,
a number, a bool, a list, or ``None`` for "not recorded") and ``set_value()``, and emits
``changed`` on any edit. A number field hands on the text it cannot read, so that the
validation names the problem ("expected a number") instead of silently dropping it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.ui.forms.choices import label

NONE_DATA = "\x00none"


class ChoiceInput(QComboBox):
    """A drop-down of allowed codes; the first entry "—" means not recorded (if optional)."""

    changed = Signal()

    def __init__(self, codes: tuple[str, ...], *, optional: bool = True,
                 labeller=label, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self._labeller = labeller
        self.set_codes(codes)
        self.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_codes(self, codes: tuple[str, ...]) -> None:
        keep = self.value() if self.count() else None
        self.blockSignals(True)
        self.clear()
        if self._optional:
            self.addItem("—", NONE_DATA)
        for code in codes:
            self.addItem(self._labeller(code), code)
        self.blockSignals(False)
        self.set_value(keep if keep in codes else None)

    def value(self) -> str | None:
        data = self.currentData()
        return None if data in (None, NONE_DATA) else str(data)

    def set_value(self, code: str | None) -> None:
        index = self.findData(NONE_DATA if code is None else code)
        self.setCurrentIndex(max(index, 0))


class BoolInput(ChoiceInput):
    """Yes / No / — (unknown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("yes", "no"), optional=True, labeller=self._yes_no, parent=parent)

    def _yes_no(self, code: str) -> str:
        return self.tr("Yes") if code == "yes" else self.tr("No")

    def value(self) -> bool | None:  # type: ignore[override]
        code = super().value()
        return None if code is None else code == "yes"

    def set_value(self, value: bool | None) -> None:  # type: ignore[override]
        super().set_value(None if value is None else ("yes" if value else "no"))


class NumberInput(QLineEdit):
    """A number typed as text (a decimal comma is accepted); unreadable text is passed on."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, integer: bool = False) -> None:
        super().__init__(parent)
        self._integer = integer
        self.textChanged.connect(lambda _t: self.changed.emit())

    def value(self) -> Any:
        text = self.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return text
        if self._integer and number.is_integer():
            return int(number)
        return number

    def set_value(self, value: float | int | None) -> None:
        self.setText("" if value is None else f"{value:g}")


class TextInput(QLineEdit):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textChanged.connect(lambda _t: self.changed.emit())

    def value(self) -> str | None:
        text = self.text().strip()
        return text or None

    def set_value(self, value: str | None) -> None:
        self.setText(value or "")


class ListInput(TextInput):
    """Comma-separated names; ``-`` means "recorded, none"; empty means not recorded."""

    def value(self) -> list[str] | None:  # type: ignore[override]
        text = self.text().strip()
        if not text:
            return None
        if text in ("-", "—"):
            return []
        return [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]

    def set_value(self, value: list[str] | None) -> None:  # type: ignore[override]
        self.setText("" if value is None else (", ".join(value) if value else "-"))


class OptionalDateInput(TextInput):
    """A date that may be left empty (``YYYY-MM-DD`` typed; empty = not recorded): a line's
    stop, a lesion's first-seen date. Text that is not a date is passed on to be named."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("OncologyHistory", "YYYY-MM-DD"))
        self.setMaxLength(10)

    def set_value(self, value: date | str | None) -> None:  # type: ignore[override]
        self.setText("" if value is None else str(value))


class StepInput(ChoiceInput):
    """A small whole number offered as a drop-down (the WHO analgesic step 1–3)."""

    def __init__(self, steps: tuple[int, ...], *, labeller, parent: QWidget | None = None
                 ) -> None:
        super().__init__(tuple(str(n) for n in steps), labeller=labeller, parent=parent)

    def value(self) -> int | None:  # type: ignore[override]
        code = super().value()
        return None if code is None else int(code)

    def set_value(self, value: int | str | None) -> None:  # type: ignore[override]
        super().set_value(None if value is None else str(value))


class NoteInput(QPlainTextEdit):
    """Free text over several lines (an imaging report); Tab leaves the field, Ctrl+S or
    Ctrl+Enter saves the form."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(80)
        self.textChanged.connect(self.changed.emit)

    def value(self) -> str | None:
        return self.toPlainText().strip() or None

    def set_value(self, value: str | None) -> None:
        self.setPlainText(value or "")


_SEPARATORS = frozenset("-/.: ")


def _swallow_separator(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """True when a typed separator would skip a section the user has not filled.

    Qt moves on to the next section by itself once a section is full ("2020" -> month); a
    separator typed after that would skip the month too, so "2020-05-01" became 2020-11-05.
    A separator typed at the very start of a section is therefore ignored."""
    if event.text() == "" or event.text() not in _SEPARATORS:
        return False
    index = edit.currentSectionIndex()
    if index <= 0:
        return False
    pos = edit.lineEdit().cursorPosition()
    text = edit.lineEdit().text()
    return pos > 0 and text[pos - 1] in _SEPARATORS


class _KeepSections:
    """Mixed into a QDateTimeEdit: ignores the separator that would skip a section."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if _swallow_separator(self, event):  # type: ignore[arg-type]
            event.accept()
            return
        super().keyPressEvent(event)  # type: ignore[misc]


class _SafeDateTimeEdit(_KeepSections, QDateTimeEdit):
    pass


class DateInput(_KeepSections, QDateEdit):
    """A calendar date (``YYYY-MM-DD``), today by default."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDate(_qdate(today or date.today()))
        self.dateChanged.connect(lambda _d: self.changed.emit())

    def value(self) -> str:
        self.interpretText()  # a day still being typed ("…-1") counts, as on leaving the field
        return self.date().toString("yyyy-MM-dd")

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.setDate(_qdate(value))


class DateTimeInput(QWidget):
    """A date with an optional time of day (a lab's collection date-time)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, now: datetime | None = None) -> None:
        super().__init__(parent)
        now = now or datetime.now().replace(second=0, microsecond=0)
        self.edit = _SafeDateTimeEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setDateTime(QDateTime(_qdate(now.date()), QTime(now.hour, now.minute)))
        self.has_time = QCheckBox(self.tr("time known"), self)
        self.has_time.setChecked(True)
        self.has_time.toggled.connect(self._time_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.has_time)
        self.setFocusProxy(self.edit)
        self.edit.dateTimeChanged.connect(lambda _d: self.changed.emit())

    def _time_toggled(self, on: bool) -> None:
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm" if on else "yyyy-MM-dd")
        self.changed.emit()

    def value(self) -> str:
        self.edit.interpretText()  # a section still being typed counts, as on leaving the field
        if self.has_time.isChecked():
            return self.edit.dateTime().toString("yyyy-MM-ddTHH:mm")
        return self.edit.date().toString("yyyy-MM-dd")

    def set_value(self, day: date | None, at: datetime | None = None) -> None:
        if at is not None:
            self.edit.setDateTime(QDateTime(_qdate(at.date()), QTime(at.hour, at.minute)))
            self.has_time.setChecked(True)
        elif day is not None:
            self.edit.setDate(_qdate(day))
            self.has_time.setChecked(False)


class CheckInput(QCheckBox):
    """A plain on/off flag (``planned``, ``peritrochanteric``)."""

    changed = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.toggled.connect(lambda _b: self.changed.emit())

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: bool | None) -> None:
        self.setChecked(bool(value))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)
