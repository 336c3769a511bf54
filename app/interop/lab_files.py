"""Read a lab-result file (HL7 v2 ORU^R01 or CSV) and import it: decoding, format choice, and
the one entry point the CLI and the GUI call (:func:`import_lab_file`).

**Encoding.** With ``encoding`` given, the file must decode with it. Otherwise an HL7 file's
declared character set (MSH-18 of its first message: UTF-8, GB2312/GBK/GB18030, 8859/1 …)
is used — a declared charset the bytes do not fit, or one not known, makes the file unreadable
(never a silent guess). Without either, the file is read as UTF-8 (a BOM is accepted) and, if
it is not valid UTF-8, as GB18030 — the superset of GBK that Chinese laboratory systems
commonly send; :attr:`ParsedFile.encoding` says which was used.

**Format.** ``fmt`` ``"hl7"`` or ``"csv"``; without it, a ``.csv`` file name means CSV, and
otherwise the content decides (an HL7 file starts with ``MSH``/``FHS``/``BHS`` or an MLLP
start byte; a CSV file with its header).

A file that cannot be read as a whole (missing, too large, wrong encoding, not HL7, CSV header
wrong) raises :class:`LabFileError` — the CLI's exit code 2. Problems inside a message or row
only reject that message or row.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.data.engine import Database
from app.domain.params import DEFAULTS, Params
from app.interop.lab_feed_config import LabFeedSettings
from app.services.lab_import import ImportReport, ImportUnit, apply_lab_import

__all__ = ["FORMATS", "LabFileError", "ParsedFile", "decode", "detect_format",
           "import_lab_file", "parse_lab_file"]

FORMATS = ("hl7", "csv")
MAX_BYTES = 50 * 1024 * 1024
FALLBACK = "gb18030"


class LabFileError(ValueError):
    """The file as a whole cannot be read; ``str()`` = ``<field>: <problem>``."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass
class ParsedFile:
    """A file turned into import units (one per HL7 message / CSV row)."""

    format: str
    encoding: str  # the codec used, e.g. "utf-8", "gb18030 (GBK)"
    units: list[ImportUnit] = field(default_factory=list)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, description of the encoding used); see the module docstring."""
    if encoding:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise LabFileError("--encoding", f"unknown encoding {encoding[:20]!r}") from None
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            raise LabFileError("file", f"not valid {name} text (byte {exc.start}); "
                               "check --encoding") from None
        return text.removeprefix("\ufeff"), name
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(FALLBACK), f"{FALLBACK} (GBK; the file is not valid UTF-8)"
    except UnicodeDecodeError as exc:
        raise LabFileError("file", f"neither UTF-8 nor GBK/GB18030 text (byte {exc.start}); "
                           "give --encoding") from None


def declared_charset(data: bytes) -> str | None:
    """MSH-18 of the first message of HL7 bytes ('' when absent; None: not HL7-looking)."""
    at = data.find(b"MSH")
    if at < 0 or len(data) < at + 4:
        return None
    sep = data[at + 3:at + 4]
    line = re.split(rb"[\r\n\x1c]", data[at:], maxsplit=1)[0]
    fields = line.split(sep)
    raw = fields[17] if len(fields) > 17 else b""
    rep = fields[1][1:2] if len(fields) > 1 and len(fields[1]) > 1 else b"~"
    return raw.split(rep)[0].decode("ascii", "replace").strip()


def _decode_declared(data: bytes, charset: str) -> tuple[str, str]:
    from app.interop.hl7_fields import codec_for_charset

    codec = codec_for_charset(charset)
    if codec is None:
        raise LabFileError("MSH-18", f"unknown character set {charset[:20]!r}; give --encoding")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise LabFileError("file", f"not valid {charset[:20]} text as MSH-18 declares (byte "
                           f"{exc.start}); give --encoding") from None
    return text.removeprefix("\ufeff"), f"{codec} (MSH-18 {charset[:20]})"


def detect_format(name: str, text: str) -> str:
    """``hl7`` or ``csv`` from the file name and its first characters."""
    if name.lower().endswith(".csv"):
        return "csv"
    head = text.lstrip("\ufeff \t\r\n\x0b")[:3].upper()
    if head in ("MSH", "FHS", "BHS"):
        return "hl7"
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    if first.startswith("mrn,") or ",mrn," in first:
        return "csv"
    raise LabFileError("--format", "cannot tell whether the file is HL7 or CSV; give --format")


def read_bytes(path: str | Path) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise LabFileError("FILE", "is a folder, not a file")
        if p.stat().st_size > MAX_BYTES:
            raise LabFileError("FILE", f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return p.read_bytes()
    except FileNotFoundError:
        raise LabFileError("FILE", "no such file") from None
    except OSError as exc:
        raise LabFileError("FILE", f"cannot be read ({exc.strerror or 'I/O error'})") from None


def parse_lab_file(data: bytes, name: str, *, fmt: str | None = None,
                   encoding: str | None = None, today: date | None = None,
                   settings: LabFeedSettings | None = None) -> ParsedFile:
    """Decode and parse a file's bytes (``name`` = its file name, for the CSV source and the
    format guess). Raises :class:`LabFileError` for a file that cannot be read as a whole."""
    if fmt is not None and fmt not in FORMATS:
        raise LabFileError("--format", f"must be one of {', '.join(FORMATS)}")
    charset = None if encoding or fmt == "csv" or name.lower().endswith(".csv") \
        else declared_charset(data)
    if charset:
        text, used = _decode_declared(data, charset)
    else:
        text, used = decode(data, encoding)
    if not text.strip():
        raise LabFileError("file", "is empty")
    fmt = fmt or detect_format(name, text)
    day = today or date.today()
    if fmt == "hl7":
        from app.interop.hl7_labs import parse_hl7_text

        units = parse_hl7_text(text, today=day, settings=settings)
    else:
        from app.interop.csv_labs import parse_csv_text

        units = parse_csv_text(text, Path(name).name, today=day)
    return ParsedFile(fmt, used, units)


def import_lab_file(db: Database, path: str | Path, actor: str, *, fmt: str | None = None,
                    encoding: str | None = None, dry_run: bool = False,
                    params: Params = DEFAULTS, today: Callable[[], date] = date.today,
                    progress: Callable[[int, int], None] | None = None,
                    settings: LabFeedSettings | None = None,
                    cancel: Callable[[], bool] | None = None,
                    ) -> tuple[ParsedFile, ImportReport]:
    """Read, parse and import a lab file (one transaction per message / row). ``settings``:
    the site's lab-feed settings (code map, patient-ID fields, accepted authorities)."""
    conf = settings or LabFeedSettings()
    parsed = parse_lab_file(read_bytes(path), str(path), fmt=fmt, encoding=encoding,
                            today=today(), settings=conf)
    report = apply_lab_import(db, parsed.units, actor, dry_run=dry_run, params=params,
                              today=today, progress=progress,
                              accepted_authorities=conf.accepted_authorities, cancel=cancel)
    return parsed, report
