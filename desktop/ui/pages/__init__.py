"""The pages of the main window and the small contract every page follows.

A page is a `Page` (a QWidget) built from the open store:

- `Page(store, parent=None)`; keep `self.store`, build widgets, then load with `refresh()`.
- `refresh()` reloads everything the page shows from the store. The window calls it when
  the page is shown after another page changed data.
- `title()` the name in the navigation and the window title.
- `count()` the figure beside the page's name in the navigation, or None for no badge.
- `data_changed` a page emits it after it wrote to the store, so the window refreshes the
  badges and marks the other pages stale.
- `open_chat_requested(chat_id)` and `show_contact_requested(contact_id)` ask the window
  to open a chat (the interview wizard) or show a contact on the Contacts page.
- `search(text) -> bool` an optional hook for the header's search field (see MainWindow).
- `select(item_id) -> bool` an optional hook: select that contact / chat if shown.

Pages are created lazily, the first time they are shown; `PAGES` names them by module
and class so start-up imports only the first page. To replace a page, replace its module
and keep the class name (or change the name here).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """Base of every page. Subclasses override `refresh`, `title` and maybe `count`."""

    data_changed = Signal()
    open_chat_requested = Signal(int)
    show_contact_requested = Signal(int)

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def count(self) -> int | None:
        return None

    def search(self, text: str) -> bool:
        """Filters the page by `text`; False when the page has no search."""
        return False

    def select(self, item_id: int) -> bool:
        """Selects the record with this id; False when the page does not show it."""
        return False


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English; shown through QCoreApplication.translate("Navigation", title)
    module: str
    class_name: str

    def translated_title(self) -> str:
        return QCoreApplication.translate("Navigation", self.title)

    def load(self) -> type[Page]:
        return getattr(importlib.import_module(self.module), self.class_name)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("today", QT_TRANSLATE_NOOP("Navigation", "Today"),
             "desktop.ui.pages.today", "TodayPage"),
    PageSpec("contacts", QT_TRANSLATE_NOOP("Navigation", "Contacts"),
             "desktop.ui.pages.contacts", "ContactsPage"),
    PageSpec("chats", QT_TRANSLATE_NOOP("Navigation", "Chats"),
             "desktop.ui.pages.chats", "ChatsPage"),
    PageSpec("questions", QT_TRANSLATE_NOOP("Navigation", "Questions"),
             "desktop.ui.pages.questions", "QuestionsPage"),
    PageSpec("insights", QT_TRANSLATE_NOOP("Navigation", "Insights"),
             "desktop.ui.pages.insights", "InsightsPage"),
)
START_PAGE = "today"


def spec(key: str) -> PageSpec:
    for item in PAGES:
        if item.key == key:
            return item
    raise KeyError(key)
