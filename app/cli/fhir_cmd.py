"""``bonemet export-fhir`` and ``bonemet import-fhir``: FHIR R4 bundles out and lab results in.

    bonemet export-fhir --db DB (--mrn MRN [MRN …] | --all) [--out FILE|DIR] [--as-of DATE]
                        [--params FILE.json]
    bonemet import-fhir FILE --db DB [--dry-run] [--params FILE.json]

Export: one Bundle (type ``collection``) per patient, times in the site's zone (site file
``time_zone``, else the machine's). One patient: ``--out FILE`` or standard output; several
patients or ``--all``: ``--out DIR``, one ``<MRN>.json`` per patient, with progress (counts
only) on stderr. Files are written atomically.

Exit codes: 0 done; 1 failure at run time (some results rejected on import); 2 bad input —
a message naming the field, nothing written.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from app.cli.case_cmd import cli_actor
from app.cli.db_cmd import CliError, add_db_argument, ready_database, report
from app.services.site_settings import SiteParamsError, load_site_params
from app.services.site_zone import load_site_zone


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export-fhir", help="export patients as FHIR R4 bundles (mCODE-shaped)",
        description="Write one FHIR R4 Bundle (type collection) per patient.")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--mrn", nargs="+", metavar="MRN", help="the patients to export")
    who.add_argument("--all", action="store_true", help="every patient of the registry")
    p.add_argument("--out", metavar="FILE|DIR",
                   help="output file (one patient; default: standard output) or folder")
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD",
                   help="assessment date for scores, findings and plans (default: today)")
    p.add_argument("--params", metavar="FILE.json", help="site rule parameters")
    add_db_argument(p)
    p.set_defaults(func=run_export)
    q = sub.add_parser(
        "import-fhir", help="import lab results from a FHIR bundle (LOINC-coded Observations)",
        description="Read the laboratory Observations of the 14 BoneMet analytes from a FHIR "
        "bundle into the registry patient with the bundle's MRN.")
    q.add_argument("file", help="the FHIR Bundle (JSON)")
    q.add_argument("--dry-run", action="store_true", help="check and report, write nothing")
    q.add_argument("--params", metavar="FILE.json", help="site rule parameters")
    add_db_argument(q)
    q.set_defaults(func=run_import)


def _site(args: argparse.Namespace):
    try:
        return load_site_params(args.params).params, load_site_zone()
    except SiteParamsError as exc:
        raise CliError(f"{exc.path.name}: {exc.problem}; nothing was written") from None


def _as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError("--as-of: expected a date YYYY-MM-DD") from None


class _Progress:
    """``exported D of T patients`` on stderr at most once a second, and at the end."""

    def __init__(self) -> None:
        self._last = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self._last >= 1.0:
            self._last = now
            print(f"exported {done} of {total} patients", file=sys.stderr, flush=True)


@report
def run_export(args: argparse.Namespace) -> int:
    from app.interop.fhir_export import build_bundle, bundle_json, export_patients
    from app.services.case_batches import UnknownMrn, cases, patient_ids

    as_of = _as_of(args.as_of)
    params, zone = _site(args)
    out = Path(args.out) if args.out else None
    several = args.all or len(args.mrn) > 1
    if several and (out is None or not out.is_dir()):
        raise CliError("--out: give an existing folder for several patients "
                       "(one file per patient)")
    into_folder = several or (out is not None and out.is_dir())  # one patient: <MRN>.json
    if out is not None and not into_folder and not out.parent.is_dir():
        raise CliError("--out: the folder of this file does not exist")
    db = ready_database(args.db, must_exist=True)
    try:
        try:
            ids = patient_ids(db, None if args.all else args.mrn)
        except UnknownMrn as exc:
            raise CliError(str(exc)) from None
        if out is None:
            (_pid, case), = cases(db, ids)
            sys.stdout.write(bundle_json(build_bundle(case, as_of, zone, params=params)))
            return 0
        assert out is not None
        try:
            rep = export_patients(db, ids, out, as_of, zone, params=params,
                                  single_file=not into_folder,
                                  progress=_Progress() if several else None)
        except OSError as exc:  # the file name holds the MRN: not repeated on stderr
            raise CliError(f"--out: cannot write ({exc.strerror or 'I/O error'}); the files "
                           "already written are complete", 1) from None
    finally:
        db.dispose()
    print(f"wrote {len(rep.written)} bundle(s)")
    return 0


@report
def run_import(args: argparse.Namespace) -> int:
    from app.interop.fhir_import import FhirImportError, import_bundle_file

    params, zone = _site(args)
    db = ready_database(args.db, must_exist=True)
    try:
        try:
            rep = import_bundle_file(db, Path(args.file), cli_actor(), zone, params=params,
                                     dry_run=args.dry_run)
        except FhirImportError as exc:
            raise CliError(f"{exc}; nothing was imported") from None
    finally:
        db.dispose()
    would = "would be " if rep.dry_run else ""
    if rep.dry_run:
        print("dry run: nothing was written")
    print(f"results: {rep.results_imported} {would}imported, {rep.results_duplicate} already "
          f"in the registry")
    for o in rep.outcomes:
        for reason in o.reasons:
            print(f"  {o.status:<9}{o.label}, {reason}")
    return 1 if rep.rejected else 0
