"""Small icons drawn in code (no image files): severity markers for the registry's Alerts column.

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


@cache
def severity_icon(severity: str | None) -> QIcon:
    """The marker for a severity; an empty icon for None/unknown codes."""
    colour = SEVERITY_COLOURS.get(severity or "")
    if colour is None:
        return QIcon()
    pixmap = QPixmap(_SIZE, _SIZE)
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
    return QIcon(pixmap)
