"""Trend plot, table and export (app.ui.trends): offscreen, never skipped."""

from __future__ import annotations

import math
from datetime import date, datetime

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsRectItem

from app.domain.trends import build_trend_data
from app.domain.trends_sample import long_history_case, stopped_denosumab_case
from app.ui.trends.plot import TrendPlot, x_of
from app.ui.trends.plot_items import WINDOW_KEY
from app.ui.trends.render import render_trend_png
from app.ui.trends.table import COLUMNS
from app.ui.trends.view import TrendView

AS_OF = date(2026, 11, 21)


@pytest.fixture
def view(qtbot):
    w = TrendView()
    qtbot.addWidget(w)
    w.resize(1400, 700)
    w.set_case(stopped_denosumab_case(), AS_OF)
    w.show()
    qtbot.waitExposed(w)
    return w


def items_of(plot: TrendPlot, vb: pg.ViewBox, kind) -> list:
    return [i for i in plot.transient_items(vb) if isinstance(i, kind)]


def day_of(x: float) -> date:
    return datetime.fromtimestamp(x).date()


def test_plot_items_for_a_stopped_denosumab_patient(view):
    plot, data = view.plot, view.trend_data()
    # markers: every ALP and CTX result, CTX in ng/mL (812 pg/mL -> 0.812)
    for key in ("ALP", "CTX"):
        xs, ys = plot.plotted(key)
        assert [day_of(x) for x in xs] == [p.date for p in data.series[key].points]
        assert ys == pytest.approx([p.value for p in data.series[key].points])
    assert plot.plotted("CTX")[1][0] == pytest.approx(0.812)
    # peak and monitoring windows shaded in the main plot
    regions = [r for r in plot.transient_items(plot.main.vb)
               if isinstance(r, QGraphicsRectItem) and r.data(WINDOW_KEY)]
    spans = sorted((r.data(WINDOW_KEY), day_of(r.rect().left()), day_of(r.rect().right()))
                   for r in regions)
    assert spans == sorted([(f"window:{w.kind}", w.start, w.end) for w in data.windows])
    # stop line with its label; window labels; the as-of line
    labels = [i.toPlainText() for i in items_of(plot, plot.main.vb, pg.TextItem)]
    assert "Stop: Denosumab" in labels
    assert "Rebound-risk window open: day 124 of 395" in labels
    assert "Peak window (days 60–120)" in labels
    assert "As of 2026-11-21" in plot.legend_text()
    # lanes: the drug, events and lab changes; one dose marker per dose
    assert plot.lane_names() == ["Denosumab", "Events", "Lab changes"]
    xs, ys = plot.dose_scatter.getData()
    assert [day_of(x) for x in xs] == [d.date for d in data.doses] and set(ys) == {2.0}
    assert plot.dose_scatter.opts["tip"](x=0, y=0, data=0) == "Denosumab 120 mg on 2025-11-10"
    ex, ey = plot.event_scatter.getData()
    assert [day_of(x) for x in ex] == [e.date for e in data.events] and set(ey) == {1.0}
    assert "Fracture on 2026-10-12\nRegion: T12\nVertebral" in plot.event_scatter.opts["tip"](
        x=0, y=0, data=1)
    event_labels = [i.toPlainText() for i in items_of(plot, plot.lanes.vb, pg.TextItem)]
    assert event_labels == ["RT L3", "Fracture T12"]
    # LSC bands (hatched rectangles) for CTX and ALP, reference bands
    tips = [i.toolTip() for i in plot.transient_items() if hasattr(i, "toolTip")]
    assert any("least significant change ±30% around the nadir 0.048 ng/mL" in t for t in tips)
    assert any(t.startswith("ALP least significant change ±33%") for t in tips)
    assert any("CTX reference range (lab's range): 0.136–0.689 ng/mL" in t for t in tips)


def test_axes_never_use_si_prefixes_and_name_their_units(view):
    right = view.plot.main.getAxis("right")
    left = view.plot.main.getAxis("left")
    assert not right.autoSIPrefix and not left.autoSIPrefix
    assert right.labelString().count("CTX (ng/mL)") == 1
    assert "mng" not in right.labelString() and "ALP (U/L)" in left.labelString()
    # ticks of a 0–1 ng/mL axis stay in ng/mL
    strings = right.tickStrings([0.2, 0.4], 1.0, 0.2)
    assert strings == ["0.2", "0.4"]


def test_log_scale_for_ctx(view):
    view.set_log_ctx(True)
    xs, ys = view.plot.plotted("CTX")
    values = [p.value for p in view.trend_data().series["CTX"].points]
    assert ys == pytest.approx([math.log10(v) for v in values])
    assert view.plot.main.getAxis("right").logMode
    assert "log" in view.plot.main.getAxis("right").labelString()
    view.set_log_ctx(False)
    assert view.plot.plotted("CTX")[1] == pytest.approx(values)


