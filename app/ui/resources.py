"""Where the UI's bundled files live: fonts, compiled translations.

The files sit under the project's ``resources/`` folder (next to ``app/``); a frozen
(PyInstaller) build lays them out the same way under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from pathlib import Path

CJK_FONT_FILE = "wqy-microhei.ttc"
TRANSLATION_BASENAME = "bonemet"


def resources_dir() -> Path:
    """The ``resources/`` directory (source checkout, editable install or frozen build)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def cjk_font_path() -> Path:
    """The bundled CJK font (TrueType outlines; also embedded in the PDF printouts)."""
    return resources_dir() / "fonts" / CJK_FONT_FILE


def translations_dir() -> Path:
    """Directory holding ``bonemet_<lang>.ts`` sources and their compiled ``.qm`` files."""
    return resources_dir() / "i18n"


def translation_file(language: str) -> Path:
    """The compiled Qt translation for a UI language code such as ``zh_CN``."""
    return translations_dir() / f"{TRANSLATION_BASENAME}_{language}.qm"
