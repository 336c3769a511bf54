"""Search keys for patient names: full pinyin and initials, so that 张小燕 is found by typing
``zhangxiaoyan``, ``zhangx`` or ``zxy``.

- Chinese characters become toneless pinyin (pypinyin, phrase-aware for given names); a leading
  surname uses its *surname* reading (单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou, 查 zha, 朴 piao …),
  including compound surnames (欧阳, 司马, 尉迟, 万俟 …).
- Latin text (Western or romanised names, mixed names like ``李Anna``) is lower-cased, accents
  removed, split into words on spaces/punctuation.
- Full key = all syllables/words joined without spaces; initials = first letter of each.

pypinyin (and its phrase dictionary, slow to import) is imported on the first Chinese name
converted, not with this module: searching only needs :func:`normalise_query`.
"""

from __future__ import annotations

import re
import unicodedata

# Surname readings that differ from the most common reading of the character.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",),
    "查": ("zha",), "朴": ("piao",), "盖": ("ge",), "乐": ("yue",), "缪": ("miao",),
    "覃": ("qin",), "翟": ("zhai",), "尉": ("wei",), "秘": ("bi",), "繁": ("po",),
    "种": ("chong",), "员": ("yun",), "华": ("hua",), "任": ("ren",), "冼": ("xian",),
    "折": ("she",), "厍": ("she",), "召": ("shao",), "柏": ("bai",), "牟": ("mou",),
    "长孙": ("zhang", "sun"), "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"),
    "单于": ("chan", "yu"), "欧阳": ("ou", "yang"), "司马": ("si", "ma"),
    "诸葛": ("zhu", "ge"), "上官": ("shang", "guan"), "令狐": ("ling", "hu"),
    "皇甫": ("huang", "fu"), "东方": ("dong", "fang"), "慕容": ("mu", "rong"),
    "司徒": ("si", "tu"), "公孙": ("gong", "sun"), "夏侯": ("xia", "hou"),
    "宇文": ("yu", "wen"), "澹台": ("tan", "tai"), "公冶": ("gong", "ye"),
}

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_HAN}]+|[^\W_{_HAN}]+")
_HAN_RUN = re.compile(rf"[{_HAN}]+")


def _fold_latin(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _han_syllables(run: str, leading: bool) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # lazily: see the module docstring

    syllables = lazy_pinyin(run, style=Style.NORMAL, errors="ignore", v_to_u=False)
    if leading:
        for surname in (run[:2], run[:1]):
            reading = SURNAME_READINGS.get(surname)
            if reading and len(syllables) >= len(reading):
                syllables[: len(reading)] = list(reading)
                break
    return [s.lower() for s in syllables if s]


def name_tokens(name: str | None) -> list[str]:
    """The name as lower-case syllables/words (Han characters as pinyin)."""
    if not name:
        return []
    tokens: list[str] = []
    for i, m in enumerate(_TOKEN.finditer(unicodedata.normalize("NFKC", name))):
        text = m.group(0)
        if _HAN_RUN.fullmatch(text):
            tokens.extend(_han_syllables(text, leading=(i == 0)))
        else:
            folded = _fold_latin(text)
            if folded:
                tokens.append(folded)
    return tokens


def name_search_keys(name: str | None) -> tuple[str, str]:
    """(full key, initials): 张小燕 → ("zhangxiaoyan", "zxy"); "John Smith" → ("johnsmith", "js").
    An empty or missing name gives ("", "")."""
    tokens = name_tokens(name)
    return "".join(tokens), "".join(t[0] for t in tokens)


def normalise_query(text: str) -> str:
    """A typed search text folded like the keys (no spaces, lower case, accents removed)."""
    return "".join(_fold_latin(t) for t in re.split(r"[\s\-'.,·]+", text.strip()))
