"""The unique keys of migration 0003 on PostgreSQL (throwaway cluster of test_postgres): the
folded MRN ('CASEVAR-1' vs 'casevar-1' was two patients before), concurrent case imports,
concurrent "create meeting" and "add case" calls."""

from __future__ import annotations

import pytest

from app.data.migrate import ensure_schema

from .test_postgres import pg_db, pg_server  # noqa: F401  (fixtures)
from .unique_checks import (
    check_concurrent_case_import,
    check_concurrent_listing,
    check_concurrent_meetings,
    check_folded_mrn,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def pg(pg_db):  # noqa: F811
    ensure_schema(pg_db)
    return pg_db


def url(db) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def test_folded_mrn_on_postgres(pg):
    check_folded_mrn(pg)


def test_concurrent_case_imports_on_postgres(pg):
    check_concurrent_case_import(url(pg), pg)


def test_concurrent_create_meeting_on_postgres(pg):
    check_concurrent_meetings(url(pg), pg)


def test_concurrent_add_case_on_postgres(pg):
    check_concurrent_listing(url(pg), pg)
