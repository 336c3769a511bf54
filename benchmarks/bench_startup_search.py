"""Benchmark: registry window start-up and search-as-you-type latency on a large registry.

Measures, in one run:

1. **Start-up**: wall time from spawning a fresh ``python`` process to the registry window
   being shown with its first page loaded and the event loop idle (a zero-timer fires), versus a
   bare PySide6 ``QMainWindow`` started the same way. Target ratio ≤ 3×.
2. **Per-keystroke search latency**: queries typed character by character into the window's
   search box, measured from the key press (which issues the search at once on a fast
   registry) to the filtered table painted: the key's handling, the filter query (count up to
   2,001 + first page, through the service and the model, on a background thread) and the
   table paint (the event loop's, or forced at once if it has not happened yet). Target p95
   < 16 ms (one frame). Compared with the same SQL run with the raw ``sqlite3`` module (the
   floor). A search matching more than 2,000 patients shows its rows
   first; the time to its exact count (a second query) is reported separately.

Usage::

    bonemet demo --patients 100000 --db /tmp/big.sqlite      # once (demo helper's command)
    python benchmarks/bench_startup_search.py --db /tmp/big.sqlite

    # or a quick patients-only registry made by this script (no labs, summaries random):
    python benchmarks/bench_startup_search.py --db /tmp/big.sqlite --make-synthetic 100000

Results go to benchmarks/RESULTS.md (a section is replaced per run) and stdout.
Qt runs offscreen (no display needed); both start-up variants use the same platform.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SECTION = "## Registry start-up and search (bench_startup_search.py)"
QUERIES = ["zhang", "zxy", "wang", "li", "chen", "BM-0012", "John", "张", "王建"]

_BARE_CHILD = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1100, 640); w.show()
def idle():
    print(f"IDLE {time.time():.6f}", flush=True); app.quit()
QTimer.singleShot(0, idle)
app.exec()
"""

_APP_CHILD = r"""
import argparse, sys, time
from PySide6.QtCore import QTimer
from app.cli.gui_cmd import prepare_gui
args = argparse.Namespace(db=sys.argv[1], demo=False, lang="en", command=None)
session = prepare_gui(args, sys.argv[:1], show_dialogs=False)
session.window.show()
model = session.window.model
def idle():
    print(f"IDLE {time.time():.6f} rows={model.rowCount()}", flush=True); session.app.quit()
def check():  # idle = the first page is shown and the event queue is empty
    if model.busy:
        model.searchFinished.connect(lambda: QTimer.singleShot(0, idle))
    else:
        idle()
QTimer.singleShot(0, check)
session.app.exec()
session.db.dispose()
"""


_PHASES_CHILD = r"""
import sys, time
t0 = time.perf_counter()
marks = []
def lap(label):
    marks.append((label, (time.perf_counter() - t0) * 1000))
import PySide6.QtWidgets; lap("PySide6 widgets")
import app.data.migrate, app.data.sqlite_list; lap("+ app.data (engine, schema check, list reader)")
import app.services.registry; lap("+ app.services.registry")
import app.ui.main_window; lap("+ app.ui (registry window modules)")
import app.ui.chart.opener; lap("+ app.ui.chart.opener (menus only)")
import argparse
from PySide6.QtCore import QTimer
from app.cli.gui_cmd import prepare_gui
args = argparse.Namespace(db=sys.argv[1], demo=False, lang="en", command=None)
session = prepare_gui(args, sys.argv[:1], show_dialogs=False); lap("+ app, schema check, window")
session.window.show()
model = session.window.model
HEAVY = ("sqlalchemy", "alembic", "pypinyin", "pyqtgraph", "numpy")
def done():
    lap("+ first page shown, idle")
    heavy = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
    print("PHASES " + ";".join(f"{k}={v:.0f}" for k, v in marks), flush=True)
    print("HEAVY " + (",".join(heavy) or "-"), flush=True)
    session.app.quit()
def check():
    if model.busy:
        model.searchFinished.connect(lambda: QTimer.singleShot(0, done))
    else:
        done()
QTimer.singleShot(0, check)
session.app.exec()
session.db.dispose()
"""


# ----- synthetic registry ---------------------------------------------------------------
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
)
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂小燕晓建国红华玉梅文斌志"


