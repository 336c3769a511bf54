"""``bonemet db upgrade|current``, ``bonemet backup`` and ``bonemet restore``: schema, backup and
restore administration (restore: :mod:`app.services.restore`; a refused backup is exit 2, a
registry in use exit 1, and nothing is changed either way).

``--db`` takes an SQLite file path or a database URL (default: the user data directory's
``registry.sqlite``); it may be given before or after the command.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from app.data.engine import Database, DatabaseTargetError, open_database
from app.data.migrate import (
    SchemaError,
    SchemaTooNewError,
    check_known,
    current_revision,
    ensure_schema,
    head_revision,
)
from app.data.sqlite_copy import CopyCheckError
from app.domain.progress import BuildCancelled
from app.services.backup import BackupNotSupported, backup_database


class CliError(Exception):
    """A message for stderr and an exit code (2 = bad input, 1 = failure)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: `bonemet --db X cmd` (top-level flag) keeps working when not repeated here.
    parser.add_argument("--db", default=argparse.SUPPRESS,
                        help="SQLite file path or database URL (default: user data dir)")


def open_for_cli(target: str | None, *, must_exist: bool) -> Database:
    """Open --db; refuse a missing SQLite file when the command only reads."""
    if must_exist and target is not None and "://" not in target and not Path(target).exists():
        raise CliError("--db: no such database file")
    try:
        return open_database(target)
    except DatabaseTargetError as exc:
        raise CliError(str(exc)) from None


def ready_database(target: str | None, *, must_exist: bool = False) -> Database:
    """Open --db and bring its schema to head (backup first when upgrading)."""
    db = open_for_cli(target, must_exist=must_exist)
    try:
        status = ensure_schema(db)
    except (SchemaTooNewError, SchemaError) as exc:
        db.dispose()
        raise CliError(str(exc), 1) from None
    if status.action == "upgraded":
        print(f"database upgraded {status.before} -> {status.after}; "
              f"copy of the old file: {status.backup}", file=sys.stderr)
    return db


def report(func):
    """Run a command, turning CliError into a one-line message and its exit code. A database
    error is reported by its kind only: the driver's text can hold SQL parameters (patient
    data)."""
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return func(args) or 0
        except CliError as exc:
            print(f"bonemet: {exc}", file=sys.stderr)
            return exc.code
        except SQLAlchemyError as exc:
            kind = type(getattr(exc, "orig", None) or exc).__name__
            print(f"bonemet: database error ({kind}): cannot use this database; "
                  "nothing was changed", file=sys.stderr)
            return 1
        except BrokenPipeError:  # `bonemet … | head`: handled by the entry point
            raise
        except OSError as exc:
            print(f"bonemet: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
            return 1
    return wrapper


@report
def run_upgrade(args: argparse.Namespace) -> int:
    db = open_for_cli(args.db, must_exist=False)
    try:
        before = check_known(db)
        status = ensure_schema(db)
    except (SchemaTooNewError, SchemaError) as exc:
        raise CliError(str(exc), 1) from None
    finally:
        db.dispose()
    if status.action == "current":
        print(f"already at the newest schema ({status.after})")
    elif status.action == "created":
        print(f"created the registry schema ({status.after})")
    else:
        print(f"upgraded {before} -> {status.after}; copy of the old file: {status.backup}")
    return 0


@report
def run_current(args: argparse.Namespace) -> int:
    db = open_for_cli(args.db, must_exist=True)
    try:
        current = current_revision(db)
        head = head_revision()
        try:
            check_known(db)
            state = "up to date" if current == head else (
                "empty (no schema)" if current is None else "behind: run `bonemet db upgrade`")
        except SchemaTooNewError:
            state = "NEWER than this build: update BoneMet"
        print(f"database: {db.describe()}")
        print(f"revision: {current or '-'} (newest known: {head}) {state}")
    finally:
        db.dispose()
    return 0


@report
def run_backup(args: argparse.Namespace) -> int:
    db = open_for_cli(args.db, must_exist=True)
    try:
        path = backup_database(db, args.out)
    except (BackupNotSupported, FileExistsError) as exc:
        raise CliError(str(exc)) from None
    except CopyCheckError as exc:
        raise CliError(f"backup: {exc}; no backup was kept", 1) from None
    except sqlite3.Error as exc:
        raise CliError(f"backup: the registry cannot be read ({type(exc).__name__}); "
                       "no backup was kept", 1) from None
    finally:
        db.dispose()
    print(path)
    return 0


@report
def run_restore(args: argparse.Namespace) -> int:
    from app.services.restore import RegistryInUse, RestoreRefused, restore_database

    db = open_for_cli(args.db, must_exist=False)
    try:
        result = restore_database(db, args.backup)
    except RestoreRefused as exc:
        raise CliError(str(exc)) from None
    except RegistryInUse as exc:
        raise CliError(str(exc), 1) from None
    except BuildCancelled:  # pragma: no cover - the command line never cancels
        raise CliError("restore cancelled; nothing was changed", 1) from None
    except (CopyCheckError, sqlite3.Error) as exc:
        raise CliError(f"restore failed ({type(exc).__name__}); the registry was not "
                       "replaced", 1) from None
    finally:
        db.dispose()
    patients = result.counts.get("patient", 0)
    print(f"restored {patients} patients (schema {result.revision}) into {db.sqlite_path}")
    if result.safety_copy is not None:
        kind = ("the previous registry could not be read and was moved aside unchanged to"
                if result.moved_aside else "safety copy of the previous registry:")
        print(f"{kind} {result.safety_copy}")
    return 0


def add_parser(subparsers) -> None:
    db = subparsers.add_parser("db", help="database schema: upgrade, current")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = dbsub.add_parser("upgrade", help="create or upgrade the schema (copy taken first)")
    add_db_argument(up)
    up.set_defaults(func=run_upgrade)
    cur = dbsub.add_parser("current", help="show the schema revision")
    add_db_argument(cur)
    cur.set_defaults(func=run_current)

    bk = subparsers.add_parser("backup", help="copy the SQLite registry to a timestamped file")
    add_db_argument(bk)
    bk.add_argument("--out", help="folder for the copy (default: <db folder>/backups)")
    bk.set_defaults(func=run_backup)

    rs = subparsers.add_parser(
        "restore", help="replace the SQLite registry by a verified backup (safety copy first)")
    rs.add_argument("backup", metavar="BACKUP", help="the backup file (.sqlite)")
    add_db_argument(rs)
    rs.set_defaults(func=run_restore)
