"""Fixtures for the MDT window tests: a small demo registry (write_demo_registry) with a
controllable 'today', the MDT and registry services, and helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from sqlalchemy import select

from app.data import models as M
from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.services.demo import write_demo_registry
from app.services.mdt_service import MdtService
from app.services.registry import RegistryService

TODAY = date(2026, 11, 21)


@dataclass
class MdtEnv:
    db: object
    service: MdtService
    registry: RegistryService
    mrns: list[str]
    now: list[date] = field(default_factory=lambda: [TODAY])

    def today(self) -> date:
        return self.now[0]

    def audit(self, entity: str, action: str) -> list[M.AuditLog]:
        with self.db.session() as s:
            return list(s.scalars(select(M.AuditLog).where(
                M.AuditLog.entity == entity, M.AuditLog.action == action)).all())


@pytest.fixture(name="mdt_env")
def mdt_env_fixture(tmp_path) -> MdtEnv:
    db = open_database(tmp_path / "registry.sqlite")
    ensure_schema(db)
    write_demo_registry(db, n=6, seed=1, reference_date=TODAY)
    registry = RegistryService(db, "dr.mdt")
    mrns = [r.mrn for r in registry.search("", limit=50)]
    yield MdtEnv(db, MdtService(db, "dr.mdt"), registry, mrns)
    db.dispose()


@pytest.fixture(name="mdt_window")
def mdt_window_fixture(qtbot, mdt_env):
    from app.ui.mdt.window import MdtWindow

    win = MdtWindow(mdt_env.service, mdt_env.registry, today=mdt_env.today)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.builder is not None:
        win.builder.cancel()
        qtbot.waitUntil(lambda: win.builder is None, timeout=20_000)
    if win.preview is not None:
        win.preview.close()
