"""Benchmark: import 10,000 lab results from HL7 and from CSV, against raw sqlite3 in the same run.

Usage::

    python benchmarks/bench_lab_import.py                 # 10,000 results, 100 patients
    python benchmarks/bench_lab_import.py --results 2000  # a quick run

Three fresh registries (same schema, same 100 patients) receive the same rows:

1. **HL7**: one file of ORU^R01 messages (10 results each), parsed and imported by
   :func:`app.interop.lab_files.import_lab_file` — one transaction per message, audit rows,
   duplicate checks, summaries refreshed once per patient at the end (counted);
2. **CSV**: the same results as CSV rows (one transaction per row);
3. **raw**: the same rows written with ``sqlite3.executemany`` in one transaction (the floor),
   and with one transaction per message (the floor for the HL7 unit of acceptance).

Prints results/s, the ratios to raw, and ``/proc/loadavg`` (2 shared cores: ratios matter more
than times). The schema and the patients are created first and are not counted.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.data.engine import open_database  # noqa: E402
from app.data.migrate import ensure_schema  # noqa: E402
from app.domain import case as C  # noqa: E402
from app.interop.lab_files import import_lab_file  # noqa: E402
from app.services.case_service import import_case  # noqa: E402

TODAY = date(2026, 11, 21)
ANALYTES = [("ALP", "6768-6", "U/L", 60, 300), ("CTX", "41171-0", "ng/mL", 0.1, 1.2),
            ("CA", "2000-8", "mmol/L", 2.0, 2.8), ("ALB", "1751-7", "g/L", 30, 50),
            ("CREA", "14682-9", "umol/L", 50, 140), ("CRP", "1988-5", "mg/L", 1, 40),
            ("LDH", "2532-0", "U/L", 120, 400), ("PLT", "777-3", "10^9/L", 90, 400),
            ("TBIL", "14631-6", "umol/L", 4, 30), ("GGT", "2324-2", "U/L", 10, 90)]


def registry(folder: Path, name: str, patients: int):
    db = open_database(folder / f"{name}.sqlite")
    ensure_schema(db)
    for i in range(patients):
        import_case(db, C.Case(patient=C.Patient(mrn=f"B-{i:05d}", name="测试",
                                                 sex="female", birth_date=date(1960, 1, 1),
                                                 weight_kg=60)), "bench")
    return db


def rows(results: int, patients: int) -> list[tuple]:
    """(message no., mrn, analyte, loinc, unit, value, when) — 10 results per message."""
    out = []
    start = datetime(2025, 1, 1, 7, 0)
    for k in range(results):
        msg = k // 10
        a, code, unit, low, high = ANALYTES[k % 10]
        value = round(low + (high - low) * ((k * 7919) % 1000) / 1000, 3)
        when = start + timedelta(days=msg // patients, minutes=msg % 60)
        out.append((msg, f"B-{msg % patients:05d}", a, code, unit, value, when))
    return out


def hl7_text(data: list[tuple]) -> str:
    parts, last = [], None
    for n, (msg, mrn, a, code, unit, value, when) in enumerate(data):
        if msg != last:
            last = msg
            parts.append(f"MSH|^~\\&|LIS|BENCH|||{when:%Y%m%d%H%M%S}||ORU^R01|M{msg}|P|2.5")
            parts.append(f"PID|1||{mrn}^^^^MR||测试||19600101|F")
            parts.append(f"OBR|1|||CHEM|||{when:%Y%m%d%H%M%S}")
        parts.append(f"OBX|{n % 10 + 1}|NM|{code}^{a}^LN||{value}|{unit}|||||F")
    return "\r".join(parts) + "\r"


def csv_text(data: list[tuple]) -> str:
    lines = ["mrn,date,analyte,value,unit"]
    lines += [f"{mrn},{when.isoformat()},{a},{value},{unit}"
              for _m, mrn, a, _c, unit, value, when in data]
    return "\n".join(lines) + "\n"


def raw(path: Path, data: list[tuple], per_message: bool) -> float:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    ids = dict(con.execute("SELECT mrn, id FROM patient"))
    now = datetime.now().isoformat(sep=" ")
    values = [(ids[mrn], msg, when.date().isoformat(), when.isoformat(), a, code, value, unit,
               "hl7:BENCH", f"M{msg}/{n % 10 + 1}", now)
              for n, (msg, mrn, a, code, unit, value, when) in enumerate(data)]
    sql = ("INSERT INTO lab_result (patient_id, version, entered_in_error, on_date, at_time, "
           "analyte, loinc, value, unit, source, source_id, created_at, created_by) "
           "VALUES (?, 1, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench')")
    t0 = time.perf_counter()
    if per_message:
        for m in sorted({v[1] for v in values}):
            con.execute("BEGIN")
            con.executemany(sql, [v[:1] + v[2:] for v in values if v[1] == m])
            con.execute("COMMIT")
    else:
        con.execute("BEGIN")
        con.executemany(sql, [v[:1] + v[2:] for v in values])
        con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--results", type=int, default=10_000)
    ap.add_argument("--patients", type=int, default=100)
    args = ap.parse_args(argv)
    data = rows(args.results, args.patients)
    with tempfile.TemporaryDirectory(prefix="bench_labs_") as tmp:
        folder = Path(tmp)
        (folder / "labs.hl7").write_text(hl7_text(data), encoding="utf-8")
        (folder / "labs.csv").write_text(csv_text(data), encoding="utf-8")
        timings = {}
        for name in ("hl7", "csv"):
            db = registry(folder, name, args.patients)
            t0 = time.perf_counter()
            _parsed, rep = import_lab_file(db, folder / f"labs.{name}", "bench",
                                           today=lambda: TODAY)
            timings[name] = time.perf_counter() - t0
            assert rep.results_imported == args.results, (name, rep.results_imported)
            assert rep.patients_refreshed == args.patients
            db.dispose()
        for name, per_message in (("raw", False), ("raw_msg", True)):
            db = registry(folder, name, args.patients)
            db.dispose()
            timings[name] = raw(folder / f"{name}.sqlite", data, per_message)
    n = args.results
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(f"{n} results, {args.patients} patients, {n // 10} HL7 messages; load {' '.join(load)}")
    for name, label in (("hl7", "HL7 import (parse + import + summaries)"),
                        ("csv", "CSV import (parse + import + summaries)"),
                        ("raw", "raw sqlite3 executemany, one transaction"),
                        ("raw_msg", "raw sqlite3 executemany, one transaction per message")):
        t = timings[name]
        print(f"{label:<55} {t:7.2f} s  {n / t:9,.0f} results/s"
              + ("" if name.startswith("raw") else
                 f"  {t / timings['raw']:6.1f}x raw  {t / timings['raw_msg']:5.1f}x raw/msg"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
