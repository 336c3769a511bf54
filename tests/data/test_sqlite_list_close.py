"""The list reader's close() waits for queries running in other threads: closing a sqlite3
connection under a running query crashed the process (seen when the app disposed the
database while a background search was still counting)."""

from __future__ import annotations

import threading
import time

from app.data.engine import open_database
from app.data.migrate import ensure_schema


def test_close_waits_for_a_query_running_in_another_thread(tmp_path):
    db = open_database(tmp_path / "r.sqlite")
    ensure_schema(db)
    reader = db.list_reader()
    inside, results = threading.Event(), []

    def worker() -> None:
        with reader._use() as con:  # a query in progress on this thread's connection
            inside.set()
            time.sleep(0.3)
            results.append(con.execute("SELECT count(*) FROM patient").fetchone()[0])

    t = threading.Thread(target=worker)
    t.start()
    assert inside.wait(5)
    started = time.monotonic()
    reader.close()  # must not close the worker's connection under it
    waited = time.monotonic() - started
    t.join(5)
    assert results == [0]
    assert waited >= 0.2
    assert reader.count("") == 0  # a later query opens a new connection
    db.dispose()


def test_close_with_no_query_running_returns_at_once(tmp_path):
    db = open_database(tmp_path / "r.sqlite")
    ensure_schema(db)
    reader = db.list_reader()
    assert reader.count("") == 0
    started = time.monotonic()
    reader.close()
    assert time.monotonic() - started < 1.0
    db.dispose()
