"""The trend plot's date axis with month names in the plot's language (pyqtgraph writes them
with ``strftime``, i.e. in English whatever the UI or printout language)."""

from __future__ import annotations

import pyqtgraph as pg

from app.ui.print_language import translate

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_names() -> dict[str, str]:
    """English abbreviations → the current language's (literal calls: lupdate finds them)."""
    names = (translate("Trends", "Jan"), translate("Trends", "Feb"), translate("Trends", "Mar"),
             translate("Trends", "Apr"), translate("Trends", "May"), translate("Trends", "Jun"),
             translate("Trends", "Jul"), translate("Trends", "Aug"), translate("Trends", "Sep"),
             translate("Trends", "Oct"), translate("Trends", "Nov"), translate("Trends", "Dec"))
    return dict(zip(MONTHS, names, strict=True))


class DateAxis(pg.DateAxisItem):
    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph API
        names = month_names()
        return [names.get(s, s) for s in super().tickStrings(values, scale, spacing)]
