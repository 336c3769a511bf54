"""Saving a lab panel: several results of one sample (shared collection date-time, fasting and
method) in ONE transaction (issue 20).

Each result is validated like the chart's lab form (:func:`~app.services.records_validate.
parse_record`), then against the analyte's plausibility limits (:mod:`app.domain.lab_limits`):
an impossible value is refused naming its field (``labs[ALP].value``); a value outside the
plausible band needs the clinician's confirmation (``confirmed`` names the analyte) and the
confirmation is audited (the audit row lists ``implausible_value_confirmed`` among the fields —
never the value). Any problem → nothing is written. The patient's cached summary is refreshed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from app.data import case_repo
from app.data import models as M
from app.data.engine import Database
from app.data.patient_repo import store_summary
from app.domain.assess import assess
from app.domain.lab_limits import IMPLAUSIBLE, IMPOSSIBLE, check_value, limits_text
from app.domain.params import DEFAULTS, Params
from app.domain.summary import summarize
from app.services.audit import write_audit
from app.services.records_validate import FieldError, ValidationFailed, parse_record
from app.services.registry import PatientNotFound

CONFIRMED_FIELD = "implausible_value_confirmed"


@dataclass(frozen=True)
class PanelResult:
    analyte: str
    value: Any  # as typed (a number or text; validated here)
    unit: str


def parse_panel(shared: dict[str, Any], results: list[PanelResult], today: date,
                confirmed: Collection[str] = ()) -> list[Any]:
    """The lab records of a panel, or :class:`ValidationFailed` naming every faulty field
    (``date``, ``labs[CA].value`` …; code ``implausible`` = needs confirmation)."""
    errors: list[FieldError] = []
    records = []
    if not results:
        errors.append(FieldError("labs", "required", "required: at least one result"))
    for r in results:
        try:
            rec = parse_record("lab", {**shared, "analyte": r.analyte, "value": r.value,
                                       "unit": r.unit}, today)
        except ValidationFailed as exc:
            errors.extend(FieldError(e.field if e.field in shared else f"labs[{r.analyte}]."
                                     f"{e.field}", e.code, e.message) for e in exc.errors)
            continue
        verdict = check_value(rec.analyte, rec.value, rec.unit)
        where = f"labs[{r.analyte}].value"
        if verdict == IMPOSSIBLE:
            errors.append(FieldError(where, "impossible", "impossible: outside "
                                     + limits_text(rec.analyte, "possible")))
        elif verdict == IMPLAUSIBLE and r.analyte not in confirmed:
            errors.append(FieldError(where, "implausible", "outside the plausible range "
                                     + limits_text(rec.analyte) + ": confirm it"))
        records.append(rec)
    if errors:
        # the shared fields once, not once per result
        raise ValidationFailed(list({(e.field, e.code): e for e in errors}.values()))
    return records


def add_panel(db: Database, actor: str, patient_id: int, shared: dict[str, Any],
              results: list[PanelResult], *, confirmed: Collection[str] = (),
              today: Callable[[], date] = date.today, params: Params = DEFAULTS) -> list[int]:
    """Validate and save the panel (module docstring); returns the new record ids."""
    day = today()
    records = parse_panel(shared, results, day, confirmed)
    ids = []
    with db.session() as s:
        if s.get(M.Patient, patient_id) is None:
            raise PatientNotFound("patient: no such patient")
        for rec in records:
            rid = case_repo.add_record(s, patient_id, rec, actor)
            filled = [f.name for f in fields(rec)
                      if f.name != "rid" and getattr(rec, f.name) not in (None, "")]
            if check_value(rec.analyte, rec.value, rec.unit) == IMPLAUSIBLE:
                filled.append(CONFIRMED_FIELD)
            write_audit(s, actor=actor, action="create", entity="lab_result", entity_id=rid,
                        patient_id=patient_id, fields=filled)
            ids.append(rid)
        case = case_repo.load_case(s, patient_id)
        store_summary(s, patient_id, summarize(case, assess(case, day, params), day), day)
    return ids
