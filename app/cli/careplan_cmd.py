"""``bonemet careplan``: print a patient's care plan (A4 PDF, Chinese or English).

    bonemet careplan (--db DB --mrn MRN | --case CASE.json) [--as-of YYYY-MM-DD]
                     --lang zh|en --out FILE.pdf [--params FILE.json]

                     [--clinic-name TEXT] [--clinic-phone TEXT] [--clinic-after-hours TEXT]
                     [--clinic-address TEXT] [--[no-]large-print]

``--lang`` may be left out with ``--mrn``: the patient's preferred language (registry) is used.
The clinic's contacts and the calcium target come from the site's care-plan settings (the same
file the app's Settings → Clinic edits, :mod:`app.services.careplan_settings`); each
``--clinic-*`` flag overrides its field.

Bad flags or input exit with code 2 and one line ``bonemet careplan: <field>: <problem>``;
a failure at run time exits 1. Nothing about the patient is written to stdout/stderr: the
PDF is the output. Qt is never imported.
"""

from __future__ import annotations

import argparse

from app.cli.assess_cmd import (
    InputError,
    check_as_of,
    load_params,
    parse_as_of,
    report_failure,
)
from app.cli.out_file import check_out, write_out
from app.domain.careplan_model import Clinic
from app.domain.case import Case
from app.domain.casefile import CaseFileError


def load_case_arg(args: argparse.Namespace) -> tuple[Case, str | None, bool]:
    """The case from ``--case FILE`` or ``--db DB --mrn MRN`` (exactly one of them), with the
    patient's printout preferences from the registry: language (``None`` for a case file) and
    large print."""
    if args.mrn is not None and args.case is not None:
        raise InputError("--case: give a case file or --mrn, not both")
    if args.mrn is None and args.case is None:
        raise InputError("--case: give a case file (--case CASE.json) or --db DB --mrn MRN")
    if args.case is not None:
        from app.interop.casefile_io import load_case_file

        try:
            return load_case_file(args.case), None, False
        except CaseFileError as exc:
            raise InputError(str(exc)) from None
        except FileNotFoundError:
            raise InputError("--case: no such file") from None
        except OSError as exc:
            raise InputError(f"--case: cannot read ({exc.strerror or 'I/O error'})") from None
    mrn = args.mrn.strip()
    if not mrn:
        raise InputError("--mrn: must not be empty")
    from app.cli.db_cmd import CliError, ready_database
    from app.services.case_service import PatientNotFound, load_case

    try:
        db = ready_database(getattr(args, "db", None), must_exist=True)
    except CliError as exc:
        raise InputError(str(exc), exc.code) from None
    try:
        case = load_case(db, mrn)
        from sqlalchemy import select

        from app.data.models import Patient

        with db.session() as s:
            language, large = s.execute(select(Patient.language, Patient.careplan_large_print)
                                        .where(Patient.mrn == mrn)).one()
        return case, language, bool(large)
    except PatientNotFound as exc:
        raise InputError(str(exc)) from None
    finally:
        db.dispose()


def site_careplan_settings():
    """The site's care-plan settings; an unusable file is an input error naming it."""
    from app.services.careplan_settings import load_careplan_settings
    from app.services.site_settings import SiteParamsError

    try:
        return load_careplan_settings()
    except SiteParamsError as exc:
        raise InputError(f"care-plan settings {exc.path.name}: {exc.problem}") from None


def run(args: argparse.Namespace) -> int:
    try:
        out = check_out(args.out)
        as_of = parse_as_of(args.as_of)
        params = load_params(args.params)
        if args.case is not None and args.plan_lang is None and args.mrn is None:
            raise InputError("--lang: required with --case (zh or en)")
        case, preferred, large_print = load_case_arg(args)
        check_as_of(case, as_of)
        if args.large_print is not None:
            large_print = args.large_print
        lang = args.plan_lang or (preferred if preferred in ("zh", "en") else "zh")
        from app.domain.assess import assess
        from app.domain.careplan import build_careplan
        from app.reports.careplan_pdf import build_careplan_pdf

        site = site_careplan_settings()
        clinic = site.clinic.merged(Clinic(args.clinic_name, args.clinic_phone,
                                           args.clinic_after_hours, args.clinic_address))
        plan = build_careplan(case, assess(case, as_of, params), as_of, lang,
                              params=params, clinic=clinic, large_print=large_print,
                              calcium_target=site.calcium_target)
        write_out(out, build_careplan_pdf(plan))
        return 0
    except Exception as exc:  # never a traceback (it could carry patient data)
        return report_failure("bonemet careplan", exc)


def add_case_source(p: argparse.ArgumentParser) -> None:
    p.add_argument("--case", metavar="CASE.json", help="case file (bonemet-case/1)")
    p.add_argument("--mrn", help="registry patient (with --db)")
    p.add_argument("--db", default=argparse.SUPPRESS,
                   help="SQLite file path or database URL (default: user data dir)")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "careplan", help="print a patient's care plan (PDF, Chinese or English)",
        description="Write the plain-language care plan of a case file or registry patient "
        "as an A4 PDF with an embedded Chinese font.",
    )
    add_case_source(p)
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD",
                   help="the plan as of this date (default: today)")
    p.add_argument("--lang", dest="plan_lang", choices=("zh", "en"),
                   help="language of the printout (default with --mrn: the patient's "
                   "preferred language in the registry; required with --case)")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF file to write")
    p.add_argument("--params", metavar="FILE.json", help="site rule parameters (JSON object)")
    p.add_argument("--clinic-name", help="clinic name printed under contacts (default: the "
                   "site's care-plan settings, as in the app)")
    p.add_argument("--clinic-phone", help="clinic phone number (default: site settings)")
    p.add_argument("--clinic-after-hours", help="after-hours / urgent phone number (default: "
                   "site settings)")
    p.add_argument("--clinic-address", help="clinic address (default: site settings)")
    p.add_argument("--large-print", action=argparse.BooleanOptionalAction, default=None,
                   help="large print, body text 14 pt (default with --mrn: the patient's "
                   "preference in the registry; else off)")
    p.set_defaults(func=run)
