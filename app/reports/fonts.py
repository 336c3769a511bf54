"""The embedded CJK font for every printout (WenQuanYi Micro Hei, TrueType outlines).

reportlab's built-in CID fonts (``STSong-Light``) are not embedded — a viewer substitutes a
font and a machine without one shows boxes — so every report registers the bundled
``app/resources/fonts/wqy-microhei.ttc`` with ``TTFont(name, path, subfontIndex=0)`` and uses it
for all text, Latin included (the font covers both). reportlab subsets and embeds it.
Registration is done once per process, under a lock (reports may be built off the GUI thread),
from a per-user cache of the parsed metrics when one is usable (:mod:`app.reports.font_cache`).
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from app.reports.font_cache import load_font
from app.resources import CJK_FONT_FILE, cjk_font_path

FONT_NAME = "WQYMicroHei"
FONT_FILE = CJK_FONT_FILE
_lock = threading.Lock()


class FontMissingError(RuntimeError):
    """The bundled CJK font file is not where the application expects it."""


def font_path() -> Path:
    """The bundled ``wqy-microhei.ttc`` (:mod:`app.resources`: checkout, wheel or frozen)."""
    return cjk_font_path()


def ensure_fonts() -> str:
    """Register the CJK font (idempotent) and return its reportlab font name."""
    with _lock:
        if FONT_NAME in pdfmetrics.getRegisteredFontNames():
            return FONT_NAME
        path = font_path()
        if not path.is_file():
            raise FontMissingError(f"font file missing: {path}")
        pdfmetrics.registerFont(load_font(FONT_NAME, path))  # parsed metrics cached per user
        # one face only: bold/italic map to the same embedded font (no base-14 fallback)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        return FONT_NAME
