"""Demo patients in chunks, each with its cached registry summary, produced in this process
or in worker processes.

Generating a patient and running the rule engine on it (for the registry list's cached
summary columns) is pure-Python CPU work, roughly 40% of a large demo load (the Core inserts
are the rest). With ``workers > 1`` chunks are produced by a process pool while the caller
inserts the previous ones; at most ``2 × workers`` chunks are in flight, so memory stays
bounded. Each patient has its own random stream, so the result is identical whatever the
number of workers. Keep ``workers=1`` inside the GUI process (no process pool there).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from typing import Any

from app.services.demo.generator import DemoPatient, make_patient

Summary = dict[str, Any]
Chunk = list[tuple[DemoPatient, Summary | None]]

EMPTY_SUMMARY: Summary = {
    "bm_status": None, "current_bma": None, "alert_count": None, "alert_top_severity": None,
    "next_due_date": None, "next_due_text": None, "rebound_open": False, "summary_as_of": None,
}


def summariser() -> Callable[[Any, date], Summary | None] | None:
    """case, as-of → summary column values (``None`` when the engine failed on the case);
    ``None`` when the rule engine is not available in this build."""
    try:
        from app.domain.assess import assess
        from app.domain.summary import summarize
    except ImportError:
        return None

    def summary_values(case: Any, as_of: date) -> Summary | None:
        try:
            s = summarize(case, assess(case, as_of), as_of)
        except Exception:  # a rule-engine bug must not stop the demo; counted, left empty
            return None
        return {
            "bm_status": s.bm_status, "current_bma": s.current_bma,
            "alert_count": s.alert_count, "alert_top_severity": s.alert_top_severity,
            "next_due_date": s.next_due_date, "next_due_text": s.next_due_stored,
            "rebound_open": bool(s.rebound_open), "summary_as_of": as_of,
        }

    return summary_values


def make_chunk(task: tuple[int, int, int, date, bool]) -> Chunk:
    """Patients ``start``…``stop - 1`` with their summaries (runs in a worker process)."""
    start, stop, seed, ref, summaries = task
    summarise = summariser() if summaries else None
    out: Chunk = []
    for i in range(start, stop):
        p = make_patient(i, seed, ref)
        out.append((p, summarise(p.case, ref) if summarise else EMPTY_SUMMARY))
    return out


def produce(n: int, seed: int, ref: date, *, chunk_size: int, summaries: bool,
            workers: int = 1) -> Iterator[Chunk]:
    """Yield the chunks in order. Closing the iterator early cancels the pending work."""
    tasks = [(s, min(s + chunk_size, n), seed, ref, summaries) for s in range(0, n, chunk_size)]
    if workers <= 1:
        for task in tasks:
            yield make_chunk(task)
        return
    queue = iter(tasks)
    # "spawn": safe even when the parent has threads (fork is not), same on every platform
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[Chunk]] = deque()
        try:
            for task in queue:
                pending.append(pool.submit(make_chunk, task))
                if len(pending) >= 2 * workers:
                    break
            while pending:
                chunk = pending.popleft().result()
                task = next(queue, None)
                if task is not None:
                    pending.append(pool.submit(make_chunk, task))
                yield chunk
        finally:
            for future in pending:
                future.cancel()
