"""Icons: severity markers for the registry's Alerts column (drawn in code at each device pixel
ratio, so crisp at 100–300 %), and the application icon (app/resources/icons).

Colour is never the only signal: each marker has a distinct shape (critical = filled square
with "!", warning = triangle, info = circle) and the cell text names the severity too.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

SEVERITY_COLOURS = {
    "critical": QColor(196, 30, 58),
    "warning": QColor(230, 145, 0),
    "info": QColor(40, 110, 190),
}
_SIZE = 16


# device pixel ratios drawn (100 %, 150 %, 200 %, 300 %): Qt picks the closest for the screen
_RATIOS = (1.0, 1.5, 2.0, 3.0)


def _marker(severity: str, colour: QColor, ratio: float) -> QPixmap:
    """One marker drawn in logical 16-px coordinates on a pixmap of ``16 × ratio`` pixels."""
    pixmap = QPixmap(round(_SIZE * ratio), round(_SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour.darker(130), 1))
    painter.setBrush(QBrush(colour))
    if severity == "critical":
        painter.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 2, 2)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(12)
        painter.setFont(font)
        painter.setPen(QPen(QColor("white")))
        painter.drawText(QRectF(0, 0, _SIZE, _SIZE), Qt.AlignmentFlag.AlignCenter, "!")
    elif severity == "warning":
        painter.drawPolygon(QPolygonF([QPointF(8, 1.5), QPointF(14.5, 14.5), QPointF(1.5, 14.5)]))
    else:
        painter.drawEllipse(QRectF(3, 3, 10, 10))
    painter.end()
    return pixmap


@cache
def severity_icon(severity: str | None) -> QIcon:
    """The marker for a severity, crisp at every usual scale; an empty icon for None/unknown."""
    colour = SEVERITY_COLOURS.get(severity or "")
    if colour is None:
        return QIcon()
    icon = QIcon()
    for ratio in _RATIOS:
        icon.addPixmap(_marker(severity or "", colour, ratio))
    return icon


def app_icon() -> QIcon:
    """The application's icon (window title bars, task bar): the SVG plus its PNG sizes."""
    from app.resources import resources_dir

    folder = resources_dir() / "icons"
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = folder / f"bonemet-{size}.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon
