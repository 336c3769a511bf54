"""``bonemet assess``: run the clinical rules on a case file or a registry patient.

    bonemet assess CASE.json [--as-of YYYY-MM-DD] [--format json|text] [--params FILE.json]
    bonemet assess --db DB --mrn MRN [same options]

Bad input anywhere (file, JSON syntax, case content, parameters, ``--as-of``) exits with
code 2 and one line ``bonemet assess: <field>: <problem>`` on stderr, never a traceback.
Patient data goes only to stdout (the command's output), never to stderr. The database
layers are imported only for ``--mrn`` (a case file needs neither SQLAlchemy nor Qt).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.assess import assess
from app.domain.case import Case
from app.domain.casefile import CaseFileError
from app.domain.params import DEFAULTS, Params, ParamsError, params_from_mapping

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_PARAMS_BYTES = 1024 * 1024


class InputError(Exception):
    """Bad input: message is one line ``<field>: <problem>``; exit code 2 (1 = run failure)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def report_failure(command: str, exc: Exception) -> int:
    """Print one line ``<command>: <problem>`` to stderr and return the exit code: an
    :class:`InputError`'s message and code, else "internal error (<type>)" and 1 — never the
    exception's text or a traceback (they could carry patient data). A closed output pipe
    (``bonemet … | head``) is not a failure of the command: it goes to the entry point."""
    if isinstance(exc, BrokenPipeError):
        raise exc
    if isinstance(exc, InputError):
        print(f"{command}: {exc}", file=sys.stderr)
        return exc.code
    from app.services.applog import log_error, log_path

    reference = log_error(exc, command)
    print(f"{command}: internal error ({type(exc).__name__}); reference {reference} in the log "
          f"file {log_path()}; please report it", file=sys.stderr)
    return 1


def parse_as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    if not _ISO_DATE.match(text.strip()):
        raise InputError("--as-of: expected a date YYYY-MM-DD")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError("--as-of: not a valid calendar date") from None


def load_params(path: str | None) -> Params:
    if path is None:
        return DEFAULTS
    p = Path(path)
    try:
        if p.stat().st_size > MAX_PARAMS_BYTES:
            raise InputError("--params: file too large")
        text = p.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError("--params: no such file") from None
    except IsADirectoryError:
        raise InputError("--params: is a folder") from None
    except PermissionError:
        raise InputError("--params: permission denied") from None
    except UnicodeDecodeError:
        raise InputError("--params: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"--params: cannot read ({exc.strerror or 'I/O error'})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"--params: invalid JSON at line {exc.lineno}, column {exc.colno}: "
                         f"{exc.msg}") from None
    try:
        return params_from_mapping(data)
    except ParamsError as exc:
        raise InputError(f"params.{exc}" if not str(exc).startswith("parameters")
                         else str(exc)) from None


def check_as_of(case: Case, as_of: date) -> Case:
    """The case, if it can be assessed on ``as_of`` (§10: ``patient.birth_date`` not after
    it, age ≤ 120 on it); else an :class:`InputError` naming the field (exit 2)."""
    from app.domain.case_checks import check_case_on

    try:
        check_case_on(case, as_of)
    except CaseFileError as exc:
        raise InputError(str(exc)) from None
    return case


def _case_from_file(path: str) -> Case:
    from app.interop.casefile_io import load_case_file

    try:
        return load_case_file(path)
    except CaseFileError as exc:
        # a file name may hold a patient's name: never echo the path on stderr
        problem = exc.problem
        for shown in (f"{path}: ", f"{Path(path)}: "):
            if problem.startswith(shown):
                problem = problem[len(shown):]
        raise InputError(f"{exc.field}: {problem}") from None
    except OSError as exc:
        raise InputError(f"file: cannot read ({exc.strerror or 'I/O error'})") from None


def _case_from_db(target: str | None, mrn: str) -> Case:
    from app.cli.db_cmd import CliError, ready_database
    from app.services.case_service import PatientNotFound, load_case

    try:
        db = ready_database(target, must_exist=True)
    except CliError as exc:
        raise InputError(str(exc), exc.code) from None
    try:
        return load_case(db, mrn)
    except PatientNotFound as exc:
        raise InputError(str(exc)) from None
    finally:
        db.dispose()


def _write(text: str) -> None:
    out = sys.stdout
    if (getattr(out, "encoding", None) or "").lower().replace("-", "") != "utf8":
        try:
            out.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):  # pragma: no cover - exotic streams
            pass
    out.write(text)


def render(case: Case, as_of: date, params: Params, fmt: str, lang: str = "en") -> str:
    a = assess(case, as_of, params)
    if fmt == "json":
        doc: dict[str, Any] = a.to_json()
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    from app.domain.assess_text import format_text

    return format_text(case, a, lang)


def run(args: argparse.Namespace) -> int:
    try:
        if args.mrn is not None and args.case is not None:
            raise InputError("CASE: give a case file or --mrn, not both")
        if args.mrn is None and args.case is None:
            raise InputError("CASE: give a case file (or --db DB --mrn MRN)")
        as_of = parse_as_of(args.as_of)
        params = load_params(args.params)
        if args.mrn is not None:
            if not args.mrn.strip():
                raise InputError("--mrn: must not be empty")
            case = _case_from_db(getattr(args, "db", None), args.mrn.strip())
        else:
            case = _case_from_file(args.case)
        check_as_of(case, as_of)
        lang = "zh" if getattr(args, "lang", None) == "zh_CN" else "en"
        _write(render(case, as_of, params, args.format, lang))
        return 0
    except Exception as exc:  # never a traceback (it could carry patient data)
        return report_failure("bonemet assess", exc)


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "assess", help="run the clinical rules on a case file (or a registry patient)",
        description="Assess a bonemet-case/1 case as of a date: status, derived values, scores "
        "and findings (decision support).",
    )
    p.add_argument("case", nargs="?", help="case file (JSON, bonemet-case/1)")
    p.add_argument("--as-of", dest="as_of", metavar="YYYY-MM-DD",
                   help="assess the case as it stood on this date (default: today)")
    p.add_argument("--format", choices=("json", "text"), default="text",
                   help="output format (default: text)")
    p.add_argument("--params", metavar="FILE.json", help="site rule parameters (JSON object)")
    p.add_argument("--mrn", help="assess this registry patient (with --db)")
    p.add_argument("--db", default=argparse.SUPPRESS,
                   help="SQLite file path or database URL (default: user data dir)")
    p.set_defaults(func=run)
