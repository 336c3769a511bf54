"""Registry-wide worklist: categories from cached summaries + on-demand assessment, chunked
with cancel, the summary refresh, and the demo registry's rebound and overdue patients."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.data import models as M
from app.data.case_repo import load_case
from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.services.demo import write_demo_registry
from app.services.records_map import load_cases
from app.services.worklist import (
    build_worklist,
    candidate_ids,
    refresh_all_summaries,
    worklist_chunks,
)

from .records_helpers import TODAY, case_doc, iso, make_registry, poor_kidney_doc


def _docs():
    rebound = case_doc("REB-1")
    rebound["bma"] = {"administrations": [{"date": iso(100), "drug": "denosumab",
                                           "dose_mg": 120}],
                      "stops": [{"drug": "denosumab", "date": iso(80)}]}
    overdue = case_doc("OVD-1", dental={"exams": [iso(40)]},
                       supplements={"calcium": True, "vitamin_d": True})
    overdue["bma"] = {"administrations": [{"date": iso(45), "drug": "denosumab",
                                           "dose_mg": 120}]}
    due = case_doc("DUE-1", dental={"exams": [iso(40)]})
    due["bma"] = {"administrations": [{"date": iso(20), "drug": "denosumab", "dose_mg": 120}]}
    za = poor_kidney_doc("ZA-1")
    za["bma"] = {"administrations": [{"date": iso(-3), "drug": "zoledronic_acid",
                                      "dose_mg": 4, "planned": True}]}
    suspected = case_doc("SUS-1", imaging=[{"date": iso(10), "modality": "bone_scan",
                                            "region": "L2", "result": "positive"}])
    quiet = case_doc("Q-1", imaging=[{"date": iso(30), "modality": "ct", "region": "chest",
                                      "result": "negative"}])
    return [rebound, overdue, due, za, suspected, quiet]


@pytest.fixture
def reg(tmp_path):
    db, ids = make_registry(tmp_path, *_docs())
    yield db, ids
    db.dispose()


def _by_mrn(items):
    out: dict[str, set[str]] = {}
    for i in items:
        out.setdefault(i.mrn, set()).add(i.category)
    return out


def test_categories_name_the_reason(reg):
    db, ids = reg
    items = build_worklist(db, TODAY)
    cats = _by_mrn(items)
    assert "rebound" in cats["REB-1"]
    assert "dose_overdue" in cats["OVD-1"]
    assert "dose_due" in cats["DUE-1"] and "dose_overdue" not in cats["DUE-1"]
    assert "critical" in cats["ZA-1"] and "dose_due" in cats["ZA-1"]
    assert "workup" in cats["SUS-1"]
    assert "Q-1" not in cats
    za = next(i for i in items if i.mrn == "ZA-1" and i.category == "critical")
    assert "BMA-ZA-CONTRAINDICATED" in za.rules
    reb = next(i for i in items if i.mrn == "REB-1" and i.category == "rebound")
    assert "DEN-STOP-WINDOW" in reb.rules and reb.due_date is not None
    ovd = next(i for i in items if i.mrn == "OVD-1" and i.category == "dose_overdue")
    assert ovd.due_date == date.fromisoformat(iso(45)) + timedelta(days=28)


def test_chunks_report_progress_and_cancel(reg):
    db, ids = reg
    chunks = list(worklist_chunks(db, TODAY, chunk_size=2))
    assert [c[1] for c in chunks] == [2, 4, 6] and all(c[2] == 6 for c in chunks)
    stop: list[bool] = []
    got = []
    for chunk in worklist_chunks(db, TODAY, chunk_size=2, cancel=lambda: bool(stop)):
        got.append(chunk)
        stop.append(True)  # the user pressed Cancel after the first chunk
    assert len(got) == 1


def test_refresh_all_summaries_updates_cache_and_narrows_candidates(reg):
    db, ids = reg
    seen = []
    assert refresh_all_summaries(db, lambda d, t: seen.append((d, t)), as_of=TODAY,
                                 chunk_size=4) == 6
    assert seen == [(4, 6), (6, 6)]
    with db.session() as s:
        rows = {p.mrn: p for p in s.scalars(select(M.Patient))}
    assert rows["REB-1"].rebound_open and rows["REB-1"].summary_as_of == TODAY
    assert not rows["OVD-1"].rebound_open
    # with every cache fresh, only patients with something to show are candidates
    assert rows["REB-1"].id in candidate_ids(db, TODAY)
    if rows["Q-1"].alert_count == 0 and rows["Q-1"].next_due_date is None:
        assert rows["Q-1"].id not in candidate_ids(db, TODAY)
    assert refresh_all_summaries(db, cancel=lambda: True, as_of=TODAY) == 0


def test_bulk_load_equals_one_by_one(reg):
    db, ids = reg
    with db.session() as s:
        bulk = load_cases(s, list(ids.values()))
        for pid in ids.values():
            one = load_case(s, pid)
            assert bulk[pid] == one
            assert [x.rid for x in bulk[pid].labs] == [x.rid for x in one.labs]


def test_demo_registry_has_rebound_and_overdue_patients(tmp_path):
    db = open_database(tmp_path / "demo.sqlite")
    ensure_schema(db)
    write_demo_registry(db, n=60, seed=1, reference_date=TODAY)
    items = build_worklist(db, TODAY)
    cats = {i.category for i in items}
    assert {"rebound", "dose_overdue", "critical"} <= cats
    rebound = [i for i in items if i.category == "rebound"]
    assert all("DEN-STOP-WINDOW" in i.rules for i in rebound)
    db.dispose()


def test_cache_preselection_misses_nobody_on_the_demo_registry(tmp_path, monkeypatch):
    import app.services.worklist as W

    db = open_database(tmp_path / "demo.sqlite")
    ensure_schema(db)
    write_demo_registry(db, n=80, seed=3, reference_date=TODAY)
    refresh_all_summaries(db, as_of=TODAY)
    narrow = build_worklist(db, TODAY)
    with db.session() as s:
        everyone = list(s.scalars(select(M.Patient.id)))
    assert len(candidate_ids(db, TODAY)) <= len(everyone)
    monkeypatch.setattr(W, "candidate_ids", lambda *_a, **_k: everyone)
    full = build_worklist(db, TODAY)
    assert set(full) == set(narrow) and narrow
    db.dispose()
