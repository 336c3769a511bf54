"""The trend plot exported as a PNG the clinician saves (Export PNG… in the chart's trend
panel): the plot at print resolution under a caption band that says whose it is and what it
shows — the patient's name and MRN, the dates of the results shown and the print date — so a
printed or forwarded image can never be mistaken for another patient's. The same text is
stored in the PNG's ``Title`` / ``Description`` entries.

The suggested file name carries the MRN and the print date (``trend-<MRN>-<YYYY-MM-DD>.png``,
characters a file system may refuse replaced by ``_``). The file is written with
:func:`app.services.files.write_file_atomic`. Patient data goes into the file only — never to
logs or messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication

from app.domain.trends import TrendData
from app.ui.trends.render import LOGICAL_WIDTH, encode_png, render_trend_png

translate = QCoreApplication.translate

CAPTION_PT = 11.0  # logical size of the caption text (the plot's own text is about 9 pt)
PAD = 10.0


@dataclass(frozen=True)
class PatientLabel:
    """Whose trend it is (from the chart's case)."""

    mrn: str
    name: str | None = None


def caption_lines(patient: PatientLabel | None, data: TrendData, printed_on: date) -> list[str]:
    """The caption's two lines (translated): who, then which results and when printed."""
    who = translate("Trends", "Patient: %1 · MRN: %2").replace(
        "%1", (patient.name if patient and patient.name else "—")).replace(
        "%2", patient.mrn if patient else "—")
    what = translate("Trends", "ALP and CTX from %1 to %2 · printed %3").replace(
        "%1", data.start.isoformat()).replace("%2", data.end.isoformat()).replace(
        "%3", printed_on.isoformat())
    return [who, what]


_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


def default_file_name(patient: PatientLabel | None, printed_on: date) -> str:
    """``trend-<MRN>-<date>.png`` (``trend-<date>.png`` without a patient)."""
    mrn = _UNSAFE.sub("_", patient.mrn).strip("._") if patient else ""
    return f"trend-{mrn}-{printed_on.isoformat()}.png" if mrn else \
        f"trend-{printed_on.isoformat()}.png"


def render_labelled_png(data: TrendData, width_px: int, height_px: int, lines: list[str], *,
                        log_ctx: bool = False, extra: bool = False, dpi: int = 300) -> bytes:
    """PNG bytes of ``width_px`` × ``height_px``: the caption ``lines`` on a band at the top,
    the trend plot below it (:func:`~app.ui.trends.render.render_trend_png`)."""
    if QApplication.instance() is None:
        raise RuntimeError("render_labelled_png needs a QApplication (GUI thread)")
    scale = max(1.0, width_px / LOGICAL_WIDTH)
    font = QFont(QApplication.font())
    font.setPointSizeF(CAPTION_PT)
    bold = QFont(font)
    bold.setBold(True)
    line_h = QFontMetricsF(bold).height() * 1.25
    band_px = round((2 * PAD + line_h * len(lines)) * scale)
    plot = QImage.fromData(render_trend_png(data, width_px, max(16, height_px - band_px),
                                            log_ctx=log_ctx, extra=extra, dpi=dpi), "PNG")
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.drawImage(QPointF(0, band_px), plot)
        painter.scale(scale, scale)
        width = width_px / scale
        painter.setPen(QColor("#111111"))
        for i, text in enumerate(lines):
            painter.setFont(bold if i == 0 else font)
            painter.drawText(QRectF(PAD, PAD + i * line_h, width - 2 * PAD, line_h),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             text)
        painter.setPen(QPen(QColor("#666666"), 1.0))
        rule_y = band_px / scale - 1
        painter.drawLine(QPointF(PAD, rule_y), QPointF(width - PAD, rule_y))
    finally:
        painter.end()
    image.setText("Title", lines[0] if lines else "")
    image.setText("Description", "\n".join(lines))
    return encode_png(image, dpi)
