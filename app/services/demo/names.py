"""Synthetic names, languages and phone numbers for the demo registry.

About 70% of demo patients get a Chinese name (a common surname plus a one- or two-character
given name), the rest a Western name. Characters with more than one common reading (曾, 单,
乐, 长 …) are left out so that pinyin search keys are unambiguous. Phone numbers are random
digits in a mobile-number shape (Chinese ``1xx xxxx xxxx``) or in ranges reserved for fiction
(UK ``07700 900xxx``, North American ``555-01xx``): never a real subscriber on purpose.
"""

from __future__ import annotations

import random

CHINESE_SHARE = 0.70

# Common surnames, most frequent first (weights fall off with rank).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严武戴莫孔汤"
)
_SURNAME_WEIGHTS = tuple(1.0 / (1 + i * 0.15) for i in range(len(SURNAMES)))

GIVEN_MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁林建国志文海东成荣德庆祥福"
GIVEN_FEMALE = "芳娜敏静丽艳娟霞燕玲桂英秀兰萍红梅莉琳慧婷雪玉凤洁琴云颖佳丹淑珍晓春"
GIVEN_ANY = "小永金玉秋家子新立雨思安"

WESTERN_MALE = (
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Thomas", "Peter",
    "George", "Daniel", "Paul", "Mark", "Andrew", "Henry", "Frank", "Hans", "Pierre", "Marco",
)
WESTERN_FEMALE = (
    "Mary", "Patricia", "Linda", "Barbara", "Elizabeth", "Susan", "Margaret", "Anna", "Helen",
    "Ruth", "Sarah", "Karen", "Nancy", "Carol", "Maria", "Julia", "Claire", "Ingrid", "Sophie",
)
WESTERN_SURNAMES = (
    "Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Anderson", "Taylor", "Thomas",
    "Moore", "Martin", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott",
    "Green", "Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips",
    "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Murphy", "Cook", "Morgan",
    "Bell", "Fischer", "Weber", "Dubois", "Rossi", "Jensen", "Novak", "Kowalski", "Silva",
)


def chinese_name(rng: random.Random, sex: str) -> str:
    surname = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    pool = GIVEN_FEMALE if sex == "female" else GIVEN_MALE
    if rng.random() < 0.30:  # one-character given name (王芳, 李强)
        return surname + rng.choice(pool)
    first = rng.choice(pool + GIVEN_ANY)
    second = rng.choice(pool)
    while second == first:
        second = rng.choice(pool)
    return surname + first + second


def western_name(rng: random.Random, sex: str) -> str:
    first = rng.choice(WESTERN_FEMALE if sex == "female" else WESTERN_MALE)
    return f"{first} {rng.choice(WESTERN_SURNAMES)}"


def name_language_phone(rng: random.Random, sex: str) -> tuple[str, str, str | None]:
    """(name, preferred language ``zh``/``en``, phone or ``None``)."""
    chinese = rng.random() < CHINESE_SHARE
    if chinese:
        name = chinese_name(rng, sex)
        language = "en" if rng.random() < 0.04 else "zh"
    else:
        name = western_name(rng, sex)
        language = "zh" if rng.random() < 0.06 else "en"
    if rng.random() < 0.05:
        return name, language, None
    if chinese:
        prefix = rng.choice(("130", "133", "135", "136", "137", "138", "139", "150", "152",
                             "158", "159", "177", "180", "186", "187", "188", "189", "199"))
        phone = prefix + "".join(rng.choice("0123456789") for _ in range(8))
    elif rng.random() < 0.5:
        phone = f"+44 7700 900{rng.randrange(1000):03d}"
    else:
        phone = f"+1 555-01{rng.randrange(100):02d}"
    return name, language, phone
