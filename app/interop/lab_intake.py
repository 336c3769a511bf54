"""One HL7 message received over the network → stored results and the ACK that answers it.

:func:`receive_message` is what the MLLP listener (:mod:`app.interop.mllp_listener`) runs for
each frame: the message is decoded and parsed by the file import's own code
(:func:`app.interop.lab_files.parse_lab_file`, HL7) and written by
:func:`app.services.lab_import.apply_lab_import` — one transaction, committed before this
function returns, so an ACK is only ever sent for a message that is durable.

The acknowledgement code (:func:`ack_code`):

- ``AR`` (rejected whole): the frame is not an HL7 message (no MSH, undecodable), it holds more
  than one message, or the import rejected it for a *message-level* fault — a problem that does
  not name an observation: wrong message type, no or unknown patient, no observation.
- ``AE`` (error): results were rejected — a problem naming an observation (``OBX 2, OBX-6: …``),
  or a database error (nothing written: the sender should resend).
- ``AA`` (accepted): everything else — results stored, already stored (a resent message),
  none of them a BoneMet analyte, or the message held in the review queue (a patient check
  failed: it is stored there, for a person to assign; MSA-3 says so).

The problem texts go into the ACK as the import gives them: they name the field and the
observation's position, never a patient identifier or value.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.interop.hl7_ack import RequestHeader, build_ack, read_header
from app.interop.lab_codes import CodeMapError
from app.interop.lab_feed_config import site_lab_feed_settings
from app.interop.lab_files import LabFileError, parse_lab_file
from app.services.lab_import import UnitOutcome, apply_lab_import

__all__ = ["Receipt", "ack_code", "receive_message", "reject_frame"]

# A problem naming an observation: "OBX 2, OBX-6: …" (parser) or "OBX 2: unit: …" (store).
_RESULT_PROBLEM = re.compile(r"^OBX \d+\b")
# In an outcome that was not rejected, a rejected result reads "OBX 2, OBX-6: …" (a skipped
# one "OBX 2: not a BoneMet analyte …").
_REJECTED_RESULT = re.compile(r"^OBX \d+, ")
_DATABASE = "database error"
HELD_FOR_REVIEW = "held for review: the patient check did not match; not yet in a chart"


@dataclass(frozen=True)
class Receipt:
    """What became of one received message (counts and problem texts only)."""

    code: str  # AA / AE / AR
    control_id: str  # MSH-10 as sent ('' if none or unreadable)
    problems: tuple[str, ...]
    stored: int = 0  # results written
    duplicates: int = 0  # results already in the registry
    encoding: str = "ascii"  # codec the ACK is written in

    def ack_bytes(self, header: RequestHeader | None) -> bytes:
        try:
            codec = codecs.lookup(self.encoding).name
        except LookupError:
            codec = "utf-8"
        return build_ack(self.code, header, self.problems).encode(codec, "replace")


def ack_code(outcome: UnitOutcome) -> tuple[str, tuple[str, ...]]:
    """(ACK code, problems for the ACK) for an import outcome (see the module docstring)."""
    if outcome.status == "rejected":
        reasons = tuple(outcome.reasons) or ("message rejected",)
        message_level = [r for r in reasons if not _RESULT_PROBLEM.match(r)
                         and not r.startswith(_DATABASE)]
        return ("AR" if message_level else "AE"), reasons
    if outcome.status == "queued":
        return "AA", (HELD_FOR_REVIEW,)
    rejected = tuple(r for r in outcome.reasons if _REJECTED_RESULT.match(r))
    if getattr(outcome, "rejected_results", 0) and not rejected:  # counted, not itemised
        rejected = tuple(outcome.reasons) or ("results rejected",)
    return ("AE" if rejected else "AA"), rejected


def _codec(description: str) -> str:
    """'gb18030 (GBK; …)' → 'gb18030' (the codec the message was read with)."""
    return description.split()[0] if description else "utf-8"


def reject_frame(problem: str, text: str = "") -> tuple[Receipt, RequestHeader | None]:
    """An AR for a frame that could not be taken in (``text``: what could be read of it)."""
    header = read_header(text) if text else None
    return Receipt("AR", header.control_id if header else "", (problem,)), header


def receive_message(db: Database, data: bytes, actor: str, *, params: Params = DEFAULTS,
                    today: Callable[[], date] = date.today
                    ) -> tuple[Receipt, RequestHeader | None]:
    """Store one received message (one transaction) and say how to acknowledge it."""
    peek = data.decode("utf-8", "replace")
    header = read_header(peek)
    if header is None:
        return reject_frame("MSH: not an HL7 message (it must start with MSH)")
    try:  # the site's code map, patient-ID fields and accepted authorities, read per message
        conf = site_lab_feed_settings()  # (an edit in Settings applies to the next message)
    except CodeMapError as exc:
        return Receipt("AR", header.control_id, (f"lab-feed settings: {exc}",)), header
    try:
        parsed = parse_lab_file(data, "mllp", fmt="hl7", today=today(), settings=conf)
    except LabFileError as exc:
        field = "message" if exc.field in ("file", "FILE") else exc.field
        return Receipt("AR", header.control_id, (f"{field}: {exc.problem}",)), header
    if len(parsed.units) != 1:
        return Receipt("AR", header.control_id,
                       ("MSH: more than one message in the frame (send one per frame)",)), header
    report = apply_lab_import(db, parsed.units, actor, params=params, today=today,
                              accepted_authorities=conf.accepted_authorities)
    outcome = report.outcomes[0]
    code, problems = ack_code(outcome)
    return Receipt(code, header.control_id, problems, outcome.imported, outcome.duplicates,
                   _codec(parsed.encoding)), header
