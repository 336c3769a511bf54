"""``bonemet import-labs FILE``: import lab results from an HL7 v2 ORU^R01 or a CSV file.

    bonemet import-labs FILE --db DB [--format hl7|csv] [--encoding ENC] [--dry-run]
                        [--params FILE.json] [--code-map FILE.json]
                        [--accept-authority NAME ...]

One transaction per HL7 message or CSV row (:mod:`app.services.lab_import`); each result is
stored, skipped or rejected on its own; re-importing a file is safe (stored results are
recognised). A message whose patient does not match the registry (another assigning authority,
another family name, birth date or sex) is held in the review queue (``bonemet lab-review``).
The report on stdout gives counts, every code that is not a BoneMet analyte (with its name and
count, so the site can map it: ``--code-map``), and per message (by control ID) or line the
reasons for what was skipped, rejected or held — never an MRN, a name or a value. Each imported
patient's cached summary is recomputed once, with the site's rule parameters (``--params``,
else the default site file, else the rule book's defaults).

``--code-map``: the site's lab-feed file (:mod:`app.interop.lab_feed_config`: local codes →
analyte, patient-ID fields, accepted authorities); default: the site file
(:func:`app.services.site_settings.default_lab_feed_path`) when it exists.

Exit codes: 0 everything imported, skipped or held for review; 1 some messages, rows or
results rejected (the others were imported: the report says so); 2 the file itself cannot be
read (missing, wrong encoding, not HL7, CSV header wrong), an unusable parameter or code-map
file or a bad option — nothing was written.
"""

from __future__ import annotations

import argparse
import sys
import time

from app.cli.case_cmd import cli_actor
from app.cli.db_cmd import CliError, add_db_argument, ready_database, report
from app.cli.watch_labs import add_watch_argument, run_watch
from app.interop.lab_codes import CodeMapError
from app.interop.lab_feed_config import LabFeedSettings, site_lab_feed_settings
from app.interop.lab_files import FORMATS, LabFileError, ParsedFile, parse_lab_file, read_bytes
from app.services.lab_import import ImportReport, apply_lab_import
from app.services.site_settings import SiteParamsError, load_site_params


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-labs",
        help="import lab results from an HL7 v2 ORU^R01 or CSV file",
        description="Import lab results (HL7 v2 ORU^R01 messages or CSV rows) into the "
        "registry: one transaction per message/row, one outcome per result; results already "
        "stored are skipped; messages whose patient does not match are held for review.",
    )
    p.add_argument("file", nargs="?", help="the HL7 or CSV file")
    add_watch_argument(p)  # --watch FOLDER: app.cli.watch_labs
    add_db_argument(p)
    p.add_argument("--format", choices=FORMATS, dest="fmt",
                   help="file format (default: .csv files are CSV, otherwise by content)")
    p.add_argument("--encoding",
                   help="text encoding, e.g. gbk (default: the HL7 MSH-18 charset, else UTF-8 "
                   "falling back to GBK/GB18030)")
    p.add_argument("--dry-run", action="store_true",
                   help="check everything and report, but write nothing")
    p.add_argument("--params", metavar="FILE.json",
                   help="site rule parameters for the refreshed summaries (default: the "
                   "desktop app's site file, if any)")
    p.add_argument("--code-map", metavar="FILE.json",
                   help="the site's lab-feed file: local codes → analytes, patient-ID fields, "
                   "accepted assigning authorities (default: the site file, if any)")
    p.add_argument("--accept-authority", metavar="NAME", action="append", default=[],
                   help="also accept patient IDs of this assigning authority (repeatable)")
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
    """The report's lines (counts, codes and reasons with message/line labels only)."""
    kind = "HL7 v2" if parsed.format == "hl7" else "CSV"
    would = "would be " if rep.dry_run else ""
    lines = [f"{kind} file, encoding {parsed.encoding}"]
    if rep.dry_run:
        lines.append("dry run: nothing was written")
    held = f", {rep.queued} {would}held for review" if rep.queued else ""
    lines.append(
        f"read {rep.read} {_unit_word(parsed.format, rep.read)}: {rep.imported} {would}imported, "
        f"{rep.skipped} skipped, {rep.rejected} rejected{held}"
    )
    corrected = sum(o.corrected for o in rep.outcomes)
    extra = f" ({corrected} as corrections)" if corrected else ""
    retracted = (f", {rep.results_retracted} {would}withdrawn (entered in error)"
                 if rep.results_retracted else "")
    lines.append(
        f"results: {rep.results_imported} {would}imported{extra}, {rep.results_duplicate} "
        f"already in the registry, {rep.results_rejected} rejected, {rep.results_left_out} "
        f"left out (not final, cancelled or not a BoneMet analyte){retracted}"
    )
    codes = rep.skipped_codes
    if codes:
        lines.append("not BoneMet analytes (map them with --code-map if they are):")
        for (code, name), n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {n:>5} x  code {code or '(none)'!r}, name {name or '(none)'!r}")
    for o in rep.outcomes:
        status = {"imported": "note", "queued": "held"}.get(o.status, o.status)
        for reason in o.reasons:
            if "not a BoneMet analyte" in reason:
                continue
            word = "rejected" if ", OBX-" in reason and o.status == "imported" else status
            lines.append(f"  {word:<9}{o.label}, {reason}")
        for note in o.notes:
            lines.append(f"  {'note':<9}{o.label}, {note}")
    if rep.queued:
        lines.append(f"{rep.queued} {_unit_word(parsed.format, rep.queued)} held for review "
                     "(nothing of them stored): see bonemet lab-review list")
    if rep.has_rejections:
        done = "would be imported" if rep.dry_run else "were imported"
        lines.append(
            f"{rep.rejected} {_unit_word(parsed.format, rep.rejected)} and "
            f"{rep.results_rejected} result(s) rejected (nothing of them written); the others "
            f"{done}. Fix and import the file again: results already stored are skipped."
        )
    return lines


def load_feed_settings(path: str | None, authorities: list[str]) -> LabFeedSettings:
    """The lab-feed settings for a command (``--code-map``, else the site file if any)."""
    try:
        settings = site_lab_feed_settings(path)
    except CodeMapError as exc:
        raise CliError(f"--code-map: {exc}; nothing was imported") from None
    return settings.with_authorities(authorities)


@report
def run(args: argparse.Namespace) -> int:
    if args.watch:
        return run_watch(args)
    if not args.file:
        raise CliError("FILE: required (or --watch FOLDER)")
    settings = load_feed_settings(args.code_map, args.accept_authority)
    try:  # the file is read and checked before the database is opened
        parsed = parse_lab_file(read_bytes(args.file), args.file, fmt=args.fmt,
                                encoding=args.encoding, settings=settings)
    except LabFileError as exc:
        raise CliError(f"{exc}; nothing was imported") from None
    try:
        params = load_site_params(args.params).params
    except SiteParamsError as exc:
        raise CliError(f"--params: {exc.problem}; nothing was imported") from None
    db = ready_database(getattr(args, "db", None), must_exist=True)
    try:
        rep = apply_lab_import(db, parsed.units, cli_actor(), dry_run=args.dry_run,
                               params=params, progress=_Progress(_unit_word(parsed.format, 2)),
                               accepted_authorities=settings.accepted_authorities)
    finally:
        db.dispose()
    for line in format_report(parsed, rep):
        print(line)
    return 1 if rep.has_rejections else 0
