"""``render_trend_png``: the trend plot as PNG bytes at print resolution (MDT pack, PDFs).

The same :class:`~app.ui.trends.plot.TrendPlot` the chart shows is laid out at a logical size
of about 1000 px wide and painted into a ``QImage`` whose device-pixel ratio makes up the
requested pixel size, so text and lines keep their on-screen proportions while the image has
print resolution (the PNG records ``dpi``, 300 by default). Works offscreen
(``QT_QPA_PLATFORM=offscreen``); needs a ``QApplication`` and must run on the GUI thread
(Qt widgets cannot be created elsewhere) — a background pack builder renders the PNG first, or
asks the GUI thread for it.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.trends import TrendData
from app.ui.print_language import printing_language
from app.ui.trends.plot import TrendPlot

LOGICAL_WIDTH = 1000.0  # the on-screen width whose proportions the print keeps
MIN_SIDE = 16
MAX_SIDE = 12000


def render_trend_png(
    trend_data: TrendData | None,
    width_px: int,
    height_px: int,
    *,
    log_ctx: bool = False,
    extra: bool = False,
    dpi: int = 300,
    lang: str | None = None,
    logical_width: float = LOGICAL_WIDTH,
) -> bytes:
    """PNG bytes of exactly ``width_px`` × ``height_px`` pixels showing ``trend_data``.

    ``log_ctx``: CTX on a log scale; ``extra``: add the corrected calcium / creatinine row;
    ``lang`` (``en``/``zh``): the plot's texts in that language (default: the UI language);
    ``logical_width``: a smaller one prints the texts larger relative to the plot.
    """
    if lang is not None:
        with printing_language(lang):
            return render_trend_png(trend_data, width_px, height_px, log_ctx=log_ctx,
                                    extra=extra, dpi=dpi, logical_width=logical_width)
    for name, value in (("width_px", width_px), ("height_px", height_px)):
        if not isinstance(value, int) or not MIN_SIDE <= value <= MAX_SIDE:
            raise ValueError(
                f"{name}: must be a whole number of pixels from {MIN_SIDE} to "
                f"{MAX_SIDE}, got {value!r}"
            )
    if QApplication.instance() is None:
        raise RuntimeError("render_trend_png needs a QApplication (GUI thread)")
    scale = max(1.0, width_px / logical_width)
    plot = TrendPlot(for_print=True)
    try:
        plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        plot.set_pen_scale(scale)
        plot.set_log_ctx(log_ctx)
        plot.set_extra_visible(extra)
        plot.set_data(trend_data)
        plot.resize(round(width_px / scale), round(height_px / scale))
        image = paint(plot, width_px, height_px, scale)
    finally:
        plot.setParent(None)
        plot.deleteLater()
    return encode_png(image, dpi)


def encode_png(image: QImage, dpi: int = 300) -> bytes:
    """The image as PNG bytes recording ``dpi`` (and any ``QImage.setText`` entries)."""
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("the trend plot could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def paint(widget: QWidget, width_px: int, height_px: int, scale: float) -> QImage:
    """Lay the widget out (without showing it) and paint it into a ``width_px`` ×
    ``height_px`` image at device-pixel ratio ``scale``."""
    widget.show()  # WA_DontShowOnScreen: lays out and polishes, never appears
    QApplication.sendPostedEvents()
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        widget.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    widget.hide()
    return image
