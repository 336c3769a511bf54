"""The site's time zone for exported date-times (FHIR; issue 19).

A time recorded without an offset is the site's local time. The site's zone is ``time_zone``
in ``<user config dir>/BoneMet/site.json`` (an IANA name, e.g. ``Asia/Shanghai``), else the
machine's zone (:func:`machine_zone`). A site file that exists but cannot be used is an error
(:class:`~app.services.site_settings.SiteParamsError`), never a silent fall-back: exported
times would carry a zone the site did not choose.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.services.site_settings import SiteParamsError, default_params_path

SITE_FILE_NAME = "site.json"


def default_site_path() -> Path:
    """``<user config dir>/BoneMet/site.json`` (beside the parameter file)."""
    return default_params_path().with_name(SITE_FILE_NAME)


def machine_zone() -> tzinfo:
    """The machine's zone: ``$TZ`` or the ``/etc/localtime`` link as an IANA zone when it
    names one (right offsets for past dates across DST), else the current fixed offset."""
    name = os.environ.get("TZ", "").lstrip(":")
    candidates = [name] if name else []
    target = os.path.realpath("/etc/localtime")
    if "zoneinfo/" in target:
        candidates.append(target.split("zoneinfo/", 1)[1])
    for candidate in candidates:
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return datetime.now().astimezone().tzinfo or UTC


def zone_from_name(name: object) -> ZoneInfo:
    """An IANA zone by name; :class:`ValueError` naming the problem otherwise."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError("time_zone: expected an IANA zone name, e.g. Asia/Shanghai")
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"time_zone: {name[:40]!r} is not a known time zone") from None


def load_site_zone(path: Path | None = None) -> tzinfo:
    """The site's zone from the site file (``path`` or the default one), else the machine's."""
    p = path or default_site_path()
    if not p.exists():
        return machine_zone()
    try:
        data = json.loads(p.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise SiteParamsError(p, "cannot read the site file (a JSON object expected)") from None
    if not isinstance(data, dict):
        raise SiteParamsError(p, "expected a JSON object")
    if data.get("time_zone") is None:
        return machine_zone()
    try:
        return zone_from_name(data["time_zone"])
    except ValueError as exc:
        raise SiteParamsError(p, str(exc)) from None
