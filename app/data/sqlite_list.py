"""The registry list (prefix search, count, sorted pages) on an SQLite file, with ``sqlite3``.

The same rows, in the same order, as :func:`app.data.patient_repo.search` / ``count`` (a test
compares them), but without SQLAlchemy: the registry window's start path and every keystroke
of the search use it on SQLite. PostgreSQL keeps the SQLAlchemy queries.

Query plan (the search runs per keystroke on up to 100,000+ patients):

- the match count is answered from the four prefix indexes (MULTI-INDEX OR): ~0.5 µs a match,
  so up to ~6 ms for a one-letter prefix. ``count(text, limit=n)`` stops at ``n`` (the registry
  window counts at most 2,001 at once and the exact number in a second query);
- the first page, sorted by MRN: the matches can be found by the prefix indexes and sorted
  (cost ~ the number of matches, *m*), or the MRN index can be walked in order and filtered
  until the page is full (cost ~ rows needed × registry size / *m*). Each LIKE's column is then
  written ``+col`` (not an index candidate), so SQLite cannot pick the OR plan and stops after
  the page. :func:`walk_mrn_index` picks the cheaper one (measured on 100,000 patients: a match
  sorted costs ~3 µs, a row walked ~0.5 µs; e.g. ``zh``, 8,850 matches: 19 ms sorted, 1.3 ms
  walked; ``jo``, 978 matches: 2.7 ms sorted, 12 ms walked; the two cross near 1,800). Both
  return the same rows (the order is total: MRN, then id). Other sort keys keep the OR plan and
  sort.
"""

from __future__ import annotations

import math
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from app.data.patient_rows import (
    ROW_COLUMN_NAMES,
    SEVERITY_RANK,
    PatientRow,
    check_sort,
    escape_like,
)
from app.data.search_keys import normalise_query

#: Cost of sorting a match / cost of walking past a row of the MRN index (measured).
SORT_COST = 6.0
#: Memory map for the list connections (reads only; the address space is reserved, not RAM).
MMAP_BYTES = 256 * 1024 * 1024
_SEARCH_COLUMNS = ("mrn", "name", "name_pinyin", "name_initials")
_SELECT = "SELECT " + ", ".join(ROW_COLUMN_NAMES) + " FROM patient"


def _nulls_last(expr: str, descending: bool) -> str:
    return f"{expr} {'DESC' if descending else 'ASC'} NULLS LAST"


def order_by(sort: str, descending: bool) -> str:
    """The ORDER BY clause of a sort key (as :func:`app.data.patient_repo._order`)."""
    check_sort(sort)
    d = descending
    severity = ("CASE " + " ".join(f"WHEN alert_top_severity = '{k}' THEN {v}"
                                   for k, v in SEVERITY_RANK.items()) + " ELSE 0 END")
    keys = {
        "mrn": [_nulls_last("mrn", d)],
        "name": [_nulls_last("name_pinyin", d), _nulls_last("name", d)],
        "sex_age": [_nulls_last("sex", d), _nulls_last("birth_date", not d)],
        "histology_stage": [_nulls_last("histology", d), _nulls_last("stage", d)],
        "bm_status": [_nulls_last("bm_status", d)],
        "current_bma": [_nulls_last("current_bma", d)],
        "alerts": [_nulls_last(severity, d), _nulls_last("coalesce(alert_count, 0)", d)],
        "next_due": [_nulls_last("next_due_date", d)],  # soonest (overdue) first; none last
    }[sort]
    tail = ([] if sort == "mrn" else ["mrn ASC"]) + ["id ASC"]
    return " ORDER BY " + ", ".join(keys + tail)


