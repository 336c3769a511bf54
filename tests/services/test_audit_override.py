"""The override audit row (rule book §0): the written reason is required and audit-logged,
the rule IDs are validated, and ``write_audit`` cannot write an override without a reason."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.data import models as M
from app.services.audit import (
    AuditError,
    compose_override_summary,
    list_audit,
    write_audit,
    write_override_audit,
)
from app.services.records import RecordsService

from .records_helpers import TODAY, make_registry, poor_kidney_doc


def test_override_row_names_rules_and_reason(db):
    with db.session() as s:
        write_override_audit(s, actor="dr.a", patient_id=None, entity="bma_administration",
                             entity_id=7, rule_ids=["BMA-ZA-CONTRAINDICATED", "DENT-ONJ",
                                                    "DENT-ONJ"],
                             reason="  Nephrology agreed:\n single dose  ")
    with db.session() as s:
        [row] = list_audit(s)
    assert row.action == "override" and row.entity == "bma_administration"
    assert row.entity_id == 7 and row.actor == "dr.a"
    assert row.summary == ("override BMA-ZA-CONTRAINDICATED, DENT-ONJ (rules/2): "
                           "Nephrology agreed: single dose")


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_override_without_reason_is_refused(db, reason):
    with db.session() as s, pytest.raises(AuditError, match="reason"):
        write_override_audit(s, actor="dr.a", patient_id=None, entity="bma_administration",
                             entity_id=1, rule_ids=["BMA-ZA-CONTRAINDICATED"], reason=reason)


@pytest.mark.parametrize("rules", [[], ["not a rule"], ["bma-za"], ["BMA-"], ["X" * 41]])
def test_override_needs_rule_ids(rules):
    with pytest.raises(AuditError, match="rule_ids"):
        compose_override_summary(rules, "a written reason")


def test_override_checks_actor_and_entity(db):
    with db.session() as s:
        with pytest.raises(AuditError, match="actor"):
            write_override_audit(s, actor="", patient_id=None, entity="lab_result",
                                 entity_id=1, rule_ids=["DENT-ONJ"], reason="because")
        with pytest.raises(AuditError, match="entity"):
            write_override_audit(s, actor="dr.a", patient_id=None, entity="Lab Result!",
                                 entity_id=1, rule_ids=["DENT-ONJ"], reason="because")


def test_long_reason_is_cut_to_the_summary_column():
    text = compose_override_summary(["BMA-ZA-CONTRAINDICATED"], "x" * 2000)
    assert len(text) == 500 and text.startswith("override BMA-ZA-CONTRAINDICATED (rules/2): xxx")


def test_plain_write_audit_cannot_write_an_override(db):
    with db.session() as s, pytest.raises(AuditError, match="action"):
        write_audit(s, actor="dr.a", action="override", entity="bma_administration")


def test_records_service_writes_its_override_through_the_audit_module(tmp_path, monkeypatch):
    from app.domain.case import Administration
    from app.services import records

    db, ids = make_registry(tmp_path, poor_kidney_doc("K-1"))
    calls = []
    real = records.write_override_audit
    monkeypatch.setattr(records, "write_override_audit",
                        lambda s, **kw: (calls.append(kw), real(s, **kw)))
    svc = RecordsService(db, "dr.test", today=lambda: TODAY)
    reason = "Nephrology agreed: single dose before dialysis"
    res = svc.add(ids["K-1"], Administration(date=TODAY, drug="zoledronic_acid", dose_mg=4.0),
                  override_reason=reason)
    assert len(calls) == 1
    assert calls[0]["reason"] == reason and calls[0]["entity_id"] == res.record_id
    assert "BMA-ZA-CONTRAINDICATED" in calls[0]["rule_ids"]
    with db.session() as s:
        rows = list(s.scalars(select(M.AuditLog).where(M.AuditLog.action == "override")))
    assert [r.patient_id for r in rows] == [ids["K-1"]]
    db.dispose()
