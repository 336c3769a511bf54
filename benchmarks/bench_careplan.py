"""Benchmark: the care plan (issue 11 item 8; target < 300 ms in-process).

    .venv/bin/python benchmarks/bench_careplan.py [--patients 20] [--runs 3]

Measures, in one run and on the same machine load (``/proc/loadavg`` is printed before and
after):

- **in-process**: assessment + §11 content + PDF for demo patients (seed 1) in English and
  Chinese, after a first plan that pays the one-time font registration (shown on its own);
- **whole process**: ``python -m app careplan --case CASE --lang zh --out FILE`` (what
  ``bonemet careplan`` runs) against ``python -m app --help`` (the interpreter and the command
  table only), interleaved, ``--runs`` times each, the careplan also with a cold font-metrics
  cache (:mod:`app.reports.font_cache`); and the parts of the careplan process (imports of the
  command, of reportlab, the font registration from the warm cache), in a child process.
  The caches live in a temporary folder (``XDG_CACHE_HOME``), not the user's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 12, 7)

_PARTS = r"""
import json, sys, time
t0 = time.perf_counter()
import app.cli.careplan_cmd, app.domain.assess, app.domain.careplan  # noqa: E401
t1 = time.perf_counter()
import app.reports.careplan_pdf  # noqa: E401 (reportlab)
t2 = time.perf_counter()
from app.reports.fonts import ensure_fonts
ensure_fonts()
t3 = time.perf_counter()
print(json.dumps({"command and domain imports": t1 - t0, "reportlab imports": t2 - t1,
                  "font registration": t3 - t2}))
"""


def loadavg() -> str:
    try:
        return Path("/proc/loadavg").read_text().strip()
    except OSError:
        return "n/a"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def in_process(n: int) -> None:
    from app.domain.assess import assess
    from app.domain.careplan import build_careplan
    from app.reports.careplan_pdf import build_careplan_pdf
    from app.services.demo.generator import generate_cases

    cases = [p.case for p in generate_cases(n, 1, AS_OF)]
    t = time.perf_counter()
    build_careplan_pdf(build_careplan(cases[0], assess(cases[0], AS_OF), AS_OF, "zh"))
    print(f"first plan (imports done, font registration included): {ms(time.perf_counter() - t)}")
    for lang in ("en", "zh"):
        times, content = [], []
        for case in cases:
            t = time.perf_counter()
            plan = build_careplan(case, assess(case, AS_OF), AS_OF, lang)
            t_content = time.perf_counter()
            build_careplan_pdf(plan)
            times.append(time.perf_counter() - t)
            content.append(t_content - t)
        times.sort()
        print(f"in-process {lang}: {len(times)} plans, median {ms(statistics.median(times))}, "
              f"p95 {ms(times[int(0.95 * (len(times) - 1))])}, max {ms(times[-1])} "
              f"(assessment + content alone: median {ms(statistics.median(content))}); "
              "target < 300 ms")


def whole_process(runs: int) -> None:
    from app.domain.casefile_write import case_to_json
    from app.services.demo.generator import generate_cases

    case = next(iter(generate_cases(1, 1, AS_OF))).case
    with tempfile.TemporaryDirectory() as tmp:
        case_file = Path(tmp) / "case.json"
        case_file.write_text(json.dumps(case_to_json(case)), encoding="utf-8")
        out = Path(tmp) / "plan.pdf"
        commands = {
            "--help": [sys.executable, "-m", "app", "--help"],
            "careplan": [sys.executable, "-m", "app", "careplan", "--case", str(case_file),
                         "--as-of", AS_OF.isoformat(), "--lang", "zh", "--out", str(out)],
        }
        env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
               "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        commands["careplan, font cache cold"] = commands["careplan"]
        results: dict[str, list[float]] = {k: [] for k in commands}
        subprocess.run(commands["careplan"], check=True, capture_output=True, env=env, cwd=tmp)
        for run in range(runs):
            for name, argv in commands.items():
                run_env = dict(env)
                if name.endswith("cold"):  # a fresh cache folder: the font is parsed again
                    run_env["XDG_CACHE_HOME"] = str(Path(tmp) / f"cold-{run}")
                t = time.perf_counter()
                subprocess.run(argv, check=True, capture_output=True, env=run_env, cwd=tmp)
                results[name].append(time.perf_counter() - t)
        med = {k: statistics.median(v) for k, v in results.items()}
        print(f"whole process, median of {runs}: careplan {ms(med['careplan'])} (font cache "
              f"cold: {ms(med['careplan, font cache cold'])}), --help {ms(med['--help'])} "
              f"(careplan = {med['careplan'] / med['--help']:.1f}× --help)")
        parts = json.loads(subprocess.run([sys.executable, "-c", _PARTS], check=True,  # warm
                                          capture_output=True, env=env, text=True).stdout)
        print("careplan process parts: " + ", ".join(f"{k} {ms(v)}" for k, v in parts.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(f"load before: {loadavg()}")
    in_process(args.patients)
    whole_process(args.runs)
    print(f"load after: {loadavg()}")


if __name__ == "__main__":
    main()
