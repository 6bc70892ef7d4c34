"""The sheet's fonts, and user text turned into safe ReportLab paragraph markup.

DejaVu Sans covers Latin (Polish, Vietnamese...), Greek and Cyrillic; WenQuanYi Micro Hei
covers Chinese, Japanese kana and Korean Hangul but should not set Latin text. Text is cut
into runs by which font has each character, and every run is escaped, so `R&D <Team>`,
`<b>` or an unclosed tag print as typed. The fonts are package data under `desktop/fonts`,
read from disk and registered with ReportLab once per process.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
REGULAR = "CoffeeSans"
BOLD = "CoffeeSans-Bold"
CJK = "CoffeeCJK"
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CJK: "wqy-microhei.ttc",
}

_lock = threading.Lock()
_latin: frozenset[int] = frozenset()
_cjk: frozenset[int] = frozenset()
# C0/C1 controls and lone surrogates cannot go into a PDF string; tabs become spaces.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def register() -> None:
    """Registers the three fonts with ReportLab (idempotent, thread-safe)."""
    global _latin, _cjk
    if _latin:
        return
    with _lock:
        if _latin:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        fonts = {}
        for name, filename in FILES.items():
            options = {"subfontIndex": 0} if filename.endswith(".ttc") else {}
            fonts[name] = TTFont(name, str(FONT_DIR / filename), **options)
            pdfmetrics.registerFont(fonts[name])
        # <b> inside a paragraph maps to the bold face; CJK has one weight.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        addMapping(CJK, 0, 0, CJK)
        addMapping(CJK, 1, 0, CJK)
        addMapping(CJK, 0, 1, CJK)
        addMapping(CJK, 1, 1, CJK)
        _cjk = frozenset(fonts[CJK].face.charToGlyph)
        _latin = frozenset(fonts[REGULAR].face.charToGlyph)


def clean(text: str | None) -> str:
    """User text ready to print: composed (NFC), no control characters, tabs as spaces."""
    text = unicodedata.normalize("NFC", text or "").replace("\t", " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNPRINTABLE.sub("", text)


def runs(text: str) -> list[tuple[bool, str]]:
    """Splits text into (is_cjk, run) pieces by which font can draw each character."""
    register()
    pieces: list[tuple[bool, str]] = []
    current: list[str] = []
    current_cjk = False
    for ch in text:
        code = ord(ch)
        # DejaVu sets everything it has (the CJK font's Latin is not meant for text);
        # spaces join whichever run they are in.
        is_cjk = current_cjk if ch.isspace() else (code not in _latin and code in _cjk)
        if current and is_cjk != current_cjk:
            pieces.append((current_cjk, "".join(current)))
            current = []
        current_cjk = is_cjk
        current.append(ch)
    if current:
        pieces.append((current_cjk, "".join(current)))
    return pieces


def markup(text: str | None) -> str:
    """Paragraph markup that prints `text` literally, CJK runs in the CJK font.

    Line breaks become <br/>. Bold comes from the paragraph style's font, never from <b>;
    the CJK face has one weight and is mapped to itself for bold.
    """
    out = []
    for line_no, line in enumerate(clean(text).split("\n")):
        if line_no:
            out.append("<br/>")
        for is_cjk, run in runs(line):
            escaped = escape(run)
            out.append(f'<font face="{CJK}">{escaped}</font>' if is_cjk else escaped)
    return "".join(out)


def has_glyph(ch: str) -> bool:
    """True when one of the fonts can draw `ch` (tests use it to find tofu)."""
    register()
    return ord(ch) in _latin or ord(ch) in _cjk
