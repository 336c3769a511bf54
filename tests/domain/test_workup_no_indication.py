"""The work-up wizard's conclusion carries BMA-NO-INDICATION (rules/2): a bone drug planned
before bone metastasis is confirmed is a step ("confirm bone metastasis first")."""

from __future__ import annotations

from app.domain import case as C
from app.domain.workup import analyse

from .test_workup import DAY, base, entries, mri


def test_a_planned_bone_drug_without_confirmation_is_a_bone_drug_step():
    b = base()
    b.bma.administrations.append(C.Administration(DAY, "denosumab", 120.0, True))
    a = analyse(b, entries(b, studies=[mri("positive")]))
    assert a.status == "suspected"
    steps = [s for s in a.conclusion.steps if s.rules == ("BMA-NO-INDICATION",)]
    assert steps and steps[0].group == "bone_drug" and steps[0].severity == "warning"
    assert "confirm bone metastasis first" in steps[0].text


def test_no_step_once_confirmed():
    b = base()
    b.bma.administrations.append(C.Administration(DAY, "denosumab", 120.0, True))
    a = analyse(b, entries(b, studies=[mri("positive", bone_destruction=True)]))
    assert a.status == "confirmed"
    assert not any("BMA-NO-INDICATION" in s.rules for s in a.conclusion.steps)
