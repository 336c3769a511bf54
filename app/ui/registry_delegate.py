"""Painting the registry table's cells fast enough for search-as-you-type.

Every keystroke of the registry search repaints the whole visible table (about 30 rows × 8
columns). Painted through ``QStyledItemDelegate``, each cell costs seven calls into the Python
model (one per role the style asks for) and a fresh ``QTextLayout``; together about 8 ms a paint,
half of the search's time budget. :class:`RegistryDelegate` paints the rows that are neither
selected nor focused itself, from the model's per-row cache (:meth:`RegistryTableModel.paint_row`):
one Python call per cell, the severity icon as an ``QIcon``, and the text as a cached
``QStaticText`` (names, labels and dates repeat from one keystroke to the next), elided with
"…" like the style does when the column is too narrow. The row background (alternating colours)
is drawn by the view before the delegate, as always.

The selected row (and the focused cell) is painted by ``QStyledItemDelegate`` itself, so
selection and focus look exactly as the platform style draws them; the text and icon positions
of the fast path are taken from the same style (``subElementRect``), so the columns line up.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.ui.registry_model import RegistryTableModel

_Index = QModelIndex | QPersistentModelIndex
# state bits as plain ints: Python enum arithmetic costs more than the rest of a cell's paint
_SELECTED_OR_FOCUS = (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus).value
_ENABLED_ACTIVE = (QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Active).value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ELIDE = Qt.TextElideMode.ElideRight


class _Layout(NamedTuple):
    """Where the style puts a cell's content, relative to the cell's top left corner."""

    left: int  # text start
    right: int  # padding after the text's end
    top: int  # text line top
    icon: QRect | None


class RegistryDelegate(QStyledItemDelegate):
    """Cell painter of :class:`~app.ui.registry_view.RegistryView` (see the module doc)."""

    #: distinct texts kept as laid-out ``QStaticText`` (a page has about 8 × 200 cells)
    CACHE_LIMIT = 6000

    def __init__(self, model: RegistryTableModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model
        self._view = parent
        self._alerts = model.ALERTS_COLUMN
        self._next_due = model.NEXT_DUE_COLUMN
        self._overdue = model.OVERDUE_COLOUR
        # text -> (static text, width in pixels); (text, width available) -> elided static text
        self._texts: dict[str, tuple[QStaticText, int]] = {}
        self._elided: dict[tuple[str, int], QStaticText] = {}
        self._layouts: dict[tuple[bool, int], _Layout] = {}  # (has icon, cell height) ->
        self._colours: dict[int, QColor] = {}  # enabled/active state bits -> text colour
        self._metrics: QFontMetrics | None = None

    def clear_cache(self) -> None:
        """Forget laid-out texts, positions and colours (font, style or palette changed)."""
        self._texts.clear()
        self._elided.clear()
        self._layouts.clear()
        self._colours.clear()
        self._metrics = None

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        state = option.state.value
        if state & _SELECTED_OR_FOCUS:
            super().paint(painter, option, index)  # exactly as the style draws a selection
            return
        entry = self._model.paint_row(index.row())
        if entry is None:
            return
        texts, icon, overdue = entry
        column = index.column()
        has_icon = icon is not None and column == self._alerts
        rect = option.rect
        x, y, height = rect.x(), rect.y(), rect.height()
        layout = self._layouts.get((has_icon, height))
        if layout is None:
            layout = self._layout(option, index, has_icon)
        if has_icon and layout.icon is not None:
            icon.paint(painter, layout.icon.translated(x, y))
        text = texts[column]
        available = rect.width() - layout.left - layout.right
        if not text or available <= 0:
            return
        if overdue and column == self._next_due:
            painter.setPen(self._overdue)
        else:
            colour = self._colours.get(state & _ENABLED_ACTIVE)
            if colour is None:
                colour = self._colour(option, state)
            painter.setPen(colour)
        painter.drawStaticText(x + layout.left, y + layout.top, self._static(text, available))

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

    def _colour(self, option: QStyleOptionViewItem, state: int) -> QColor:
        if not state & _ENABLED:
            group = QPalette.ColorGroup.Disabled
        elif state & QStyle.StateFlag.State_Active.value:
            group = QPalette.ColorGroup.Active
        else:
            group = QPalette.ColorGroup.Inactive
        colour = self._colours[state & _ENABLED_ACTIVE] = QColor(
            option.palette.color(group, QPalette.ColorRole.Text)
        )
        return colour

    def _layout(self, option: QStyleOptionViewItem, index: _Index, has_icon: bool) -> _Layout:
        """Where the style puts the text and the icon in a cell — asked of the style itself,
        once per cell height (and again after a font, style or palette change)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        features = opt.features | QStyleOptionViewItem.ViewItemFeature.HasDisplay
        if not has_icon:
            features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        opt.features = features
        opt.text = opt.text or "x"
        widget = option.widget or self._view
        style = widget.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = opt.rect
        icon_rect = None
        if has_icon:
            deco = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, opt, widget)
            icon_rect = deco.translated(-rect.x(), -rect.y())
        metrics = self._metrics or self._font_metrics()
        layout = self._layouts[(has_icon, rect.height())] = _Layout(
            left=text.x() - rect.x() + margin,
            right=rect.right() - text.right() + margin,
            top=(rect.height() - metrics.height()) // 2,
            icon=icon_rect,
        )
        return layout


def _static_text(text: str) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
    static.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
    return static
