"""The site's care-plan settings: the clinic's contacts and the daily calcium target.

One file, ``<user config dir>/BoneMet/careplan.json`` beside the rule-parameter file, used by
the app (File → Settings → Clinic) and by ``bonemet careplan`` alike (its ``--clinic-*`` flags
override single fields)::

    {"clinic": {"name": "…", "phone": "…", "after_hours_phone": "…", "address": "…"},
     "calcium_target": false}

``calcium_target`` (default off) prints "aim for 1000–1200 mg of calcium a day" on the plans.
A missing file means no contacts (the plan prints a line to write the phone number on) and no
target; a file that exists but cannot be used is an error naming the field
(:class:`~app.services.site_settings.SiteParamsError`), never silently ignored. Saving is
atomic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.domain.careplan import Clinic
from app.services.site_settings import (
    SiteParamsError,
    atomic_write_text,
    default_params_path,
    read_site_json,
)

FILE_NAME = "careplan.json"
CLINIC_FIELDS = ("name", "phone", "after_hours_phone", "address")
MAX_FIELD = 200


@dataclass(frozen=True)
class CarePlanSettings:
    clinic: Clinic = Clinic()
    calcium_target: bool = False


def default_careplan_settings_path() -> Path:
    return default_params_path().with_name(FILE_NAME)


def _parse(path: Path, data: object) -> CarePlanSettings:
    if not isinstance(data, dict):
        raise SiteParamsError(path, "must be a JSON object")
    unknown = sorted(set(data) - {"clinic", "calcium_target"})
    if unknown:
        raise SiteParamsError(path, f"{unknown[0]}: unknown setting")
    clinic = data.get("clinic") or {}
    if not isinstance(clinic, dict):
        raise SiteParamsError(path, "clinic: must be an object")
    values: dict[str, str | None] = {}
    for key, value in clinic.items():
        if key not in CLINIC_FIELDS:
            raise SiteParamsError(path, f"clinic.{key}: unknown field")
        if value is not None and not isinstance(value, str):
            raise SiteParamsError(path, f"clinic.{key}: must be text")
        if value is not None and len(value) > MAX_FIELD:
            raise SiteParamsError(path, f"clinic.{key}: longer than {MAX_FIELD} characters")
        values[key] = (value or "").strip() or None
    target = data.get("calcium_target", False)
    if not isinstance(target, bool):
        raise SiteParamsError(path, "calcium_target: must be true or false")
    return CarePlanSettings(Clinic(**values), target)


def load_careplan_settings(path: Path | None = None) -> CarePlanSettings:
    """The settings from ``path`` (default: the site file); defaults when the file does not
    exist. Raises :class:`SiteParamsError` for a file that cannot be used."""
    p = path or default_careplan_settings_path()
    if not p.exists():
        return CarePlanSettings()
    return _parse(p, read_site_json(p))


def save_careplan_settings(settings: CarePlanSettings, path: Path | None = None) -> None:
    """Write the settings atomically (empty contact fields left out)."""
    p = path or default_careplan_settings_path()
    c = settings.clinic
    clinic = {k: v.strip() for k in CLINIC_FIELDS if (v := getattr(c, k)) and v.strip()}
    text = json.dumps({"clinic": clinic, "calcium_target": settings.calcium_target},
                      indent=2, ensure_ascii=False) + "\n"
    try:
        atomic_write_text(p, text)
    except OSError as exc:
        raise SiteParamsError(p, f"cannot write ({exc.strerror or 'I/O error'})") from None