def test_table_matches_the_plot(view):
    model, plot = view.model, view.plot
    for key in ("ALP", "CTX"):
        rows = [model.row_point(r) for r in range(model.rowCount()) if model.row_point(r)[0] == key]
        xs, ys = plot.plotted(key)
        assert [p.date for _k, _i, p in rows] == [day_of(x) for x in xs]
        assert [p.value for _k, _i, p in rows] == pytest.approx(ys)
    assert model.rowCount() == sum(len(plot.plotted(k)[0]) for k in ("ALP", "CTX"))
    # rows read as reported, with units, H/L as text
    col = {name: i for i, name in enumerate(COLUMNS)}
    first_ctx = next(r for r in range(model.rowCount()) if model.row_point(r)[0] == "CTX")

    def cell(row, name, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(row, col[name]), role)

    assert (cell(first_ctx, "reported"), cell(first_ctx, "unit")) == ("812", "pg/mL")
    assert cell(first_ctx, "plotted") == "0.812 ng/mL"
    assert cell(first_ctx, "flag") == "H"
    assert cell(first_ctx, "flag", Qt.ItemDataRole.AccessibleTextRole).startswith("H (above")
    assert cell(first_ctx, "fasting") == "yes" and cell(first_ctx, "date") == "2025-10-20"
    flags = {cell(r, "flag") for r in range(model.rowCount())}
    assert {"H", "L", ""} <= flags


def test_hover_text_shows_the_report(view):
    scatter = view.plot.scatters["CTX"]
    tip = scatter.opts["tip"](x=0.0, y=0.0, data=0)
    assert "CTX: 812 pg/mL (as reported)" in tip
    assert "Plotted as 0.812 ng/mL" in tip
    assert "Date: 2025-10-20" in tip and "Fasting: yes" in tip
    assert "Flag: H (above the reference range)" in tip and "Method: ECLIA (lab A)" in tip


def test_mouse_hover_over_markers_of_both_axes(view, qtbot):
    """The CTX view box lies over the ALP one: hovering either series finds its marker."""
    plot = view.plot
    for key, vb, expected in (
        ("CTX", plot.ctx_vb, "CTX: 812 pg/mL (as reported)"),
        ("ALP", plot.main.vb, "ALP: 212 U/L (as reported)"),
    ):
        xs, ys = plot.plotted(key)
        point = plot.glw.mapFromScene(vb.mapViewToScene(QPointF(xs[0], ys[0])))
        for attempt in range(40):  # pyqtgraph drops mouse moves closer than 10 ms apart
            QTest.mouseMove(plot.glw.viewport(), point + QPoint(attempt % 2, 0))
            qtbot.wait(25)
            if vb.toolTip():
                break
        assert vb.toolTip().startswith(expected)
        assert "Date: 2025-10-20" in vb.toolTip()


def test_range_buttons_clip_plot_and_table(view, qtbot):
    all_rows = view.model.rowCount()
    qtbot.mouseClick(view.range_buttons["1y"], Qt.MouseButton.LeftButton)
    assert view.range_key() == "1y"
    data = view.trend_data()
    assert data.start == date(2025, 11, 21)
    assert 0 < view.model.rowCount() < all_rows
    assert all(day_of(x) >= data.start for k in ("ALP", "CTX") for x in view.plot.plotted(k)[0])
    x_lo, _x_hi = view.plot.main.vb.viewRange()[0]
    assert x_lo < x_of(data.start) and x_lo > x_of(date(2025, 10, 1))
    view.set_range("all")
    assert view.model.rowCount() == all_rows


def test_calcium_and_creatinine_row(view):
    assert view.plot.labs.scene() is None  # not laid out while off
    view.set_extra_visible(True)
    assert view.plot.labs.scene() is view.plot.glw.scene() and view.plot.labs.isVisible()
    assert "Corr. calcium (mmol/L)" in view.plot.labs.getAxis("left").labelString()
    data = view.trend_data()
    assert view.plot.plotted("CA")[1] == pytest.approx([p.value for p in data.series["CA"].points])
    keys = {view.model.row_point(r)[0] for r in range(view.model.rowCount())}
    assert keys == {"ALP", "CTX", "CA", "CREA"}
    view.set_extra_visible(False)
    keys = {view.model.row_point(r)[0] for r in range(view.model.rowCount())}
    assert keys == {"ALP", "CTX"} and view.plot.labs.scene() is None


def test_empty_view(qtbot):
    w = TrendView()
    qtbot.addWidget(w)
    w.set_data(None)
    assert w.model.rowCount() == 0 and w.plot.plotted("ALP") == ([], [])
    assert not w.badge.is_shown() and not w.export_button.isEnabled()
    assert w.plot.transient_items() == []


