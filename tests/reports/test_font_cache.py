"""The per-user cache of the embedded font's parsed metrics: a font rebuilt from it is the font
reportlab parses (same metrics, same object shape), and any cache problem falls back to the
parse."""

from __future__ import annotations

import os

from reportlab.pdfbase.ttfonts import TTFont

from app.reports.font_cache import cache_file, load_font
from app.reports.fonts import font_path


def _face(font: TTFont) -> dict:
    return {k: v for k, v in font.face.__dict__.items() if k != "_pdfScale"}


def test_a_cached_font_is_the_parsed_font():
    path = font_path()
    parsed = TTFont("ParsedFont", str(path), subfontIndex=0)
    first = load_font("CachedFont", path)  # parses and writes the cache
    assert cache_file(path).is_file()
    second = load_font("CachedFont", path)  # rebuilt from the cache
    assert _face(second) == _face(parsed) == _face(first)
    assert sorted(second.__dict__) == sorted(parsed.__dict__)
    assert second.face._pdfScale(2048) == parsed.face._pdfScale(2048)
    assert second.stringWidth("骨转移 Bone 120", 10) == parsed.stringWidth("骨转移 Bone 120", 10)
    assert second.face.name == parsed.face.name and second.face.name.ustr == (
        parsed.face.name.ustr)


def test_a_damaged_cache_falls_back_to_the_parse():
    path = font_path()
    load_font("CachedFont", path)
    cache_file(path).write_bytes(b"not a cache")
    font = load_font("CachedFont", path)
    assert font.face.numGlyphs > 40_000
    assert len(cache_file(path).read_bytes()) > 100_000  # rewritten


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    font = load_font("CachedFont", font_path())
    assert font.face.numGlyphs > 40_000
    assert not os.path.isdir(blocked)
