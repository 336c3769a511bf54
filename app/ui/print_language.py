"""Texts of printed figures in the printout's language, whatever the UI language.

The MDT pack is printed in its own language (``--lang``, or the pack-language menu), but the
trend plot's texts are Qt translations looked up through the installed translators (the UI
language). Inside :func:`printing_language` the module-level :func:`translate` that the trend
plot and the labels use answers from the printout's catalogue instead (the same
``app/resources/i18n`` ``.qm`` file); outside it, it is ``QCoreApplication.translate``. Used on the
GUI thread only (figures are drawn there), for the length of one render.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from PySide6.QtCore import QCoreApplication, QTranslator

from app.resources import TRANSLATION_BASENAME, translations_dir

_override: list[QTranslator] = []  # the translator of the printout being drawn (0 or 1)
PRINT_LANGUAGES = {"en": "en", "zh": "zh_CN", "zh_CN": "zh_CN"}


@cache
def _translator(language: str) -> QTranslator:
    t = QTranslator()
    if language != "en" and not t.load(f"{TRANSLATION_BASENAME}_{language}",
                                       str(translations_dir())):
        raise RuntimeError(f"no translations for {language}")  # a packaging fault
    return t  # an empty translator answers "" for everything: the English source text


@contextmanager
def printing_language(lang: str) -> Iterator[None]:
    """Within this block, :func:`translate` answers in ``lang`` (``en``, ``zh``/``zh_CN``)."""
    if lang not in PRINT_LANGUAGES:
        raise ValueError(f"lang: {lang!r} is not a printout language (en, zh)")
    _override.append(_translator(PRINT_LANGUAGES[lang]))
    try:
        yield
    finally:
        _override.pop()


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``, or the printout's translation inside
    :func:`printing_language` (the source text when the catalogue has none)."""
    if not _override:
        return QCoreApplication.translate(context, text, disambiguation, n)
    return _override[-1].translate(context, text, disambiguation, n) or text
