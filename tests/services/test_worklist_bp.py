"""rules/2 findings on the worklist: BMA-BP-RENAL (critical) in the critical category and with
the dose it concerns, a BP-RENAL warning and BMA-BP-CREAT-MISSING with their due dose, and
BMA-NO-INDICATION as a work-up item."""

from __future__ import annotations

import pytest

from app.services.worklist import build_worklist

from .records_helpers import TODAY, case_doc, iso, make_registry, mild_kidney_doc, severe_kidney_doc


def _plan(drug, mg, days_ahead=5):
    return {"administrations": [{"date": iso(-days_ahead), "drug": drug, "dose_mg": mg,
                                 "planned": True}]}


@pytest.fixture
def reg(tmp_path):
    inca = severe_kidney_doc("INC-1")
    inca["bma"] = _plan("incadronate", 10)
    iban = mild_kidney_doc("IBA-1")
    iban["bma"] = _plan("ibandronate", 4)
    no_creat = case_doc("PAM-1", bma=_plan("pamidronate", 90),
                        dental={"exams": [iso(30)]},
                        supplements={"calcium": True, "vitamin_d": True})
    no_ind = mild_kidney_doc("NOI-1")
    no_ind.pop("imaging")
    no_ind["bma"] = _plan("denosumab", 120)
    db, ids = make_registry(tmp_path, inca, iban, no_creat, no_ind)
    yield db, ids
    db.dispose()


def _items(db):
    out: dict[tuple[str, str], object] = {}
    for i in build_worklist(db, TODAY):
        out[(i.mrn, i.category)] = i
    return out


def test_bp_findings_on_the_worklist(reg):
    db, _ids = reg
    items = _items(db)
    crit = items[("INC-1", "critical")]
    assert "BMA-BP-RENAL" in crit.rules and crit.severity == "critical"
    assert "BMA-BP-RENAL" in items[("INC-1", "dose_due")].rules
    assert items[("IBA-1", "dose_due")].rules == ("BMA-BP-RENAL",)  # reduce band: warning
    assert ("IBA-1", "critical") not in items
    assert "BMA-BP-CREAT-MISSING" in items[("PAM-1", "dose_due")].rules


def test_no_indication_is_a_workup_item(reg):
    db, _ids = reg
    items = _items(db)
    workup = items[("NOI-1", "workup")]
    assert workup.rules == ("BMA-NO-INDICATION",)
    assert "No recorded indication" in workup.detail
    assert ("IBA-1", "workup") not in items  # bone metastasis confirmed
