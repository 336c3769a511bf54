"""``bonemet import-labs --watch FOLDER``: the desktop app's watched folder, without the app.

    bonemet import-labs --watch FOLDER --db DB [--params FILE.json]

Files arriving in FOLDER are imported once complete (size and time stable for
:data:`SETTLE_S` seconds; hidden and partial-copy names are left alone) and moved to ``done/``
or ``failed/`` beside them, with a report for failures (:mod:`app.interop.lab_folder`). Files
already there when it starts are imported too. One line per file on stderr: its sequence
number, where it went and the counts — not its name (the laboratory's file names may carry a
patient's number; a failure report, named by the time, names the file inside).

Ctrl+C (SIGINT) or SIGTERM stops it: an import in progress stops between chunks of messages
(what was written stays; the file is left in place and imported again next time). Exit codes:
0 stopped; 2 a bad option, no such folder, an unusable database or parameter file.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path

from app.cli.case_cmd import cli_actor
from app.cli.db_cmd import CliError, ready_database
from app.interop.lab_batch import FileImport, has_rejections, import_lab_files
from app.interop.lab_folder import DONE, FAILED, DropFolder, file_away
from app.services.site_settings import SiteParamsError, load_site_params

POLL_S = 2.0
SETTLE_S = 2.0


def add_watch_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--watch", metavar="FOLDER",
                   help="instead of FILE: import the files arriving in FOLDER until stopped "
                   "(Ctrl+C), moving each to done/ or failed/ beside them")


def _log(text: str) -> None:
    print(f"{datetime.now():%Y-%m-%d %H:%M:%S} {text}", file=sys.stderr, flush=True)


def describe(n: int, result: FileImport, where: str, report: Path | None) -> str:
    """One log line for a filed file (counts only; the report's name, never the file's)."""
    if result.error is not None:
        counts = f"not read ({result.error.split(':')[0]})"
    else:
        rep = result.report
        counts = (f"{rep.results_imported} result(s) imported, {rep.results_duplicate} already "
                  f"stored, {rep.rejected} message(s)/row(s) rejected")
        if has_rejections(rep) and not rep.rejected:
            counts += ", results rejected"
    line = f"file {n}: {where}/ — {counts}"
    return line + (f"; report {report.name}" if report is not None else "")


def _check(args: argparse.Namespace) -> Path:
    if args.file:
        raise CliError("FILE: give a file or --watch FOLDER, not both")
    for option, value in (("--format", args.fmt), ("--encoding", args.encoding),
                          ("--dry-run", args.dry_run)):
        if value:
            raise CliError(f"{option}: not with --watch (each file's format and encoding "
                           "are found as for one file)")
    folder = Path(args.watch).expanduser()
    if not folder.is_dir():
        raise CliError("--watch: no such folder")
    return folder


def run_watch(args: argparse.Namespace) -> int:
    """Watch the folder until SIGINT/SIGTERM (see the module docstring)."""
    folder = _check(args)
    try:
        params = load_site_params(args.params).params
    except SiteParamsError as exc:
        raise CliError(f"--params: {exc.problem}") from None
    db = ready_database(getattr(args, "db", None), must_exist=True)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda _s, _f: stop.set())
    drop, actor, n = DropFolder(folder, settle_s=SETTLE_S), cli_actor(), 0
    _log(f"watching {folder} for lab files; Ctrl+C to stop")
    try:
        while not stop.is_set():
            try:
                ready = drop.ready_files()
            except OSError as exc:
                raise CliError(f"--watch: cannot read the folder ({exc.strerror})", 1) from None
            for path in ready:
                result = import_lab_files(db, [path], actor, params=params,
                                          cancel=stop.is_set)[0]
                if result.cancelled or stop.is_set():
                    break
                n += 1
                try:
                    _moved, report = file_away(result)
                except OSError as exc:
                    drop.give_up(path)
                    _log(f"file {n}: imported but could not be moved ({exc.strerror}); "
                         "left in place")
                    continue
                _log(describe(n, result, DONE if result.clean else FAILED, report))
            stop.wait(POLL_S)
    finally:
        db.dispose()
    _log("stopped")
    return 0
