"""Fixtures: a freshly migrated SQLite registry per test."""

from __future__ import annotations

import pytest
from data.factories import migrated_db


@pytest.fixture
def db(tmp_path):
    database = migrated_db(tmp_path / "registry.sqlite")
    yield database
    database.dispose()
