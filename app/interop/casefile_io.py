"""Reading and writing case files (`bonemet-case/1` JSON) on disk.

Validation is the domain's (:func:`app.domain.casefile.parse_case`); this module only does the
I/O and turns file and JSON-syntax problems into the same one-line ``<field>: <problem>`` shape
(:class:`CaseFileError`), e.g. ``json: invalid JSON at line 3, column 18: Expecting ','
delimiter``.
"""

from __future__ import annotations

import json
from pathlib import Path

from app.domain.case import Case
from app.domain.casefile import CaseFileError, case_to_json, parse_case
from app.domain.limits import MAX_JSON_DEPTH
from app.services.files import write_file_atomic

__all__ = ["CaseFileError", "case_json_text", "load_case_file", "parse_case_text",
           "write_case_file"]

#: A case file is a few kilobytes; far larger ones are refused before they are read.
MAX_BYTES = 16 * 1024 * 1024


def _parse_int(digits: str) -> int:
    """JSON integers: at most 19 digits (Python refuses > 4,300 digits with a ValueError)."""
    if len(digits.lstrip("-")) > 19:
        raise CaseFileError("json", "a number has more than 19 digits")
    return int(digits)


def _parse_constant(name: str) -> float:
    raise CaseFileError("json", f"{name} is not a JSON number")


def parse_case_text(text: str) -> Case:
    """Decode JSON text and validate it as a case (parser limits:
    :mod:`app.domain.limits`)."""
    try:
        obj = json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        raise CaseFileError(
            "json", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise CaseFileError("json", f"nested too deeply (more than {MAX_JSON_DEPTH} levels)"
                            ) from None
    return parse_case(obj)


def load_case_file(path: str | Path) -> Case:
    """Read and validate a case file (UTF-8, a BOM is accepted)."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise CaseFileError("file", f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = p.read_bytes()
    except FileNotFoundError:
        raise CaseFileError("file", f"{p}: no such file") from None
    except IsADirectoryError:
        raise CaseFileError("file", f"{p}: is a folder") from None
    except PermissionError:
        raise CaseFileError("file", f"{p}: permission denied") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CaseFileError("file", f"not UTF-8 text (byte {exc.start})") from None
    return parse_case_text(text)


def case_json_text(case: Case) -> str:
    """The case as pretty-printed JSON (UTF-8 text, Chinese kept readable)."""
    return json.dumps(case_to_json(case), ensure_ascii=False, indent=2) + "\n"


def write_case_file(case: Case, path: str | Path) -> Path:
    """Write the case atomically (:func:`app.services.files.write_file_atomic`: a temporary
    file in the same folder, then a rename; a folder or device target is refused)."""
    return write_file_atomic(path, case_json_text(case).encode("utf-8"))
