#!/usr/bin/env python3
"""Merge the translations of one Qt Linguist file into another (no Qt tools needed).

    python scripts/merge_ts.py resources/i18n/workup_zh_CN.ts resources/i18n/bonemet_zh_CN.ts

Every message of SOURCE whose (context, source text) is missing from TARGET, or is unfinished
there, gets SOURCE's finished translation; existing finished translations in TARGET are kept.
Run scripts/update_translations.sh afterwards (lupdate keeps the merged translations, drops
what no longer exists in the code, and compiles the .qm).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def _finished(message: ET.Element) -> bool:
    t = message.find("translation")
    return t is not None and t.get("type") is None and bool((t.text or "").strip())


def merge(source_path: str, target_path: str) -> int:
    source = ET.parse(source_path).getroot()
    tree = ET.parse(target_path)
    target = tree.getroot()
    contexts = {c.findtext("name"): c for c in target.iter("context")}
    changed = 0
    for ctx in source.iter("context"):
        name = ctx.findtext("name")
        tctx = contexts.get(name)
        if tctx is None:
            tctx = ET.SubElement(target, "context")
            ET.SubElement(tctx, "name").text = name
            contexts[name] = tctx
        existing = {m.findtext("source"): m for m in tctx.iter("message")}
        for m in ctx.iter("message"):
            if not _finished(m):
                continue
            text = m.findtext("source")
            old = existing.get(text)
            if old is not None and _finished(old):
                continue
            if old is None:
                old = ET.SubElement(tctx, "message")
                ET.SubElement(old, "source").text = text
                ET.SubElement(old, "translation")
            t = old.find("translation")
            t.text = m.findtext("translation")
            t.attrib.pop("type", None)
            changed += 1
    tree.write(target_path, encoding="utf-8", xml_declaration=True)
    return changed


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: merge_ts.py SOURCE.ts TARGET.ts")
    print(f"{merge(sys.argv[1], sys.argv[2])} translation(s) merged")
