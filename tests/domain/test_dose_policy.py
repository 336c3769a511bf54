"""The dose policy (app.domain.dose_policy): which findings block recording a BMA dose and
which the dose form lists — the rules/2 BMA-BP criticals block like the zoledronic-acid ones."""

import pytest

from app.domain.dose_policy import blocks_dose, dose_blocking, shown_for_dose
from app.domain.findings import Finding


def _f(rule, severity):
    return Finding(rule, severity, "m", "m", ["LABEL"], "LABEL")


@pytest.mark.parametrize(("rule", "severity", "blocks", "shown"), [
    ("BMA-BP-RENAL", "critical", True, True),
    ("BMA-BP-RENAL", "warning", False, True),
    ("BMA-BP-CREAT-RISE", "critical", True, True),
    ("BMA-BP-CREAT-MISSING", "warning", False, True),
    ("BMA-ZA-CONTRAINDICATED", "critical", True, True),
    ("BMA-NO-INDICATION", "warning", False, True),
    ("BMA-ZA-DOSE", "info", False, False),
    ("DENT-ONJ", "critical", True, True),
    ("DEN-REBOUND-CTX", "critical", False, True),
    ("LOC-SINS-UNSTABLE", "critical", False, False),
    ("WU-MSCC", "critical", False, False),
])
def test_policy(rule, severity, blocks, shown):
    f = _f(rule, severity)
    assert blocks_dose(f) is blocks
    assert shown_for_dose(f) is shown
    assert dose_blocking([f, _f("BMA-ZA-DOSE", "info")]) == ([f] if blocks else [])
