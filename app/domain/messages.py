"""Structured messages: a key and typed parameters, rendered in the reader's language at
display time (the worklist's details, the patients' next due item).

The catalogue :data:`MESSAGES` holds each key in English and Chinese with the same
``{placeholders}`` (a translator edits it here; ``tests/domain/test_messages.py`` checks it).
Parameters are typed by name:

- ``drug`` — a drug key (also ``{Drug}``: the name with a capital, for a sentence start);
- ``date``, ``window_end`` — ISO dates; ``dates`` — a list of ISO dates;
- ``dose_mg``, ``days`` — numbers;
- ``text`` — a text the domain already has in both languages, ``{"en": …, "zh": …}`` (a
  finding's message, the status basis).

Stored form (:func:`encode`): JSON ``{"k": key, "p": params}`` in a text column.
:func:`decode` returns None for a text that is not one (rows stored in English before
structured messages: the UI shows those as they are, translated by pattern where it can).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from app.domain.names import date_text, drug_name, is_zh

MESSAGES: dict[str, tuple[str, str]] = {
    # the next due item (app.domain.summary)
    "due.planned_overdue": ("Overdue planned {drug} {dose_mg} mg dose",
                            "计划的{drug} {dose_mg} mg 已逾期"),
    "due.planned": ("{Drug} {dose_mg} mg planned", "已计划{drug} {dose_mg} mg"),
    "due.dose_overdue": ("{Drug} dose overdue", "{drug}给药已逾期"),
    "due.next_dose": ("Next {drug} dose due", "{drug}下次给药到期"),
    "due.rebound_overdue": ("Rebound check overdue: fasting CTX + calcium",
                            "反跳复查已逾期：空腹 CTX + 血钙"),
    "due.rebound": ("Rebound check: fasting CTX + calcium", "反跳复查：空腹 CTX + 血钙"),
    "due.dental_overdue": ("Dental review overdue", "口腔复查已逾期"),
    "due.dental": ("Dental review due", "口腔复查到期"),
    "due.dental_exam": ("Dental exam needed (none recorded)", "需口腔检查（无记录）"),
    # worklist details (app.services.worklist)
    "wl.dose_interval": ("{Drug}: last dose {date} + {days} days",
                         "{drug}：末次给药 {date} + {days} 天"),
    "wl.rebound_checks": ("checks due: {dates}", "待做检查：{dates}"),
    "wl.rebound_checks_end": ("checks due: {dates}; window ends {window_end}",
                              "待做检查：{dates}；风险窗口结束于 {window_end}"),
    "wl.rebound_none": ("no check due", "无待做检查"),
    "wl.rebound_none_end": ("no check due; window ends {window_end}",
                            "无待做检查；风险窗口结束于 {window_end}"),
    "wl.suspected": ("bone metastasis suspected: {text}", "疑似骨转移：{text}"),
    "wl.finding": ("{text}", "{text}"),
    # the worklist's first pass, from the cached summaries (app.services.worklist_cached)
    "wl.critical_pending": ("critical finding (rules: checking the chart)",
                            "严重提示（规则：正在核查病历）"),
    "wl.rebound_open": ("rebound window open", "停药反跳风险期"),
    "wl.suspected_pending": ("bone metastasis suspected", "疑似骨转移"),
}


@dataclass(frozen=True)
class Message:
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return render(self, lang)

    def __hash__(self) -> int:  # params is a dict: hash the stored form
        return hash(encode(self))

    def __str__(self) -> str:  # English (command line, logs of counts — never patient data)
        return render(self, "en")


def _num(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def render(msg: Message, lang: str) -> str:
    """The message in ``lang`` ("en" or "zh"); an unknown key shows as the key itself."""
    pair = MESSAGES.get(msg.key)
    if pair is None:
        return msg.key
    zh = is_zh(lang)
    values: dict[str, str] = {}
    for name, v in msg.params.items():
        if name == "drug":
            values["drug"] = drug_name(v, lang)
            values["Drug"] = values["drug"] if zh else values["drug"][:1].upper() + values[
                "drug"][1:]
        elif name in ("date", "window_end"):
            values[name] = date_text(v, lang)
        elif name == "dates":
            values[name] = ("、" if zh else ", ").join(date_text(d, lang) for d in v)
        elif name == "text":
            values[name] = (v.get("zh") or v.get("en", "")) if zh else v.get("en", "")
        else:
            values[name] = _num(v)
    return pair[1 if zh else 0].format(**values)


def encode(msg: Message | None) -> str | None:
    """The stored form (compact JSON), or None."""
    if msg is None:
        return None
    return json.dumps({"k": msg.key, "p": msg.params}, ensure_ascii=False,
                      separators=(",", ":"))


def decode(text: str | None) -> Message | None:
    """A stored message, or None when ``text`` is not one (e.g. an older English text)."""
    if not text or not text.startswith("{"):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("k") not in MESSAGES:
        return None
    params = data.get("p")
    return Message(data["k"], params if isinstance(params, dict) else {})