def where_clause(text: str, *, index_terms: bool = True) -> tuple[str, dict[str, str]]:
    """The WHERE clause and parameters of a search text ("" = everyone). With
    ``index_terms=False`` the columns are written ``+col``: the prefix indexes are not used."""
    raw = (text or "").strip()
    if not raw:
        return "", {}
    folded = normalise_query(raw)
    pre = "" if index_terms else "+"
    params = {"raw": escape_like(raw) + "%"}
    terms = [f"{pre}mrn LIKE :raw ESCAPE '\\'", f"{pre}name LIKE :raw ESCAPE '\\'"]
    if folded:
        params["folded"] = escape_like(folded) + "%"
        terms += [f"{pre}name_pinyin LIKE :folded ESCAPE '\\'",
                  f"{pre}name_initials LIKE :folded ESCAPE '\\'"]
    return " WHERE " + " OR ".join(terms), params


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value  # type: ignore[return-value]
    return date.fromisoformat(str(value)[:10])


def _row(r: tuple) -> PatientRow:
    return PatientRow(r[0], r[1], r[2], r[3], _date(r[4]), r[5], r[6], r[7], r[8], r[9], r[10],
                      _date(r[11]), r[12], bool(r[13]), r[14])


def walk_threshold(registry_size: int, needed: int) -> int:
    """The fewest matches from which walking the MRN index beats sorting them, to get the first
    ``needed`` rows (offset + page) of ``registry_size`` patients: SORT_COST·m² > needed·size."""
    return math.isqrt(int(needed * max(registry_size, 1) / SORT_COST)) + 1


def walk_mrn_index(matching: int, registry_size: int, needed: int) -> bool:
    """True when walking the MRN index beats sorting ``matching`` (or more) matches (see
    :func:`walk_threshold` and the module doc)."""
    return matching > 0 and matching >= walk_threshold(registry_size, needed)


def page_sql(text: str, sort: str, descending: bool, matching: int | None,
             registry_size: int = 0, needed: int = 200) -> tuple[str, dict[str, object]]:
    """The page query; ``matching`` (the count, when known) selects the plan (module doc)."""
    walk = (bool(text.strip()) and sort == "mrn" and matching is not None
            and walk_mrn_index(matching, registry_size, needed))
    where, params = where_clause(text, index_terms=not walk)
    return _SELECT + where + order_by(sort, descending) + " LIMIT :limit OFFSET :offset", params


def count_sql(text: str, limit: int | None = None) -> tuple[str, dict[str, object]]:
    """The match count; with ``limit``, counting stops there (the result is at most limit)."""
    where, params = where_clause(text)
    if limit is None:
        return "SELECT count(*) FROM patient" + where, params
    return ("SELECT count(*) FROM (SELECT 1 FROM patient" + where + " LIMIT :count_limit)",
            {**params, "count_limit": max(0, limit)})


