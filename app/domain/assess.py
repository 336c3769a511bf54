"""The assessment: run every rule family on a case as of a date and assemble the §10
``bonemet-assessment/1`` document.

``assess(case, as_of, params)``:

1. builds the as-of view :class:`~app.domain.context.CaseView`;
2. derives the status (:func:`app.domain.status.derive_status`) and sets ``view.status``;
3. runs ``evaluate(view)`` of every module in :data:`app.domain.catalogue.RULE_MODULES`;
4. sorts the findings (severity, rule-book order, date) and computes ``derived`` and
   ``scores``.

Rule-module hook (every ``app/domain/rules_*.py`` follows it):

- Register each rule at import: ``X = register(ORDER, RuleInfo(...))`` with ORDER = position in
  the rule book (WU 100+, BMA 200+, DEN 300+, DENT 400+, LOC 500+, IO 600).
- Expose ``evaluate(view: CaseView) -> list[Finding]``: pure, no I/O, never mutates the case;
  findings built with :func:`app.domain.findings.make_finding`, messages (English and Chinese)
  include the triggering data, ``data`` is JSON-ready.
- Report a missing input with ``view.missing.add(input_key, rule_id)`` only when the rule's
  trigger could not be evaluated because of it; input keys are case-file keys
  (``weight_kg``, ``labs.CREA``, ``lesions.pain``...).
- Read the status from ``view.status`` (:class:`app.domain.status.StatusResult`); share values
  between families through ``view.memo``.
- Add a new rule module to ``RULE_MODULES`` in :mod:`app.domain.catalogue` (static import).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.case import Case
from app.domain.catalogue import RULE_MODULES, RULES_VERSION
from app.domain.context import CaseView
from app.domain.derived import derived_json
from app.domain.findings import Finding, sort_findings
from app.domain.params import DEFAULTS, Params
from app.domain.scores import scores_json
from app.domain.status import StatusResult, derive_status

SCHEMA = "bonemet-assessment/1"


@dataclass
class Assessment:
    """The result of :func:`assess` (see :meth:`to_json` for the §10 document)."""

    as_of: date
    params: Params
    status: StatusResult
    derived: dict[str, Any]
    scores: dict[str, Any]
    findings: list[Finding]
    rules_version: str = RULES_VERSION

    @property
    def missing_inputs(self) -> list[dict[str, Any]]:
        return self.derived["missing_inputs"]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "as_of": self.as_of.isoformat(),
            "rules_version": self.rules_version,
            "parameters": self.params.non_defaults(),
            "status": self.status.to_json(),
            "derived": self.derived,
            "scores": self.scores,
            "findings": [f.to_json() for f in self.findings],
        }


def assess(case: Case, as_of: date, params: Params = DEFAULTS) -> Assessment:
    """Assess a case as it stood on ``as_of`` with the site's parameters."""
    view = CaseView(case, as_of, params)
    view.status = derive_status(view)
    findings: list[Finding] = []
    for module in RULE_MODULES:
        findings.extend(module.evaluate(view))
    findings = sort_findings(findings)
    scores = scores_json(view)
    derived = derived_json(view)
    return Assessment(as_of, params, view.status, derived, scores, findings)
