"""The site's rule-parameter file (rule book §9): where it lives, loading it, saving it.

The file is the same JSON object ``bonemet assess --params FILE.json`` reads: §9 parameter
names to values of the same type, validated by :func:`app.domain.params.params_from_mapping`
(an unknown name or a wrong type is an error naming the parameter). The desktop app reads it
at start-up from ``--params FILE`` or, by default, ``<user config dir>/BoneMet/parameters.json``
(:func:`default_params_path`); a missing default file means the rule book's defaults. A file
that exists but cannot be used is an error, never a silent fall-back to the defaults: the
rules must not run on values the site did not choose.

:func:`save_site_params` writes only the values that differ from the defaults, atomically
(a temporary file in the same folder, flushed, then renamed over the old one), so a crash
mid-write leaves the previous file intact.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

from app.domain.params import DEFAULTS, Params, ParamsError, params_from_mapping
from app.services.files import write_file_atomic

APP_DIR_NAME = "BoneMet"
PARAMS_FILE_NAME = "parameters.json"
LAB_FEED_FILE_NAME = "lab-feed.json"
MAX_PARAMS_BYTES = 1024 * 1024


class SiteParamsError(ValueError):
    """The parameter file cannot be read, parsed or used. ``problem`` names the parameter
    (``lsc_ctx: must not be negative, got -0.3``) or the file-level problem."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class SiteParams:
    """The parameters in force and the file they come from (or would be saved to)."""

    params: Params
    path: Path
    from_file: bool  # False: no file at the default location, the rule book's defaults


def default_params_path() -> Path:
    """``<user config dir>/BoneMet/parameters.json`` (per-OS conventions via platformdirs)."""
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)) / PARAMS_FILE_NAME


def default_lab_feed_path() -> Path:
    """``<user config dir>/BoneMet/lab-feed.json``: the site's lab code map, patient-ID fields
    and accepted assigning authorities (:mod:`app.interop.lab_feed_config`), used by
    ``bonemet import-labs`` when it exists."""
    return default_params_path().with_name(LAB_FEED_FILE_NAME)


def read_site_json(path: Path) -> object:
    """The JSON content of a site file; :class:`SiteParamsError` when it cannot be read or
    parsed (names the problem: missing, a folder, too large, not UTF-8, invalid JSON)."""
    try:
        data = read_json_file(path, MAX_PARAMS_BYTES)
    except FileNotFoundError:
        raise SiteParamsError(path, "no such file") from None
    except JsonFileError as exc:
        raise SiteParamsError(path, exc.problem) from None
    return data


def read_params_file(path: Path) -> Params:
    """Read and validate one parameter file; :class:`SiteParamsError` when it is unusable."""
    data = read_site_json(path)
    try:
        return params_from_mapping(data)
    except ParamsError as exc:
        raise SiteParamsError(path, _with_suggestion(str(exc))) from None


class JsonFileError(ValueError):
    """A small JSON settings file cannot be read or parsed; ``problem`` says why."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def read_json_file(path: Path, max_bytes: int) -> object:
    """The parsed content of a small UTF-8 JSON file (a BOM is accepted).
    ``FileNotFoundError`` when it does not exist, :class:`JsonFileError` when it is unusable."""
    try:
        if path.stat().st_size > max_bytes:
            raise JsonFileError(f"file too large (more than {_size(max_bytes)})")
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise JsonFileError("is a folder, not a file") from None
    except PermissionError:
        raise JsonFileError("permission denied") from None
    except UnicodeDecodeError:
        raise JsonFileError("not UTF-8 text") from None
    except OSError as exc:
        raise JsonFileError(f"cannot read ({exc.strerror or 'I/O error'})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonFileError(
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _with_suggestion(problem: str) -> str:
    """``ctx_uln: unknown parameter`` → ``…; did you mean ctx_uln_ng_ml?`` (a typo is the
    usual cause)."""
    name, sep, rest = problem.partition(": ")
    if not sep or rest != "unknown parameter":
        return problem
    close = difflib.get_close_matches(name, [f.name for f in fields(Params)], n=1, cutoff=0.6)
    return f"{problem}; did you mean {close[0]}?" if close else problem


def load_site_params(path: str | Path | None = None) -> SiteParams:
    """The parameters for the app: from ``path`` if given (it must exist), else from the
    default file if it exists, else the defaults. Raises :class:`SiteParamsError`."""
    if path is not None:
        p = Path(path).expanduser().absolute()  # shown in messages; saved to by Settings
        return SiteParams(read_params_file(p), p, True)
    p = default_params_path()
    if not p.exists():
        return SiteParams(DEFAULTS, p, False)
    return SiteParams(read_params_file(p), p, True)


def params_json(params: Params) -> str:
    """The file content for ``params``: only the non-default values, sorted, indented."""
    return json.dumps(params.non_defaults(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, creating the folder: the one atomic
    writer, :func:`app.services.files.write_file_atomic`. Raises ``OSError``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_file_atomic(path, text.encode("utf-8"))


def save_site_params(params: Params, path: Path) -> None:
    """Write ``params`` (non-default values only) to ``path`` atomically; creates the folder.

    Raises :class:`SiteParamsError` when the file cannot be written (the old one is kept).
    """
    try:
        atomic_write_text(path, params_json(params))
    except OSError as exc:
        raise SiteParamsError(path, f"cannot write ({exc.strerror or 'I/O error'})") from None


def write_text_atomic(path: Path, text: str) -> None:
    """:func:`atomic_write_text` for a site file: :class:`SiteParamsError` naming the file
    when it cannot be written (the old file is kept)."""
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise SiteParamsError(path, f"cannot write ({exc.strerror or 'I/O error'})") from None
