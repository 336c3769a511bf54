"""The clinical picture of the assessment: a Flag while the denosumab rebound window is open,
one DetectedIssue per finding (rule ID, severity, message, evidence labels and source) and the
CarePlan in force (planned doses and procedures, the rebound checks due, the care-plan text)."""

from __future__ import annotations

from typing import Any

from app.domain.assess import Assessment
from app.domain.careplan import build_careplan
from app.domain.case import Case
from app.interop.fhir.common import EVIDENCE_SYSTEM, RULE_SYSTEM, Context, local

REBOUND_RULE = "DEN-STOP-WINDOW"
#: finding severity → DetectedIssue.severity
SEVERITY = {"critical": "high", "warning": "moderate", "info": "low"}
_FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"


def add_rebound_flag(ctx: Context, assessment: Assessment) -> None:
    """A Flag while the rebound window is open (DEN-STOP-WINDOW fires, rule book §5)."""
    if not any(f.rule == REBOUND_RULE for f in assessment.findings):
        return
    den = assessment.derived.get("denosumab") or {}
    checks = ", ".join(den.get("checks_due") or []) or "none"
    text = (f"Denosumab stopped: rebound-risk window open until {den.get('window_end')} "
            f"(risk {den.get('risk_level')}); CTX and calcium checks due: {checks}")
    period: dict[str, str] = {}
    if den.get("last_dose"):
        period["start"] = den["last_dose"]
    if den.get("window_end"):
        period["end"] = den["window_end"]
    resource: dict[str, Any] = {
        "resourceType": "Flag", "status": "active",
        "category": [{"coding": [local(_FLAG_CATEGORY, "clinical", "Clinical")]}],
        "code": {"coding": [local(RULE_SYSTEM, REBOUND_RULE)], "text": text},
        "subject": ctx.patient_ref,
    }
    if period:
        resource["period"] = period
    ctx.add(resource, "flag", REBOUND_RULE)


def add_findings(ctx: Context, assessment: Assessment) -> None:
    for i, f in enumerate(assessment.findings):
        evidence = [{"code": [{"coding": [local(EVIDENCE_SYSTEM, label)], "text": label}]}
                    for label in f.evidence]
        if f.source:
            evidence.append({"code": [{"text": f.source}]})
        resource: dict[str, Any] = {
            "resourceType": "DetectedIssue", "status": "final",
            "code": {"coding": [local(RULE_SYSTEM, f.rule)], "text": f.rule},
            "severity": SEVERITY[f.severity], "patient": ctx.patient_ref,
            "identifiedDateTime": assessment.as_of.isoformat(), "detail": f.message,
        }
        if evidence:
            resource["evidence"] = evidence
        ctx.add(resource, "finding", i, f.rule)


def add_careplan(ctx: Context, case: Case, assessment: Assessment,
                 plans: list[dict[str, str]]) -> None:
    """The plan in force as of the as-of date: planned doses and procedures (references),
    the rebound checks due, and the patient care plan's text (English) as notes."""
    activity: list[dict[str, Any]] = [{"reference": ref} for ref in plans]
    den = assessment.derived.get("denosumab") or {}
    for day in den.get("checks_due") or []:
        activity.append({"detail": {
            "status": "scheduled", "code": {"text": "Blood test (fasting CTX and calcium)"},
            "scheduledPeriod": {"start": day, "end": day}}})
    plan = build_careplan(case, assessment, assessment.as_of, "en",
                          params=assessment.params)
    notes = []
    for section in plan.sections:
        lines = [section.title, *section.paragraphs, *(item.text for item in section.items)]
        notes.append({"text": "\n".join(line for line in lines if line)})
    resource: dict[str, Any] = {
        "resourceType": "CarePlan", "status": "active", "intent": "plan",
        "title": "Bone care plan", "subject": ctx.patient_ref,
        "created": assessment.as_of.isoformat(),
        "period": {"start": assessment.as_of.isoformat()},
    }
    if activity:
        resource["activity"] = activity
    if notes:
        resource["note"] = notes
    ctx.add(resource, "careplan")
