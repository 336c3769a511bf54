"""Typing a date with its separators stores that date (a "-" after a full year once skipped the
month: "2020-05-01" was saved as 2020-11-05)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateTimeEdit

from app.ui.forms.fields import DateInput, DateTimeInput


def _type(qtbot, field, text: str) -> None:
    """Type into the field as a keyboard user arriving in it (its first section selected)."""
    qtbot.addWidget(field)
    field.show()
    edit = field.edit if isinstance(field, DateTimeInput) else field
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
    QTest.keyClicks(edit, text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2020-05-01", "2020-05-01"),
        ("20200501", "2020-05-01"),
        ("2020/05/01", "2020-05-01"),
        ("2020-5-1", "2020-05-01"),
        ("2019-12-31", "2019-12-31"),
    ],
)
def test_date_input_keeps_the_typed_date(qtbot, typed: str, expected: str) -> None:
    widget = DateInput(today=date(2026, 11, 30))
    _type(qtbot, widget, typed)
    assert widget.value() == expected


def test_date_time_input_keeps_the_typed_date_and_time(qtbot) -> None:
    widget = DateTimeInput(now=datetime(2026, 11, 30, 9, 15))
    _type(qtbot, widget, "2020-05-01 08:30")
    assert widget.value() == "2020-05-01T08:30"
