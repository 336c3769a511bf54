"""HL7 v2 acknowledgements (original mode): read a received message's header, write its ACK.

:func:`read_header` reads the MSH segment of a received message as plain text (no parser, so
nothing of the message reaches python-hl7's logger): the delimiters, the applications and
facilities, the message control ID (MSH-10), processing ID, version and character set.

:func:`build_ack` writes the answer::

    MSH|^~\\&|<their MSH-5>|<their MSH-6>|<their MSH-3>|<their MSH-4>|<now>||ACK^<trigger>^ACK|
        <new control ID>|<their MSH-11>|<their MSH-12>|||||||<their MSH-18>
    MSA|<AA, AE or AR>|<their MSH-10>|<first text, at most 80 characters>
    ERR||<location>|<HL7 table 0357 code>|E||||<problem>        (one per problem, AE/AR only)

(an AA carries a text only for a message held for review).

MSA-2 echoes MSH-10 (empty when the message had none or could not be read). The texts are the
import's problem texts, which name a field and never carry a patient identifier or value; they
are escaped for HL7 (``|`` → ``\\F\\`` …). ``ERR-2`` (segment^sequence^field) is read from the
text's position prefix (``OBX 2, OBX-6: …`` → ``OBX^2^6``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime

__all__ = ["ACK_CODES", "RequestHeader", "build_ack", "escape", "read_header"]

ACK_CODES = ("AA", "AE", "AR")
_SEPARATORS = "|^~\\&"
_MSA_TEXT_MAX = 80
_ERR_MAX = 20
_FIELD_MAX = 199
_counter = itertools.count(1)
_POSITION = re.compile(
    r"^(?:(?P<seg>[A-Z][A-Z0-9]{2}) (?P<seq>\d+), )?(?P<seg2>[A-Z][A-Z0-9]{2})"
    r"(?:-(?P<field>\d+))?\b"
)
_ERROR_CODES = (  # (words in the problem text, HL7 table 0357 code and text)
    (("no patient",), "204^Unknown key identifier"),
    (("required",), "101^Required field missing"),
    (("MSH-9",), "200^Unsupported message type"),
)
_DEFAULT_ERROR = "207^Application internal error"


@dataclass(frozen=True)
class RequestHeader:
    """What an acknowledgement needs from the received MSH (fields as sent, in our delimiters)."""

    sending_application: str = ""
    sending_facility: str = ""
    receiving_application: str = ""
    receiving_facility: str = ""
    control_id: str = ""
    trigger: str = ""
    processing_id: str = "P"
    version: str = "2.5"
    charset: str = ""


def escape(text: str) -> str:
    """``text`` with the HL7 delimiters escaped and line breaks turned into spaces."""
    out = text.replace("\\", "\\E\\").replace("|", "\\F\\").replace("^", "\\S\\")
    out = out.replace("&", "\\T\\").replace("~", "\\R\\")
    return re.sub(r"[\r\n\x0b\x1c]+", " ", out)


def read_header(text: str) -> RequestHeader | None:
    """The header of a received message (``None`` when it does not start with MSH)."""
    body = text.lstrip("\ufeff \t\r\n")
    if not body.startswith("MSH") or len(body) < 8:
        return None
    segment = re.split(r"[\r\n]", body, maxsplit=1)[0]
    sep, comp = segment[3], segment[4]
    fields = segment.split(sep)  # fields[n - 1] is MSH-n (MSH-1 is the separator itself)

    def field(n: int, whole: bool = True) -> str:
        value = fields[n - 1] if n - 1 < len(fields) else ""
        if not whole or sep + comp != "|^":
            value = value.split(comp)[0]  # other delimiters: the first component only
            if sep + comp != "|^":
                value = escape(value)
        return re.sub(r"[\r\n\x0b\x1c]", "", value)[:_FIELD_MAX]

    message_type = fields[8].split(comp) if len(fields) > 8 else []
    return RequestHeader(
        sending_application=field(3), sending_facility=field(4),
        receiving_application=field(5), receiving_facility=field(6),
        control_id=field(10, whole=False),
        trigger=escape(message_type[1])[:3] if len(message_type) > 1 else "",
        processing_id=field(11, whole=False) or "P", version=field(12, whole=False) or "2.5",
        charset=field(18, whole=False),
    )


def _location(problem: str) -> str:
    m = _POSITION.match(problem)
    if not m:
        return ""
    segment = m.group("seg2")
    sequence = m.group("seq") or ("1" if m.group("field") else "")
    return "^".join(p for p in (segment, sequence, m.group("field") or "") if p)


def _error_code(problem: str) -> str:
    for words, code in _ERROR_CODES:
        if any(w in problem for w in words):
            return f"{code}^HL70357"
    return f"{_DEFAULT_ERROR}^HL70357"


def build_ack(code: str, header: RequestHeader | None, problems: tuple[str, ...] | list[str] = (),
              *, now: datetime | None = None) -> str:
    """The ACK message text (segments ending in CR); ``code`` is AA, AE or AR."""
    if code not in ACK_CODES:
        raise ValueError(f"code: must be one of {', '.join(ACK_CODES)}")
    h = header or RequestHeader()
    stamp = (now or datetime.now()).strftime("%Y%m%d%H%M%S")
    control = f"BM{stamp}{next(_counter) % 100000:05d}"
    msh = ["MSH", "^~\\&", h.receiving_application or "BONEMET", h.receiving_facility,
           h.sending_application, h.sending_facility, stamp, "",
           f"ACK^{h.trigger}^ACK" if h.trigger else "ACK", control, h.processing_id, h.version]
    if h.charset:
        msh += [""] * 5 + [h.charset]
    text = escape(problems[0])[:_MSA_TEXT_MAX] if problems else ""
    segments = ["|".join(msh), "|".join(("MSA", code, h.control_id, text)).rstrip("|")]
    if code != "AA":
        for problem in list(problems)[:_ERR_MAX]:
            segments.append("|".join(("ERR", "", _location(problem), _error_code(problem), "E",
                                      "", "", "", escape(problem))))
    return "\r".join(segments) + "\r"
