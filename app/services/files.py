"""Writing an output file safely — the one place for it (command line ``--out``, the app's
"Save as PDF…", case files).

- :func:`check_output_path` refuses a target that is not (or would not be) a regular file: a
  folder, a device or other special file (``/dev/null``, a FIFO, a socket), a symbolic link to
  one of those, a broken symbolic link, or a path whose folder does not exist. A symbolic link
  to a regular file is followed: the file it points to is replaced, the link stays.
- :func:`write_file_atomic` writes to a temporary file in the same folder, flushes it to disk,
  then renames it over the target: a reader (or a crash, or a full disk) sees the old file or
  the new one, never half of one. The temporary file is removed on any failure. An existing
  target keeps its permission bits; a new one gets the usual ones (umask).

Both raise :class:`OutputPathError` whose ``problem`` is one line without the path or any
patient data (the caller prefixes the field, e.g. ``--out: is a folder``).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["OutputPathError", "check_output_path", "write_file_atomic"]


class OutputPathError(OSError):
    """The output file cannot be (or could not be) written; ``problem`` says why.

    ``runtime`` is true for a failure while writing (disk full, permission), false for a target
    refused before anything was written (a folder, a device…).
    """

    def __init__(self, problem: str, *, runtime: bool = False) -> None:
        super().__init__(problem)
        self.problem = problem
        self.runtime = runtime

    def __str__(self) -> str:
        return self.problem


def _kind(mode: int) -> str | None:
    """What a file of this mode is when it is no output target (``None``: a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file (pipe or socket)"


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """The file to write for ``path`` (the link's target when ``path`` is a symbolic link to
    a regular file); raises :class:`OutputPathError` when it cannot be a regular file."""
    given = Path(path)
    if str(path) == "" or given.name in ("", ".", ".."):
        raise OutputPathError("give a file name")
    try:
        link = given.lstat()
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise OutputPathError(f"cannot use this path ({_reason(exc)})") from None
    if link is not None and stat.S_ISLNK(link.st_mode):
        try:
            target = given.stat()
        except FileNotFoundError:
            raise OutputPathError("is a broken symbolic link") from None
        except OSError as exc:
            raise OutputPathError(f"cannot use this path ({_reason(exc)})") from None
        kind = _kind(target.st_mode)
        if kind is not None:
            raise OutputPathError(f"is a symbolic link to {kind}; give a regular file name")
        return given.resolve()
    if link is not None:
        kind = _kind(link.st_mode)
        if kind is not None:
            raise OutputPathError(f"is {kind}; give a regular file name")
        return given
    parent = given.parent
    if not parent.is_dir():
        raise OutputPathError("the folder does not exist")
    return given


def _reason(exc: OSError) -> str:
    return exc.strerror or errno.errorcode.get(exc.errno or 0, type(exc).__name__)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_file_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (checked by :func:`check_output_path` first);
    returns the file written."""
    target = check_output_path(path)
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    except OSError as exc:
        raise OutputPathError(f"cannot write ({_reason(exc)})", runtime=True) from None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                        dir=folder)
    except OSError as exc:
        raise OutputPathError(f"cannot write ({_reason(exc)})", runtime=True) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputPathError(f"cannot write ({_reason(exc)})", runtime=True) from None
        raise
    _fsync_dir(folder)
    return target
