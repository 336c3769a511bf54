"""A per-user cache of the embedded font's parsed metrics (faster first printout).

reportlab parses the whole 5 MB WenQuanYi TTC (about 50,000 glyph metrics and the character
map) every time a process registers it: ~0.2 s on an idle machine, over 0.5 s under load — a
third of a ``bonemet careplan`` run. :func:`load_font` keeps what the parse produced (the
face's attributes: plain numbers, strings, lists and dicts) in ``<user cache dir>/BoneMet/
fonts/`` as a :mod:`marshal` file, keyed by the font file (path, size, modification time), the
reportlab version and the Python version, and rebuilds the font object from it next time.

A cache is only ever an optimisation: any problem (missing, unreadable, stale, written by
another version, an attribute set that differs from what reportlab builds) falls back to the
normal parse, and a cache that cannot be written is simply not written.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

CACHE_FORMAT = 1
_NOT_CACHED = ("_ttf_data", "_pdfScale")  # the file's bytes (read again) and a lambda


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("BoneMet", appauthor=False)) / "fonts"


def cache_file(path: Path) -> Path:
    st = path.stat()
    key = "|".join(map(str, (path.resolve(), st.st_size, st.st_mtime_ns, reportlab.Version,
                             sys.version_info[:2], CACHE_FORMAT)))
    return cache_dir() / f"{path.name}.{hashlib.sha256(key.encode()).hexdigest()[:20]}.marshal"


def _font_state(font: TTFont) -> dict[str, Any]:
    face = font.face.__dict__
    names = [k for k, v in face.items() if isinstance(v, TTFNameBytes)]
    return {
        "face": {k: (bytes(v) if k in names else v) for k, v in face.items()
                 if k not in _NOT_CACHED},
        "name_bytes": {k: face[k].ustr for k in names},
        "font_keys": sorted(font.__dict__),
        "face_keys": sorted(face),
        "units_per_em": font.face.unitsPerEm,
    }


def _scale(units_per_em: int):
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _rebuild(name: str, path: Path, state: dict[str, Any]) -> TTFont | None:
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    face.__dict__.update(state["face"])
    for k, ustr in state["name_bytes"].items():
        face.__dict__[k] = TTFNameBytes(ustr.encode("utf8"))
    face._ttf_data = path.read_bytes()
    face._pdfScale = _scale(state["units_per_em"])
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    globs = getattr(ttfonts, "unShapedFontGlob", ())
    from fnmatch import fnmatch

    font.shapable = not any(fnmatch(name, g) for g in globs)
    if sorted(font.__dict__) != state["font_keys"] or sorted(face.__dict__) != state[
            "face_keys"]:
        return None  # reportlab builds its objects differently: do not guess
    return font


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".font-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, target)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_font(name: str, path: Path) -> TTFont:
    """``TTFont(name, path, subfontIndex=0)``, from the metrics cache when it is usable."""
    try:
        target = cache_file(path)
        state = marshal.loads(target.read_bytes())
        font = _rebuild(name, path, state)
        if font is not None:
            return font
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
        pass
    font = TTFont(name, str(path), subfontIndex=0)
    try:
        _write(cache_file(path), marshal.dumps(_font_state(font)))
    except (OSError, ValueError):
        pass  # not cachable here (read-only cache, unexpected types): parse next time too
    return font
