"""The complete rule catalogue: importing this module imports every rule module, so that
:func:`catalogue` lists every rule of the rule book in rule-book order.

:data:`RULE_MODULES` is the one static list of rule modules that an assessment runs, in this
order (static imports so that packagers such as PyInstaller see them). A rule module exposes
``evaluate(view) -> list[Finding]`` (see :mod:`app.domain.assess` for the hook).
"""

from __future__ import annotations

from app.domain import (
    rules_bma,
    rules_bma_bp,
    rules_bma_ca,
    rules_bma_indication,
    rules_bma_za,
    rules_den,
    rules_dental,
    rules_local,
    rules_workup,
    rules_workup_imaging,
)
from app.domain.findings import RuleInfo
from app.domain.findings import catalogue as _registered

RULE_MODULES = (
    rules_workup,
    rules_workup_imaging,
    rules_bma,
    rules_bma_indication,
    rules_bma_za,
    rules_bma_bp,
    rules_bma_ca,
    rules_den,
    rules_dental,
    rules_local,
)

RULES_VERSION = "rules/2"


def catalogue() -> list[RuleInfo]:
    """Every rule in rule-book order (WU, BMA, DEN, DENT, LOC, IO)."""
    return _registered()
