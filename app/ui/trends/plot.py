"""The trend plot: maps a :class:`~app.domain.trends.TrendData` to pyqtgraph items.

Layout (one ``GraphicsLayoutWidget``, x axes linked, dates as POSIX seconds at local noon):

- row 0: a text legend (series, bands, windows) — outside the data, so it never hides a point;
- row 1: ALP (left axis, U/L) and CTX (right axis, ng/mL, linear or log) — the second y axis
  is an extra ``ViewBox`` linked to the right axis, its geometry synced on ``sigResized``
  (pyqtgraph's MultiplePlotAxes pattern); reference-range bands, LSC bands, the rebound
  windows (shaded), bone-drug stops and lab method/unit changes (vertical lines);
- row 2 (optional): corrected calcium (left) and creatinine (right);
- row 3: lanes — one per bone drug (doses as markers, hollow when planned; stops as lines),
  clinical events, lab changes.

No clinical logic here: every value, band and window comes from the domain. Axis SI prefixes
are off (they turn "ng/mL" into "mng/mL"). Per-patient items are removed from their view box
on every :meth:`TrendPlot.set_data` (no leak when switching patients); the axes, view boxes,
curves and scatters are created once and reused.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from functools import lru_cache

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QVBoxLayout, QWidget

from app.domain.trends import MAIN_SERIES, TrendData, TrendSeries
from app.ui.labels import drug_label
from app.ui.print_language import translate  # printouts draw in their own language
from app.ui.trends import text as tx
from app.ui.trends.date_axis import DateAxis

COLOURS = {  # Okabe–Ito (colour-blind safe); shapes differ too
    "ALP": QColor(0, 114, 178),
    "CTX": QColor(213, 94, 0),
    "CA": QColor(0, 158, 115),
    "CREA": QColor(204, 121, 167),
}
SYMBOLS = {"ALP": "o", "CTX": "s", "CA": "t", "CREA": "d"}
# line styles too, so that a black-and-white print still tells the series apart
LINE_STYLES = {"ALP": Qt.PenStyle.SolidLine, "CTX": Qt.PenStyle.DashLine,
               "CA": Qt.PenStyle.DashDotLine, "CREA": Qt.PenStyle.DotLine}
LINE_CHIPS = {"ALP": "──", "CTX": "╌╌", "CA": "─·", "CREA": "┈┈"}
DRUG_COLOURS = [
    QColor(0, 114, 178),
    QColor(0, 158, 115),
    QColor(86, 180, 233),
    QColor(204, 121, 167),
    QColor(240, 228, 66),
    QColor(0, 0, 0),
]
EVENT_SYMBOLS = {
    "pathological_fracture": "star",
    "fracture": "star",
    "radiotherapy": "s",
    "spinal_cord_compression": "x",
    "surgery_to_bone": "p",
    "vertebroplasty": "p",
    "hypercalcaemia": "h",
    "onj": "d",
}
STOP_COLOUR = QColor(160, 0, 0)
PEAK_BRUSH = QColor(230, 159, 0, 70)
MONITOR_BRUSH = QColor(240, 228, 66, 45)
TEXT_COLOUR = QColor(40, 40, 40)
LEFT_AXIS_WIDTH = 92
RIGHT_AXIS_WIDTH = 72
LANE_HEIGHT = 22
DAY = 86400.0



@lru_cache(maxsize=65536)
def x_of(d: date) -> float:
    """A calendar date as the POSIX seconds of its local noon (DateAxisItem shows local)."""
    return datetime(d.year, d.month, d.day, 12).timestamp()


class TrendPlot(QWidget):
    """The plot alone. Feed it with :meth:`set_data`; :meth:`set_log_ctx` and
    :meth:`set_extra_visible` change the presentation, not the data."""

    def __init__(self, parent: QWidget | None = None, *, for_print: bool = False) -> None:
        super().__init__(parent)
        self.for_print = for_print  # printouts stay black on white whatever the screen's palette
        self.paper, self.ink, self.rule = self._colours()
        self._data: TrendData | None = None
        self._log_ctx = False
        self._extra_visible = False
        self._transient: list[tuple[pg.ViewBox, object]] = []
        self.pen_scale = 1.0  # line widths × this (print renders use their pixel ratio)
        self.glw = pg.GraphicsLayoutWidget(self)
        self.glw.setBackground(self.paper)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.glw)
        self.legend = self.glw.addLabel("", row=0, col=0, justify="left")
        self.main = self._plot(1)
        self.ctx_vb = self._second_axis(self.main)
        self.labs = self._plot(2)
        self.crea_vb = self._second_axis(self.labs)
        self.lanes = self._plot(3, date_axis=True)
        self.lanes.getAxis("right").setStyle(showValues=False)
        self.lanes.setMouseEnabled(x=True, y=False)
        for p in (self.labs, self.lanes):
            p.setXLink(self.main)
        # dates are read off the lanes' axis; the upper plots' date axes would only cost paint time
        self.main.hideAxis("bottom")
        self.labs.hideAxis("bottom")
        self.view_boxes = {
            "ALP": self.main.vb,
            "CTX": self.ctx_vb,
            "CA": self.labs.vb,
            "CREA": self.crea_vb,
        }
        self.curves: dict[str, pg.PlotCurveItem] = {}
        self.scatters: dict[str, pg.ScatterPlotItem] = {}
        for key, vb in self.view_boxes.items():
            colour = COLOURS[key]
            curve = pg.PlotCurveItem(pen=pg.mkPen(colour, width=2, style=LINE_STYLES[key]))
            scatter = pg.ScatterPlotItem(
                symbol=SYMBOLS[key],
                size=9,
                pen=pg.mkPen(colour.darker(140), width=1),
                brush=pg.mkBrush(colour),
                hoverable=True,
                tip=self._tip_for(key),
                hoverSize=13,
            )
            vb.addItem(curve)
            vb.addItem(scatter)
            # after addItem: ViewBox.addItem lifts a lower z to its own; ours order the layers
            curve.setZValue(10)
            scatter.setZValue(20)
            self.curves[key], self.scatters[key] = curve, scatter
        self._lane_names: list[str] = []
        self.lane_items: dict[str, tuple] = {}  # lane scatter -> (items shown, tooltip fn)
        self.dose_scatter = self._lane_scatter("doses", "t1", 10)
        self.event_scatter = self._lane_scatter("events", "o", 13)
        self.change_scatter = self._lane_scatter("changes", "d", 10)
        self._drawn_width = 0.0
        self.main.vb.sigResized.connect(self._resized)
        self._apply_extra_visibility()
        self.retranslate()
        self._render()

    # ---- construction helpers ----------------------------------------------------------
    def _plot(self, row: int, date_axis: bool = True) -> pg.PlotItem:
        axis = DateAxis(orientation="bottom") if date_axis else None
        plot = self.glw.addPlot(row=row, col=0, axisItems={"bottom": axis} if axis else None)
        plot.showAxis("right")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
        plot.getAxis("right").setWidth(RIGHT_AXIS_WIDTH)
        for name in ("left", "right", "bottom"):
            ax = plot.getAxis(name)
            ax.enableAutoSIPrefix(False)
            ax.setTextPen(pg.mkPen(self.ink))
            ax.setPen(pg.mkPen(self.rule))
        plot.vb.disableAutoRange()
        return plot

    def _second_axis(self, plot: pg.PlotItem) -> pg.ViewBox:
        vb = pg.ViewBox(enableMenu=False)
        vb.setMouseEnabled(x=False, y=False)
        vb.disableAutoRange()
        plot.scene().addItem(vb)
        # a top-level item: above the whole layout (z 0), or the main box's window shading
        # would tint this box's markers
        vb.setZValue(1)
        plot.getAxis("right").linkToView(vb)
        vb.setXLink(plot)

        def sync() -> None:
            vb.setGeometry(plot.vb.sceneBoundingRect())
            vb.linkedViewChanged(plot.vb, vb.XAxis)

        plot.vb.sigResized.connect(sync)
        return vb

    def _lane_scatter(self, name: str, symbol: str, size: int) -> pg.ScatterPlotItem:
        from app.ui.trends.plot_lanes import lane_tip

        scatter = pg.ScatterPlotItem(
            symbol=symbol,
            size=size,
            pen=pg.mkPen(60, 60, 60),
            hoverable=True,
            tip=lane_tip(self, name),
        )
        self.lanes.vb.addItem(scatter)
        scatter.setZValue(20)
        return scatter

    def _tip_for(self, key: str):
        def tip(x: float, y: float, data: object) -> str:
            s = self._series(key)
            try:
                point = s.points[int(data)] if s is not None else None
            except (TypeError, ValueError, IndexError):
                point = None
            return "" if point is None else tx.point_tooltip(key, s.unit, point)

        return tip

    # ---- public API --------------------------------------------------------------------
    def set_data(self, data: TrendData | None) -> None:
        """Show a patient's trend data (None: an empty plot)."""
        self._data = data
        self._render()

    def data(self) -> TrendData | None:
        return self._data

    def set_log_ctx(self, log: bool) -> None:
        if log != self._log_ctx:
            self._log_ctx = log
            self._render()

    def log_ctx(self) -> bool:
        return self._log_ctx

    def set_pen_scale(self, scale: float) -> None:
        """Thicker lines for a high-resolution render (cosmetic pens ignore the pixel ratio)."""
        self.pen_scale = scale
        for key, curve in self.curves.items():
            curve.setPen(pg.mkPen(COLOURS[key], width=2 * scale, style=LINE_STYLES[key]))
        self._render()

    def set_extra_visible(self, visible: bool) -> None:
        """Show the corrected calcium / creatinine row (when the data has those series)."""
        if visible != self._extra_visible:
            self._extra_visible = visible
            self._apply_extra_visibility()
            self._render()

    def extra_visible(self) -> bool:
        return self._extra_visible

    def lane_names(self) -> list[str]:
        return list(self._lane_names)

    def transient_items(self, vb: pg.ViewBox | None = None) -> list[object]:
        """The per-patient items currently drawn (bands, lines, lane markers), optionally
        only those in one view box."""
        return [item for box, item in self._transient if vb is None or box is vb]

    def plotted(self, key: str) -> tuple[list[float], list[float]]:
        """The (x, y) arrays of a series' markers as drawn (y in view units: log10 if log)."""
        xs, ys = self.scatters[key].getData()
        return [float(v) for v in xs], [float(v) for v in ys]

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        """(background, text, axis lines): the widget palette's on screen when it is dark
        (dark mode), else — and always for print — black on white."""
        palette = self.palette()
        if not self.for_print and palette.window().color().lightness() < 128:
            return (QColor(palette.base().color()), QColor(palette.text().color()),
                    QColor(palette.mid().color()))
        return QColor(255, 255, 255), QColor(TEXT_COLOUR), QColor(120, 120, 120)

    def _apply_colours(self) -> None:
        self.paper, self.ink, self.rule = self._colours()
        self.glw.setBackground(self.paper)
        for plot in (self.main, self.labs, self.lanes):
            for name in ("left", "right", "bottom"):
                plot.getAxis(name).setTextPen(pg.mkPen(self.ink))
                plot.getAxis(name).setPen(pg.mkPen(self.rule))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._render()
        elif event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()
            self._set_legend()
            self._render()  # labels are drawn in the ink colour
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.glw.setAccessibleName(translate("Trends", "Trend plot: ALP and CTX over time"))
        self.main.setLabel("left", translate("Trends", "ALP (U/L)"), color=COLOURS["ALP"].name())
        self._set_ctx_label()
        self.labs.setLabel(
            "left", translate("Trends", "Corr. calcium (mmol/L)"), color=COLOURS["CA"].name()
        )
        self.labs.setLabel(
            "right", translate("Trends", "Creatinine (µmol/L)"), color=COLOURS["CREA"].name()
        )
        self.lanes.setLabel("bottom", translate("Trends", "Date"))
        self._set_legend()

    def _set_ctx_label(self) -> None:
        text = (
            translate("Trends", "CTX (ng/mL, log)")
            if self._log_ctx
            else translate("Trends", "CTX (ng/mL)")
        )
        self.main.setLabel("right", text, color=COLOURS["CTX"].name())

    def _set_legend(self) -> None:
        """The key, listing only what the current patient's plot shows (every series, band,
        window, lane marker and line; :mod:`app.ui.trends.plot_legend`)."""
        from app.ui.trends.plot_legend import legend_html

        self.legend.setText(legend_html(self), size="9pt", color=self.ink.name())

    def legend_text(self) -> str:
        return self.legend.text

    def _apply_extra_visibility(self) -> None:
        """Put the calcium/creatinine plot into the layout or take it out (hiding a layout
        item leaves its axes unlaid-out when it comes back)."""
        layout = self.glw.ci
        in_layout = self.labs in layout.items
        if self._extra_visible and not in_layout:
            layout.addItem(self.labs, row=2, col=0)
            if self.crea_vb.scene() is None:
                self.glw.scene().addItem(self.crea_vb)
        elif not self._extra_visible and in_layout:
            layout.removeItem(self.labs)
        self.crea_vb.setVisible(self._extra_visible)
        layout.layout.setRowStretchFactor(1, 3)
        layout.layout.setRowStretchFactor(2, 2 if self._extra_visible else 0)
        self._set_legend()

    def _series(self, key: str) -> TrendSeries | None:
        return None if self._data is None else self._data.series.get(key)

    # ---- drawing -----------------------------------------------------------------------
    def _clear_transient(self) -> None:
        for vb, item in self._transient:
            vb.removeItem(item)
        self._transient.clear()

    def _add(self, vb: pg.ViewBox, item, z: float = 0) -> None:
        vb.addItem(item, ignoreBounds=True)
        item.setZValue(z)  # after addItem, which lifts a lower z to the view box's own
        self._transient.append((vb, item))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # the legend wraps instead of running out of the widget
        self.legend.item.setTextWidth(max(200.0, event.size().width() - 16.0))
        self.legend.updateMin()

    def _resized(self, *_args) -> None:
        # labels near the right edge flip sides by the width they need: redo on a real change
        width = self.main.vb.width()
        if self._data is not None and abs(width - self._drawn_width) > 0.05 * max(width, 1.0):
            self._render()

    def _render(self) -> None:
        from app.ui.trends.plot_items import draw  # the item factory (kept in its own module)

        self._drawn_width = self.main.vb.width()
        self._clear_transient()
        self._set_legend()
        self._set_ctx_label()
        self.main.getAxis("right").setLogMode(False, self._log_ctx)
        draw(self)

    def ctx_y(self, value: float) -> float | None:
        """A CTX value in the CTX view box's y units (log10 in log mode; None if not plottable)."""
        if not self._log_ctx:
            return value
        return math.log10(value) if value > 0 else None

    # used by plot_items
    def add_item(self, vb: pg.ViewBox, item, z: float = 0) -> None:
        self._add(vb, item, z)

    def set_lanes(self, names: list[str]) -> None:
        self._lane_names = names
        n = max(1, len(names))
        ticks = [(n - 1 - i, name) for i, name in enumerate(names)]
        self.lanes.getAxis("left").setTicks([ticks, []])
        self.lanes.vb.setYRange(-0.6, n - 0.4, padding=0)
        self.glw.ci.layout.setRowFixedHeight(3, 34 + LANE_HEIGHT * n)

    def drug_colour(self, drug: str) -> QColor:
        drugs = self._data.drugs if self._data is not None else ()
        i = drugs.index(drug) if drug in drugs else 0
        return DRUG_COLOURS[i % len(DRUG_COLOURS)]

    def drug_name(self, drug: str) -> str:
        return drug_label(drug)


def rect_item(
    x0: float, x1: float, y0: float, y1: float, brush: QBrush | QColor, tooltip: str
) -> QGraphicsRectItem:
    """A filled rectangle in view coordinates (bands); cosmetic, no outline."""
    item = QGraphicsRectItem(QRectF(x0, min(y0, y1), x1 - x0, abs(y1 - y0)))
    item.setPen(QPen(Qt.PenStyle.NoPen))
    item.setBrush(brush if isinstance(brush, QBrush) else QBrush(brush))
    item.setToolTip(tooltip)
    return item


__all__ = ["TrendPlot", "MAIN_SERIES", "x_of", "rect_item"]
