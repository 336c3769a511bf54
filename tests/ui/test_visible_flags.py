"""Issue 20 item 4: the denosumab rebound flag and a critical count are readable without
hovering, in the registry and in the worklist, at the default
column widths, in English and Chinese; the flag is also in the cell's accessible text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle
from services.records_helpers import TODAY, case_doc, make_registry

from app.services.registry import RegistryService
from app.services.worklist import refresh_all_summaries
from app.ui.registry_model import COLUMN_KEYS, RegistryTableModel
from app.ui.registry_view import RegistryView

from .chart_fixtures import stopped_denosumab_doc


@pytest.fixture
def flagged(tmp_path):
    db, ids = make_registry(tmp_path, stopped_denosumab_doc("D-1"), case_doc("P-1"))
    refresh_all_summaries(db, as_of=TODAY)
    yield db, ids
    db.dispose()


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    from app.ui.app import Translations

    t = Translations(qapp)
    t.install(request.param)
    yield request.param
    t.install("en")


def _shows_in_full(view, column: int, text: str, icon: bool) -> bool:
    """The text fits the column at its current width beside the icon (nothing elided)."""
    margins = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 8
    room = view.columnWidth(column) - margins
    if icon:
        room -= view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 4
    return view.fontMetrics().horizontalAdvance(text) <= room


def test_registry_alerts_cell_shows_the_flag_first_and_in_full(qtbot, flagged, language):
    db, ids = flagged
    model = RegistryTableModel(RegistryService(db, "t"))
    view = RegistryView(model)
    qtbot.addWidget(view)
    view.resize(1280, 600)
    view.show()
    model.refresh()
    qtbot.waitUntil(lambda: model.row_of_patient(ids["D-1"]) is not None, timeout=5000)
    alerts = COLUMN_KEYS.index("alerts")
    index = model.index(model.row_of_patient(ids["D-1"]), alerts)
    text = index.data()
    flag = "⚠ 反跳风险" if language == "zh_CN" else "⚠ Rebound risk"
    assert text.startswith(flag + " · "), text
    assert _shows_in_full(view, alerts, text, icon=True), (text, view.columnWidth(alerts))
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("denosumab rebound window open" if language == "en" else "地舒")
    other = model.index(model.row_of_patient(ids["P-1"]), alerts).data()
    assert "⚠" not in other


def test_worklist_name_cell_shows_the_flag_in_full(qtbot, flagged, language):
    from app.ui.worklist.model import COLUMNS
    from app.ui.worklist.window import WorklistWindow

    db, ids = flagged
    win = WorklistWindow(db, today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    name_col = COLUMNS.index("name")
    table = win.table
    model = table.model()

    def flagged_rows():
        return [model.index(r, name_col).data() for r in range(model.rowCount())
                if "⚠" in (model.index(r, name_col).data() or "")]

    qtbot.waitUntil(lambda: bool(flagged_rows()), timeout=10000)
    for text in flagged_rows():
        assert text.startswith("⚠"), text
        assert _shows_in_full(table, name_col, text, icon=False), (text,
                                                                   table.columnWidth(name_col))
