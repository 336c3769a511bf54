"""Seed case 3 (seeds/000, 病例三): a 73-year-old woman with stage IV EGFR L858R lung
adenocarcinoma and bone metastases; incadronate for a year, denosumab for three years (q4w
stretched to q6w), now incadronate again — and the CTX is rising.

Under rules/1 the routine incadronate doses silenced DEN-REBOUND-CTX and DEN-STOP-WINDOW said
"do not stop denosumab casually" to a patient who had been switched on purpose. rules/2 (§5):
the rebound is not controlled by the running bisphosphonate course, so the assessment says to
consider resuming denosumab in its place, and the stop window names the switch instead.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.domain.assess import assess
from app.domain.casefile import parse_case

CASE = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / (
    "seed3_denosumab_incadronate.json")
AS_OF = date(2026, 12, 5)  # after the routine incadronate dose of 2026-12-01


@pytest.fixture(scope="module")
def doc():
    return assess(parse_case(json.loads(CASE.read_text("utf-8"))), AS_OF).to_json()


def _one(doc, rule):
    [f] = [f for f in doc["findings"] if f["rule"] == rule]
    return f


def test_says_to_consider_resuming_denosumab_in_place_of_the_bisphosphonate(doc):
    f = _one(doc, "DEN-REBOUND-CTX")
    assert f["severity"] == "critical"
    assert "consider resuming denosumab in its place" in f["message"]
    assert "not controlled by the bisphosphonate" in f["message"]
    assert "考虑以地舒单抗替代" in f["message_zh"]
    d = f["data"]
    assert d["on_bisphosphonate"] is True and d["bisphosphonate"] == "incadronate"
    assert d["bisphosphonate_last_dose"] == "2026-11-01"
    assert (d["ctx_ng_ml"], d["date"], d["day"]) == (0.62, "2026-11-10", 174)
    assert (d["nadir_ng_ml"], d["nadir_date"]) == (0.08, "2026-04-28")


def test_no_longer_says_do_not_stop_denosumab_casually(doc):
    for f in doc["findings"]:
        assert "do not stop denosumab casually" not in f["message"].lower(), f["rule"]
        assert "切勿随意停用地舒单抗" not in f["message_zh"], f["rule"]
    stop = _one(doc, "DEN-STOP-WINDOW")
    assert stop["data"]["switched_to"] == {"drug": "incadronate", "date": "2026-07-01",
                                           "planned": False}
    assert "switched to incadronate (2026-07-01): the rebound checks still apply" in (
        stop["message"])
    assert stop["data"]["risk_level"] == "high"  # 3 years of denosumab: exposure ≥ 24 months


def test_routine_incadronate_doses_do_not_hide_the_rebound(doc):
    # the 2026-12-01 dose was given after the CTX of 2026-11-10: under rules/1 it silenced the
    # rule; it is a routine dose of a course running on the CTX's date
    doses = [a for a in json.loads(CASE.read_text("utf-8"))["bma"]["administrations"]
             if a["date"] == "2026-12-01"]
    assert doses and not doses[0].get("planned")
    assert _one(doc, "DEN-REBOUND-CTX")


def test_no_concurrent_or_kidney_alert(doc):
    rules = {f["rule"] for f in doc["findings"]}
    assert "BMA-CONCURRENT" not in rules
    assert not any(r.startswith("BMA-ZA-") for r in rules)
