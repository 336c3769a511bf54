"""Lab files for the registry window's seed patients (tests/ui/conftest.py): messages that
repeat the patient's demographics, and a helper to count stored results."""

from __future__ import annotations

from interop.feed_fixtures import hl7_message

# A1001 in the seed registry: 张小燕, female, born 1958-03-02
PATIENT = dict(mrn="A1001", name="张小燕", born="19580302", sex="F")


def message(control: str, **kw) -> str:
    return hl7_message(control, **{**PATIENT, **kw})


def messages(n: int, prefix: str = "M") -> str:
    """``n`` messages with distinct CTX results on distinct days."""
    return "".join(message(f"{prefix}{i}", value=f"0.{200 + i}", dtm=f"202611{10 + i:02d}0730")
                   for i in range(n))


def lab_count(db) -> int:
    from interop.feed_fixtures import lab_count as count

    return count(db)
