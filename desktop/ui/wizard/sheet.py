""""Print question sheet" from the wizard: the sheet issue's preview dialog, when present.

The preview (desktop/ui/sheet_preview.py) belongs to the question-sheet work; this is the
one place the wizard and the Chats page reach it, so a missing or renamed preview shows a
calm message instead of breaking the wizard.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui import dialogs

# Entry points the preview module may offer, tried in order: f(parent, store, chat_id).
ENTRY_POINTS = ("show_sheet_preview", "preview_chat", "open_preview", "show_preview")


def _tr(text: str) -> str:
    return QCoreApplication.translate("sheet", text)


def preview(parent: QWidget | None, store, chat_id: int | None) -> bool:
    if chat_id is None:
        return False
    try:
        module = importlib.import_module("desktop.ui.sheet_preview")
    except ModuleNotFoundError:
        module = None
    for name in ENTRY_POINTS:
        function = getattr(module, name, None)
        if callable(function):
            function(parent, store, chat_id)
            return True
    dialogs.info(parent, _tr("The question sheet preview is not available yet. "
                             "The command line can make it: coffee-chats sheet %1 --out "
                             "sheet.pdf").replace("%1", str(chat_id)))
    return False
