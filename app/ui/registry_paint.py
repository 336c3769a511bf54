"""Painting the registry table fast enough for search-as-you-type.

Every keystroke of the registry search repaints the whole visible table (about 30 rows × 8
columns). Painted by ``QTableView`` through ``QStyledItemDelegate``, each cell costs seven calls
into the Python model (one per role the style asks for) and a fresh ``QTextLayout``: about 8 ms
a paint, half of a keystroke's time budget; a Python delegate still costs a call and a dozen
wrapped arguments per cell. :class:`RowPainter` paints the rows that are neither selected nor
current in one pass from the model's per-row cache (:meth:`RegistryTableModel.paint_row`): the
row background by the style (``PE_PanelItemViewRow``: alternating colours), the severity icon,
the texts as cached ``QStaticText`` (labels, dates and names repeat from one keystroke to the
next), elided with "…" as the style elides, and the grid lines where ``QTableView`` draws them.

The selected and the current row are left to ``QTableView`` itself, so selection and focus look
exactly as the platform style draws them; the text and icon positions of the fast rows are taken
from the same style (``subElementRect``), so the columns line up. A test compares the pixels
with Qt's own painting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QRegion,
    QStaticText,
)
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from app.ui.registry_model import RegistryTableModel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

_ELIDE = Qt.TextElideMode.ElideRight
_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_HAS_DECORATION = QStyleOptionViewItem.ViewItemFeature.HasDecoration
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_NO_FEATURES = QStyleOptionViewItem.ViewItemFeature(0)


class _Layout(NamedTuple):
    """Where the style puts a cell's content, relative to the cell's top left corner."""

    left: int  # text start
    right: int  # padding after the text's end
    top: int  # text line top
    icon: QRect | None


class RowPainter:
    """Paints a :class:`~app.ui.registry_view.RegistryView`'s unselected rows (module doc)."""

    #: distinct texts kept as laid-out ``QStaticText`` (a page has about 8 × 200 cells)
    CACHE_LIMIT = 6000

    def __init__(self, view: QTableView, model: RegistryTableModel) -> None:
        self._view = view
        self._model = model
        self._alerts = model.ALERTS_COLUMN
        self._next_due = model.NEXT_DUE_COLUMN
        self._overdue = model.OVERDUE_COLOUR
        # text -> (static text, width in pixels); (text, width available) -> elided static text
        self._texts: dict[str, tuple[QStaticText, int]] = {}
        self._elided: dict[tuple[str, int], QStaticText] = {}
        self._layouts: dict[tuple[bool, int], _Layout] = {}  # (has icon, cell height) ->
        self._metrics: QFontMetrics | None = None

    def clear_cache(self) -> None:
        """Forget laid-out texts and positions (font or style changed)."""
        self._texts.clear()
        self._elided.clear()
        self._layouts.clear()
        self._metrics = None

    # ----- painting ----------------------------------------------------------------------
    def paint(self, region: QRegion) -> QRegion:
        """Paint the fast rows within ``region`` of the viewport; returns the part left for
        ``QTableView`` to paint (the selected and current rows)."""
        view, model = self._view, self._model
        rest = QRegion()
        rows = model.rowCount()
        columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
        if rows == 0 or not columns:
            return rest
        bounds = region.boundingRect()
        header = view.horizontalHeader()
        # the table's extent (QTableView paints nothing beyond its last row and column)
        last_row = rows - 1
        table_bottom = view.rowViewportPosition(last_row) + view.rowHeight(last_row) - 1
        table_right = header.length() - header.offset() - 1
        dirty = bounds.intersected(QRect(0, 0, table_right + 1, table_bottom + 1))
        if dirty.isEmpty():
            return rest
        first = max(0, view.rowAt(dirty.top()))
        last = view.rowAt(dirty.bottom())
        last = last_row if last < 0 else last
        cells = [(c, view.columnViewportPosition(c), view.columnWidth(c)) for c in columns]
        cells = [(c, x, w) for c, x, w in cells if x + w > dirty.left() and x <= dirty.right()]
        if not cells:
            return rest
        slow = self._slow_rows()
        grid = 1 if view.showGrid() else 0
        painter = QPainter(view.viewport())
        try:
            painter.setClipRegion(region)
            option = self._row_option()
            colours = self._text_colours(option)
            style = view.style()
            alternate = view.alternatingRowColors()
            drawn: list[tuple[int, int]] = []
            for row in range(first, last + 1):
                if view.isRowHidden(row):
                    continue
                y, height = view.rowViewportPosition(row), view.rowHeight(row)
                if row in slow:
                    rest += QRect(dirty.left(), y, dirty.width(), height).intersected(bounds)
                    continue
                entry = model.paint_row(row)
                if entry is None:
                    continue
                option.rect = QRect(dirty.left(), y, dirty.width(), height - grid)
                option.features = _ALTERNATE if alternate and row & 1 else _NO_FEATURES
                style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewRow, option, painter,
                                    view)
                self._paint_cells(painter, entry, cells, y, height - grid, grid, colours)
                drawn.append((y, height))
            if grid and drawn:
                self._paint_grid(painter, option, dirty, drawn, cells)
        finally:
            painter.end()
        return rest.intersected(region)

    def _paint_cells(self, painter: QPainter, entry, cells, y: int, height: int, grid: int,
                     colours: tuple[QColor, QColor]) -> None:
        texts, icon, overdue = entry
        alerts, next_due = self._alerts, self._next_due
        plain, late = colours
        for column, x, width in cells:
            has_icon = icon is not None and column == alerts
            layout = self._layouts.get((has_icon, height)) or self._layout(has_icon, height)
            if has_icon and layout.icon is not None:
                icon.paint(painter, layout.icon.translated(x, y))
            text = texts[column]
            available = width - grid - layout.left - layout.right
            if not text or available <= 0:
                continue
            painter.setPen(late if overdue and column == next_due else plain)
            painter.drawStaticText(QPointF(x + layout.left, y + layout.top),
                                   self._static(text, available))

    def _paint_grid(self, painter: QPainter, option: QStyleOptionViewItem, dirty: QRect,
                    drawn: list[tuple[int, int]], cells) -> None:
        """The grid lines of the painted rows, as ``QTableView`` draws them: a cell's last
        pixel row and column."""
        view = self._view
        hint = view.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
        painter.setPen(QPen(QColor.fromRgba(hint & 0xFFFFFFFF), 1, view.gridStyle()))
        for y, height in drawn:
            bottom = y + height - 1
            painter.drawLine(dirty.left(), bottom, dirty.right(), bottom)
        top = min(y for y, _h in drawn)
        bottom = max(y + h - 1 for y, h in drawn)
        for _column, x, width in cells:
            painter.drawLine(x + width - 1, top, x + width - 1, bottom)

    def _slow_rows(self) -> set[int]:
        """Rows QTableView paints itself: selected ones and the current one."""
        view = self._view
        rows = {index.row() for index in view.selectionModel().selectedIndexes()}
        current = view.currentIndex()
        if current.isValid():
            rows.add(current.row())
        return rows

    def _row_option(self) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self._view.initViewItemOption(option)
        return option

    def _text_colours(self, option: QStyleOptionViewItem) -> tuple[QColor, QColor]:
        view = self._view
        if not view.isEnabled():
            group = QPalette.ColorGroup.Disabled
        elif view.isActiveWindow():
            group = QPalette.ColorGroup.Active
        else:
            group = QPalette.ColorGroup.Inactive
        return option.palette.color(group, QPalette.ColorRole.Text), self._overdue

    # ----- texts and positions -----------------------------------------------------------
    def _static(self, text: str, available: int) -> QStaticText:
        cached = self._texts.get(text)
        metrics = self._metrics or self._font_metrics()
        if cached is None:
            if len(self._texts) >= self.CACHE_LIMIT:
                self._texts.clear()
                self._elided.clear()
            cached = self._texts[text] = (_static_text(text), metrics.horizontalAdvance(text))
        static, width = cached
        if width <= available:
            return static
        elided = self._elided.get((text, available))
        if elided is None:
            elided = self._elided[(text, available)] = _static_text(
                metrics.elidedText(text, _ELIDE, available)
            )
        return elided

    def _font_metrics(self) -> QFontMetrics:
        self._metrics = QFontMetrics(self._view.font())
        return self._metrics

    def _layout(self, has_icon: bool, height: int) -> _Layout:
        """Where the style puts the text and the icon in a cell — asked of the style itself,
        once per cell height (and again after a font or style change)."""
        view = self._view
        opt = self._row_option()
        opt.rect = QRect(0, 0, 200, height)
        opt.text = "x"
        opt.index = QModelIndex()
        features = opt.features | _HAS_DISPLAY
        features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        if has_icon:
            features |= _HAS_DECORATION
        opt.features = features
        style = view.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        icon_rect = None
        if has_icon:
            icon_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, opt,
                                             view)
        metrics = self._metrics or self._font_metrics()
        layout = self._layouts[(has_icon, height)] = _Layout(
            left=text.x() + margin,
            right=opt.rect.right() - text.right() + margin,
            top=(height - metrics.height()) // 2,
            icon=icon_rect,
        )
        return layout


def _static_text(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
    static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    return static
