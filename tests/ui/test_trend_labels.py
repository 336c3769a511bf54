"""Event labels under the trend plot never overprint each other (geometry), the key names every
band and lane marker, the series differ by line style as well as colour (black-and-white
prints), and a printout draws its texts in its own language whatever the UI language."""

from __future__ import annotations

import random
from datetime import date

import pyqtgraph as pg
import pytest
from domain.helpers import case_of
from PySide6.QtCore import Qt

from app.domain.trends import build_trend_data
from app.ui.print_language import printing_language, translate
from app.ui.trends.label_layout import overlaps, place_labels
from app.ui.trends.plot import LINE_STYLES, TrendPlot

AS_OF = date(2026, 11, 21)


def check_layout(anchors: list[tuple[float, float]], width: float) -> None:
    placed = place_labels(anchors, width)
    assert [p.index for p in placed] == list(range(len(anchors)))
    for p, (x, w) in zip(placed, anchors, strict=True):
        assert p.right - p.left == pytest.approx(w)
        assert p.left >= 0 and p.right <= width  # inside the plot
        assert p.left == pytest.approx(x + 9) or p.right == pytest.approx(x - 9)  # by its marker
    for a in placed:
        for b in placed:
            if a.index < b.index:
                assert not overlaps(a, b), (a, b)
        if a.row == 0:  # on the markers' row a label covers no other marker
            for j, (x, _w) in enumerate(anchors):
                assert j == a.index or a.right + 6 <= x - 6 or a.left >= x + 6 + 6


def test_labels_that_would_overprint_are_staggered():
    anchors = [(100, 120), (130, 30), (135, 80), (400, 50), (690, 80)]
    placed = place_labels(anchors, 700)
    check_layout(anchors, 700)
    assert max(p.row for p in placed) >= 1  # the crowd near x=100-135 needed extra rows
    assert placed[3].row == 0  # a label with room stays beside its marker
    assert placed[4].right == pytest.approx(690 - 9)  # no room on the right: flush left


def test_random_crowds_never_overlap():
    rng = random.Random(11)
    for _ in range(200):
        n = rng.randint(1, 12)
        anchors = [(rng.uniform(0, 800), rng.uniform(20, 160)) for _ in range(n)]
        check_layout(anchors, 800)


def test_far_apart_labels_stay_on_one_row():
    placed = place_labels([(50, 60), (300, 60), (550, 60)], 800)
    assert {p.row for p in placed} == {0}


def crowded_case():
    return case_of(
        labs=[{"date": "2026-06-01", "analyte": "ALP", "value": 180, "unit": "U/L"},
              {"date": "2026-11-01", "analyte": "ALP", "value": 150, "unit": "U/L"}],
        events=[{"date": "2026-09-01", "kind": "spinal_cord_compression", "region": "T12"},
                {"date": "2026-09-03", "kind": "radiotherapy", "region": "T12"},
                {"date": "2026-09-05", "kind": "surgery_to_bone", "region": "left femur"},
                {"date": "2026-09-06", "kind": "pathological_fracture", "region": "left femur"}])


def test_event_labels_on_the_drawn_plot_do_not_intersect(qtbot):
    plot = TrendPlot()
    qtbot.addWidget(plot)
    plot.resize(1000, 500)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_data(build_trend_data(crowded_case(), AS_OF))
    texts = [i for i in plot.transient_items(plot.lanes.vb) if isinstance(i, pg.TextItem)]
    assert len(texts) == 4
    rects = [t.sceneBoundingRect() for t in texts]
    for i, a in enumerate(rects):
        for b in rects[i + 1:]:
            assert not a.intersects(b), (a, b)
    assert "" in plot.lane_names()  # an extra row holds the staggered labels
    legend = plot.legend_text()
    for text in ("Cord compression", "RT", "Surgery", "Path. fracture", "ALP reference range"):
        assert text in legend, text


def test_series_differ_by_line_style_and_marker_not_colour_alone(qtbot):
    plot = TrendPlot()
    qtbot.addWidget(plot)
    styles = {k: plot.curves[k].opts["pen"].style() for k in plot.curves}
    assert styles == LINE_STYLES and len(set(styles.values())) == 4
    assert styles["ALP"] == Qt.PenStyle.SolidLine and styles["CTX"] == Qt.PenStyle.DashLine
    plot.set_pen_scale(2.0)
    assert plot.curves["CTX"].opts["pen"].style() == Qt.PenStyle.DashLine
    symbols = {k: plot.scatters[k].opts["symbol"] for k in plot.scatters}
    assert len(set(symbols.values())) == 4


def test_a_printout_draws_in_its_own_language(qtbot):
    assert translate("Trends", "Events") == "Events"  # the UI language here: English
    with printing_language("zh"):
        assert translate("Trends", "Events") == "事件"
        assert translate("Trends", "Oct") == "10月"
        assert translate("Trends", "no such text") == "no such text"
        plot = TrendPlot()
        qtbot.addWidget(plot)
        plot.set_data(build_trend_data(crowded_case(), AS_OF))
        assert "事件" in plot.lane_names()
    with printing_language("en"):
        assert translate("Trends", "Events") == "Events"
    assert translate("Trends", "Events") == "Events"
    with pytest.raises(ValueError, match="lang"):
        with printing_language("fr"):
            pass
