"""Benchmark: write a demo registry of N patients and report the throughput.

Usage::

    python benchmarks/bench_demo.py                       # 10,000 patients, temp file
    python benchmarks/bench_demo.py --patients 100000     # the 100k target (~2.4M lab rows)
    python benchmarks/bench_demo.py --patients 100000 --no-summaries --db /tmp/big.sqlite
    python benchmarks/bench_demo.py --patients 100000 --workers 2

Prints total time, patients/s, rows/s and the file size; ``--no-summaries`` skips the rule
engine (the cached registry summary columns stay empty) to show the insert cost alone.
The schema is created first (Alembic) and is not counted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.data.engine import open_database  # noqa: E402
from app.data.migrate import ensure_schema  # noqa: E402
from app.services.demo.loader import write_demo_registry  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", type=Path, help="SQLite file to create (default: a temp file)")
    ap.add_argument("--no-summaries", action="store_true",
                    help="do not run the rule engine for the cached summary columns")
    ap.add_argument("--workers", type=int, default=1,
                    help="worker processes generating patients (default 1)")
    ap.add_argument("--reference-date", type=date.fromisoformat, default=date(2026, 11, 21))
    args = ap.parse_args(argv)

    tmp = None
    path = args.db
    if path is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench_demo_")
        path = Path(tmp.name) / "demo.sqlite"
    if path.exists():
        print(f"{path} exists: choose a new file", file=sys.stderr)
        return 2
    db = open_database(path)
    ensure_schema(db)
    start = time.perf_counter()
    last = [start]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] >= 10 or done == total:
            last[0] = now
            print(f"  {done:>9,} / {total:,} patients  {now - start:7.1f} s  "
                  f"{done / (now - start):8.0f} patients/s", file=sys.stderr)

    result = write_demo_registry(db, args.patients, args.seed,
                                 reference_date=args.reference_date, progress=progress,
                                 summaries=not args.no_summaries, workers=args.workers)
    total = time.perf_counter() - start
    db.dispose()
    size_mb = path.stat().st_size / 1e6
    rows = result.patients + result.records + result.mdt_cases
    print(f"patients      {result.patients:,}")
    print(f"lab rows      {result.labs:,}")
    print(f"all rows      {rows:,}")
    print(f"summaries     {'computed (assess + summarize)' if result.summaries else 'skipped'}")
    print(f"workers       {args.workers}")
    print(f"total time    {total:.1f} s")
    print(f"patients/s    {result.patients / total:,.0f}")
    print(f"rows/s        {rows / total:,.0f}")
    print(f"file size     {size_mb:,.0f} MB")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
