"""``bonemet export-fhir``: one FHIR R4 Bundle (type ``collection``) per patient, shaped like
mCODE where it applies, built from the registry's case and its assessment, every resource
validated with its ``fhir.resources`` R4B model (:mod:`app.interop.fhir`).

Files are written atomically (a temporary file beside the target, then renamed). Progress is
reported as counts only; nothing here logs patient data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle

from app.data.engine import Database
from app.domain.assess import assess
from app.domain.case import Case
from app.domain.params import DEFAULTS, Params
from app.interop.fhir.alerts import add_careplan, add_findings, add_rebound_flag
from app.interop.fhir.common import Context, instant
from app.interop.fhir.history import add_history_observations, add_therapy_lines
from app.interop.fhir.labs import add_labs
from app.interop.fhir.meds import add_doses
from app.interop.fhir.patient import add_bone_metastasis, add_lung_cancer, add_patient
from app.interop.fhir.procedures import add_events
from app.interop.fhir.scores import add_scores
from app.services import case_batches
from app.services.files import write_file_atomic

__all__ = ["ExportReport", "build_bundle", "bundle_json", "export_patients", "file_name_for"]


def build_bundle(case: Case, as_of: date, zone: tzinfo, *, params: Params = DEFAULTS,
                 now: datetime | None = None) -> Bundle:
    """The patient's Bundle as of ``as_of``; date-times without an offset take ``zone``."""
    assessment = assess(case, as_of, params)
    ctx = Context(key=case.patient.mrn, zone=zone, as_of=as_of)
    add_patient(ctx, case)
    add_lung_cancer(ctx, case)
    add_bone_metastasis(ctx, case, assessment.status)
    add_labs(ctx, case.labs)
    add_scores(ctx, assessment.scores)
    add_history_observations(ctx, case)
    add_therapy_lines(ctx, case)
    plans = add_doses(ctx, case.bma.administrations)
    plans += add_events(ctx, case)
    add_rebound_flag(ctx, assessment)
    add_findings(ctx, assessment)
    add_careplan(ctx, case, assessment, plans)
    return Bundle.model_validate({
        "resourceType": "Bundle", "type": "collection",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{ctx.new_id('Bundle')}"},
        "timestamp": instant(now or datetime.now(zone), zone),
        "entry": [{"fullUrl": url, "resource": model} for url, model in ctx.entries],
    })


def bundle_json(bundle: Bundle) -> str:
    return bundle.model_dump_json(indent=2, exclude_none=True) + "\n"


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_name_for(mrn: str, taken: set[str]) -> str:
    """``<MRN>.json`` with characters unsafe in file names replaced; unique within ``taken``."""
    stem = _UNSAFE.sub("_", mrn.strip()).strip("._") or "patient"
    name, n = f"{stem}.json", 1
    while name.lower() in taken:
        n += 1
        name = f"{stem}-{n}.json"
    taken.add(name.lower())
    return name


@dataclass
class ExportReport:
    written: list[Path]
    total: int
    cancelled: bool = False


def export_patients(db: Database, ids: list[int], out: Path, as_of: date, zone: tzinfo, *,
                    params: Params = DEFAULTS, single_file: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ExportReport:
    """Write one bundle per patient: into the folder ``out`` (``<MRN>.json`` each), or, with
    ``single_file``, the one patient's bundle to the file ``out``. ``progress(done, total)``
    after each patient; ``cancelled()`` is checked between patients (files already written
    stay: each is complete)."""
    report = ExportReport([], len(ids))
    taken: set[str] = set()
    for done, (_pid, case) in enumerate(case_batches.cases(db, ids), 1):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        text = bundle_json(build_bundle(case, as_of, zone, params=params))
        target = out if single_file else out / file_name_for(case.patient.mrn, taken)
        write_file_atomic(target, text.encode("utf-8"))
        report.written.append(target)
        if progress is not None:
            progress(done, len(ids))
    return report
