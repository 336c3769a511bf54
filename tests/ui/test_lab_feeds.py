"""Lab feeds run with the app: Settings → Lab feeds (keyboard) starts the network listener and
the watched folder at once; results pushed or dropped arrive; the status bar says what runs;
closing the window stops them; an unusable settings file starts nothing and says so."""

from __future__ import annotations

import json
import socket

import pytest
from interop.mllp_client import Client, frame, msa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.lab_intake_settings import LabIntakeSettings, default_intake_path
from app.ui.labs.install import install_lab_feeds

from .lab_fixtures import lab_count, message
from .test_settings_dialog import open_dialog


def press(qtbot, win, key, modifier) -> None:
    """A key press as the user makes it: to the focused widget of the active window."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget() or win, key, modifier)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def feeds(window, registry, monkeypatch):
    monkeypatch.setattr("app.ui.labs.folder_watch.POLL_MS", 100)
    monkeypatch.setattr("app.ui.labs.folder_watch.SETTLE_S", 0.3)
    feeds = install_lab_feeds(window, registry.db, "ui-test", start_feeds=False)
    yield feeds
    feeds.shutdown()


def test_settings_start_the_listener_and_the_folder_then_close_stops_them(
        qtbot, window, registry, feeds, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    port = free_port()
    _hub, dialog = open_dialog(qtbot, window, tmp_path)
    press(qtbot, dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Lab &feeds
    tab = dialog.lab_feeds_tab
    assert dialog.tabs.currentWidget() is tab
    assert not tab.host.isEnabled()  # the address only matters with the listener on
    press(qtbot, dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # Recei&ve …
    qtbot.waitUntil(tab.listen.isChecked, timeout=2000)  # a mnemonic "animates" the click
    assert tab.host.isEnabled()
    tab.port.setValue(port)
    press(qtbot, dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # &Watched folder
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.folder, timeout=2000)
    qtbot.keyClicks(tab.folder, str(drop))
    assert dialog.save()
    saved = json.loads(default_intake_path().read_text(encoding="utf-8"))
    assert saved == {"listen": True, "listen_host": "127.0.0.1", "listen_port": port,
                     "watch_folder": str(drop)}
    label = feeds.status_label
    qtbot.waitUntil(lambda: f"Lab listener on 127.0.0.1:{port}" in label.text(), timeout=5000)
    assert label.isVisible()

    refreshed = []
    real_refresh = window.refresh
    window.refresh = lambda: (refreshed.append(1), real_refresh())  # the registry list
    before = lab_count(registry.db)
    with Client(port) as client:
        assert msa(client.exchange(frame(message("NET-9"))))[:2] == ("AA", "NET-9")
    qtbot.waitUntil(lambda: "1 accepted" in label.text(), timeout=5000)
    assert lab_count(registry.db) == before + 1
    qtbot.waitUntil(lambda: bool(refreshed), timeout=5000)  # shortly after results arrived

    (drop / "dropped.hl7").write_bytes(message("DROP-1", value="0.77").encode("gb18030"))
    qtbot.waitUntil(lambda: (drop / "done" / "dropped.hl7").exists(), timeout=15000)
    qtbot.waitUntil(lambda: "imported 1, failed 0" in label.text(), timeout=5000)
    assert lab_count(registry.db) == before + 2

    (drop / "bad.csv").write_text("mrn,date,analyte,value,unit\nA1001,2026-11-02,CTX,1,mmol/L\n")
    qtbot.waitUntil(lambda: "imported 1, failed 1" in label.text(), timeout=15000)
    assert (drop / "failed" / "bad.csv").exists()
    reports = list((drop / "failed").glob("import-*.report.txt"))
    assert len(reports) == 1 and "A1001" not in reports[0].name
    assert "line 2, " in reports[0].read_text(encoding="utf-8")

    window.close()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_settings_tab_refuses_a_missing_folder(qtbot, window, feeds, tmp_path):
    _hub, dialog = open_dialog(qtbot, window, tmp_path)
    tab = dialog.lab_feeds_tab
    tab.folder.setText(str(tmp_path / "nowhere"))
    assert not dialog.save()
    assert dialog.tabs.currentWidget() is tab
    assert dialog.error.text() == "Lab feeds: Watched folder: no such folder"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.folder, timeout=2000)
    assert not default_intake_path().exists()
    dialog.reject()


def test_unusable_settings_file_starts_nothing_and_says_so(window, feeds):
    path = default_intake_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"listen": true, "listen_port": 99999}', encoding="utf-8")
    feeds.load_and_apply()
    assert feeds.listener is None and feeds.folder is None
    text = feeds.status_label.text()
    assert text.startswith("Lab feed settings cannot be used:")
    assert "listen_port: must be between 1 and 65535" in text


def test_port_in_use_is_shown_in_the_status_bar(window, feeds):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        feeds.apply(LabIntakeSettings(listen=True, listen_port=port))
        assert not feeds.listener.running
        assert f"Lab listener: cannot listen on 127.0.0.1:{port}" in feeds.status_label.text()
    feeds.apply(LabIntakeSettings(listen=True, listen_port=port))  # tried again: now free
    assert feeds.listener.running
    feeds.apply(LabIntakeSettings())
    assert not feeds.listener.running and not feeds.status_label.isVisible()
