"""The files BoneMet ships inside its package: the CJK font (with its licence), the compiled
translations, and (beside this package, in ``app/migrations``) the Alembic migrations.

They are found through :mod:`importlib.resources`, so the same code works from a source
checkout, an editable install, an installed wheel and a frozen (PyInstaller) build — which
collects these folders as data under the same package paths (``packaging/bonemet.spec``).
Nothing here opens or reads a file; the callers do.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

CJK_FONT_FILE = "wqy-microhei.ttc"
TRANSLATION_BASENAME = "bonemet"


def _package_dir(package: str) -> Path:
    # a wheel or a frozen build unpacks the package as real files: a plain Path is enough
    return Path(str(files(package)))


def resources_dir() -> Path:
    """This package's folder (``fonts/``, ``i18n/``)."""
    return _package_dir("app.resources")


def cjk_font_path() -> Path:
    """The bundled CJK font (TrueType outlines): Qt's fallback face and the PDFs' embedded font."""
    return resources_dir() / "fonts" / CJK_FONT_FILE


def translations_dir() -> Path:
    """The ``bonemet_<lang>.ts`` sources and their compiled ``.qm`` files."""
    return resources_dir() / "i18n"


def translation_file(language: str) -> Path:
    """The compiled Qt translation for a UI language code such as ``zh_CN``."""
    return translations_dir() / f"{TRANSLATION_BASENAME}_{language}.qm"


def migrations_dir() -> Path:
    """The Alembic script folder (``env.py``, ``versions/``)."""
    return _package_dir("app") / "migrations"
