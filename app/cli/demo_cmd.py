"""``bonemet demo``: write a realistic synthetic registry (demo patients, labs, MDT meetings).

    bonemet demo [--db DB] [--patients N] [--seed S] [--reference-date YYYY-MM-DD]
                 [--workers W]

Without ``--db`` it writes the demo registry file (``<user data dir>/BoneMet/demo.sqlite``),
never the default clinical registry. It refuses (exit 2) to write into a registry that
already holds patients: the demo never mixes with real records. Progress goes to stderr as
counts only; the final line on stdout gives the counts written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from app.cli.db_cmd import CliError, add_db_argument, ready_database, report
from app.data.engine import demo_sqlite_path
from app.services.demo.loader import DemoRegistryNotEmpty, write_demo_registry

MAX_PATIENTS = 1_000_000


def _patients(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if not 1 <= n <= MAX_PATIENTS:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_PATIENTS:,}")
    return n


def _workers(text: str) -> int:
    try:
        w = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if not 1 <= w <= 64:
        raise argparse.ArgumentTypeError("must be between 1 and 64")
    return w


def _seed(text: str) -> int:
    try:
        s = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if s < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return s


def _ref_date(text: str) -> date:
    s = text.strip()
    try:
        if len(s) != 10:
            raise ValueError(s)
        return date.fromisoformat(s)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a date YYYY-MM-DD") from None


class _Progress:
    """A counts-only progress line on stderr (rewritten in place on a terminal)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        line = f"demo: {done:,} of {total:,} patients written"
        if self.tty:
            sys.stderr.write("\r" + line + ("\n" if done >= total else ""))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


@report
def run_demo(args: argparse.Namespace) -> int:
    target = args.db if args.db is not None else str(demo_sqlite_path())
    db = ready_database(target)
    try:
        result = write_demo_registry(db, args.patients, args.seed,
                                     reference_date=args.reference_date, progress=_Progress(),
                                     workers=args.workers)
    except DemoRegistryNotEmpty:
        raise CliError("--db: the registry already holds patients; the demo is only written "
                       "into an empty registry (choose a new file)") from None
    except KeyboardInterrupt:
        print("\ndemo: interrupted (the chunk in progress was rolled back)", file=sys.stderr)
        return 130
    finally:
        db.dispose()
    print(f"demo registry written: {result.patients} patients, {result.labs} lab results, "
          f"{result.records} records in all, {result.mdt_cases} MDT cases")
    return 0


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "demo", help="write a synthetic demo registry (default: the demo registry file)")
    add_db_argument(p)
    p.add_argument("--patients", type=_patients, default=200, metavar="N",
                   help="number of patients (default 200)")
    p.add_argument("--seed", type=_seed, default=1, metavar="S",
                   help="random seed: the same seed gives the same registry (default 1)")
    p.add_argument("--reference-date", type=_ref_date, default=None, metavar="YYYY-MM-DD",
                   help="date the demo is built around (default: today)")
    p.add_argument("--workers", type=_workers, default=1, metavar="W",
                   help="worker processes generating patients (default 1: the inserts are "
                   "the bottleneck; more helps only on idle multi-core machines); the result "
                   "is the same for any number")
    p.set_defaults(func=run_demo)
