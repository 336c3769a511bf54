"""``bonemet --demo``: the registry window over the generated demo registry, and a screenshot
(saved under the test's tmp dir) that actually shows rows, Chinese names and alerts."""

from __future__ import annotations

import argparse

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

import app.data.engine as engine
from app.cli.gui_cmd import prepare_gui
from app.ui.registry_model import COLUMN_KEYS

from .conftest import settle


def test_demo_registry_window_and_screenshot(qtbot, tmp_path, monkeypatch):
    demo_path = tmp_path / "demo.sqlite"
    monkeypatch.setattr(engine, "demo_sqlite_path", lambda: demo_path)
    args = argparse.Namespace(db=None, demo=True, lang="en", command=None)
    session = prepare_gui(args, show_dialogs=False)
    try:
        window = session.window
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        settle(qtbot, window)
        model = window.model
        assert demo_path.is_file()
        assert model.total_count == 200 and model.matching_count == 200
        while model.canFetchMore():  # the first page, then the rest as when scrolling down
            model.fetchMore()
        assert model.rowCount() == 200
        rows = [model.row_at(r) for r in range(model.rowCount())]
        assert any(r.alert_count for r in rows)  # the cached summaries are filled
        assert any(r.name and not r.name.isascii() for r in rows)  # Chinese names
        alerts = model.index(0, COLUMN_KEYS.index("alerts")).data()
        assert alerts and alerts != "—"

        shot = tmp_path / "registry-demo.png"
        image = window.grab().toImage()
        assert image.save(str(shot))
        assert image.width() >= 1000 and image.height() >= 600
        # not a blank window: many distinct colours (text, icons, selection)
        colours = {QColor(image.pixel(x, y)).rgb()
                   for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20
    finally:
        session.db.dispose()


def test_demo_search_by_pinyin_initials(qtbot, tmp_path, monkeypatch):
    demo_path = tmp_path / "demo.sqlite"
    monkeypatch.setattr(engine, "demo_sqlite_path", lambda: demo_path)
    session = prepare_gui(argparse.Namespace(db=None, demo=True, lang="en", command=None),
                          show_dialogs=False)
    try:
        window = session.window
        qtbot.addWidget(window)
        settle(qtbot, window)
        chinese = next(window.model.row_at(r) for r in range(window.model.rowCount())
                       if window.model.row_at(r).name and not window.model.row_at(r).name.isascii())
        from app.data.search_keys import name_search_keys

        _full, initials = name_search_keys(chinese.name)
        qtbot.keyClicks(window.search_box, initials)
        qtbot.waitUntil(lambda: window.model.filter_text == initials, timeout=2000)
        settle(qtbot, window)
        ids = [window.model.row_at(r).id for r in range(window.model.rowCount())]
        assert chinese.id in ids
        assert window.model.matching_count < window.model.total_count
        qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)  # Esc clears the search
        assert window.search_box.text() == ""
    finally:
        session.db.dispose()
