"""``bonemet case import FILE`` and ``bonemet case export MRN`` (JSON on stdout).

A bad file is refused with exit code 2 and one line naming the field and the problem; nothing
is written to the database (the case is validated before the database is opened, and the
import is a single transaction).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date

from app.cli.db_cmd import CliError, add_db_argument, ready_database, report
from app.domain.case_checks import check_case_on
from app.domain.casefile import CaseFileError
from app.interop.casefile_io import case_json_text, load_case_file
from app.services.case_service import CaseImportError, PatientNotFound, export_case, import_case


def cli_actor() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # pragma: no cover - no user name on this system
        user = "unknown"
    return f"cli:{user}"[:64]


@report
def run_import(args: argparse.Namespace) -> int:
    try:
        case = load_case_file(args.file)
        check_case_on(case, date.today())  # §10: birth date not after today, age ≤ 120
    except CaseFileError as exc:
        raise CliError(str(exc)) from None
    db = ready_database(args.db)
    try:
        pid = import_case(db, case, cli_actor())
    except CaseImportError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    print(f"imported 1 case (patient id {pid})")
    return 0


@report
def run_export(args: argparse.Namespace) -> int:
    db = ready_database(args.db, must_exist=True)
    try:
        case = export_case(db, args.mrn)
    except PatientNotFound as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    sys.stdout.write(case_json_text(case))
    return 0


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("case", help="import or export a bonemet-case/1 JSON case")
    sub = p.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="add a patient from a case file")
    imp.add_argument("file", help="case file (JSON, bonemet-case/1)")
    add_db_argument(imp)
    imp.set_defaults(func=run_import)
    exp = sub.add_parser("export", help="write a patient's case as JSON to stdout")
    exp.add_argument("mrn", help="the patient's MRN")
    add_db_argument(exp)
    exp.set_defaults(func=run_export)
