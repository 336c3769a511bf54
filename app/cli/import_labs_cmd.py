"""``bonemet import-labs FILE``: import lab results from an HL7 v2 ORU^R01 or a CSV file.

    bonemet import-labs FILE --db DB [--format hl7|csv] [--encoding ENC] [--dry-run]
                        [--params FILE.json]

One transaction per HL7 message or CSV row (:mod:`app.services.lab_import`); re-importing a
file is safe (stored results are recognised and skipped). The report on stdout gives counts and,
per message or line, the reasons for what was skipped or rejected — never an MRN, a name or a
value. Each imported patient's cached summary (registry list, worklist) is recomputed with the
site's rule parameters — the same file the desktop app uses (``--params``, else the default
site file in the user config directory, else the rule book's defaults).

Exit codes: 0 everything imported or skipped; 1 some messages/rows rejected (the others were
imported: the report says so); 2 the file itself cannot be read (missing, wrong encoding, not
HL7, CSV header wrong), an unusable parameter file or a bad option — nothing was written.
"""

from __future__ import annotations

import argparse
import sys
import time

from app.cli.case_cmd import cli_actor
from app.cli.db_cmd import CliError, add_db_argument, ready_database, report
from app.cli.watch_labs import add_watch_argument, run_watch
from app.interop.lab_files import FORMATS, LabFileError, ParsedFile, parse_lab_file, read_bytes
from app.services.lab_import import ImportReport, apply_lab_import
from app.services.site_settings import SiteParamsError, load_site_params


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-labs",
        help="import lab results from an HL7 v2 ORU^R01 or CSV file",
        description="Import lab results (HL7 v2 ORU^R01 messages or CSV rows) into the "
        "registry: one transaction per message/row; results already stored are skipped.",
    )
    p.add_argument("file", nargs="?", help="the HL7 or CSV file")
    add_watch_argument(p)  # --watch FOLDER: app.cli.watch_labs
    add_db_argument(p)
    p.add_argument("--format", choices=FORMATS, dest="fmt",
                   help="file format (default: .csv files are CSV, otherwise by content)")
    p.add_argument("--encoding",
                   help="text encoding, e.g. gbk (default: UTF-8, falling back to GBK/GB18030)")
    p.add_argument("--dry-run", action="store_true",
                   help="check everything and report, but write nothing")
    p.add_argument("--params", metavar="FILE.json",
                   help="site rule parameters for the refreshed summaries (default: the "
                   "desktop app's site file, if any)")
    p.set_defaults(func=run)


class _Progress:
    """``processed D of T messages`` on stderr at most once a second (counts only)."""

    def __init__(self, word: str, every_s: float = 1.0) -> None:
        self._word = word
        self._every = every_s
        self._last = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= self._every and done < total:
            self._last = now
            print(f"processed {done} of {total} {self._word}", file=sys.stderr, flush=True)


def _unit_word(fmt: str, n: int) -> str:
    if fmt == "hl7":
        return "message" if n == 1 else "messages"
    return "row" if n == 1 else "rows"


def format_report(parsed: ParsedFile, rep: ImportReport) -> list[str]:
    """The report's lines (counts and reasons with message/line numbers only)."""
    kind = "HL7 v2" if parsed.format == "hl7" else "CSV"
    would = "would be " if rep.dry_run else ""
    lines = [f"{kind} file, encoding {parsed.encoding}"]
    if rep.dry_run:
        lines.append("dry run: nothing was written")
    lines.append(
        f"read {rep.read} {_unit_word(parsed.format, rep.read)}: {rep.imported} {would}imported, "
        f"{rep.skipped} skipped, {rep.rejected} rejected"
    )
    corrected = sum(o.corrected for o in rep.outcomes)
    extra = f" ({corrected} as corrections)" if corrected else ""
    lines.append(
        f"results: {rep.results_imported} {would}imported{extra}, {rep.results_duplicate} "
        f"already in the registry, {rep.results_left_out} left out (not final, cancelled or "
        "not a BoneMet analyte)"
    )
    for o in rep.outcomes:
        status = "note" if o.status == "imported" else o.status
        for reason in o.reasons:
            lines.append(f"  {status:<9}{o.label}, {reason}")
    if rep.rejected:
        done = "would be imported" if rep.dry_run else "were imported"
        lines.append(
            f"{rep.rejected} {_unit_word(parsed.format, rep.rejected)} rejected (nothing of "
            f"them written); the others {done}. Fix and import the file again: results "
            "already stored are skipped."
        )
    return lines


@report
def run(args: argparse.Namespace) -> int:
    if args.watch:
        return run_watch(args)
    if not args.file:
        raise CliError("FILE: required (or --watch FOLDER)")
    try:  # the file is read and checked before the database is opened
        parsed = parse_lab_file(read_bytes(args.file), args.file, fmt=args.fmt,
                                encoding=args.encoding)
    except LabFileError as exc:
        raise CliError(f"{exc}; nothing was imported") from None
    try:
        params = load_site_params(args.params).params
    except SiteParamsError as exc:
        raise CliError(f"--params: {exc.problem}; nothing was imported") from None
    db = ready_database(getattr(args, "db", None), must_exist=True)
    try:
        rep = apply_lab_import(db, parsed.units, cli_actor(), dry_run=args.dry_run,
                               params=params,
                               progress=_Progress(_unit_word(parsed.format, 2)))
    finally:
        db.dispose()
    for line in format_report(parsed, rep):
        print(line)
    return 1 if rep.rejected else 0
