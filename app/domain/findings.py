"""Findings (what a rule says about a case) and rule descriptions (the auditable catalogue).

Every rule module declares its rules as :class:`RuleInfo` entries and registers them with
:func:`register`; :func:`catalogue` returns them in rule-book order. A :class:`Finding` is
one rule firing, carrying the why (``data``) and the basis (``evidence`` + ``source``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("critical", "warning", "info")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}
EVIDENCE_LABELS = ("LABEL", "GL", "TRIAL", "SEED", "DESIGN")
EVIDENCE_RANK = {e: i for i, e in enumerate(EVIDENCE_LABELS)}


@dataclass(frozen=True)
class RuleInfo:
    """One row of the rule book: ID, severity (as written), trigger, advice, evidence."""

    id: str
    severity: str  # as written in the book, e.g. "critical at CTCAE grade ≥2, else warning"
    trigger: str
    says: str
    says_zh: str
    evidence: tuple[str, ...]  # labels, strongest first
    source: str
    order: int = 0  # rule-book order (set by register)


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    message_zh: str
    evidence: list[str]
    source: str
    data: dict[str, Any] = field(default_factory=dict)
    # date used to order findings of the same rule (e.g. per-lesion findings), not output
    sort_date: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "message_zh": self.message_zh,
            "evidence": list(self.evidence),
            "source": self.source,
            "data": self.data,
        }


_CATALOGUE: dict[str, RuleInfo] = {}


def order_evidence(labels: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Labels de-duplicated and sorted strongest first (LABEL > GL > TRIAL > SEED > DESIGN)."""
    return tuple(sorted(set(labels), key=lambda e: EVIDENCE_RANK[e]))


def register(order: int, info: RuleInfo) -> RuleInfo:
    """Add a rule to the catalogue at its rule-book position ``order``."""
    if info.id in _CATALOGUE and _CATALOGUE[info.id].order != order:
        raise ValueError(f"rule {info.id} registered twice")
    for e in info.evidence:
        if e not in EVIDENCE_RANK:
            raise ValueError(f"rule {info.id}: unknown evidence label {e}")
    stored = RuleInfo(
        info.id, info.severity, info.trigger, info.says, info.says_zh,
        order_evidence(info.evidence), info.source, order,
    )
    _CATALOGUE[info.id] = stored
    return stored


def catalogue() -> list[RuleInfo]:
    """All registered rules in rule-book order (importing the rule modules registers them)."""
    return sorted(_CATALOGUE.values(), key=lambda r: r.order)


def rule_info(rule_id: str) -> RuleInfo:
    return _CATALOGUE[rule_id]


def make_finding(
    info: RuleInfo,
    message: str,
    message_zh: str,
    data: dict[str, Any],
    *,
    severity: str | None = None,
    sort_date: str | None = None,
) -> Finding:
    """Build a finding for a catalogued rule (severity defaults to the book's single one)."""
    sev = severity or info.severity
    if sev not in SEVERITY_RANK:
        raise ValueError(f"rule {info.id}: severity {sev!r} must be given explicitly")
    return Finding(
        rule=info.id,
        severity=sev,
        message=message,
        message_zh=message_zh,
        evidence=list(info.evidence),
        source=info.source,
        data=data,
        sort_date=sort_date,
    )


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Severity, then rule-book order, then date (stable for equal keys)."""
    order = {r.id: r.order for r in _CATALOGUE.values()}
    return sorted(
        findings,
        key=lambda f: (SEVERITY_RANK[f.severity], order.get(f.rule, 10_000), f.sort_date or ""),
    )
