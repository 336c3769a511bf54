"""The worklist in two passes: provisional items from the cached summary columns (no rules
run), then the assessment chunk by chunk replacing each patient's rows; one patient at a
time after a chart edit; the rebound item comes and goes with the rebound window."""

from __future__ import annotations

from datetime import timedelta

import pytest

import app.services.worklist as W
from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.domain.case import Administration
from app.services.demo import write_demo_registry
from app.services.records import RecordsService
from app.services.worklist import (
    build_worklist,
    patient_items,
    refine_chunks,
    refinement_order,
    refresh_all_summaries,
)
from app.services.worklist_cached import cached_items

from .records_helpers import TODAY, case_doc, iso, make_registry
from .test_worklist import _docs


@pytest.fixture
def reg(tmp_path):
    db, ids = make_registry(tmp_path, *_docs())
    refresh_all_summaries(db, as_of=TODAY)
    yield db, ids
    db.dispose()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = open_database(tmp_path_factory.mktemp("wlp") / "demo.sqlite")
    ensure_schema(db)
    write_demo_registry(db, n=80, seed=5, reference_date=TODAY)
    refresh_all_summaries(db, as_of=TODAY)
    yield db
    db.dispose()


def _cats(items, pid):
    return {i.category for i in items if i.patient_id == pid}


def test_first_pass_reads_the_cache_without_running_rules(reg, monkeypatch):
    db, ids = reg
    monkeypatch.setattr(W, "assess", lambda *a, **k: pytest.fail("assessed"))
    items = cached_items(db, TODAY)
    assert items and all(i.provisional for i in items)
    assert "rebound" in _cats(items, ids["REB-1"])
    [reb] = [i for i in items if i.patient_id == ids["REB-1"] and i.category == "rebound"]
    assert reb.rules == ("DEN-STOP-WINDOW",)
    assert "dose_overdue" in _cats(items, ids["OVD-1"])
    assert "workup" in _cats(items, ids["SUS-1"])
    assert _cats(items, ids["Q-1"]) == set()


def test_first_pass_follows_the_cached_columns(reg):
    db, ids = reg
    from app.data import models as M

    with db.session() as s:
        p = s.get(M.Patient, ids["Q-1"])
        p.alert_top_severity = "critical"
        p.next_due_date = TODAY + timedelta(days=3)
        p.next_due_text = "Dental review due"
    items = cached_items(db, TODAY)
    assert _cats(items, ids["Q-1"]) == {"critical", "dental"}
    with db.session() as s:
        s.get(M.Patient, ids["Q-1"]).next_due_date = TODAY + timedelta(days=60)
    assert "dental" not in _cats(cached_items(db, TODAY), ids["Q-1"])  # outside the window


def test_first_pass_shows_what_the_assessment_confirms(demo):
    """On a registry with fresh summaries, every patient the assessment lists as critical, in
    the rebound window or with an overdue dose is already in the first pass."""
    first = cached_items(demo, TODAY)
    full = build_worklist(demo, TODAY)
    for category in ("critical", "rebound"):
        want = {i.patient_id for i in full if i.category == category}
        assert want and want <= {i.patient_id for i in first if i.category == category}
    overdue = {i.patient_id for i in full if i.category == "dose_overdue"}
    assert overdue and overdue <= {i.patient_id for i in first}


def test_refinement_replaces_the_provisional_rows_and_ends_equal_to_the_full_list(demo):
    first = cached_items(demo, TODAY)
    shown = list(first)
    order = refinement_order(demo, TODAY, [i.patient_id for i in first])
    head = list(dict.fromkeys(i.patient_id for i in first))
    assert order[:len(head)] == head  # the patients on screen are assessed first
    seen = []
    for chunk in refine_chunks(demo, TODAY, first=head, chunk_size=7):
        covered = set(chunk.patient_ids)
        assert {i.patient_id for i in chunk.items} <= covered
        shown = [i for i in shown if i.patient_id not in covered] + chunk.items
        seen.extend(chunk.patient_ids)
    assert chunk.done == chunk.total == len(seen) == len(set(seen))
    assert not any(i.provisional for i in shown)
    assert set(shown) == set(build_worklist(demo, TODAY))


def test_refinement_honours_cancel(demo):
    chunks: list = []
    for chunk in refine_chunks(demo, TODAY, chunk_size=5, cancel=lambda: len(chunks) >= 2):
        chunks.append(chunk)
    assert len(chunks) == 2 and chunks[-1].done < chunks[-1].total


def test_one_patient_after_a_chart_edit_rebound_ends_when_denosumab_resumes(reg):
    db, ids = reg
    pid = ids["REB-1"]
    before = patient_items(db, pid, TODAY)
    assert "rebound" in _cats(before, pid)
    assert set(before) == {i for i in build_worklist(db, TODAY) if i.patient_id == pid}
    svc = RecordsService(db, "dr.test", today=lambda: TODAY)
    svc.add(pid, Administration(date=TODAY, drug="denosumab", dose_mg=120))
    after = patient_items(db, pid, TODAY)
    assert "rebound" not in _cats(after, pid)
    assert "rebound" not in _cats(cached_items(db, TODAY), pid)  # the chart refreshed the cache


def test_patient_items_of_a_missing_patient_is_empty(reg):
    db, _ids = reg
    assert patient_items(db, 10_000, TODAY) == []


def test_rebound_window_end_removes_the_item_after_a_summary_refresh(tmp_path):
    doc = case_doc("END-1")
    doc["bma"] = {"administrations": [{"date": iso(390), "drug": "denosumab", "dose_mg": 120}],
                  "stops": [{"drug": "denosumab", "date": iso(300)}]}
    db, ids = make_registry(tmp_path, doc)
    try:
        refresh_all_summaries(db, as_of=TODAY)  # day 390 of 395: still open
        assert "rebound" in _cats(cached_items(db, TODAY), ids["END-1"])
        later = TODAY + timedelta(days=10)  # day 400: the window has ended
        assert "rebound" not in _cats(patient_items(db, ids["END-1"], later), ids["END-1"])
        refresh_all_summaries(db, as_of=later)
        assert "rebound" not in _cats(cached_items(db, later), ids["END-1"])
    finally:
        db.dispose()
