"""The site's lab-feed settings: the code map, where the patient ID is, accepted authorities.

One JSON file (``import-labs --code-map FILE``; by default
:func:`app.services.site_settings.default_lab_feed_path`, used when it exists)::

    {
      "codes": {"L001": "ALP", "骨胶原": {"analyte": "CTX", "unit": "ng/mL"}},
      "patient_id_fields": ["PID-3", "PID-2", "PID-4"],
      "accepted_authorities": ["HOSP", "中心医院"]
    }

- ``codes``: :class:`app.interop.lab_codes.CodeMap` (local code or name → analyte, unit).
- ``patient_id_fields``: where the patient's ID is looked for, in order (default PID-3, then
  PID-2 (Mindray analysers), then PID-4 (Radiometer)); the first non-empty one is used.
- ``accepted_authorities``: the assigning authorities (CX.4, e.g. PID-3.4) whose IDs are this
  registry's MRNs. A message whose patient ID names another authority goes to the review
  queue instead of being stored; an ID without an authority is matched as it is.

Every key is optional; an unknown key or a wrong type is an error naming it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from app.interop.lab_codes import CodeMap, CodeMapError, fold, read_json_object

__all__ = ["ID_FIELDS", "LabFeedSettings", "lab_feed_json", "load_lab_feed_settings",
           "site_lab_feed_settings"]

ID_FIELDS = ("PID-3", "PID-2", "PID-4")
_KEYS = ("codes", "patient_id_fields", "accepted_authorities")


@dataclass(frozen=True)
class LabFeedSettings:
    codes: CodeMap = field(default_factory=CodeMap)
    patient_id_fields: tuple[str, ...] = ID_FIELDS
    accepted_authorities: frozenset[str] = frozenset()  # folded (see lab_codes.fold)

    def authority_accepted(self, authority: str) -> bool:
        return not authority or fold(authority) in self.accepted_authorities

    @classmethod
    def from_mapping(cls, data: dict) -> LabFeedSettings:
        unknown = [k for k in data if k not in _KEYS]
        if unknown:
            raise CodeMapError(f"{str(unknown[0])[:30]!r}: unknown key (expected "
                               + ", ".join(_KEYS) + ")")
        codes = CodeMap.from_mapping(data.get("codes", {}))
        order = data.get("patient_id_fields", list(ID_FIELDS))
        if (not isinstance(order, list) or not order
                or any(f not in ID_FIELDS for f in order) or len(set(order)) != len(order)):
            raise CodeMapError("patient_id_fields: a list of distinct PID-3, PID-2, PID-4")
        accepted = data.get("accepted_authorities", [])
        if not isinstance(accepted, list) or not all(
                isinstance(a, str) and a.strip() for a in accepted):
            raise CodeMapError("accepted_authorities: a list of authority names")
        return cls(codes, tuple(order), frozenset(fold(a) for a in accepted))

    def to_mapping(self, authorities: list[str] | None = None) -> dict:
        """The file's JSON object (``authorities``: the names as written, else folded)."""
        return {"codes": self.codes.to_mapping(),
                "patient_id_fields": list(self.patient_id_fields),
                "accepted_authorities": authorities if authorities is not None
                else sorted(self.accepted_authorities)}

    def with_authorities(self, names: list[str]) -> LabFeedSettings:
        return LabFeedSettings(self.codes, self.patient_id_fields,
                               self.accepted_authorities | {fold(n) for n in names if n})


def lab_feed_json(settings: LabFeedSettings, authorities: list[str] | None = None) -> str:
    return json.dumps(settings.to_mapping(authorities), ensure_ascii=False, indent=2) + "\n"


def load_lab_feed_settings(path: str | Path | None) -> LabFeedSettings:
    """The settings of a file (None: the defaults); :class:`CodeMapError` when unusable."""
    if path is None:
        return LabFeedSettings()
    return LabFeedSettings.from_mapping(read_json_object(path))


def site_lab_feed_settings(path: str | Path | None = None) -> LabFeedSettings:
    """The settings every import path uses: ``path`` if given, else the site file
    (:func:`app.services.site_settings.default_lab_feed_path`) when it exists, else the
    defaults. :class:`CodeMapError` when the file is unusable (never a silent fall-back)."""
    from app.services.site_settings import default_lab_feed_path

    if path is None:
        default = default_lab_feed_path()
        path = default if default.exists() else None
    return load_lab_feed_settings(path)
