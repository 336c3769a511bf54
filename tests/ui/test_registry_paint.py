"""The registry's fast row painter draws what the platform style would draw, in the same place.

Each test paints the table twice, once with :class:`RowPainter` and once by ``QTableView``
itself (``fast_paint`` off: ``QStyledItemDelegate`` painting from the model's roles), and
compares the cells' ink: where the text and icon are, how much of it there is, its colour; and
the grid lines and row backgrounds pixel for pixel.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QRect
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QApplication

from app.ui.registry_model import COLUMN_KEYS

from .conftest import settle


def _render(view, fast: bool) -> QImage:
    view.fast_paint = fast
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    view.fast_paint = True
    return image


def _ink(image: QImage, rect: QRect, background: QColor) -> tuple[QRect | None, int, set]:
    """Bounding box, pixel count and dark-enough colours of what differs from the cell's
    background (the grid line on the cell's right/bottom edge is left out)."""
    xs, ys, count, colours = [], [], 0, set()
    for y in range(rect.top(), rect.bottom()):
        for x in range(rect.left(), rect.right()):
            c = image.pixelColor(x, y)
            if abs(c.red() - background.red()) + abs(c.green() - background.green()) + abs(
                    c.blue() - background.blue()) > 60:
                xs.append(x)
                ys.append(y)
                count += 1
                if c.value() < 200:
                    colours.add((c.red() // 32, c.green() // 32, c.blue() // 32))
    if not xs:
        return None, 0, colours
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1), count, colours


def _compare_cells(view, fast: QImage, styled: QImage, rows, within: QRect | None = None
                   ) -> None:
    model = view.model()
    for row in rows:
        for column in range(model.columnCount()):
            rect = view.visualRect(model.index(row, column))
            if within is not None:
                rect = rect.intersected(within)
                if rect.isEmpty():
                    continue
            background = styled.pixelColor(rect.left() + 1, rect.top() + 1)
            box_fast, n_fast, colours_fast = _ink(fast, rect, background)
            box_styled, n_styled, colours_styled = _ink(styled, rect, background)
            where = f"row {row} column {COLUMN_KEYS[column]}"
            assert (box_fast is None) == (box_styled is None), where
            if box_fast is None:
                continue
            for a, b in ((box_fast.left(), box_styled.left()), (box_fast.top(), box_styled.top()),
                         (box_fast.right(), box_styled.right()),
                         (box_fast.bottom(), box_styled.bottom())):
                assert abs(a - b) <= 1, (where, box_fast, box_styled)
            assert abs(n_fast - n_styled) <= 0.2 * n_styled + 4, (where, n_fast, n_styled)
            assert colours_fast & colours_styled or colours_fast == colours_styled, where


def _compare_lines(view, fast: QImage, styled: QImage) -> None:
    """Row backgrounds and grid lines, pixel for pixel: the first and last pixel columns of
    every cell (left of any text), the grid line right of and below it (``visualRect`` leaves
    it out), and the viewport below the last row."""
    model = view.model()
    width, height = fast.width(), fast.height()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            rect = view.visualRect(model.index(row, column))
            for x in (rect.left(), rect.left() + 1, rect.right(), rect.right() + 1):
                for y in range(rect.top(), min(height, rect.bottom() + 2)):
                    if x < width:
                        assert fast.pixel(x, y) == styled.pixel(x, y), (row, column, x, y)
            for x in range(rect.left(), min(width, rect.right() + 2), 5):
                for y in (rect.bottom(), rect.bottom() + 1):
                    if y < height:
                        assert fast.pixel(x, y) == styled.pixel(x, y), (row, column, x, y)
    below = view.visualRect(model.index(model.rowCount() - 1, 0)).bottom() + 2
    if below < height:
        assert fast.copy(0, below, width, height - below) == styled.copy(
            0, below, width, height - below)


def _compare_with_qt(view, rows=None, *, lines: bool = True) -> tuple[QImage, QImage]:
    """Paint the table both ways and compare the given rows' cells (all rows by default) and,
    with ``lines``, the row backgrounds and grid lines; returns (fast, Qt's) images."""
    fast = _render(view, True)
    styled = _render(view, False)
    _compare_cells(view, fast, styled, range(view.model().rowCount()) if rows is None else rows)
    if lines:
        _compare_lines(view, fast, styled)
    return fast, styled


def _unselect(view) -> None:
    view.selectionModel().clear()
    view.selectionModel().setCurrentIndex(view.model().index(-1, -1),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)


def test_unselected_rows_look_as_the_style_draws_them(qtbot, window):
    view = window.view
    _unselect(view)
    _compare_with_qt(view)


def test_the_selected_row_is_painted_by_the_style_itself(qtbot, window):
    view = window.view
    view.select_row(1)
    fast, styled = _compare_with_qt(view, [0, 2, 3, 4])  # the other rows as the style paints
    model = view.model()
    top_left = view.visualRect(model.index(1, 0)).topLeft()
    bottom_right = view.visualRect(model.index(1, model.columnCount() - 1)).bottomRight()
    row_rect = QRect(top_left, bottom_right)
    assert fast.copy(row_rect) == styled.copy(row_rect)  # pixel for pixel


def test_overdue_due_dates_are_red_and_other_text_is_not(qtbot, window):
    view = window.view
    _unselect(view)
    image = _render(view, True)
    model = window.model
    column = COLUMN_KEYS.index("next_due")
    reds = {}
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, column))
        background = image.pixelColor(rect.left() + 1, rect.top() + 1)
        _box, _n, colours = _ink(image, rect, background)
        reds[model.row_at(row).mrn] = any(r >= 4 and g <= 2 and b <= 2 for r, g, b in colours)
    assert reds == {"A1001": False, "A1002": False, "B2001": True, "B2002": False,
                    "C3001": False}


def test_a_narrow_column_elides_like_the_style(qtbot, window):
    view = window.view
    _unselect(view)
    column = COLUMN_KEYS.index("name")
    view.horizontalHeader().resizeSection(column, 40)
    QApplication.processEvents()
    _compare_with_qt(view, lines=False)
    painter = view._row_painter
    assert painter._elided, "nothing was elided"
    assert all(static.text().endswith("…") for static in painter._elided.values())


def test_a_font_change_lays_the_cells_out_again(qtbot, window):
    view = window.view
    _unselect(view)
    _render(view, True)  # fills the painter's caches at the old font
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    settle(qtbot, window)
    QApplication.processEvents()
    _compare_with_qt(view)


def test_a_partial_update_paints_only_its_region_and_as_the_style(qtbot, window):
    """Scrolling and small updates repaint part of the table: the fast rows stay inside it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QRegion

    view = window.view
    _unselect(view)
    model = view.model()
    top = view.visualRect(model.index(1, 2))
    bottom = view.visualRect(model.index(3, 4))
    part = QRect(top.left() + 3, top.top() + 5, bottom.right() - top.left() - 3,
                 bottom.bottom() - top.top() - 5)
    images = []
    for fast in (True, False):
        view.fast_paint = fast
        image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32)
        image.fill(QColor("magenta"))
        view.viewport().render(image, QPoint(), QRegion(part))
        images.append(image)
    view.fast_paint = True
    fast_image, styled_image = images
    for y in range(0, fast_image.height(), 2):
        for x in range(0, fast_image.width(), 2):
            if not part.contains(x, y):  # nothing drawn outside the region (as by Qt)
                assert fast_image.pixel(x, y) == styled_image.pixel(x, y), (x, y)
    _compare_cells(view, fast_image, styled_image, range(model.rowCount()), within=part)
