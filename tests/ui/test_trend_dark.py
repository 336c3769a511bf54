"""Dark mode: the trend plot follows a dark palette on screen; printouts stay black on white."""

from datetime import date

import pytest
from PySide6.QtGui import QColor, QPalette

from app.domain.trends import build_trend_data
from app.ui.trends.plot import TrendPlot
from app.ui.trends.render import render_trend_png

pytestmark = pytest.mark.gui


def _dark() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, QColor(30, 30, 30)),
                         (QPalette.ColorRole.Base, QColor(20, 20, 20)),
                         (QPalette.ColorRole.Text, QColor(230, 230, 230)),
                         (QPalette.ColorRole.WindowText, QColor(230, 230, 230))):
        palette.setColor(role, colour)
    return palette


def test_plot_follows_a_dark_palette_and_back(qtbot):
    plot = TrendPlot()
    qtbot.addWidget(plot)
    assert plot.paper == QColor(255, 255, 255)
    plot.setPalette(_dark())
    assert plot.paper == QColor(20, 20, 20) and plot.ink == QColor(230, 230, 230)
    image = plot.glw.grab().toImage()
    assert image.pixelColor(5, image.height() - 5).lightness() < 60  # background is dark
    plot.setPalette(QPalette())
    assert plot.paper.lightness() > 200


def test_print_render_is_light_under_a_dark_app_palette(qapp):
    import json
    from pathlib import Path

    from app.domain.casefile import parse_case

    example = Path(__file__).resolve().parents[1] / "fixtures" / "cases" / "example.json"
    previous = qapp.palette()
    qapp.setPalette(_dark())
    try:
        case = parse_case(json.loads(example.read_text(encoding="utf-8")))
        png = render_trend_png(build_trend_data(case, date(2026, 11, 21)), 800, 400)
    finally:
        qapp.setPalette(previous)
    from PySide6.QtGui import QImage

    image = QImage.fromData(png)
    assert image.pixelColor(3, image.height() - 3).lightness() > 200
