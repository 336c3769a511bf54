"""The trend plot's key: one entry for every series (colour, marker shape and line style, so
that a black-and-white print still reads), every band and window, and every lane marker and
line the current patient's plot shows — nothing that is not drawn.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.ui.print_language import translate
from app.ui.trends import text as tx
from app.ui.trends.plot import COLOURS, EVENT_SYMBOLS, LINE_CHIPS, STOP_COLOUR, TrendPlot

GREY = QColor(120, 120, 120)
SERIES_MARKS = {"ALP": "●", "CTX": "■", "CA": "▼", "CREA": "◆"}
RANGE_CHIPS = {"ALP": "┅", "CTX": "┈", "CA": "┅", "CREA": "┈"}
LSC_CHIPS = {"ALP": "▨", "CTX": "▧"}
EVENT_CHIPS = {"star": "★", "s": "■", "x": "✕", "p": "⬟", "h": "⬢", "d": "◆", "o": "●"}


def chip(colour: QColor, mark: str, label: str) -> str:
    return f'<span style="color:{colour.name()}">{mark}</span>&nbsp;{label}'


def _series_names() -> dict[str, str]:
    return {"ALP": translate("Trends", "ALP"), "CTX": translate("Trends", "CTX"),
            "CA": translate("Trends", "Corr. calcium"), "CREA": translate("Trends", "Creatinine")}


def legend_html(plot: TrendPlot) -> str:
    data = plot.data()
    extra = plot.extra_visible()
    keys = ["ALP", "CTX"] + (["CA", "CREA"] if extra else [])
    names = _series_names()
    parts = [chip(COLOURS[k], SERIES_MARKS[k] + LINE_CHIPS[k], names[k]) for k in keys]
    series = () if data is None else tuple(s for s in data.series.values() if s.key in keys)
    hollow = any(p.converted for s in series for p in s.points) or (
        data is not None and any(d.planned for d in data.doses))
    if hollow:
        parts.append(chip(GREY, "□", translate("Trends", "hollow: converted unit or planned")))
    for s in series:
        if s.bands:
            parts.append(chip(COLOURS[s.key], RANGE_CHIPS[s.key], translate(
                "Trends", "{name} reference range").format(name=names[s.key])))
        if s.lsc is not None and s.key in LSC_CHIPS:
            parts.append(chip(COLOURS[s.key], LSC_CHIPS[s.key], translate(
                "Trends", "{name} LSC band").format(name=names[s.key])))
    kinds = set() if data is None else {w.kind for w in data.windows}
    if "peak" in kinds:
        parts.append(chip(QColor(230, 159, 0), "█", translate("Trends", "rebound peak window")))
    if "monitoring" in kinds:
        parts.append(chip(QColor(200, 190, 40), "█", translate("Trends", "monitoring window")))
    if data is not None and data.stops:
        parts.append(chip(STOP_COLOUR, "┆", translate("Trends", "stop")))
    if data is not None and data.doses:
        parts.append(chip(GREY, "▲", translate("Trends", "bone-drug dose (lane per drug)")))
    if data is not None:
        seen: dict[str, str] = {}
        for e in data.events:
            seen.setdefault(EVENT_CHIPS.get(EVENT_SYMBOLS.get(e.kind, "o"), "●") + e.kind,
                            tx.event_short(e))
        parts += [chip(GREY, key[0], label) for key, label in seen.items()]
        if data.changes:
            parts.append(chip(GREY, "◆", translate("Trends", "lab method or unit change")))
        as_of = translate("Trends", "As of {date}").format(date=data.as_of.isoformat())
        parts.append(chip(QColor(90, 90, 90), "┊", as_of))
    return "&nbsp;&nbsp;&nbsp;".join(parts)
