"""Fixtures for the GUI tests: a real SQLite registry in a temp dir, isolated QSettings, the
registry window. Everything runs offscreen (tests/conftest.py); nothing is skipped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings

from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.services.registry import PatientForm, RegistryService

# (mrn, name, sex, birth date, summary) — the summary is the cached list columns
SEED = [
    ("A1001", "张小燕", "female", date(1958, 3, 2),
     dict(bm_status="confirmed", current_bma="denosumab", alert_count=2,
          alert_top_severity="critical", next_due_date=date(2030, 1, 5),
          next_due_text="Denosumab 120 mg", rebound_open=False)),
    ("A1002", "张晓明", "male", date(1949, 11, 20),
     dict(bm_status="suspected", current_bma=None, alert_count=1,
          alert_top_severity="info", next_due_date=None, next_due_text=None,
          rebound_open=False)),
    ("B2001", "王建国", "male", date(1962, 6, 1),
     dict(bm_status="confirmed", current_bma="zoledronic_acid", alert_count=3,
          alert_top_severity="warning", next_due_date=date(2020, 1, 1),
          next_due_text="Zoledronic acid 4 mg", rebound_open=False)),
    ("B2002", "李娜", "female", date(1970, 1, 15), None),
    ("C3001", "John Smith", "male", None, None),
]


@dataclass
class Registry:
    db: object
    service: RegistryService
    ids: dict[str, int]  # mrn -> patient id


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings and the site's rule-parameter file go to a temp dir, never to the developer's
    real settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    monkeypatch.setattr("app.services.site_settings.default_params_path",
                        lambda: tmp_path / "cfg" / "BoneMet" / "parameters.json")
    yield


@pytest.fixture
def registry(tmp_path) -> Registry:
    db = open_database(tmp_path / "registry.sqlite")
    ensure_schema(db)
    service = RegistryService(db, "ui-test")
    ids = {}
    for mrn, name, sex, born, summary in SEED:
        row = service.create(PatientForm(mrn=mrn, name=name, sex=sex, birth_date=born))
        ids[mrn] = row.id
        if summary:
            service.store_summary(row.id, SimpleNamespace(**summary), date.today())
    yield Registry(db, service, ids)
    db.dispose()


@pytest.fixture
def window(qtbot, registry):
    from app.ui.main_window import MainWindow

    win = MainWindow(registry.service, registry.db.describe())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    settle(qtbot, win)
    yield win
    dialog = win.current_dialog()
    if dialog is not None:
        dialog.reject()


def shown_mrns(win) -> list[str]:
    model = win.model
    return [model.row_at(r).mrn for r in range(model.rowCount())]


def settle(qtbot, win) -> None:
    """Wait until the window's newest (background) query has its rows shown."""
    qtbot.waitUntil(lambda: not win.model.busy, timeout=5000)
