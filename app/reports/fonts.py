"""The embedded CJK font for every printout (WenQuanYi Micro Hei, TrueType outlines).

reportlab's built-in CID fonts (``STSong-Light``) are not embedded — a viewer substitutes a
font and a machine without one shows boxes — so every report registers the bundled
``resources/fonts/wqy-microhei.ttc`` with ``TTFont(name, path, subfontIndex=0)`` and uses it
for all text, Latin included (the font covers both). reportlab subsets and embeds it.
Registration is done once per process, under a lock (reports may be built off the GUI thread).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "WQYMicroHei"
FONT_FILE = "wqy-microhei.ttc"
_lock = threading.Lock()


class FontMissingError(RuntimeError):
    """The bundled CJK font file is not where the application expects it."""


def font_path() -> Path:
    """``resources/fonts/wqy-microhei.ttc`` (source checkout, editable install or frozen)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]
    return root / "resources" / "fonts" / FONT_FILE


def ensure_fonts() -> str:
    """Register the CJK font (idempotent) and return its reportlab font name."""
    with _lock:
        if FONT_NAME in pdfmetrics.getRegisteredFontNames():
            return FONT_NAME
        path = font_path()
        if not path.is_file():
            raise FontMissingError(f"font file missing: {path}")
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
        # one face only: bold/italic map to the same embedded font (no base-14 fallback)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        return FONT_NAME
