"""The bundled fonts, offered to Qt so its fallback finds Korean (and CJK) glyphs anywhere.

Many machines have a Chinese font but none with Hangul, and Korean names then show as empty
boxes. The app already ships WenQuanYi Micro Hei for the question sheet (desktop/fonts); it
covers Hangul, kana and Chinese, so registering it lets Qt's font fallback pick it for those
characters. DejaVu is not registered: the system's own UI font sets Latin text, and the
desktop already has one for every Latin, Greek and Cyrillic name.

Registering reads a 5 MB file (~7 ms), so the app does it after the first paint
(`desktop.app.Startup.after_first_paint`), then has every widget lay its text out again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

FONT_DIR = Path(__file__).resolve().parents[1] / "fonts"
FALLBACK_FILES = ("wqy-microhei.ttc",)
_registered: list[str] = []


def register_bundled(app: QApplication) -> list[str]:
    """Adds the bundled fallback fonts once, then repaints every visible widget so text
    drawn with boxes before is drawn again. Returns the families added (for the log and
    tests); a missing or unreadable file is logged, never an error."""
    if not _registered:
        for name in FALLBACK_FILES:
            font_id = QFontDatabase.addApplicationFont(str(FONT_DIR / name))
            if font_id < 0:
                log.warning("bundled font %s could not be loaded", name)
                continue
            _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
        log.info("bundled fonts registered: %s", ", ".join(_registered) or "none")
        repaint_all(app)
    return list(_registered)


def repaint_all(app: QApplication) -> None:
    """Tells every widget its font changed, so the text it laid out before (line edits and
    labels keep their layouts) is shaped again with the new fallback, and repaints it."""
    change = QEvent.Type.FontChange
    for top in app.topLevelWidgets():
        for widget in (top, *top.findChildren(QWidget)):
            QApplication.sendEvent(widget, QEvent(change))