def make_synthetic(path: Path, n: int, seed: int = 1) -> None:
    """A patients-only registry (cached summaries random) for the list benchmark."""
    from sqlalchemy import insert

    from app.data.engine import open_database
    from app.data.migrate import ensure_schema
    from app.data.models import Patient
    from app.data.search_keys import name_search_keys

    if path.exists():
        raise SystemExit(f"--db: {path} exists; remove it or drop --make-synthetic")
    rng = random.Random(seed)
    db = open_database(path)
    ensure_schema(db)
    now = datetime.now().astimezone()
    sev = [None, "info", "warning", "critical"]
    rows = []
    for i in range(n):
        if i % 50 == 7:
            first = rng.choice(["John", "Mary", "Anna", "Peter"])
            name = f"{first} {rng.choice(['Smith', 'Lee'])}"
        else:
            given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))
            name = rng.choice(_SURNAMES) + given
        pinyin, initials = name_search_keys(name)
        top = rng.choice(sev)
        rows.append({
            "mrn": f"D{i:07d}", "name": name, "name_pinyin": pinyin, "name_initials": initials,
            "sex": rng.choice(("female", "male")),
            "birth_date": date(rng.randint(1935, 1990), rng.randint(1, 12), rng.randint(1, 28)),
            "language": "zh", "histology": rng.choice(("adenocarcinoma", "squamous", "sclc")),
            "stage": rng.choice(("IVA", "IVB", "IIIB")),
            "bm_status": rng.choice(("confirmed", "suspected", "not_found", "unknown")),
            "current_bma": rng.choice((None, "denosumab", "zoledronic_acid")),
            "alert_count": 0 if top is None else rng.randint(1, 5), "alert_top_severity": top,
            "next_due_date": date(2026, rng.randint(1, 12), rng.randint(1, 28)),
            "next_due_text": "Denosumab 120 mg", "rebound_open": False,
            "created_at": now, "updated_at": now, "created_by": "bench", "updated_by": "bench",
        })
        if len(rows) == 5000:
            with db.session() as s:
                s.execute(insert(Patient), rows)
            rows = []
    if rows:
        with db.session() as s:
            s.execute(insert(Patient), rows)
    db.dispose()


# ----- start-up -------------------------------------------------------------------------
def _spawn(code: str, *argv: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env,
        cwd=ROOT, timeout=120, check=False,
    )
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("IDLE ")), None)
    if line is None:
        raise SystemExit(f"child failed (exit {out.returncode}): {out.stderr[-2000:]}")
    return float(line.split()[1]) - t0


def startup_phases(db: Path, runs: int = 3) -> tuple[list[tuple[str, float]], str]:
    """Cumulative in-process times (ms) of the start-up steps, median over runs, and the slow
    to import packages loaded by the time the first page is shown ("-" = none)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    samples: list[list[tuple[str, float]]] = []
    heavy = "?"
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _PHASES_CHILD, str(db)], capture_output=True,
                             text=True, env=env, cwd=ROOT, timeout=120, check=False)
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("PHASES ")), None)
        if line is None:
            raise SystemExit(f"child failed (exit {out.returncode}): {out.stderr[-2000:]}")
        pairs = [p.split("=") for p in line[len("PHASES "):].split(";")]
        samples.append([(k, float(v)) for k, v in pairs])
        heavy = next((ln[6:] for ln in out.stdout.splitlines() if ln.startswith("HEAVY ")), "?")
    return [(samples[0][i][0], statistics.median(s[i][1] for s in samples))
            for i in range(len(samples[0]))], heavy


def bench_startup(db: Path, runs: int) -> dict[str, float]:
    _spawn(_BARE_CHILD)  # warm the OS file cache for both
    _spawn(_APP_CHILD, str(db))
    bare, app = [], []
    for _ in range(runs):  # interleaved, so background load hits both alike
        bare.append(_spawn(_BARE_CHILD))
        app.append(_spawn(_APP_CHILD, str(db)))
    b, a = statistics.median(bare), statistics.median(app)
    return {
        "bare_s": b, "app_s": a, "ratio": a / b, "bare_min": min(bare), "app_min": min(app),
        "runs": runs,
    }


# ----- keystrokes -----------------------------------------------------------------------
def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def _wait_for_rows(model, timeout_s: float = 10.0) -> None:
    """Block in a Qt event loop (no spinning: the GUI thread sleeps as in the app) until the
    newest query's rows are shown."""
    from PySide6.QtCore import QEventLoop, QTimer

    if not model.busy:
        return
    loop = QEventLoop()
    model.searchFinished.connect(loop.quit)
    model.searchFailed.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    while model.busy:
        loop.exec()
        if model.busy and not loop.isRunning():
            break
    model.searchFinished.disconnect(loop.quit)
    model.searchFailed.disconnect(loop.quit)
    if model.busy:
        raise SystemExit("search did not finish")