def test_png_export_has_the_requested_size(qapp, view, tmp_path):
    data = build_trend_data(stopped_denosumab_case(), AS_OF)
    for width, height in ((1200, 700), (2400, 1350)):
        png = render_trend_png(data, width, height)
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        image = QImage.fromData(png, "PNG")
        assert (image.width(), image.height()) == (width, height)
        assert round(image.dotsPerMeterX() * 0.0254) == 300
        # not blank: the plot drew coloured pixels
        colours = {image.pixelColor(x, y).name() for x in range(0, width, 37)
                   for y in range(0, height, 29)}
        assert len(colours) > 5
    path = tmp_path / "trend.png"
    view.export_png(path, 800, 450)
    assert QImage(str(path)).size().width() == 800
    with pytest.raises(ValueError, match="width_px"):
        render_trend_png(data, 0, 100)


def test_switching_patients_does_not_leak_plot_objects(qtbot):
    import gc
    import weakref

    plot = TrendPlot()
    qtbot.addWidget(plot)
    plot.resize(900, 500)
    cases = [(stopped_denosumab_case(), AS_OF),
             (long_history_case(years=3), date(2026, 11, 1))]
    datas = [build_trend_data(c, d) for c, d in cases]
    scene = plot.glw.scene()
    for extra, view_boxes in ((False, 4), (True, 5)):  # the labs row's box is out when off
        plot.set_extra_visible(extra)
        plot.set_data(datas[0])
        baseline_items = len(scene.items())
        baseline_vbs = sum(isinstance(i, pg.ViewBox) for i in scene.items())
        refs = [weakref.ref(i) for i in plot.transient_items()]
        assert refs
        for i in range(40):
            plot.set_data(datas[i % 2])
            plot.set_log_ctx(i % 3 == 0)
        plot.set_log_ctx(False)
        plot.set_data(datas[0])
        gc.collect()
        assert len(scene.items()) == baseline_items
        assert sum(isinstance(i, pg.ViewBox) for i in scene.items()) == baseline_vbs == view_boxes
        assert all(r() is None for r in refs)


@pytest.mark.parametrize("log", [False, True])
def test_sparse_patients_draw_without_errors(qtbot, log):
    from app.domain.case import Administration, Bma, Case, Lab, Patient

    w = TrendView()
    qtbot.addWidget(w)
    w.resize(900, 500)
    w.show()
    w.set_log_ctx(log)
    only_doses = Case(patient=Patient(mrn="T-S1"), bma=Bma(administrations=[
        Administration(date(2026, 1, 5), "zoledronic_acid", 4)]))
    w.set_case(only_doses, AS_OF)
    assert w.model.rowCount() == 0 and w.plot.lane_names() == ["Zoledronic acid"]
    zero_ctx = Case(patient=Patient(mrn="T-S2"), labs=[
        Lab(date(2026, 3, 1), "CTX", 0, "ng/mL"), Lab(date(2026, 4, 1), "ALP", 80, "U/L")])
    w.set_case(zero_ctx, AS_OF)
    assert w.model.rowCount() == 2  # the table lists the 0 even where log scale cannot
    assert len(w.plot.plotted("CTX")[0]) == (0 if log else 1)
    nothing = Case(patient=Patient(mrn="T-S3"))
    w.set_case(nothing, AS_OF)
    assert w.model.rowCount() == 0 and w.plot.lane_names() == []
    w.grab()  # paints without Qt warnings (they fail the test)


def test_markers_in_the_shaded_window_keep_their_colour(view):
    """The window shading lies under both series (the CTX box is above the whole layout):
    a CTX marker inside the peak window is painted in the CTX colour, not tinted."""
    from app.ui.trends.plot import COLOURS

    plot, data = view.plot, view.trend_data()
    peak = next(w for w in data.windows if w.kind == "peak")
    image = plot.glw.grab().toImage()
    for key, vb in (("CTX", plot.ctx_vb), ("ALP", plot.main.vb)):
        inside = [(x, y) for x, y in zip(*plot.plotted(key), strict=True)
                  if peak.start <= day_of(x) <= peak.end]
        assert inside, key
        x, y = inside[0]
        pixel = plot.glw.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
        colour = image.pixelColor(pixel.x(), pixel.y())
        expected = COLOURS[key]
        assert abs(colour.red() - expected.red()) <= 12, (key, colour.name())
        assert abs(colour.green() - expected.green()) <= 12, (key, colour.name())
        assert abs(colour.blue() - expected.blue()) <= 12, (key, colour.name())


def test_legend_lists_what_the_patient_has(view):
    legend = view.plot.legend_text()
    for text in ("rebound peak window", "monitoring window", "stop", "LSC band",
                 "hollow: converted unit or planned", "reference range"):
        assert text in legend
    assert "Creatinine" not in legend
    view.set_case(long_history_case(years=2), date(2026, 11, 1))  # denosumab still running
    legend = view.plot.legend_text()
    assert "peak window" not in legend and "monitoring window" not in legend
    view.set_extra_visible(True)
    assert "Creatinine" in view.plot.legend_text()
