"""Portable column types for the registry schema.

- :data:`NocaseString` — a string compared case-insensitively. On SQLite it carries
  ``COLLATE NOCASE`` so that ``LIKE 'abc%'`` can use an index (tech notes); other databases use
  their default collation (case-insensitive search there is done with ``lower()``).
- :class:`IsoDateTime` — a date-time stored as ISO 8601 text, so that a time *as reported*
  (naive, or with its UTC offset) survives a round trip unchanged on every backend.
- :data:`UtcDateTime` — a timezone-aware time stamp (system times: created_at, audit times).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, String
from sqlalchemy.types import TypeDecorator


def nocase_string(length: int) -> String:
    """A VARCHAR(length) that is case-insensitive (COLLATE NOCASE) on SQLite."""
    return String(length).with_variant(String(length, collation="NOCASE"), "sqlite")


class IsoDateTime(TypeDecorator[datetime]):
    """A reported date-time kept as ISO 8601 text (offset preserved when given)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError("IsoDateTime expects a datetime")
        return value.isoformat()

    def process_result_value(self, value: str | None, dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


class UtcDateTime(TypeDecorator[datetime]):
    """A system time stamp: stored as UTC, returned timezone-aware (UTC) on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)
