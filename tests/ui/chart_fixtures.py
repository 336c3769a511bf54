"""Fixtures for the chart and form GUI tests: a temp SQLite registry with patients built from
case documents (poor / mild kidney function, a stopped denosumab course), the records service
with a fixed 'today', and helpers to fill a form like a user."""

from __future__ import annotations

import pytest
from services.records_helpers import (
    TODAY,
    case_doc,
    iso,
    make_registry,
    mild_kidney_doc,
    poor_kidney_doc,
)

from app.services.records import RecordsService


def stopped_denosumab_doc(mrn: str = "D-1") -> dict:
    doc = case_doc(mrn)
    doc["bma"] = {"administrations": [{"date": iso(100), "drug": "denosumab", "dose_mg": 120}],
                  "stops": [{"drug": "denosumab", "date": iso(80), "reason": "dental"}]}
    doc["lesions"] = [{"region": "L3", "bone": "vertebra", "level": "L3",
                       "pattern": "osteolytic", "pain": "mechanical", "collapse": "lt50"}]
    return doc


@pytest.fixture(name="chart_registry")
def chart_registry_fixture(tmp_path):
    db, ids = make_registry(tmp_path, poor_kidney_doc("K-1"), mild_kidney_doc("K-2"),
                            stopped_denosumab_doc("D-1"), case_doc("P-1"))
    service = RecordsService(db, "dr.ui", today=lambda: TODAY)
    yield db, ids, service
    db.dispose()


def open_form(qtbot, form):
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form