def _wait_for_filter(model, text: str, timeout_s: float = 10.0) -> None:
    """Block in a Qt event loop until the rows of a search for ``text`` are shown (the key
    press issued it; on a slow registry the window waits for a pause in typing first)."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout_s
    while model.filter_text != text.strip() or model.busy:
        if time.perf_counter() > deadline:
            raise SystemExit(f"search for {text!r} did not finish")
        if model.busy:
            _wait_for_rows(model, timeout_s)
        else:  # the debounce timer has not issued it yet
            loop = QEventLoop()
            QTimer.singleShot(1, loop.quit)
            loop.exec()


def _wait_for_count(model, timeout_s: float = 10.0) -> None:
    """Block in a Qt event loop until the exact match count is shown (a search matching more
    than COUNT_CAP patients shows its rows first and its exact count from a second query)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if not model.counting:
        return
    loop = QEventLoop()
    model.countsChanged.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    while model.counting:
        loop.exec()
        if model.counting and not loop.isRunning():
            break
    model.countsChanged.disconnect(loop.quit)
    if model.counting:
        raise SystemExit("count did not finish")


def _PaintWatch(viewport, model):  # noqa: N802 (a class made on demand: Qt imported lazily)
    """Whether the table has been painted since the model's last reset."""
    from PySide6.QtCore import QEvent, QObject

    class Watch(QObject):
        def __init__(self) -> None:
            super().__init__(viewport)
            self.since_reset = False
            model.modelReset.connect(self._reset)
            viewport.installEventFilter(self)

        def _reset(self) -> None:
            self.since_reset = False

        def eventFilter(self, _obj, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.since_reset = True  # the paint runs right after this filter
            return False

    return Watch()


def bench_keystrokes(db_path: Path, repeats: int) -> dict[str, object]:
    """Per keystroke: (a) GUI-thread time of the key press itself (which issues the search:
    no debounce on a fast registry), (b) latency from the key press to the filtered table
    painted, and (c) GUI-thread time applying the rows and painting — (a)+(c) is what can stall
    typing. (d) when more than COUNT_CAP patients match, the time from the key press until the
    exact count is shown; the next key is pressed only then, so no keystroke overlaps the
    previous one's count.
    Before each query is typed, the cleared box's full list is shown and painted (untimed)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.data.engine import open_database
    from app.services.registry import RegistryService
    from app.ui.app import create_application
    from app.ui.main_window import MainWindow

    create_application()
    db = open_database(db_path)
    window = MainWindow(RegistryService(db, "bench"), db.describe())
    window.show()
    _wait_for_rows(window.model)
    total = window.model.total_count
    model, box, view = window.model, window.search_box, window.view
    marks: dict[str, float] = {}
    model.modelAboutToBeReset.connect(lambda: marks.__setitem__("apply", time.perf_counter()))
    painted = _PaintWatch(view.viewport(), model)

    key_ms: list[float] = []
    latency_ms: list[float] = []
    apply_ms: list[float] = []
    cpu_ms: list[float] = []  # GUI-thread CPU per keystroke (key, apply, paint; load-independent)
    db_ms: list[float] = []
    hits: list[int] = []
    count_ms: list[float] = []  # search issued → exact count shown (more than COUNT_CAP)
    for _ in range(repeats):
        for query in QUERIES:
            box.clear()  # the full list is queried at once (the search follows the text)
            _wait_for_filter(model, "")
            QApplication.processEvents()  # paint the full list now, not inside the first keystroke
            for k, ch in enumerate(query):
                c0 = time.thread_time()
                t0 = time.perf_counter()
                if ch.isascii():
                    QTest.keyClick(box, ch)
                else:  # Chinese arrives committed by the input method
                    box.insert(ch)
                t1 = time.perf_counter()  # the key is handled and its search issued
                _wait_for_filter(model, query[:k + 1])
                t_paint = time.perf_counter()
                if not painted.since_reset:  # paint now, as the screen would (unless the
                    view.viewport().repaint()  # event loop already painted the new rows)
                t2 = time.perf_counter()
                cpu_ms.append((time.thread_time() - c0) * 1000)
                if model.counting:
                    _wait_for_count(model)
                    count_ms.append((time.perf_counter() - t0) * 1000)
                key_ms.append((t1 - t0) * 1000)
                latency_ms.append((t2 - t0) * 1000)
                apply_ms.append((t2 - t_paint + (t_paint - marks.get("apply", t_paint))) * 1000)
                db_ms.append(model.last_query_ms)
                hits.append(model.matching_count)
    QTest.keyClick(box, Qt.Key.Key_Escape)
    QApplication.processEvents()

    # the same statements the service ran, through a fresh raw sqlite3 connection, and the
    # former plan (exact count + the prefix indexes' matches all sorted) for comparison
    from app.data import sqlite_list
    from app.ui.registry_model import COUNT_CAP

    page = model.first_page_size  # the rows a search shows first (sized to the view)
    con = sqlite3.connect(str(db_path))
    size = con.execute("SELECT max(id) FROM patient").fetchone()[0]
    raw_ms: list[float] = []
    former_ms: list[float] = []
    for _ in range(repeats):
        for query in QUERIES:
            for k in range(1, len(query) + 1):
                prefix = query[:k]
                count_sql, c_params = sqlite_list.count_sql(prefix, COUNT_CAP + 1)
                t = time.perf_counter()
                n = con.execute(count_sql, c_params).fetchone()[0]
                sql, params = sqlite_list.page_sql(prefix, "mrn", False, n, size, page)
                con.execute(sql, {**params, "limit": page, "offset": 0}).fetchall()
                raw_ms.append((time.perf_counter() - t) * 1000)
                sql, params = sqlite_list.page_sql(prefix, "mrn", False, None)
                count_sql, c_params = sqlite_list.count_sql(prefix)
                t = time.perf_counter()
                con.execute(count_sql, c_params).fetchone()
                con.execute(sql, {**params, "limit": 200, "offset": 0}).fetchall()
                former_ms.append((time.perf_counter() - t) * 1000)
    con.close()
    plan = _plans(db)
    window.close()
    db.dispose()
    stall = [a + b for a, b in zip(key_ms, apply_ms, strict=True)]
    return {
        "patients": total, "keystrokes": len(latency_ms),
        "lat_median": statistics.median(latency_ms), "lat_p95": _pct(latency_ms, 95),
        "lat_max": max(latency_ms),
        "stall_median": statistics.median(stall), "stall_p95": _pct(stall, 95),
        "stall_max": max(stall),
        "cpu_median": statistics.median(cpu_ms), "cpu_p95": _pct(cpu_ms, 95),
        "db_median": statistics.median(db_ms), "db_p95": _pct(db_ms, 95),
        "raw_median": statistics.median(raw_ms), "raw_p95": _pct(raw_ms, 95),
        "former_median": statistics.median(former_ms), "former_p95": _pct(former_ms, 95),
        "count_n": len(count_ms),
        "count_median": statistics.median(count_ms) if count_ms else float("nan"),
        "count_p95": _pct(count_ms, 95) if count_ms else float("nan"),
        "ratio": statistics.median(latency_ms) / max(statistics.median(raw_ms), 1e-6),
        "max_hits": max(hits), "plan": plan, "first_page": page,
        "slowest": _slowest(latency_ms, hits),
    }


def _slowest(latency_ms: list[float], hits: list[int]) -> str:
    pairs = sorted(zip(latency_ms, hits, strict=True), reverse=True)[:5]
    return ", ".join(f"{ms:.0f} ms ({n:,} matches)" for ms, n in pairs)


def _plans(db) -> str:
    from app.data import sqlite_list

    reader = db.list_reader()
    lines = []
    for prefix in ("", "zh", "zxy"):
        n = reader.count(prefix)
        size = reader.count("")
        sql, params = sqlite_list.page_sql(prefix, "mrn", False, n, size, 200)
        detail = reader.plan(sql, {**params, "limit": 200, "offset": 0})
        lines.append(f"{prefix or '(empty)'} ({n:,} matches): " + "; ".join(detail))
    return " | ".join(lines)


def write_results(db: Path, start: dict, keys: dict, phases: list[tuple[str, float]],
                  heavy: str) -> str:
    ok_start = "met" if start["ratio"] <= 3 else "NOT met"
    ok_keys = "met" if keys["lat_p95"] < 16 else "NOT met"
    ok_stall = "met" if keys["stall_p95"] < 16 else "NOT met"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = [
        ("Start-up to idle with first page, registry window (median of runs)",
         f"{start['app_s'] * 1000:.0f} ms (min {start['app_min'] * 1000:.0f})", ""),
        ("Start-up to idle, bare PySide6 window (median)",
         f"{start['bare_s'] * 1000:.0f} ms (min {start['bare_min'] * 1000:.0f})", ""),
        ("Start-up ratio (medians)", f"{start['ratio']:.2f}×", f"≤ 3×: {ok_start}"),
        ("Key press → filtered table painted, median",
         f"{keys['lat_median']:.1f} ms", ""),
        ("Key press → filtered table painted, p95",
         f"{keys['lat_p95']:.1f} ms (max {keys['lat_max']:.0f})", f"< 16 ms: {ok_keys}"),
        (f"Key press → exact count shown, the {keys['count_n']} keystrokes matching more than "
         "2,000 (rows shown first), median / p95",
         f"{keys['count_median']:.1f} / {keys['count_p95']:.1f} ms", ""),
        ("GUI thread busy per keystroke (key + apply + paint), median / p95",
         f"{keys['stall_median']:.1f} / {keys['stall_p95']:.1f} ms "
         f"(max {keys['stall_max']:.0f})", f"< 16 ms: {ok_stall}"),
        ("GUI thread CPU per keystroke (load-independent), median / p95",
         f"{keys['cpu_median']:.1f} / {keys['cpu_p95']:.1f} ms", ""),
        ("Database time in the service (count to 2,001 + first page, sqlite3), median / p95",
         f"{keys['db_median']:.1f} / {keys['db_p95']:.1f} ms", ""),
        (f"Same SQL via a fresh raw sqlite3 connection (count to 2,001 + first page of "
         f"{keys['first_page']} rows), median / p95",
         f"{keys['raw_median']:.1f} / {keys['raw_p95']:.1f} ms", ""),
        ("Latency / raw SQL (medians)", f"{keys['ratio']:.1f}×", ""),
        ("Former plan (exact count; matches from the prefix indexes, all sorted), raw SQL, "
         "median / p95",
         f"{keys['former_median']:.1f} / {keys['former_p95']:.1f} ms", "for comparison"),
    ]
    table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    steps = [(label, t - (phases[i - 1][1] if i else 0.0)) for i, (label, t) in enumerate(phases)]
    costly = ", ".join(f"{label.lstrip('+ ')} {ms:.0f} ms" for label, ms in
                       sorted(steps, key=lambda x: -x[1])[:4])
    body = f"""{SECTION}

Run {datetime.now().isoformat(timespec="minutes")}: {os.cpu_count()} CPU(s) shared with
other jobs (1-min load average {load:.1f}), Qt offscreen, registry `{db.name}` with
{keys["patients"]:,} patients; {start["runs"]} start-up runs per variant, interleaved.

| Measure | Result | Target |
|---|---|---|
{table}

Where start-up time goes (in-process, cumulative, median of 3; the bare window's process start
and interpreter are not included): {"; ".join(f"{k} {v:.0f} ms" for k, v in phases)}. Largest
steps: {costly}. Slow-to-import packages loaded when the first page is shown: {heavy} (SQLAlchemy,
Alembic, pypinyin, pyqtgraph and numpy load on first use: a form, a save, a chart).

{keys["keystrokes"]} keystrokes typing {", ".join(QUERIES)}. Each key issues its search at once
(no debounce on a fast registry); the search runs on a background thread (latest wins), so the
GUI thread only handles the key and, when rows arrive, the model reset and paint. The list is
read with sqlite3 (one connection per thread, kept); the first page has
{keys["first_page"]} rows (the view's height twice, plus 10); for a prefix matching many
patients the MRN index is walked in order instead of sorting every match
(app/data/sqlite_list.py). The unselected rows are painted in one pass from cached texts
(app/ui/registry_paint.py). Slowest searches: {keys["slowest"]}. SQLite plans (sort by MRN,
page of 200): `{keys["plan"]}`.
"""
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if SECTION in old:
        head, _, rest = old.partition(SECTION)
        nxt = rest.find("\n## ")
        old = head.rstrip() + "\n" + (rest[nxt:] if nxt >= 0 else "")
    RESULTS.write_text(old.rstrip() + "\n\n" + body, encoding="utf-8")
    return body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path, help="registry SQLite file")
    parser.add_argument("--make-synthetic", type=int, metavar="N",
                        help="first create a patients-only registry of N patients at --db")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs per variant")
    parser.add_argument("--repeats", type=int, default=3, help="passes over the queries")
    args = parser.parse_args(argv)
    if args.make_synthetic:
        t = time.perf_counter()
        make_synthetic(args.db, args.make_synthetic)
        print(f"synthetic registry: {args.make_synthetic} patients in "
              f"{time.perf_counter() - t:.1f} s")
    if not args.db.is_file():
        print(f"--db: {args.db} does not exist", file=sys.stderr)
        return 2
    start = bench_startup(args.db, args.runs)
    phases, heavy = startup_phases(args.db)
    keys = bench_keystrokes(args.db, args.repeats)
    print(write_results(args.db, start, keys, phases, heavy))
    return 0


if __name__ == "__main__":
    sys.exit(main())
