"""Benchmark: care plans (target < 300 ms each) and a 20-case MDT pack (target < 10 s).

    .venv/bin/python benchmarks/bench_reports.py [--cases 20] [--out DIR]

Builds a temporary demo registry, lists 20 patients for a meeting, then times
- a care plan end to end (load case, assess, content, PDF) in English and Chinese;
- the MDT pack end to end (load + assess each case, trend PNGs, PDF).
Trend PNGs come from ``app.ui.trends.render_trend_png`` (offscreen Qt) when it exists, else
a synthetic 1600×640 PNG stands in (the report code embeds it the same way).
``--out DIR`` keeps sample PDFs and page PNGs there.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from app.cli.mdt_cmd import trend_renderer
from app.data.engine import open_database
from app.data.migrate import ensure_schema
from app.domain.assess import assess
from app.domain.careplan import Clinic, build_careplan
from app.reports.careplan_pdf import build_careplan_pdf
from app.reports.mdt_pdf import build_mdt_pack_pdf
from app.services.case_service import load_case
from app.services.mdt_service import MdtService


def synthetic_png() -> bytes:
    from PIL import Image, ImageDraw

    w, h = 1240, 560  # the pack's trend size (app.ui.mdt.pack_job.TREND_SIZE_PX)
    img = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(img)
    for i in range(0, w, 40):
        draw.line([(i, h // 2 + (i * 37) % 200 - 100), (i + 40, h // 2 + ((i + 40) * 37) % 200
                                                        - 100)], fill=(31, 78, 121), width=3)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def registry(folder: Path, n: int):
    from app.services.demo.loader import write_demo_registry

    db = open_database(folder / "bench.sqlite")
    ensure_schema(db)
    write_demo_registry(db, n=n, seed=7)
    return db


def mrns(db, n: int) -> list[str]:
    from sqlalchemy import select

    from app.data.models import Patient

    with db.session() as s:
        return list(s.scalars(select(Patient.mrn).order_by(Patient.id).limit(n)))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=20)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_reports_"))
    try:
        t0 = time.perf_counter()
        db = registry(tmp, max(args.cases, 20) + 10)
        print(f"demo registry: {ms(time.perf_counter() - t0)}")
        picked = mrns(db, args.cases)
        today = date.today()
        clinic = Clinic("Thoracic Oncology 胸部肿瘤科", "010-12345678", "120")

        # ---- care plans ------------------------------------------------------------
        times: dict[str, list[float]] = {"en": [], "zh": []}
        cold = None
        samples: dict[str, tuple[int, bytes]] = {}
        for mrn in picked:
            for lang in ("en", "zh"):
                t = time.perf_counter()
                case = load_case(db, mrn)
                plan = build_careplan(case, assess(case, today), today, lang, clinic=clinic)
                pdf = build_careplan_pdf(plan)
                dt = time.perf_counter() - t
                if cold is None:
                    cold = dt
                else:
                    times[lang].append(dt)
                if len(plan.sections) > samples.get(lang, (0, b""))[0]:
                    samples[lang] = (len(plan.sections), pdf)  # keep the fullest plan
        for lang, xs in times.items():
            xs.sort()
            print(f"care plan {lang}: median {ms(statistics.median(xs))}, "
                  f"p95 {ms(xs[int(len(xs) * 0.95) - 1])}, max {ms(xs[-1])} "
                  f"(n={len(xs)}; target < 300 ms)")
        print(f"care plan, first call (font registration): {ms(cold)}")

        # ---- MDT pack --------------------------------------------------------------
        svc = MdtService(db, "bench")
        meeting = svc.create_meeting(today + timedelta(days=400), "Benchmark MDT")
        for mrn in picked:
            svc.add_case(meeting.id, mrn, "Radiotherapy or surgery? 放疗还是手术？")
        render, _qapp = trend_renderer()
        source = "app.ui.trends.render_trend_png"
        if render is None:
            png = synthetic_png()
            source = "synthetic PNG (render_trend_png not available)"

            def render(case, as_of, lab_panel=False, lang="en"):  # noqa: ARG001 - as the real one
                return png

        t = time.perf_counter()
        pack = svc.pack_content(meeting.id, as_of=today, trend_png=render)
        t_content = time.perf_counter() - t
        t = time.perf_counter()
        pdf = build_mdt_pack_pdf(pack)
        t_pdf = time.perf_counter() - t
        failed = getattr(render, "failures", [])
        if failed:
            source += f" ({len(failed)} failed: {', '.join(sorted(set(failed)))})"
        print(f"MDT pack, {len(pack.cases)} cases: total {ms(t_content + t_pdf)} "
              f"(load+assess+trends {ms(t_content)}, PDF {ms(t_pdf)}; {len(pdf) // 1024} KiB; "
              f"trends: {source}; target < 10 s)")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / "mdt_pack.pdf").write_bytes(pdf)
            zh = svc.pack_content(meeting.id, as_of=today, trend_png=render, lang="zh")
            (args.out / "mdt_pack_zh.pdf").write_bytes(build_mdt_pack_pdf(zh))
            for lang, (_, data) in samples.items():
                (args.out / f"careplan_{lang}.pdf").write_bytes(data)
            if shutil.which("pdftoppm"):
                for name in ("mdt_pack", "mdt_pack_zh", "careplan_en", "careplan_zh"):
                    subprocess.run(["pdftoppm", "-png", "-r", "80", str(args.out / f"{name}.pdf"),
                                    str(args.out / name)], check=True)
            print(f"samples in {args.out}")
        db.dispose()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
