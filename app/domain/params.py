"""Site-configurable rule parameters (rule book §9) with their documented defaults.

A site overrides them with a JSON object of parameter names to values of the same type;
:func:`params_from_mapping` validates it (unknown name or wrong type = :class:`ParamsError`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any


class ParamsError(ValueError):
    """A parameter file that names an unknown parameter or gives a value of the wrong type."""


@dataclass(frozen=True)
class Params:
    lsc_ctx: float = 0.30
    lsc_alp: float = 0.33
    lookback_days: int = 365
    symptom_days: int = 90
    enable_biomarker_workup: bool = True
    alp_uln_u_l: float = 125.0
    ctx_uln_ng_ml: float = 0.70
    calcium_lln_mmol_l: float = 2.10
    calcium_uln_mmol_l: float = 2.60
    albumin_pairing_days: int = 7
    creatinine_max_age_days: int = 14
    dental_review_days: int = 180
    dental_hold_days: int = 60
    overdue_grace_days: int = 14
    rebound_checks_days: tuple[int, ...] = (90, 180, 270, 365)

    def non_defaults(self) -> dict[str, Any]:
        """Every value that differs from the rule book's table (JSON-ready)."""
        default = Params()
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v != getattr(default, f.name):
                out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["rebound_checks_days"] = list(self.rebound_checks_days)
        return d


DEFAULTS = Params()


def _check(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ParamsError(f"{name}: expected true or false, got {value!r}")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParamsError(f"{name}: expected a whole number, got {value!r}")
        if value < 0:
            raise ParamsError(f"{name}: must not be negative, got {value!r}")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ParamsError(f"{name}: expected a number, got {value!r}")
        if value < 0:
            raise ParamsError(f"{name}: must not be negative, got {value!r}")
        return float(value)
    if isinstance(default, tuple):
        if not isinstance(value, list) or not value or any(
            isinstance(x, bool) or not isinstance(x, int) or x <= 0 for x in value
        ):
            raise ParamsError(f"{name}: expected a non-empty list of whole numbers > 0")
        return tuple(value)
    raise ParamsError(f"{name}: unsupported parameter")  # pragma: no cover - table is fixed


def params_from_mapping(data: Any, base: Params = DEFAULTS) -> Params:
    """Validate a parameter object (from JSON) and return the resulting :class:`Params`."""
    if not isinstance(data, dict):
        raise ParamsError("parameters: expected a JSON object of parameter names to values")
    known = {f.name: getattr(base, f.name) for f in fields(Params)}
    changes: dict[str, Any] = {}
    for name, value in data.items():
        if name not in known:
            raise ParamsError(f"{name}: unknown parameter")
        changes[name] = _check(name, value, getattr(DEFAULTS, name))
    return replace(base, **changes)
