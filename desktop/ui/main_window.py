"""The main window: navigation column, header with search, a stack of lazily built pages, menus.

The contract for page and feature authors:

- Pages are listed in `desktop/ui/pages/__init__.py` (`PAGES`) and built the first time
  they are shown. `page(key)` builds and returns one; `show_page(key)` shows it.
- When a page emits `data_changed`, the window refreshes the badges and marks the other
  built pages stale; a stale page is refreshed when it is shown again.
- Menu items whose feature lives in another module are listed in `FEATURES` as
  "module:function"; the module is imported on first use and the function called with the
  window (and, for "open_chat", a chat id; for "search", the text). A feature whose entry
  is None stays visible but disabled. `set_feature(name, fn)` wires one at run time.
- The header's search field emits `search_requested(text)` as the user types (debounced)
  and on Enter; the "search" feature, when wired, handles it; until then the Contacts
  page filters by it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

import desktop
from desktop.services import today as today_service
from desktop.ui import dialogs, settings, theme, window_extras
from desktop.ui.navigation import Navigation
from desktop.ui.pages import PAGES, START_PAGE, Page, spec
from desktop.ui.store_switching import StoreSwitching

log = logging.getLogger(__name__)

# Features other modules provide: name -> "module:function", or None while not built yet.
FEATURES: dict[str, str | None] = {
    "new_chat": "desktop.ui.wizard.launch:new_chat",  # File → New chat…: the wizard, new chat
    "open_chat": "desktop.ui.wizard.launch:open_chat",  # a chat (id) in the wizard at its stage
    "plan_chat": "desktop.ui.wizard.launch:plan_chat",  # a new chat with a contact (id)
    "profile": "desktop.ui.wizard.launch:edit_profile",  # Edit → My profile…
    "import": "desktop.ui.contacts.import_dialog:run",  # File → Import…: preview, then import
    "export": "desktop.ui.contacts.export_dialog:run",  # File → Export…: contacts
    "export_calendar": "desktop.ui.calendar_export:export_calendar",  # upcoming chats, .ics
    "backup": "desktop.ui.backup_actions:back_up",  # File → Back up…
    "restore": "desktop.ui.backup_actions:restore",  # File → Restore backup…
    "search": "desktop.ui.contacts.search_popup:run",  # the header's field (text): full-text
}
SEARCH_DELAY_MS = 200


class MainWindow(StoreSwitching, QMainWindow):
    search_requested = Signal(str)
    store_changed = Signal(object)

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.store = store
        self._pages: dict[str, Page] = {}
        self._stale: set[str] = set()
        self._handlers: dict[str, Callable] = {}
        self.actions: dict[str, QAction] = {}
        self.log_file = None  # the app sets it; About shows it
        self.demo_path = None  # the app sets it for --demo: that file is a throwaway copy

        self.navigation = Navigation()
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_header()
        self._build_menus()
        window_extras.install(self)  # icons, extra shortcuts, preferences, help (issue 7)
        self.navigation.page_chosen.connect(self.show_page)
        self.statusBar().setObjectName("statusBar")
        self.show_store_path()
        self._restore_geometry()
        self.show_page(START_PAGE)
        self.refresh_badges()

    # --- pages ---------------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page `key`, built now if it was not yet."""
        page = self._pages.get(key)
        if page is None:
            page_class = spec(key).load()
            page = page_class(self.store, self.stack)
            page.setObjectName(f"{key}Page")
            page.data_changed.connect(lambda key=key: self._data_changed(key))
            page.open_chat_requested.connect(self.open_chat)
            page.show_contact_requested.connect(self.show_contact)
            self.stack.addWidget(page)
            self._pages[key] = page
            self._stale.discard(key)
        return page

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        if key in self._stale:
            self._stale.discard(key)
            page.refresh()
        self.stack.setCurrentWidget(page)
        self.navigation.select(key)
        self.setWindowTitle(page.title())
        return page

    def current_key(self) -> str:
        for key, page in self._pages.items():
            if page is self.stack.currentWidget():
                return key
        return START_PAGE

    def built_pages(self) -> dict[str, Page]:
        return dict(self._pages)

    def _data_changed(self, source: str) -> None:
        self._stale.update(k for k in self._pages if k != source)
        self.refresh_badges()

    def refresh(self) -> None:
        """View → Refresh: reload the current page now and the others when next shown."""
        key = self.current_key()
        self._stale.update(k for k in self._pages if k != key)
        self._pages[key].refresh()
        self.refresh_badges()

    def refresh_badges(self) -> None:
        fallback = {"today": today_service.due_count, "chats": today_service.open_chats_count}
        for key, count_of in fallback.items():
            page = self._pages.get(key)
            count = page.count() if page is not None and key not in self._stale else None
            if count is None:
                count = count_of(self.store)
            self.navigation.set_count(key, count)

    def show_contact(self, contact_id: int) -> None:
        self.show_page("contacts").select(contact_id)

    def open_chat(self, chat_id: int) -> None:
        if self.has_feature("open_chat"):
            self.run_feature("open_chat", chat_id)
        else:  # until the wizard exists, show the chat where it is listed
            self.show_page("chats").select(chat_id)

    # --- features ------------------------------------------------------------------------
    def has_feature(self, name: str) -> bool:
        return name in self._handlers or bool(FEATURES.get(name))

    def set_feature(self, name: str, handler: Callable) -> None:
        """Wires `name` to `handler(window, *args)` and enables its menu item."""
        self._handlers[name] = handler
        if name in self.actions:
            self.actions[name].setEnabled(True)

    def run_feature(self, name: str, *args):
        handler = self._handlers.get(name)
        if handler is None:
            target = FEATURES.get(name)
            if not target:
                return None
            module, _, function = target.partition(":")
            handler = getattr(importlib.import_module(module), function)
            self._handlers[name] = handler
        return handler(self, *args)

    # --- the header and the search field ---------------------------------------------------
    def _build_header(self) -> None:
        bar = QToolBar(self.tr("Header"))
        bar.setObjectName("header")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setVisible(False)
        bar.setIconSize(QSize(16, 16))
        self.title_label = theme.set_role(QLabel(desktop.APP_NAME), "subheading")
        self.title_label.setObjectName("headerTitle")
        bar.addWidget(self.title_label)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("search")
        self.search_field.setAccessibleName(self.tr("Search"))
        self.search_field.setPlaceholderText(self.tr("Search contacts, companies, notes  (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(300)
        self.search_field.setMaximumWidth(440)
        bar.addWidget(self.search_field)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.search_field.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_field.returnPressed.connect(self._search_now)

    def _search_now(self) -> None:
        self._search_timer.stop()
        text = self.search_field.text().strip()
        self.search_requested.emit(text)
        if self.has_feature("search"):
            self.run_feature("search", text)
        elif text or "contacts" in self._pages:
            self.show_page("contacts").search(text)

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # --- menus -----------------------------------------------------------------------------
    def _action(self, menu, name: str, text: str, slot=None, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        menu.addAction(action)
        self.actions[name] = action
        return action

    def _feature_action(self, menu, name: str, text: str, shortcut=None) -> QAction:
        action = self._action(menu, name, text, lambda: self.run_feature(name), shortcut)
        action.setEnabled(self.has_feature(name))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._feature_action(file, "new_chat", self.tr("&New chat…"), QKeySequence.StandardKey.New)
        file.addSeparator()
        self._feature_action(file, "import", self.tr("&Import…"), "Ctrl+I")
        self._feature_action(file, "export", self.tr("&Export…"), "Ctrl+E")
        self._feature_action(file, "export_calendar", self.tr("Export &calendar…"))
        file.addSeparator()
        self._feature_action(file, "backup", self.tr("&Back up…"))
        self._feature_action(file, "restore", self.tr("&Restore backup…"))
        file.addSeparator()
        self._action(file, "open_database", self.tr("&Open database…"), self.choose_database,
                     QKeySequence.StandardKey.Open)
        file.addSeparator()
        self._action(file, "quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu(self.tr("&Edit"))
        for name, text, key in (
            ("undo", self.tr("&Undo"), QKeySequence.StandardKey.Undo),
            ("redo", self.tr("&Redo"), QKeySequence.StandardKey.Redo),
            (None, None, None),
            ("cut", self.tr("Cu&t"), QKeySequence.StandardKey.Cut),
            ("copy", self.tr("&Copy"), QKeySequence.StandardKey.Copy),
            ("paste", self.tr("&Paste"), QKeySequence.StandardKey.Paste),
            ("selectAll", self.tr("Select &all"), QKeySequence.StandardKey.SelectAll),
        ):
            if name is None:
                edit.addSeparator()
                continue
            action = self._action(edit, name, text, lambda _=False, n=name: self._edit(n))
            # Text fields handle these keys themselves; the menu item is for the mouse.
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit.addSeparator()
        self._action(edit, "find", self.tr("&Find…"), self.focus_search,
                     QKeySequence.StandardKey.Find)
        edit.addSeparator()
        self._feature_action(edit, "profile", self.tr("My &profile…"))

        view = bar.addMenu(self.tr("&View"))
        for n, page_spec in enumerate(PAGES, start=1):
            self._action(view, f"page_{page_spec.key}", page_spec.translated_title(),
                         lambda _=False, k=page_spec.key: self.show_page(k), f"Ctrl+{n}")
        view.addSeparator()
        self._action(view, "refresh", self.tr("&Refresh"), self.refresh,
                     QKeySequence.StandardKey.Refresh)
        appearance = view.addMenu(self.tr("&Appearance"))
        appearance.setObjectName("appearanceMenu")
        group = QActionGroup(self)
        current = theme_choice()
        for scheme, text in (("system", self.tr("Follow the &system")),
                             ("light", self.tr("&Light")), ("dark", self.tr("&Dark"))):
            action = self._action(appearance, f"theme_{scheme}", text,
                                  lambda _=False, s=scheme: self.set_theme(s))
            action.setCheckable(True)
            action.setChecked(scheme == current)
            group.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, "shortcuts", self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                     "Ctrl+/")
        self._action(help_menu, "about", self.tr("&About Coffee Chats"), self.show_about)

    def _edit(self, name: str) -> None:
        widget = QApplication.focusWidget()
        method = getattr(widget, name, None)
        if callable(method):
            method()
        elif name == "undo":  # not in a text field: the page's own undo (Contacts: delete, merge)
            page_undo = getattr(self.stack.currentWidget(), "undo", None)
            if callable(page_undo):
                page_undo()

    def set_theme(self, scheme: str) -> None:
        settings().setValue("view/theme", scheme)
        theme.apply(QApplication.instance(), scheme)

    def show_shortcuts(self) -> None:
        from desktop.ui import shortcuts  # the list is built from the menus' actions

        shortcuts.show_dialog(self)

    def show_about(self) -> None:
        from desktop import paths

        text = self.tr(
            "%1 %2\nPrepare, hold and follow up your informational interviews. Offline: "
            "your data never leaves this computer.\n\nThis database: %3\n"
            "Default data folder: %4\nLog file: %5\nSettings: %6"
        )
        log_file = self.log_file or self.tr("(none: logging is off)")
        for n, value in enumerate((desktop.APP_NAME, desktop.__version__, self.store.path,
                                   paths.data_dir(), log_file, settings().fileName()), start=1):
            text = text.replace(f"%{n}", str(value))
        dialogs.info(self, text, self.tr("About Coffee Chats"))

    def show_store_path(self) -> None:
        if self.demo_path is not None and self.store.path == self.demo_path:
            text = self.tr("Demo data: a throwaway copy, deleted when you quit")
        else:
            text = str(self.store.path)
        self.statusBar().showMessage(text)

    # --- geometry ----------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        stored = settings().value("window/geometry")
        if stored is None or not self.restoreGeometry(stored):
            screen = QApplication.primaryScreen()
            available = screen.availableGeometry() if screen else None
            width, height = 1180, 740
            if available is not None:
                width = min(width, available.width() - 40)
                height = min(height, available.height() - 40)
            self.resize(width, height)
        state = settings().value("window/state")
        if state is not None:
            self.restoreState(state)

    def save_geometry(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)


def theme_choice() -> str:
    value = settings().value("view/theme", "system")
    return value if value in theme.SCHEMES else "system"
