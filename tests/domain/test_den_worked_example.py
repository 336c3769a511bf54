"""The rule book's worked example (§10, as of 2026-11-21): the BMA/DEN/DENT half."""

from datetime import date

import pytest

from app.domain import rules_bma, rules_bma_ca, rules_bma_za, rules_den, rules_dental
from app.domain.assess import assess
from app.domain.casefile import parse_case
from app.domain.context import CaseView
from app.domain.denosumab import denosumab_derived
from app.domain.status import derive_status

from .helpers import example_json

AS_OF = date(2026, 11, 21)
MY_MODULES = (rules_bma, rules_bma_za, rules_bma_ca, rules_den, rules_dental)


@pytest.fixture
def view():
    v = CaseView(parse_case(example_json()), AS_OF)
    v.status = derive_status(v)
    return v


def _mine(view):
    out = {}
    for m in MY_MODULES:
        for f in m.evaluate(view):
            assert f.rule not in out
            out[f.rule] = f
    return out


def test_derived_denosumab(view):
    assert denosumab_derived(view) == {
        "last_dose": "2026-07-20",
        "stopped": True,
        "stop_recorded": True,
        "peak_window": ["2026-09-18", "2026-11-17"],
        "window_end": "2027-08-19",
        "risk_level": "elevated",
        "nadir_ng_ml": 0.09,
        "checks_due": ["2026-10-18", "2027-01-16", "2027-04-16", "2027-07-20"],
    }


def test_only_the_three_expected_rules_fire_and_no_inputs_are_missing(view):
    found = _mine(view)
    assert set(found) == {"DEN-REBOUND-CTX", "DEN-STOP-WINDOW", "DENT-INVASIVE"}
    assert view.missing.by_input == {}
    assert rules_bma.active_drugs(view) == frozenset()


def test_den_rebound_ctx(view):
    f = _mine(view)["DEN-REBOUND-CTX"]
    assert f.severity == "critical"
    assert f.data["ctx"]["value"] == 0.41 and f.data["ctx"]["date"] == "2026-11-02"
    assert f.data["day"] == 105
    assert f.data["nadir"]["value"] == 0.09 and f.data["nadir"]["date"] == "2026-07-02"
    assert f.data["above_nadir_threshold"] is True
    assert "0.41 ng/mL on 2026-11-02 (day 105" in f.message
    assert "1.3 × nadir 0.09" in f.message
    # rules/2 data keys: no bisphosphonate, so the general advice
    assert (f.data["ctx_ng_ml"], f.data["date"], f.data["uln_ng_ml"]) == (0.41, "2026-11-02",
                                                                          0.7)
    assert (f.data["nadir_ng_ml"], f.data["nadir_date"]) == (0.09, "2026-07-02")
    assert f.data["on_bisphosphonate"] is False
    assert f.data["bisphosphonate"] is None and f.data["bisphosphonate_last_dose"] is None
    assert "Resume antiresorptive therapy promptly" in f.message


def test_den_stop_window(view):
    f = _mine(view)["DEN-STOP-WINDOW"]
    assert f.severity == "warning"
    assert f.data["stop_date"] == "2026-08-10" and f.data["day"] == 124
    assert "stop recorded 2026-08-10" in f.message and "day 124 of 0–395" in f.message
    assert f.data["switched_to"] is None  # rules/2: no switch, so the phrase stays
    assert "Do not stop denosumab casually." in f.message


def test_dent_invasive(view):
    f = _mine(view)["DENT-INVASIVE"]
    assert f.severity == "warning"
    assert f.data["procedure"] == {"date": "2026-09-25", "kind": "extraction", "planned": True,
                                   "overdue": True}
    assert f.data["latest_dose"] == {"date": "2026-07-20", "drug": "denosumab",
                                     "dose_mg": 120, "planned": False}
    assert f.data["gap_days"] == 67
    assert f.data["hold_met"] is True
    assert f.data["latest_dose_date_meeting_hold"] == "2026-07-27"
    assert f.data["next_planned_dose"] is None
    assert "(overdue plan)" in f.message and "67 days before" in f.message
    # rules/2: the later of the as-of date and 2026-07-20 + 60 = 2026-09-18, and later than
    # the passed procedure date; no planned dose in the hold
    assert f.data["earliest_date_meeting_hold"] == "2026-11-21"
    assert f.data["planned_doses_in_hold"] == []
    assert "move the procedure to 2026-11-21 or later" in f.message
    assert "将手术改至 2026-11-21 或之后" in f.message_zh


def test_full_assessment_order_and_derived():
    a = assess(parse_case(example_json()), AS_OF).to_json()
    rules = [f["rule"] for f in a["findings"]]
    mine = [r for r in rules if r.startswith(("BMA-", "DEN-", "DENT-"))]
    assert mine == ["DEN-REBOUND-CTX", "DEN-STOP-WINDOW", "DENT-INVASIVE"]
    assert rules.index("DENT-INVASIVE") < rules.index("LOC-SINS-INDETERMINATE")
    assert a["derived"]["denosumab"]["checks_due"][0] == "2026-10-18"
    assert a["derived"]["missing_inputs"] == []
    den = next(f for f in a["findings"] if f["rule"] == "DEN-REBOUND-CTX")
    assert den["evidence"] == ["GL", "SEED", "DESIGN"]
    assert den["source"].startswith("SEED R50 (case 3: denosumab → incadronate); GL ECTS 2021")
