"""The trend plot's lanes under the date axis: one per bone drug (doses; hollow = planned),
clinical events (with short labels, since printed plots have no hover; labels that would
overprint each other are staggered onto extra rows below the events lane by
:func:`~app.ui.trends.label_layout.place_labels`) and lab method/unit changes. Drawn on the
plot's three persistent lane scatters (``setData`` on every patient switch; nothing is created
per dose).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QFontMetrics

from app.ui.print_language import translate  # printouts draw in their own language
from app.ui.trends import text as tx
from app.ui.trends.label_layout import place_labels
from app.ui.trends.plot import COLOURS, EVENT_SYMBOLS, STOP_COLOUR, TrendPlot, x_of
from app.ui.trends.plot_style import WHITE, brush, plot_width, rgba


def draw_lanes(plot: TrendPlot, data) -> None:
    """Doses (one lane per drug), events and lab changes, on the lanes' three persistent
    scatters (``setData`` on every draw: no scatter is created or removed per patient)."""
    lanes: list[str] = [plot.drug_name(d) for d in data.drugs]
    drug_rows = {d: i for i, d in enumerate(data.drugs)}
    x0, x1 = plot.main.vb.viewRange()[0]
    width = plot_width(plot)
    labels = [tx.event_short(e) for e in data.events]
    metrics = QFontMetrics(QFont())
    placed = place_labels([((x_of(e.date) - x0) / (x1 - x0) * width,
                            metrics.horizontalAdvance(label) + 4)
                           for e, label in zip(data.events, labels, strict=True)], width)
    label_rows = max((p.row for p in placed), default=0) + 1
    if data.events:
        lanes.append(translate("Trends", "Events"))
        lanes += [""] * (label_rows - 1)  # rows for labels that would overprint
    if data.changes:
        lanes.append(translate("Trends", "Lab changes"))
    plot.set_lanes(lanes)
    n = len(lanes)

    def lane_y(i: int) -> float:
        return float(n - 1 - i)

    doses = [d for d in data.doses if d.drug in drug_rows]
    hollow = brush(WHITE)
    fills = {d: brush(rgba(plot.drug_colour(d))) for d in drug_rows}
    plot.lane_items["doses"] = (doses, tx.dose_tooltip)
    plot.dose_scatter.setData(
        x=[x_of(d.date) for d in doses],
        y=[lane_y(drug_rows[d.drug]) for d in doses],
        brush=[hollow if d.planned else fills[d.drug] for d in doses],
        data=list(range(len(doses))),
    )
    events = list(data.events)
    plot.lane_items["events"] = (events, tx.event_tooltip)
    row = len(drug_rows)
    plot.event_scatter.setData(
        x=[x_of(e.date) for e in events],
        y=[lane_y(row)] * len(events),
        symbol=[EVENT_SYMBOLS.get(e.kind, "o") for e in events],
        brush=[hollow if e.planned else brush(rgba(_event_colour(e.kind))) for e in events],
        data=list(range(len(events))),
    )
    for label, p in zip(labels, placed, strict=True):
        text = pg.TextItem(label, color=plot.ink, anchor=(0, 0.5))
        text.setPos(x0 + p.left / width * (x1 - x0), lane_y(row + p.row))
        plot.add_item(plot.lanes.vb, text, 21)
    changes = list(data.changes)
    plot.lane_items["changes"] = (changes, tx.change_tooltip)
    plot.change_scatter.setData(
        x=[x_of(c.date) for c in changes],
        y=[lane_y(n - 1)] * len(changes),
        brush=[brush(rgba(COLOURS[c.series])) for c in changes],
        data=list(range(len(changes))),
    )


def clear_lanes(plot: TrendPlot) -> None:
    for name in ("dose_scatter", "event_scatter", "change_scatter"):
        getattr(plot, name).setData([], [])
    plot.lane_items.clear()


def _event_colour(kind: str) -> QColor:
    return STOP_COLOUR if "fracture" in kind else QColor(110, 60, 150)


def lane_tip(plot: TrendPlot, name: str):
    """Hover text of a lane marker, computed when hovered (not for every marker on every
    draw) from the items the lane shows now."""

    def tip(x: float, y: float, data: object) -> str:
        items, text = plot.lane_items.get(name, ((), str))
        try:
            return text(items[int(data)])
        except (TypeError, ValueError, IndexError):
            return ""

    return tip
