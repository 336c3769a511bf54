"""The sqlite3 list reader (start path, per-keystroke search) returns exactly the rows of the
SQLAlchemy queries, for every sort key, direction, page and both query plans; the dense-prefix
plan walks the MRN index (no sort of all matches) and the sparse one uses the prefix indexes."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest
from sqlalchemy import insert

from app.data import sqlite_list
from app.data.models import Patient
from app.data.patient_repo import count as sa_count
from app.data.patient_repo import search as sa_search
from app.data.patient_rows import SORT_KEYS
from app.data.search_keys import name_search_keys

_NAMES = ["张小燕", "张伟", "章子怡", "王建国", "汪洋", "李娜", "黎明", "John Smith", "Jane Doe",
          "Zoë Zhang", "陈晓", "单田芳", "欧阳修", None, "O'Brien", "li_50%", "Li Wei"]
QUERIES = ["", "z", "zh", "Z", "zx", "zxy", "w", "wang", "l", "li", "li_", "li_5", "%", "_",
           "张", "王建", "D", "D00", "d001", "D0012", "j", "John", "john s", "zoe", "o'b", "x",
           "  zh  ", "ouyang", "shan", "nobody"]


@pytest.fixture
def listed(db):
    rng = random.Random(7)
    now = datetime.now().astimezone()
    rows = []
    for i in range(400):
        name = rng.choice(_NAMES)
        pinyin, initials = name_search_keys(name)
        rows.append({
            "mrn": f"D{rng.randint(0, 99999):05d}-{i}" if i % 7 else f"d{i:04d}",
            "name": name, "name_pinyin": pinyin or None, "name_initials": initials or None,
            "sex": rng.choice(("female", "male", None)),
            "birth_date": rng.choice((None, date(rng.randint(1940, 1990), 5, rng.randint(1, 28)))),
            "histology": rng.choice((None, "adenocarcinoma", "squamous")),
            "stage": rng.choice((None, "IVA", "IVB")),
            "bm_status": rng.choice((None, "confirmed", "suspected")),
            "current_bma": rng.choice((None, "denosumab", "zoledronic_acid")),
            "alert_count": rng.choice((None, 0, 1, 3)),
            "alert_top_severity": rng.choice((None, "info", "warning", "critical")),
            "next_due_date": rng.choice((None, date(2026, rng.randint(1, 12), 3))),
            "next_due_text": rng.choice((None, "Denosumab 120 mg")),
            "rebound_open": rng.random() < 0.2, "created_at": now, "updated_at": now,
        })
    with db.session() as s:
        s.execute(insert(Patient), rows)
    return db


@pytest.mark.parametrize("walk", [None, True, False])  # None: the cost model decides
def test_same_rows_as_sqlalchemy(listed, monkeypatch, walk):
    if walk is not None:
        monkeypatch.setattr(sqlite_list, "walk_mrn_index", lambda m, size, needed: walk)
    reader = listed.list_reader()
    assert reader is not None
    with listed.session() as s:
        for text in QUERIES:
            n = sa_count(s, text)
            assert reader.count(text) == n, text
            for sort in SORT_KEYS:
                for descending in (False, True):
                    for offset, limit in ((0, 200), (5, 17), (n - 3 if n > 3 else 0, 50)):
                        expected = sa_search(s, text, sort=sort, descending=descending,
                                             offset=offset, limit=limit)
                        for matching in (None, n):
                            got = reader.search(text, sort=sort, descending=descending,
                                                offset=offset, limit=limit, matching=matching)
                            assert got == expected, (text, sort, descending, offset, matching)


def test_rows_have_python_types(listed):
    rows = listed.list_reader().search("", limit=400)
    assert {type(r.rebound_open) for r in rows} == {bool}
    assert any(isinstance(r.birth_date, date) for r in rows)
    assert all(r.next_due_date is None or isinstance(r.next_due_date, date) for r in rows)


def _plan(reader, text: str, matching: int, sort: str = "mrn") -> str:
    sql, params = sqlite_list.page_sql(text, sort, False, matching, 100_000, 200)
    return " | ".join(reader.plan(sql, {**params, "limit": 200, "offset": 0}))


def test_plan_choice():
    walk = sqlite_list.walk_mrn_index
    assert walk(9_000, 100_000, 200) and not walk(1_000, 100_000, 200)
    assert not walk(9_000, 100_000, 20_000)  # deep pages: sorting the matches is cheaper
    assert walk(400, 400, 200) and not walk(0, 100_000, 200)


def test_query_plans(listed):
    reader = listed.list_reader()
    dense = _plan(reader, "zh", 9_000)
    assert "USING INDEX sqlite_autoindex_patient_1" in dense
    assert "TEMP B-TREE" not in dense and "MULTI-INDEX OR" not in dense
    sparse = _plan(reader, "zh", 1_000)
    assert "MULTI-INDEX OR" in sparse
    assert "ix_patient_name_pinyin" in sparse and "ix_patient_name_initials" in sparse
    # other sort keys never walk the MRN index in place of the prefix indexes
    assert "MULTI-INDEX OR" in _plan(reader, "zh", 9_000, sort="name")
    everyone = _plan(reader, "", 400)
    assert "USING INDEX sqlite_autoindex_patient_1" in everyone and "TEMP B-TREE" not in everyone
    count_sql, params = sqlite_list.count_sql("zh")
    assert "MULTI-INDEX OR" in " | ".join(reader.plan(count_sql, params))


def test_reader_never_writes(listed):
    import sqlite3

    reader = listed.list_reader()
    reader.count("")
    with pytest.raises(sqlite3.OperationalError):
        with reader._use() as con:
            con.execute("DELETE FROM patient")
    assert reader.count("") == 400


def test_reader_sees_other_connections_commits(listed):
    reader = listed.list_reader()
    before = reader.count("")
    now = datetime.now().astimezone()
    with listed.session() as s:
        s.execute(insert(Patient), [{"mrn": "NEW-1", "name": "New", "created_at": now,
                                     "updated_at": now}])
    assert reader.count("") == before + 1
    assert [r.mrn for r in reader.search("new-")] == ["NEW-1"]


def test_capped_count(listed):
    reader = listed.list_reader()
    with listed.session() as s:
        for text in ("", "z", "zh", "D", "nobody"):
            n = sa_count(s, text)
            for limit in (0, 1, 5, n, n + 1):
                assert reader.count(text, limit) == sa_count(s, text, limit) == min(n, limit)


def test_connections_per_thread_are_closed(listed):
    import threading

    reader = listed.list_reader()
    results = []
    for _ in range(3):  # one thread after another: a finished thread's identity may be reused
        t = threading.Thread(target=lambda: results.append(reader.count("z")))
        t.start()
        t.join()
    assert len(set(results)) == 1 and 1 <= reader.connection_count <= 3
    gate = threading.Barrier(reader.MAX_CONNECTIONS + 4)

    def query_together() -> None:  # all alive at once: distinct identities
        gate.wait()
        results.append(reader.count("z"))

    threads = [threading.Thread(target=query_together) for _ in range(reader.MAX_CONNECTIONS + 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1  # every thread got the right answer, none crashed
    last = threading.Thread(target=lambda: results.append(reader.count("z")))
    last.start()
    last.join()
    assert reader.connection_count <= reader.MAX_CONNECTIONS  # idle ones were closed
    reader.close()
    assert reader.connection_count == 0 and reader.count("z") == results[0]  # reopens on use


def test_plan_from_a_lower_bound_is_rechecked(listed, monkeypatch):
    """A caller's count that stopped early (a lower bound) never forces the sort plan."""
    assert sqlite_list.walk_threshold(100_000, 200) == 1826
    reader = listed.list_reader()
    choices: list[bool] = []
    real = sqlite_list.walk_mrn_index

    def spy(m, size, needed):
        choices.append(real(m, size, needed))
        return choices[-1]

    monkeypatch.setattr(sqlite_list, "walk_mrn_index", spy)
    n = reader.count("d")
    assert n > sqlite_list.walk_threshold(400, 200)  # most demo MRNs start with D
    everyone = reader.search("d", sort="name", limit=400)  # another sort key: no walk
    expected = sorted(everyone, key=lambda r: (r.mrn.lower(), r.id))[:200]  # ASCII MRNs
    for matching in (None, 1, n):
        assert reader.search("d", matching=matching) == expected
        assert choices[-1] is True, matching
    reader.search("zxy", matching=1)
    assert choices[-1] is False  # few matches: the prefix indexes and a sort
