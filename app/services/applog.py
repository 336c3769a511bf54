"""The application's log file: a rotating file in the per-user log directory, without patient data.

What is logged: start and stop of the app and of a command, and every unexpected error as its
**type and stack frames** (file, line, function) under a short reference that the error
message shown to the user repeats. Exception *messages* are never logged: they can carry a
patient's name, MRN or a value (an SQL error carries its parameters). Third-party loggers that
print record data (``hl7`` logs raw fields, SQLAlchemy logs SQL parameters when echo is on)
are kept out of the file and away from stderr by :func:`setup_logging`.

Where: ``platformdirs.user_log_dir("BoneMet")`` (Linux: ``~/.local/state/BoneMet/log``), or
the folder in ``BONEMET_LOG_DIR``. Files rotate at 1 MiB, five kept.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import secrets
import traceback
from pathlib import Path
from types import TracebackType

import platformdirs

LOG_FILE_NAME = "bonemet.log"
LOGGER_NAME = "bonemet"
_MAX_BYTES = 1024 * 1024
_BACKUPS = 5
# loggers of libraries that may print record data; they never reach our handlers or stderr
_SILENCED = ("hl7", "sqlalchemy.engine", "sqlalchemy.pool", "alembic.runtime.migration")

_handler: logging.Handler | None = None
_handler_path: Path | None = None


def log_dir() -> Path:
    """The folder holding the log files (``BONEMET_LOG_DIR`` wins, for tests and sites)."""
    override = os.environ.get("BONEMET_LOG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_log_dir("BoneMet", appauthor=False))


def log_path() -> Path:
    """The current log file."""
    return log_dir() / LOG_FILE_NAME


class _NoArgsFilter(logging.Filter):
    """Drops the interpolation arguments of records from other packages (they may hold data)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(LOGGER_NAME):
            record.msg = f"{record.name}: {record.levelname} (message withheld)"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return True


def setup_logging() -> logging.Logger:
    """Attach the rotating file handler once per process; silence data-printing libraries.

    Returns the ``bonemet`` logger. When the log folder cannot be created the app runs without
    a file (a read-only home must not stop a clinic); the logger then has no handler.
    """
    global _handler, _handler_path
    logger = logging.getLogger(LOGGER_NAME)
    for name in _SILENCED:
        quiet = logging.getLogger(name)
        quiet.propagate = False
        quiet.handlers[:] = [logging.NullHandler()]
        quiet.setLevel(logging.CRITICAL + 1)
    folder = log_dir()
    if _handler is not None and _handler_path == folder:
        return logger
    close_logging()  # the log folder changed (tests, BONEMET_LOG_DIR): follow it
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILE_NAME, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return logger
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_NoArgsFilter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    _handler, _handler_path = handler, folder
    return logger


def close_logging() -> None:
    """Detach and close the file handler (tests; a process that changes ``BONEMET_LOG_DIR``)."""
    global _handler, _handler_path
    if _handler is not None:
        logging.getLogger(LOGGER_NAME).removeHandler(_handler)
        _handler.close()
    _handler, _handler_path = None, None


def log_event(text: str) -> None:
    """Log a line of the app's own wording (callers pass no patient data)."""
    setup_logging().info(text)


def frames(tb: TracebackType | None) -> str:
    """The stack as ``file:line in function`` lines: code locations only, no values."""
    lines = []
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def log_error(exc: BaseException, where: str) -> str:
    """Log an unexpected error by type and frames under a new reference; return the reference.

    The message of ``exc`` (and of its causes) is left out on purpose; see the module doc.
    """
    reference = secrets.token_hex(4)
    parts = [f"error {reference} in {where}: {type(exc).__name__}", frames(exc.__traceback__)]
    cause = exc.__cause__ or exc.__context__
    depth = 0
    while cause is not None and depth < 5:
        parts.append(f" caused by {type(cause).__name__}")
        parts.append(frames(cause.__traceback__))
        cause = cause.__cause__ or cause.__context__
        depth += 1
    setup_logging().error("\n".join(p for p in parts if p))
    return reference
