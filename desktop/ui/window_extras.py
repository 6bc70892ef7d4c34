"""What makes the main window feel at home on a desktop, added in one call: `install(window)`.

The window (desktop/ui/main_window.py) builds pages, menus and the search field; this
module adds to them without reaching into their code:
- the app icon and the line icons beside the navigation rows and the menu items;
- the extra shortcuts and menu items (desktop/ui/shortcuts.py);
- the window's answer to a second launch on the same database (bring it forward).
Everything here is cheap: icons are drawn when painted, dialogs are imported when opened.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from desktop.ui import icons

DESKTOP_FILE = "coffee-chats"  # packaging/linux/coffee-chats.desktop, without .desktop
# Navigation row (page key) -> icon name in resources/icons/.
PAGE_ICONS = {
    "today": "today",
    "contacts": "contacts",
    "chats": "chats",
    "questions": "questions",
    "insights": "insights",
}
# Action name in window.actions -> icon name. Actions not listed stay without an icon.
ACTION_ICONS = {
    "new_chat": "new-chat",
    "import": "import",
    "export": "export",
    "backup": "backup",
    "restore": "restore",
    "open_database": "open-database",
    "quit": "quit",
    "find": "search",
    "refresh": "refresh",
    "shortcuts": "keyboard",
    "about": "about",
    "guide": "guide",
    "preferences": "preferences",
    "print_sheet": "print",
    "next_page": "next-page",
    "previous_page": "previous-page",
}


def install(window: QMainWindow) -> None:
    """Adds icons, shortcuts and menu items to a freshly built main window."""
    from desktop.ui import shortcuts

    window.setWindowIcon(icons.app_icon())
    if not QGuiApplication.desktopFileName():
        # Wayland shells match the window to packaging/linux/coffee-chats.desktop by this
        # (X11 uses WM_CLASS "coffee-chats", "CoffeeChats"; the entry's StartupWMClass).
        QGuiApplication.setDesktopFileName(DESKTOP_FILE)
    shortcuts.install(window)
    decorate(window)


def decorate(window: QMainWindow) -> None:
    """Icons for the navigation rows and the actions (again after new actions appear)."""
    navigation = getattr(window, "navigation", None)
    if navigation is not None:
        navigation.setIconSize(QSize(18, 18))
        for key, name in PAGE_ICONS.items():
            try:
                navigation.item_for(key).setIcon(icons.icon(name))
            except KeyError:  # a page that is not (or no longer) in the navigation
                continue
    for key, name in ACTION_ICONS.items():
        action = window.actions.get(key)
        if action is not None and action.icon().isNull():
            action.setIcon(icons.icon(name))
