"""The registry's fast cell painter draws what the platform style would draw, in the same place.

Each test paints the table twice, once with :class:`RegistryDelegate` and once with a plain
``QStyledItemDelegate`` (what Qt draws from the model's roles), and compares the cells' ink:
where the text and icon are, how much of it there is, and its colour.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QRect
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from app.ui.registry_delegate import RegistryDelegate
from app.ui.registry_model import COLUMN_KEYS

from .conftest import settle


def _render(view, delegate) -> QImage:
    view.setItemDelegate(delegate)
    view.viewport().repaint()
    return view.viewport().grab().toImage()


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


def _compare_cells(view, fast: QImage, styled: QImage, rows: range) -> None:
    model = view.model()
    for row in rows:
        for column in range(model.columnCount()):
            rect = view.visualRect(model.index(row, column))
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
            assert colours_fast & colours_styled, (where, colours_fast, colours_styled)


def _unselect(view) -> None:
    view.selectionModel().clear()
    view.selectionModel().setCurrentIndex(view.model().index(-1, -1),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)


def test_unselected_rows_look_as_the_style_draws_them(qtbot, window):
    view = window.view
    fast_delegate = view.itemDelegate()
    assert isinstance(fast_delegate, RegistryDelegate)
    _unselect(view)
    fast = _render(view, fast_delegate)
    styled = _render(view, QStyledItemDelegate(view))
    _compare_cells(view, fast, styled, range(view.model().rowCount()))


def test_the_selected_row_is_painted_by_the_style_itself(qtbot, window):
    view = window.view
    view.select_row(1)
    fast = _render(view, view.itemDelegate())
    styled = _render(view, QStyledItemDelegate(view))
    model = view.model()
    top_left = view.visualRect(model.index(1, 0)).topLeft()
    bottom_right = view.visualRect(model.index(1, model.columnCount() - 1)).bottomRight()
    row_rect = QRect(top_left, bottom_right)
    assert fast.copy(row_rect) == styled.copy(row_rect)  # pixel for pixel


def test_overdue_due_dates_are_red_and_other_text_is_not(qtbot, window):
    view = window.view
    _unselect(view)
    image = _render(view, view.itemDelegate())
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
    delegate = view.itemDelegate()
    fast = _render(view, delegate)
    styled = _render(view, QStyledItemDelegate(view))
    _compare_cells(view, fast, styled, range(view.model().rowCount()))
    elided = [key[0] for key in delegate._elided]
    assert elided, "nothing was elided"
    assert all(delegate._elided[(text, width)].text().endswith("…")
               for text, width in delegate._elided)


def test_a_font_change_lays_the_cells_out_again(qtbot, window):
    view = window.view
    _unselect(view)
    _render(view, view.itemDelegate())  # fills the delegate's caches at the old font
    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    view.setFont(font)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    settle(qtbot, window)
    QApplication.processEvents()
    fast = _render(view, view.itemDelegate())
    styled = _render(view, QStyledItemDelegate(view))
    _compare_cells(view, fast, styled, range(view.model().rowCount()))
