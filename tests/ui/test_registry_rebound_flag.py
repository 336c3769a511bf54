"""The registry row shows the denosumab rebound flag as text (not colour alone) while the
rebound window is open (rule book §5), and not once denosumab is resumed or the window ends
(after the cached summary is refreshed)."""

from __future__ import annotations

from datetime import timedelta

from services.records_helpers import TODAY, case_doc, iso, make_registry

from app.domain.case import Administration
from app.services.records import RecordsService
from app.services.registry import RegistryService
from app.services.worklist import refresh_all_summaries
from app.ui.registry_model import COLUMN_KEYS, RegistryTableModel

from .chart_fixtures import stopped_denosumab_doc

ALERTS = COLUMN_KEYS.index("alerts")


def _docs():
    ended = case_doc("END-1")
    ended["bma"] = {"administrations": [{"date": iso(390), "drug": "denosumab",
                                         "dose_mg": 120}],
                    "stops": [{"drug": "denosumab", "date": iso(300)}]}
    return [stopped_denosumab_doc("D-1"), ended, case_doc("P-1")]


def alerts_cell(model: RegistryTableModel, pid: int) -> str:
    model.refresh()
    row = model.row_of_patient(pid)
    assert row is not None
    return model.index(row, ALERTS).data()


def test_flag_shows_while_open_and_goes_when_denosumab_is_resumed(qapp, tmp_path):
    db, ids = make_registry(tmp_path, *_docs())
    try:
        refresh_all_summaries(db, as_of=TODAY)
        model = RegistryTableModel(RegistryService(db, "t"))
        assert "⚠ Rebound risk" in alerts_cell(model, ids["D-1"])
        assert "⚠ Rebound risk" in alerts_cell(model, ids["END-1"])  # day 390 of 395
        assert "Rebound" not in alerts_cell(model, ids["P-1"])
        RecordsService(db, "dr.t", today=lambda: TODAY).add(
            ids["D-1"], Administration(date=TODAY, drug="denosumab", dose_mg=120),
            override_reason="resume denosumab: MDT decision today")
        assert "Rebound" not in alerts_cell(model, ids["D-1"])  # the save refreshed the row
        refresh_all_summaries(db, as_of=TODAY + timedelta(days=10))  # END-1: day 400
        assert "Rebound" not in alerts_cell(model, ids["END-1"])
    finally:
        db.dispose()
