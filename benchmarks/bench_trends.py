"""Benchmark: drawing the ALP/CTX trend plot for a patient with 10 years of monthly data.

The patient (``app.domain.trends_sample.long_history_case``): 120 monthly panels (ALP, CTX —
the first third in pg/mL —, calcium, albumin, creatinine = 600 results), 120 bone-drug doses
(zoledronic acid, then denosumab), a stop, two events. Measured in one run, interleaved, Qt
offscreen:

1. **domain**: ``build_trend_data(case, as_of)`` (series, bands, windows, flag + DEN rules);
2. **draw**: ``TrendPlot.set_data(data)`` followed by a full paint (``grab()``) — the time
   from "data loaded" to "pixels drawn"; versus the same for an **empty** plot
   (``set_data(None)``) in the same process: the ratio shows what the data costs;
3. **view**: the same for the whole ``TrendView`` (plot + table + badge);
4. **no leak**: scene items and view boxes after switching patients many times.

Target: draw well under 100 ms. Usage::

    python benchmarks/bench_trends.py [--runs 15] [--no-write]

Results go to benchmarks/RESULTS.md (this section is replaced per run) and stdout.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SECTION = "## Trend plot (bench_trends.py)"
AS_OF = date(2026, 11, 1)


def ms(seconds: float) -> float:
    return seconds * 1000.0


CPU: dict[int, list[float]] = {}  # id(wall list) -> CPU times of the same runs


def timed(fn, into: list[float]) -> None:
    """Append the wall time of ``fn()`` to ``into`` and its CPU time (this thread) beside."""
    c0, t0 = time.thread_time(), time.perf_counter()
    fn()
    into.append(ms(time.perf_counter() - t0))
    CPU.setdefault(id(into), []).append(ms(time.thread_time() - c0))


def stats(values: list[float]) -> str:
    cpu = CPU.get(id(values), [])
    text = f"{statistics.median(values):.1f} ms (min {min(values):.1f}, max {max(values):.1f})"
    if cpu:
        text += f"; CPU {statistics.median(cpu):.1f} ms (min {min(cpu):.1f})"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="measured runs per variant")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    args = parser.parse_args(argv)

    from app.domain.trends import build_trend_data
    from app.domain.trends_sample import long_history_case, stopped_denosumab_case
    from app.ui.app import create_application
    from app.ui.trends.plot import TrendPlot
    from app.ui.trends.view import TrendView

    app = create_application()
    case = long_history_case(years=10, end=AS_OF)
    other = build_trend_data(stopped_denosumab_case(), date(2026, 11, 21))
    data = build_trend_data(case, AS_OF)
    points = data.point_count()

    plot = TrendPlot()
    plot.resize(1000, 560)
    plot.show()
    view = TrendView()
    view.resize(1500, 720)
    view.show()
    app.processEvents()

    def draw(widget, d):
        widget.set_data(d)
        widget.grab()

    for _ in range(3):  # warm-up: fonts, pixmap caches, first layout
        draw(plot, data)
        draw(plot, None)
        draw(view, data)
        draw(view, None)
        build_trend_data(case, AS_OF)

    domain, full, empty, view_full, view_empty = [], [], [], [], []
    for _ in range(args.runs):
        timed(lambda: build_trend_data(case, AS_OF), domain)
        draw(plot, other)  # a different patient before each measured switch
        timed(lambda: draw(plot, data), full)
        timed(lambda: draw(plot, None), empty)
        draw(view, other)
        timed(lambda: draw(view, data), view_full)
        timed(lambda: draw(view, None), view_empty)
        app.processEvents()

    # no leak: switch many times, compare the scene with the first draw
    plot.set_data(data)
    scene = plot.glw.scene()
    before = (len(scene.items()), sum(type(i).__name__ == "ViewBox" for i in scene.items()))
    for i in range(200):
        plot.set_data(other if i % 2 else data)
    plot.set_data(data)
    gc.collect()
    after = (len(scene.items()), sum(type(i).__name__ == "ViewBox" for i in scene.items()))

    ratio = statistics.median(full) / statistics.median(empty)
    view_ratio = statistics.median(view_full) / statistics.median(view_empty)
    cpu_ratio = statistics.median(CPU[id(full)]) / statistics.median(CPU[id(empty)])
    met = "met" if statistics.median(full) < 100 else "NOT met"  # the plot, wall time
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines = [
        SECTION,
        "",
        f"Run {datetime.now().isoformat(timespec='minutes')}: {os.cpu_count()} CPU(s) shared "
        f"with other jobs (1-min load average {load:.1f}), Qt offscreen; {args.runs} runs per "
        f"variant, interleaved. Patient: 10 years of monthly labs and doses "
        f"({points} plotted results incl. calcium and creatinine, {len(data.doses)} doses). "
        "Wall time (median, min, max) and the GUI thread's CPU time: on a loaded machine the "
        "wall time includes waiting for a core.",
        "",
        "| Measure | Result | Target |",
        "|---|---|---|",
        f"| Domain: build_trend_data (10 years) | {stats(domain)} |  |",
        f"| Plot: set_data + full paint, 10-year patient | {stats(full)} | well under 100 ms: "
        f"{met} |",
        f"| Plot: set_data + full paint, empty plot | {stats(empty)} |  |",
        f"| Plot ratio (medians, patient / empty) | {ratio:.2f}× wall, {cpu_ratio:.2f}× CPU |  |",
        f"| View (plot + table + badge): set_data + paint, 10-year patient | {stats(view_full)} |"
        "  |",
        f"| View: set_data + paint, empty | {stats(view_empty)} |  |",
        f"| View ratio (medians) | {view_ratio:.2f}× |  |",
        f"| Scene items / view boxes after 200 patient switches | {after[0]} / {after[1]} "
        f"(first draw: {before[0]} / {before[1]}) | equal: "
        f"{'yes' if after == before else 'NO'} |",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    plot.deleteLater()
    view.deleteLater()
    app.processEvents()
    if not args.no_write:
        write_section(report)
    return 0


def write_section(report: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    start = text.find(SECTION)
    if start >= 0:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + report + ("" if end < 0 else text[end + 1:])
    else:
        text = text.rstrip("\n") + "\n\n" + report
    RESULTS.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
