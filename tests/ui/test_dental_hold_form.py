"""The dental procedure form shows DENT-INVASIVE's actionable dates (rule book §6, rules/2)
live, before saving: the earliest date that keeps the hold (never a date already past) and the
planned doses inside the hold."""

from __future__ import annotations

from datetime import timedelta

import pytest
from services.records_helpers import TODAY, case_doc, iso, make_registry

from app.services.records import RecordsService
from app.ui.forms.factory import record_form

from .chart_fixtures import open_form


def ahead(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


@pytest.fixture(name="dental")
def dental_fixture(tmp_path):
    za = case_doc("Z-1", bma={"administrations": [
        {"date": iso(20), "drug": "zoledronic_acid", "dose_mg": 4},
        {"date": ahead(8), "drug": "zoledronic_acid", "dose_mg": 4, "planned": True}]})
    den = case_doc("D-1", bma={"administrations": [
        {"date": iso(100), "drug": "denosumab", "dose_mg": 120}]})
    db, ids = make_registry(tmp_path, za, den)
    yield ids, RecordsService(db, "dr.ui", today=lambda: TODAY)
    db.dispose()


def procedure_form(qtbot, svc, pid, day: str, kind: str = "extraction"):
    form = open_form(qtbot, record_form("dental_procedure", svc, pid))
    form.inputs["date"].set_value(TODAY.fromisoformat(day))
    form.inputs["kind"].set_value(kind)
    form.inputs["planned"].setChecked(True)
    form.refresh()
    return form


def test_planned_dose_in_the_hold_and_the_earliest_date(qtbot, dental):
    ids, svc = dental
    form = procedure_form(qtbot, svc, ids["Z-1"], ahead(30))
    text = form.live.text()
    assert form.live.isVisible()
    assert f"Dental hold (60 days) for the extraction planned on {ahead(30)}:" in text
    assert f"skip or postpone the planned dose(s) inside the hold: Zoledronic acid {ahead(8)}" \
        in text
    assert f"move the procedure to {ahead(40)} or later" in text  # last dose (day -20) + 60
    invasive = next(f for f in form.pending if f.rule == "DENT-INVASIVE")
    assert invasive.data["earliest_date_meeting_hold"] == ahead(40)


def test_a_passed_procedure_date_gets_today_never_a_past_date(qtbot, dental):
    ids, svc = dental
    form = procedure_form(qtbot, svc, ids["D-1"], iso(50))  # overdue plan, gap 50 < 60
    text = form.live.text()
    assert f"move the procedure to {TODAY.isoformat()} or later" in text
    assert f"to {iso(40)}" not in text  # last dose + 60 has passed: not offered


def test_hold_kept_says_no_date_needs_to_change(qtbot, dental):
    ids, svc = dental
    form = procedure_form(qtbot, svc, ids["D-1"], ahead(10))
    text = form.live.text()
    assert "the gap is kept: no date needs to change" in text
    assert "move the procedure" not in text and "skip or postpone" not in text


def test_no_hold_text_for_a_minor_procedure(qtbot, dental):
    ids, svc = dental
    form = procedure_form(qtbot, svc, ids["Z-1"], ahead(30), kind="scaling")
    assert "Dental hold" not in form.live.text()
    assert not any(f.rule == "DENT-INVASIVE" for f in form.pending)


def test_hold_text_in_chinese(qtbot, dental, qapp):
    from app.ui.app import Translations

    ids, svc = dental
    t = Translations(qapp)
    try:
        assert t.install("zh_CN") is True
        form = procedure_form(qtbot, svc, ids["Z-1"], ahead(30))
        text = form.live.text()
        assert f"暂停或推迟停药期内的计划给药：唑来膦酸 {ahead(8)}" in text
        assert f"将手术改至{ahead(40)}或之后" in text
        assert "由肿瘤科医生和口腔科医生共同决定" in text
    finally:
        t.install("en")