class SqliteListReader:
    """Read-only ``sqlite3`` connections for the list queries: one per thread (the rows and
    the exact count of a search run side by side on two threads), closed together.

    Connections are kept by the OS thread's identity, not in ``threading.local``: a thread that
    Qt started (the registry's query pool) gets a fresh Python thread state, and so fresh
    thread-local storage, for every job it runs — thread-local connections were opened anew for
    every keystroke's query (a cold page cache each time) and never closed.

    :meth:`close` may be called from any thread while a background query is running (the app
    closing, a test disposing the database): it waits for running queries to finish before
    closing their connections — closing a ``sqlite3`` connection under a query in another
    thread crashes the process."""

    CLOSE_WAIT_S = 10.0  # a list query takes milliseconds; never hang shutdown for ever
    #: More threads than this (threads come and go) close the idle connections of the others
    MAX_CONNECTIONS = 8

    def __init__(self, path: Path, busy_timeout_ms: int) -> None:
        self._path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._connections: dict[int, sqlite3.Connection] = {}  # thread identity -> connection
        self._in_use: dict[int, int] = {}  # thread identity -> queries running on it
        self._lock = threading.Lock()  # guards _connections, _in_use and _active
        self._idle = threading.Condition(self._lock)
        self._active = 0  # queries running now (any thread)

    @property
    def connection_count(self) -> int:
        """Connections open now (one per thread that ran a list query)."""
        return len(self._connections)

    @contextmanager
    def _use(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection, counted as in use until the block ends."""
        ident = threading.get_ident()
        with self._lock:  # counted before the connection is taken: close() waits for it
            self._active += 1
            self._in_use[ident] = self._in_use.get(ident, 0) + 1
        try:
            yield self._connection(ident)
        finally:
            with self._lock:
                self._active -= 1
                self._in_use[ident] -= 1
                if not self._in_use[ident]:
                    del self._in_use[ident]
                if self._active == 0:
                    self._idle.notify_all()
                idle = self._prune() if len(self._connections) > self.MAX_CONNECTIONS else []
            for con in idle:
                con.close()

    def _connection(self, ident: int) -> sqlite3.Connection:
        # Two live threads never share an identity; a finished thread's identity may be reused
        # by a later one, which then reuses its connection (never concurrently: check_same_thread
        # is off for that). Qt's pool threads live as long as their pool (QueryRunner).
        con = self._connections.get(ident)
        if con is None:
            con = sqlite3.connect(str(self._path), check_same_thread=False,
                                  timeout=self._busy_timeout_ms / 1000)
            con.execute("PRAGMA query_only=ON")  # these connections never write
            if sys.platform != "win32":  # (Windows cannot shrink a file mapped elsewhere)
                # memory-mapped reads: no read() call and copy per page (a search walks
                # hundreds; measured: page query median 5.3 -> 3.3 ms); the registry is in WAL
                # mode, so it is on a local disk (WAL needs shared memory): mapping is safe
                con.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            with self._lock:
                self._connections[ident] = con
        return con

    def _prune(self) -> list[sqlite3.Connection]:
        """Take out the connections no query is using (their threads may be gone; a thread
        that is not opens a new one on its next query). Called with the lock held."""
        idle = [i for i in self._connections if i not in self._in_use]
        return [self._connections.pop(i) for i in idle]

    def count(self, text: str, limit: int | None = None) -> int:
        """How many patients match (at most ``limit`` when given)."""
        sql, params = count_sql(text, limit)
        with self._use() as con:
            return int(con.execute(sql, params).fetchone()[0])

    def search(self, text: str, *, sort: str = "mrn", descending: bool = False,
               offset: int = 0, limit: int = 200, matching: int | None = None
               ) -> list[PatientRow]:
        """A sorted page. ``matching``: the number of matches, or a lower bound of it (a count
        that stopped early), when the caller has it; it only saves counting here to choose the
        plan (the rows are the same either way)."""
        check_sort(sort)
        with self._use() as con:
            needed = max(0, offset) + max(0, limit)
            size = 0
            if sort == "mrn" and text.strip():
                size = self._registry_size(con)
                threshold = walk_threshold(size, needed)
                if matching is None or matching < threshold:  # count just far enough
                    c_sql, c_params = count_sql(text, threshold)
                    matching = int(con.execute(c_sql, c_params).fetchone()[0])
            sql, params = page_sql(text, sort, descending, matching, size, needed)
            params = {**params, "limit": max(0, limit), "offset": max(0, offset)}
            return [_row(r) for r in con.execute(sql, params)]

    @staticmethod
    def _registry_size(con: sqlite3.Connection) -> int:
        """The number of patients, estimated by the largest id (one index probe; patients are
        never deleted, so it is close) — it only weighs the two plans."""
        return int(con.execute("SELECT max(id) FROM patient").fetchone()[0] or 0)

    def plan(self, sql: str, params: dict[str, object]) -> list[str]:
        """EXPLAIN QUERY PLAN details (tests, benchmark)."""
        with self._use() as con:
            return [r[3] for r in con.execute("EXPLAIN QUERY PLAN " + sql, params)]

    def revision(self) -> str | None:
        """The Alembic revision stamped in the file (None: no alembic_version table / row)."""
        try:
            with self._use() as con:
                rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.OperationalError:
            return None
        return rows[0][0] if len(rows) == 1 else None

    def close(self) -> None:
        """Close every connection once no query is running (a later query opens new ones)."""
        with self._lock:
            self._idle.wait_for(lambda: self._active == 0, timeout=self.CLOSE_WAIT_S)
            connections, self._connections = list(self._connections.values()), {}
        for con in connections:
            con.close()
