"""``--out FILE``: the command line's side of :mod:`app.services.files` (one checked, atomic
write for every command that writes a file: ``careplan``, ``mdt-pack``).

:func:`check_out` is called before any work (a refused target costs nothing): a folder, a
device or special file, a symbolic link to one of those or a missing folder exits 2 with one
line ``--out: <problem>``. :func:`write_out` writes through a temporary file beside the target
and a rename; a failure while writing exits 1 and leaves any previous file untouched.
"""

from __future__ import annotations

from pathlib import Path

from app.cli.assess_cmd import InputError
from app.services.files import OutputPathError, check_output_path, write_file_atomic

FLAG = "--out"


def check_out(path: str) -> Path:
    """The ``--out`` target, refused (exit 2) when it cannot be a regular file."""
    try:
        return check_output_path(path)
    except OutputPathError as exc:
        raise InputError(f"{FLAG}: {exc.problem}") from None


def write_out(out: Path | str, data: bytes) -> Path:
    """Write ``data`` to ``out`` atomically (exit 2 for a refused target, 1 for a failed write)."""
    try:
        return write_file_atomic(out, data)
    except OutputPathError as exc:
        raise InputError(f"{FLAG}: {exc.problem}", 1 if exc.runtime else 2) from None
