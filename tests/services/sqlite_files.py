"""Helpers for the backup and restore tests: read an SQLite file's row counts and integrity,
and where the repository is (for subprocesses that import the app)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.data.sqlite_copy import integrity_problem, row_counts

REPO = Path(__file__).resolve().parents[2]


def counts_of(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return row_counts(con)
    finally:
        con.close()


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return integrity_problem(con) or "ok"
    finally:
        con.close()
