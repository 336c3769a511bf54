"""``bonemet refresh-summaries``: recompute every patient's cached summary (the registry list's
status, bone drug, alerts, next due item and rebound flag, which the worklist's first pass
reads).

    bonemet refresh-summaries --db DB [--as-of YYYY-MM-DD] [--chunk-size N] [--params FILE.json]

The rules run with the site's parameters, the same file the desktop app uses (``--params``,
else the default site file, if any), so the cached summaries agree with what the app shows.

Progress goes to stderr as counts only (``refreshed 200 of 1000 patients``), never patient
data; stdout gets one line at the end. Ctrl+C stops: the chunk in progress rolls back, the chunks
done are kept (one transaction per chunk), exit 1. Bad input exits 2 with one line naming the
flag.
"""

from __future__ import annotations

import argparse
import sys
import time

from app.cli.assess_cmd import InputError, parse_as_of
from app.cli.db_cmd import CliError, add_db_argument, ready_database, report

_PROGRESS_EVERY_S = 1.0


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "refresh-summaries",
        help="recompute every patient's cached summary (registry list, worklist first pass)",
        description="Run the rules for every patient and store the cached summary columns.",
    )
    add_db_argument(p)
    p.add_argument("--as-of", help="assessment date YYYY-MM-DD (default: today)")
    p.add_argument("--chunk-size", type=int, default=200,
                   help="patients per transaction (default 200)")
    p.add_argument("--params", metavar="FILE.json",
                   help="site rule parameters (default: the desktop app's site file, if any)")
    p.set_defaults(func=run)


class _Progress:
    """Prints ``refreshed D of T patients`` to stderr at most once a second, and at the end."""

    def __init__(self, stream=None) -> None:
        self._stream = stream  # None: whatever sys.stderr is when printing
        self._last = 0.0
        self.done = self.total = 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        now = time.monotonic()
        if done >= total or now - self._last >= _PROGRESS_EVERY_S:
            self._last = now
            print(f"refreshed {done} of {total} patients", file=self._stream or sys.stderr,
                  flush=True)


@report
def run(args: argparse.Namespace) -> int:
    try:
        as_of = parse_as_of(args.as_of)
    except InputError as exc:
        raise CliError(str(exc), exc.code) from None
    if args.chunk_size < 1:
        raise CliError("--chunk-size: must be at least 1")
    from app.services.site_settings import SiteParamsError, load_site_params
    from app.services.worklist import refresh_all_summaries

    try:
        params = load_site_params(args.params).params
    except SiteParamsError as exc:
        raise CliError(f"--params: {exc.problem}; nothing was refreshed") from None
    db = ready_database(getattr(args, "db", None), must_exist=True)
    progress = _Progress()
    try:
        try:
            n = refresh_all_summaries(db, progress, as_of=as_of, params=params,
                                      chunk_size=args.chunk_size)
        except KeyboardInterrupt:  # the chunk in progress rolls back; earlier ones are kept
            print(f"bonemet refresh-summaries: interrupted; {progress.done} of "
                  f"{progress.total} patients refreshed", file=sys.stderr)
            return 1
    finally:
        db.dispose()
    print(f"refreshed the summaries of {n} patients as of {as_of.isoformat()}")
    return 0
