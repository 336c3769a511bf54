"""Import several lab files in a row, with progress and cancel (the app's File → Import lab
results… and its watched folder).

Each file goes through the command line's own path (:func:`app.interop.lab_files.parse_lab_file`
and :func:`app.services.lab_import.apply_lab_import`): one transaction per message or row, results
already stored skipped. The units of a file are written in chunks of :data:`CHUNK` so that a
cancel takes effect within a chunk: what was written before stays written (each unit is
complete), the rest of the file and the files after it are not read — importing them again later
skips what is already stored. A file that cannot be read as a whole (missing, wrong encoding,
not HL7 or CSV) is reported with the reason and the next file is imported.

Reports carry counts, message/line numbers and field names only (never an MRN, a name or a
value); :func:`report_lines` writes one as text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.interop.lab_codes import CodeMapError
from app.interop.lab_feed_config import site_lab_feed_settings
from app.interop.lab_files import LabFileError, parse_lab_file, read_bytes
from app.services.lab_import import ImportReport, apply_lab_import

__all__ = ["CHUNK", "FileImport", "has_rejections", "import_lab_files", "merge_reports",
           "report_lines"]

CHUNK = 100
#: progress(file index from 0, number of files, units done in this file, units in this file)
BatchProgress = Callable[[int, int, int, int], None]


def has_rejections(report: ImportReport) -> bool:
    """Something was rejected: a message/row whole, or a result on its own (where the import
    counts results rejected one by one)."""
    return bool(report.rejected or sum(getattr(o, "rejected_results", 0)
                                       for o in report.outcomes))


@dataclass
class FileImport:
    """What became of one file."""

    path: Path
    format: str | None = None  # "hl7" / "csv"; None when the file could not be read
    encoding: str | None = None
    report: ImportReport = field(default_factory=ImportReport)
    error: str | None = None  # why the file could not be read at all
    cancelled: bool = False  # stopped inside this file (units before the stop are stored)

    @property
    def clean(self) -> bool:
        """Read completely with nothing rejected."""
        return self.error is None and not self.cancelled and not has_rejections(self.report)


def merge_reports(reports: Sequence[ImportReport]) -> ImportReport:
    """One report from the reports of consecutive chunks (lists joined, numbers added)."""
    merged = ImportReport(dry_run=any(r.dry_run for r in reports))
    for f in fields(ImportReport):
        if f.name == "dry_run":
            continue
        for r in reports:
            value, current = getattr(r, f.name), getattr(merged, f.name)
            if isinstance(value, list):
                current.extend(value)
            elif isinstance(value, dict):
                for key, count in value.items():
                    current[key] = current.get(key, 0) + count
            elif isinstance(value, int | float) and not isinstance(value, bool):
                setattr(merged, f.name, current + value)
    return merged


def _import_one(db: Database, path: Path, actor: str, params: Params,
                today: Callable[[], date], progress: Callable[[int, int], None],
                cancel: Callable[[], bool], chunk_size: int) -> FileImport:
    result = FileImport(path)
    try:  # the site's code map, patient-ID fields and accepted authorities (lab-feed.json)
        conf = site_lab_feed_settings()
    except CodeMapError as exc:
        result.error = f"lab-feed settings: {exc}; nothing was imported"
        return result
    try:
        parsed = parse_lab_file(read_bytes(path), path.name, today=today(), settings=conf)
    except LabFileError as exc:
        result.error = str(exc)
        return result
    result.format, result.encoding = parsed.format, parsed.encoding
    units, reports = parsed.units, []
    progress(0, len(units))
    for start in range(0, len(units), chunk_size):
        if cancel():
            result.cancelled = True
            break
        chunk = units[start:start + chunk_size]
        reports.append(apply_lab_import(
            db, chunk, actor, params=params, today=today,
            accepted_authorities=conf.accepted_authorities,
            progress=lambda done, _total, s=start: progress(s + done, len(units))))
    result.report = merge_reports(reports)
    return result


def import_lab_files(db: Database, paths: Sequence[str | Path], actor: str, *,
                     params: Params = DEFAULTS, today: Callable[[], date] = date.today,
                     progress: BatchProgress | None = None,
                     cancel: Callable[[], bool] | None = None,
                     chunk_size: int = CHUNK) -> list[FileImport]:
    """Import the files in order; the list ends early (at the cancelled file) on a cancel.
    ``cancel`` is checked before each chunk of ``chunk_size`` units."""
    stop = cancel or (lambda: False)
    results: list[FileImport] = []
    for index, p in enumerate(paths):
        if stop():
            break

        def file_progress(done: int, total: int, i: int = index) -> None:
            if progress is not None:
                progress(i, len(paths), done, total)

        results.append(_import_one(db, Path(p), actor, params, today, file_progress, stop,
                                   chunk_size))
        if results[-1].cancelled:
            break
    return results


def report_lines(result: FileImport) -> list[str]:
    """A file's report as text lines (counts, then each reason by message/line number)."""
    lines = [f"file: {result.path.name}"]
    if result.error is not None:
        return [*lines, f"not imported: {result.error}"]
    rep = result.report
    kind = "HL7 v2" if result.format == "hl7" else "CSV"
    lines.append(f"format: {kind}, encoding {result.encoding}")
    lines.append(f"messages/rows: {rep.read} read, {rep.imported} imported, {rep.skipped} "
                 f"skipped, {rep.rejected} rejected")
    lines.append(f"results: {rep.results_imported} imported, {rep.results_duplicate} already "
                 f"in the registry, {rep.results_left_out} left out")
    if result.cancelled:
        lines.append("cancelled: the rest of the file was not imported")
    for o in rep.outcomes:
        for reason in o.reasons:
            lines.append(f"{o.status}: {o.label}, {reason}")
    return lines
