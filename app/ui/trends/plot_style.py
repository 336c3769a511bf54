"""Shared look of the trend plot's items: cached brushes and pens (pyqtgraph's symbol atlas
caches by brush identity, so one object per colour keeps redraws cheap) and label placement.
"""

from __future__ import annotations

from functools import cache

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics

from app.ui.trends.plot import TrendPlot


@cache
def brush(rgba: tuple[int, int, int, int]) -> QBrush:
    """One shared brush per colour: the scatter symbol atlas caches by brush identity, so a
    fresh brush per point would re-render every symbol on every draw."""
    return pg.mkBrush(QColor(*rgba))


@cache
def pen(rgba: tuple[int, int, int, int], width: float = 1, style=Qt.PenStyle.SolidLine):
    return pg.mkPen(QColor(*rgba), width=width, style=style)


def rgba(colour: QColor) -> tuple[int, int, int, int]:
    return colour.red(), colour.green(), colour.blue(), colour.alpha()


WHITE = (255, 255, 255, 255)


def plot_width(plot: TrendPlot) -> float:
    """The data area's width in pixels (a guess before the first layout)."""
    return plot.main.vb.width() if plot.main.vb.width() > 50 else 700.0


def fits_right(plot: TrendPlot, x: float, label: str) -> bool:
    """Would ``label`` drawn to the right of ``x`` stay inside the plot?"""
    lo, hi = plot.main.vb.viewRange()[0]
    need = QFontMetrics(QFont()).horizontalAdvance(label) + 12
    return (hi - x) / (hi - lo) * plot_width(plot) >= need
