"""The site's lab intake settings: the network listener and the watched folder of the app.

A JSON object in ``lab-intake.json`` beside the site's rule-parameter file
(:func:`app.services.site_settings.default_params_path`), edited by File → Settings… → Lab
feeds::

    {"listen": true, "listen_host": "127.0.0.1", "listen_port": 2575,
     "watch_folder": "/srv/lab-drop"}

- ``listen`` (bool): run the HL7 (MLLP) listener while the app runs, on ``listen_host`` (an
  address of this computer; default 127.0.0.1, this computer only) and ``listen_port``
  (1–65535, default 2575).
- ``watch_folder`` (text, empty = none): a folder whose arriving HL7/CSV files the app imports,
  moving each to ``done/`` or ``failed/`` beside it.

A missing file means these defaults (nothing runs). A file that exists but cannot be used is an
error naming the setting (:class:`IntakeSettingsError`), never silently replaced by the defaults.
Saving writes the whole object atomically.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.services import site_settings

__all__ = ["INTAKE_FILE_NAME", "IntakeSettingsError", "LabIntakeSettings", "default_intake_path",
           "intake_settings_from_mapping", "load_intake_settings", "save_intake_settings"]

INTAKE_FILE_NAME = "lab-intake.json"
_MAX_BYTES = 64 * 1024
_TEXT_MAX = 1000


class IntakeSettingsError(ValueError):
    """``problem`` names the setting (``listen_port: must be between 1 and 65535``)."""

    def __init__(self, path: Path | None, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class LabIntakeSettings:
    listen: bool = False
    listen_host: str = "127.0.0.1"
    listen_port: int = 2575
    watch_folder: str = ""

    @property
    def watch_path(self) -> Path | None:
        return Path(self.watch_folder).expanduser() if self.watch_folder else None


def default_intake_path() -> Path:
    """``lab-intake.json`` beside the site's parameter file."""
    return site_settings.default_params_path().parent / INTAKE_FILE_NAME


def intake_settings_from_mapping(data: object) -> LabIntakeSettings:
    """Validate a mapping (e.g. the parsed file); ``IntakeSettingsError(None, problem)``."""
    if not isinstance(data, dict):
        raise IntakeSettingsError(None, "must be a JSON object")
    known = {f.name: f for f in fields(LabIntakeSettings)}
    for key in data:
        if key not in known:
            raise IntakeSettingsError(None, f"{key}: unknown setting")
    values = {**asdict(LabIntakeSettings()), **data}
    if not isinstance(values["listen"], bool):
        raise IntakeSettingsError(None, "listen: must be true or false")
    port = values["listen_port"]
    if isinstance(port, bool) or not isinstance(port, int):
        raise IntakeSettingsError(None, "listen_port: must be a whole number")
    if not 1 <= port <= 65535:
        raise IntakeSettingsError(None, "listen_port: must be between 1 and 65535")
    for key in ("listen_host", "watch_folder"):
        if not isinstance(values[key], str):
            raise IntakeSettingsError(None, f"{key}: must be text")
        values[key] = values[key].strip()
        if len(values[key]) > _TEXT_MAX:
            raise IntakeSettingsError(None, f"{key}: at most {_TEXT_MAX} characters")
    if not values["listen_host"]:
        raise IntakeSettingsError(None, "listen_host: required (e.g. 127.0.0.1)")
    return LabIntakeSettings(**values)


def load_intake_settings(path: Path | None = None) -> LabIntakeSettings:
    """The settings from ``path`` (default: :func:`default_intake_path`); defaults if missing."""
    p = path or default_intake_path()
    try:
        data = site_settings.read_json_file(p, _MAX_BYTES)
    except FileNotFoundError:
        return LabIntakeSettings()
    except site_settings.JsonFileError as exc:
        raise IntakeSettingsError(p, exc.problem) from None
    try:
        return intake_settings_from_mapping(data)
    except IntakeSettingsError as exc:
        raise IntakeSettingsError(p, exc.problem) from None


def save_intake_settings(settings: LabIntakeSettings, path: Path | None = None) -> Path:
    """Write the settings atomically; returns the file. ``IntakeSettingsError`` if it cannot."""
    p = path or default_intake_path()
    text = json.dumps(asdict(settings), indent=2, ensure_ascii=False) + "\n"
    try:
        site_settings.atomic_write_text(p, text)
    except OSError as exc:
        raise IntakeSettingsError(p, f"cannot write ({exc.strerror or 'I/O error'})") from None
    return p
