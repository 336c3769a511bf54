"""PDF inspection helpers for the report tests: text per page, font embedding, rendering.

Rendering uses ``pdftoppm`` (poppler-utils); when it is missing the test FAILS with a clear
message (the CI image installs poppler-utils) — it is never skipped.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Text without whitespace (Chinese lines wrap anywhere; compare content, not layout)."""
    return re.sub(r"\s+", "", text)


def all_text(pdf: bytes) -> str:
    return squash("".join(page_texts(pdf)))


def font_problems(pdf: bytes) -> list[str]:
    """Every font on every page that is not embedded (base-14, CID without a FontFile…)."""
    problems: list[str] = []
    seen = 0
    for n, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        fonts = (page.get("/Resources") or {}).get("/Font")
        if fonts is None:
            continue
        fonts = fonts.get_object()
        for key in fonts:
            font = fonts[key].get_object()
            seen += 1
            desc_holder = font
            if font.get("/Subtype") == "/Type0":
                desc_holder = font["/DescendantFonts"][0].get_object()
            desc = desc_holder.get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else None
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2",
                                                           "/FontFile3")):
                problems.append(f"page {n}: {font.get('/BaseFont')} is not embedded")
    if seen == 0:
        problems.append("no fonts found at all")
    return problems


def image_count(pdf: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject")
        if xobjects is None:
            continue
        xobjects = xobjects.get_object()
        count += sum(1 for k in xobjects if xobjects[k].get_object().get("/Subtype") == "/Image")
    return count


def render_pages(pdf: bytes, folder: Path, stem: str = "page", dpi: int = 50) -> list[Path]:
    """Render every page to PNG with pdftoppm; fail clearly when it is not installed."""
    exe = shutil.which("pdftoppm")
    assert exe, ("pdftoppm not found: install poppler-utils (apt-get install -y poppler-utils) "
                 "to run the PDF rendering tests")
    src = folder / f"{stem}.pdf"
    src.write_bytes(pdf)
    subprocess.run([exe, "-png", "-r", str(dpi), str(src), str(folder / stem)], check=True,
                   capture_output=True, timeout=120)
    return sorted(folder.glob(f"{stem}-*.png"))


def ink_fraction(png: Path) -> float:
    """Share of non-white pixels (a blank page is ~0)."""
    img = Image.open(png).convert("L")
    hist = img.histogram()
    return 1 - sum(hist[245:]) / (img.width * img.height)
