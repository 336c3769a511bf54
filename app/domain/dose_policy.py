"""What the findings mean for recording a bone-modifying-agent dose (rule book §0 severity).

The action is a BMA dose, given or planned. The clinical policy lives here, in one place, and
the services (``app.services.records``: the save) and the dose form (``app.ui.forms.dose_form``:
the live checks) only apply it:

- :func:`blocks_dose` — the findings that are a *safety stop* for the dose: every critical
  ``BMA-*`` finding (the zoledronic-acid criticals, *(rules/2)* BMA-BP-RENAL at its critical
  severity and BMA-BP-CREAT-RISE, BMA-CONCURRENT, BMA-HYPOCALCAEMIA at grade ≥ 2, …) and
  DENT-ONJ. The dose is saved only with a written override reason, which is audit-logged.
- :func:`shown_for_dose` — the findings the dose form lists even when they fired before the
  dose was typed: BMA, DEN and DENT findings at warning or critical severity (e.g. *(rules/2)*
  BMA-NO-INDICATION, BMA-BP-RENAL's `reduce` warning, BMA-BP-CREAT-MISSING).
"""

from __future__ import annotations

from app.domain.findings import Finding

DOSE_RULE_FAMILIES = ("BMA-", "DEN-", "DENT-")
BLOCKING_EXTRA = ("DENT-ONJ",)


def blocks_dose(finding: Finding) -> bool:
    """A critical finding that stops a BMA dose until an override reason is given."""
    return finding.severity == "critical" and (
        finding.rule.startswith("BMA-") or finding.rule in BLOCKING_EXTRA)


def dose_blocking(findings: list[Finding]) -> list[Finding]:
    """The findings (of the chart with the pending dose) that block saving the dose."""
    return [f for f in findings if blocks_dose(f)]


def shown_for_dose(finding: Finding) -> bool:
    """A finding the dose form lists with the dose (warning or critical BMA/DEN/DENT)."""
    return finding.rule.startswith(DOSE_RULE_FAMILIES) and finding.severity != "info"
