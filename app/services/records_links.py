"""Which chart records a finding is about, so the chart can jump to the record behind it.

A finding's ``data`` names the items that triggered it the way the rule book prints them: a
dose as ``{date, drug, dose_mg, planned}``, a lab as ``{date, analyte, value…}`` or as
``creatinine_date`` / ``calcium_date`` beside the value, a lesion by ``region`` and ``bone``, an
event by ``date`` and ``kind``. :func:`finding_links` walks the data and returns the
(kind, record id) of every current record that matches, best matches first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.domain.findings import Finding
from app.services.records_map import StoredRecord

_DATE_KEY_ANALYTE = {
    "creatinine_date": "CREA", "calcium_date": "CA", "albumin_date": "ALB", "ctx_date": "CTX",
    "alp_date": "ALP", "nadir_date": "CTX",
}
_DATE_KEY_KIND = {
    "stop_date": "stop", "last_dose": "administration", "dose_date": "administration",
    "first_dose": "administration", "exam_date": "dental_exam",
    "procedure_date": "dental_procedure", "event_date": "event",
}
_MATCH_KEYS = ("drug", "analyte", "kind", "modality", "result", "planned")


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _dicts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _dicts(v)


def _region(value: Any) -> str:
    return str(value or "").strip().casefold()


def _matches(d: dict[str, Any], rec: StoredRecord) -> bool:
    r = rec.record
    when = getattr(r, "date", None)
    if "date" in d:
        if when is None or when.isoformat() != str(d["date"])[:10]:
            return False
    elif rec.kind != "lesion":
        return False
    for key in _MATCH_KEYS:
        if key in d and hasattr(r, key) and getattr(r, key) != d[key]:
            return False
    if "region" in d and hasattr(r, "region"):
        if _region(r.region) != _region(d["region"]):
            return False
    elif rec.kind == "lesion":
        return False
    if rec.kind == "lesion" and "bone" in d and r.bone != d["bone"]:
        return False
    return True


def finding_links(finding: Finding, records: list[StoredRecord]) -> list[tuple[str, int]]:
    """(kind, record id) of the records the finding names, most specific first."""
    out: list[tuple[str, int]] = []

    def add(rec: StoredRecord) -> None:
        key = (rec.kind, rec.rid)
        if key not in out:
            out.append(key)

    for d in _dicts(finding.data):
        if "date" in d or "region" in d:
            hits = [r for r in records if _matches(d, r)]
            for rec in sorted(hits, key=lambda r: r.kind == "interval"):
                add(rec)
        for key, analyte in _DATE_KEY_ANALYTE.items():
            if key in d and d[key]:
                for rec in records:
                    r = rec.record
                    if (rec.kind == "lab" and r.analyte == analyte
                            and r.date.isoformat() == str(d[key])[:10]):
                        add(rec)
        for key, kind in _DATE_KEY_KIND.items():
            if key in d and isinstance(d[key], str):
                for rec in records:
                    when = getattr(rec.record, "date", None)
                    if rec.kind == kind and when is not None and when.isoformat() == d[key][:10]:
                        add(rec)
    return out
