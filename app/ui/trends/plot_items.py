"""Item factory of the trend plot: turns a ``TrendData`` into bands, lines and markers.

Called by :meth:`app.ui.trends.plot.TrendPlot._render` after the previous patient's items were
removed. Every item is registered through ``plot.add_item`` so that it is removed again on the
next render. Y ranges are set explicitly from the data (no auto-range: faster, and bands or
windows never stretch an axis).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGraphicsLineItem

from app.domain.trends import LscBand, RangeBand, TrendSeries
from app.ui.print_language import translate  # printouts draw in their own language
from app.ui.trends import text as tx
from app.ui.trends.plot import (
    COLOURS,
    DAY,
    MONITOR_BRUSH,
    PEAK_BRUSH,
    STOP_COLOUR,
    TrendPlot,
    rect_item,
    x_of,
)
from app.ui.trends.plot_lanes import clear_lanes, draw_lanes
from app.ui.trends.plot_style import WHITE, brush, fits_right, pen, rgba

Z_WINDOW, Z_BAND, Z_LINE, Z_LABEL = -100, -50, 5, 40
WINDOW_KEY = 0  # QGraphicsItem.data key holding "window:<kind>" on the shading rectangles
HEADROOM = 0.38  # fraction of the data span kept free above it for labels



def draw(plot: TrendPlot) -> None:
    data = plot.data()
    if data is None:
        for key in plot.curves:
            plot.curves[key].setData([], [])
            plot.scatters[key].setData([], [])
        plot.main.setXRange(0, 365 * DAY, padding=0)
        plot.main.vb.setYRange(0, 150, padding=0)
        plot.ctx_vb.setYRange(*((-2, 0) if plot.log_ctx() else (0, 1)), padding=0)
        plot.set_lanes([])
        clear_lanes(plot)
        plot.glw.setAccessibleDescription(translate("Trends", "No data"))
        return
    x0, x1 = x_of(data.start), x_of(data.end)
    pad = max((x1 - x0) * 0.02, 5 * DAY)
    plot.main.setXRange(x0 - pad, x1 + pad, padding=0)
    right = x1 + pad
    ranges = {key: _y_range(plot, key, s) for key, s in data.series.items()}
    for key, s in data.series.items():
        vb = plot.view_boxes[key]
        lo, hi = ranges[key]
        vb.setYRange(lo, hi, padding=0)
        _draw_series(plot, key, s)
        for band in s.bands:
            _draw_band(plot, key, s, band, lo, right)
        if s.lsc is not None:
            _draw_lsc(plot, key, s, s.lsc, right)
    for key in plot.curves:
        if key not in data.series:
            plot.curves[key].setData([], [])
            plot.scatters[key].setData([], [])
    draw_lanes(plot, data)  # first: sets the lanes' y range the window shading spans
    _draw_windows(plot, data)
    _draw_stops(plot, data)
    _draw_changes(plot, data)
    _draw_as_of(plot, data)
    plot.glw.setAccessibleDescription(
        translate(
            "Trends", "{n} results from {start} to {end}; the table beside the plot lists them."
        ).format(n=data.point_count(), start=data.start.isoformat(), end=data.end.isoformat())
    )


def _yv(plot: TrendPlot, key: str, value: float) -> float | None:
    return plot.ctx_y(value) if key == "CTX" else value


def _y_range(plot: TrendPlot, key: str, s: TrendSeries) -> tuple[float, float]:
    values = [p.value for p in s.points]
    values += [b.high for b in s.bands if b.high is not None]
    if s.lsc is not None:
        values += [s.lsc.low, s.lsc.high]
    if key == "CA":
        values += [2.0, 2.7]
        return min(values) - 0.1, max(values) + 0.1
    if key == "CTX" and plot.log_ctx():
        positive = [v for v in values if v > 0] or [0.01, 1.0]
        lo, hi = math.log10(min(positive) / 1.6), math.log10(max(positive))
        hi = max(hi, lo + 1)
        return lo, hi + (hi - lo) * HEADROOM
    default_top = {"ALP": 150.0, "CTX": 1.0, "CREA": 120.0}.get(key, 1.0)
    top = max(values, default=default_top) or default_top
    # headroom: the window and stop labels sit in the top band, above the data
    return 0.0, top * (1 + HEADROOM) if key in ("ALP", "CTX") else top * 1.15


def _draw_series(plot: TrendPlot, key: str, s: TrendSeries) -> None:
    xs, ys, idx, brushes = [], [], [], []
    filled, hollow = brush(rgba(COLOURS[key])), brush(WHITE)
    for i, p in enumerate(s.points):
        y = _yv(plot, key, p.value)
        if y is None:
            continue
        xs.append(x_of(p.date))
        ys.append(y)
        idx.append(i)
        # a converted result (e.g. CTX reported in pg/mL) is drawn hollow; hover tells more
        brushes.append(hollow if p.converted else filled)
    x, y = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    plot.curves[key].setData(x, y)
    # one brush for all when nothing was converted: no per-spot styling work
    same = all(b is filled for b in brushes)
    plot.scatters[key].setData(x=x, y=y, data=idx, brush=filled if same else brushes)


def _draw_band(
    plot: TrendPlot, key: str, s: TrendSeries, band: RangeBand, y_bottom: float, right: float
) -> None:
    vb = plot.view_boxes[key]
    colour = QColor(COLOURS[key])
    colour.setAlpha(22)
    x0 = x_of(band.start)
    x1 = x_of(band.end) if band.end < plot.data().end else right
    low = y_bottom if band.low is None else _yv(plot, key, band.low)
    high = None if band.high is None else _yv(plot, key, band.high)
    if low is None:
        low = y_bottom
    if high is None:
        return
    source = (
        translate("Trends", "lab's range")
        if band.source == "lab"
        else translate("Trends", "default range")
    )
    tip = translate("Trends", "{name} reference range ({source}): {range}").format(
        name=tx.series_name(key), source=source, range=tx.range_text(band.low, band.high, s.unit)
    )
    if band.low is not None:  # an upper limit alone is a line, not a band down to zero
        plot.add_item(vb, rect_item(x0, x1, low, high, colour, tip), Z_BAND)
    # dashed for ALP and calcium, dotted for CTX and creatinine (told apart in black and white)
    style = Qt.PenStyle.DotLine if key in ("CTX", "CREA") else Qt.PenStyle.DashLine
    dashed = pen(rgba(COLOURS[key]), plot.pen_scale, style)
    for y in (high, None if band.low is None else low):
        if y is not None:
            edge = QGraphicsLineItem(x0, y, x1, y)
            edge.setPen(dashed)
            plot.add_item(vb, edge, Z_BAND + 1)


def _draw_lsc(plot: TrendPlot, key: str, s: TrendSeries, lsc: LscBand, right: float) -> None:
    vb = plot.view_boxes[key]
    low, high = _yv(plot, key, lsc.low), _yv(plot, key, lsc.high)
    if low is None or high is None:
        return
    hatch = Qt.BrushStyle.FDiagPattern if key == "CTX" else Qt.BrushStyle.BDiagPattern
    brush = QBrush(COLOURS[key], hatch)
    anchor = (
        translate("Trends", "nadir") if lsc.kind == "nadir" else translate("Trends", "baseline")
    )
    tip = translate(
        "Trends",
        "{name} least significant change ±{pct}% around the {anchor} {value} {unit} "
        "({date}): {low}–{high}",
    ).format(
        name=tx.series_name(key),
        pct=round(lsc.lsc * 100),
        anchor=anchor,
        value=tx.canonical_value(key, lsc.anchor_value),
        unit=tx.unit_text(s.unit),
        date=lsc.anchor_date.isoformat(),
        low=tx.canonical_value(key, lsc.low),
        high=tx.canonical_value(key, lsc.high),
    )
    x1 = x_of(lsc.end) if lsc.end < plot.data().end else right
    plot.add_item(vb, rect_item(x_of(lsc.start), x1, low, high, brush, tip), Z_BAND + 2)


def _vline(
    plot: TrendPlot,
    vb: pg.ViewBox,
    x: float,
    line_pen,
    label: str | None = None,
    position: float = 0.9,
    tooltip: str | None = None,
    colour: QColor | None = None,  # default: the plot's ink (dark mode aware)
    z: float = Z_LINE,
    left: bool | None = None,
):
    """A vertical line over the view box's (fixed) y range, with an optional label at
    ``position`` (0 = bottom, 1 = top) to the right of it — or to the left when it would run
    out of the plot. A plain ``QGraphicsLineItem`` + ``TextItem``: an ``InfiniteLine`` costs
    several times more to create, and a patient switch recreates them all."""
    y0, y1 = vb.viewRange()[1]
    if line_pen is not None:
        line = QGraphicsLineItem(x, y0, x, y1)
        line.setPen(line_pen)
        if tooltip:
            line.setToolTip(tooltip)
        plot.add_item(vb, line, z)
    if label:
        if left is None:
            left = not fits_right(plot, x, label)
        paper = plot.paper
        text = pg.TextItem(
            label, color=colour if colour is not None else plot.ink,
            fill=brush((paper.red(), paper.green(), paper.blue(), 235)),
            anchor=(1, 0) if left else (0, 0),
        )
        text.setPos(x, y0 + position * (y1 - y0))
        if tooltip:
            text.setToolTip(tooltip)
        plot.add_item(vb, text, z + 1)


def _draw_windows(plot: TrendPlot, data) -> None:
    """Shading = rectangles over the view boxes' (fixed) y ranges: far cheaper than
    LinearRegionItems (each of which is two InfiniteLines)."""
    flag = data.flag
    for w in data.windows:
        fill = PEAK_BRUSH if w.kind == "peak" else MONITOR_BRUSH
        region = (x_of(w.start), x_of(w.end))
        vbs = [plot.main.vb, plot.lanes.vb] + ([plot.labs.vb] if plot.extra_visible() else [])
        for vb in vbs:
            y0, y1 = vb.viewRange()[1]
            item = rect_item(region[0], region[1], y0, y1, brush(rgba(fill)), "")
            item.setData(WINDOW_KEY, f"window:{w.kind}")
            plot.add_item(vb, item, Z_WINDOW if w.kind == "monitoring" else Z_WINDOW + 1)
        if w.kind == "peak":
            label = translate("Trends", "Peak window (days 60–120)")
            position = 0.86
        elif flag is not None:
            label = translate("Trends", "Rebound-risk window open: day {day} of 395").format(
                day=flag.day
            )
            position = 0.95
        else:
            label = translate("Trends", "Rebound monitoring (days 0–395)")
            position = 0.95
        tip = translate("Trends", "{label}: {start} – {end}").format(
            label=label, start=w.start.isoformat(), end=w.end.isoformat()
        )
        x = region[0]
        left = None
        if not fits_right(plot, x, label):  # keep it inside the window, flush right
            x, left = min(region[1], plot.main.vb.viewRange()[0][1]), True
        _vline(plot, plot.main.vb, x, None, label, position, tip, z=Z_LABEL, left=left)


def _draw_stops(plot: TrendPlot, data) -> None:
    for s in data.stops:
        style = Qt.PenStyle.DashLine if s.recorded else Qt.PenStyle.DotLine
        line_pen = pen(rgba(STOP_COLOUR), 2 * plot.pen_scale, style)
        x = x_of(s.date)
        _vline(
            plot,
            plot.main.vb,
            x,
            line_pen,
            tx.stop_label(s),
            0.77,
            tx.stop_tooltip(s),
            STOP_COLOUR,
            z=Z_LABEL - 1,
        )
        _vline(plot, plot.lanes.vb, x, line_pen, None, tooltip=tx.stop_tooltip(s))
        if plot.extra_visible():
            _vline(plot, plot.labs.vb, x, line_pen, None, tooltip=tx.stop_tooltip(s))


def _draw_changes(plot: TrendPlot, data) -> None:
    for c in data.changes:
        if c.series not in ("ALP", "CTX") and not plot.extra_visible():
            continue
        dotted = pen(rgba(COLOURS[c.series]), plot.pen_scale, Qt.PenStyle.DotLine)
        vb = plot.main.vb if c.series in ("ALP", "CTX") else plot.labs.vb
        _vline(plot, vb, x_of(c.date), dotted, None, tooltip=tx.change_tooltip(c))


def _draw_as_of(plot: TrendPlot, data) -> None:
    """The as-of line; its date is in the legend (a label here would sit on the latest
    results, which are exactly the ones that matter)."""
    label = translate("Trends", "As of {date}").format(date=data.as_of.isoformat())
    _vline(
        plot,
        plot.main.vb,
        x_of(data.as_of),
        pen((90, 90, 90, 255), plot.pen_scale, Qt.PenStyle.DashDotLine),
        None,
        tooltip=label,
    )
