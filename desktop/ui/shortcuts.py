"""Keyboard shortcuts and the menu items issue 7 adds, and Help → Keyboard shortcuts.

The window's own menus (desktop/ui/main_window.py) already give New chat (Ctrl+N),
Import (Ctrl+I), Find (Ctrl+F), the pages (Ctrl+1…5) and Help → Keyboard shortcuts. This
module adds, each as a QAction in a menu so the mouse finds it too:

    File → Print question sheet…     Ctrl+P
    Edit → Preferences…              Ctrl+,
    View → Next page / Previous page Ctrl+PgDown, Ctrl+Tab / Ctrl+PgUp, Ctrl+Shift+Tab
    Help → Guide to coffee chats     F1
    Help → Welcome screen…

Help → Keyboard shortcuts (`show_dialog`, which the window's `show_shortcuts` calls) is
built from the menus' actions when it opens, so it lists whatever they hold at that moment
and never goes stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMenu,
    QWidget,
)

from desktop.ui import dialogs
from desktop.ui.pages import PAGES

if TYPE_CHECKING:
    from desktop.ui.shortcuts_dialog import ShortcutsDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("shortcuts", text)


def _menu_holding(window: QMainWindow, action_name: str) -> QMenu | None:
    target = window.actions.get(action_name)
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None and target in menu.actions():
            return menu
    return None


def _next_in(menu: QMenu, action: QAction) -> QAction | None:
    actions = menu.actions()
    index = actions.index(action)
    return actions[index + 1] if index + 1 < len(actions) else None


def _new_action(window: QMainWindow, name: str, text: str, slot, keys=()) -> QAction:
    action = QAction(text, window)
    action.setObjectName(f"action_{name}")
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    action.triggered.connect(slot)
    window.actions[name] = action
    return action


def install(window: QMainWindow) -> None:
    """Adds the actions above to the window's menus (and to `window.actions`)."""
    file = _menu_holding(window, "new_chat")
    if file is not None:
        action = _new_action(window, "print_sheet", _tr("&Print question sheet…"),
                             lambda: print_sheet(window), [QKeySequence.StandardKey.Print])
        file.insertAction(_next_in(file, window.actions["new_chat"]), action)

    edit = _menu_holding(window, "find")
    if edit is not None:
        edit.addSeparator()
        action = _new_action(window, "preferences", _tr("Pr&eferences…"),
                             lambda: show_preferences(window), ["Ctrl+,"])
        action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit.addAction(action)

    view = _menu_holding(window, "refresh")
    if view is not None:
        before = window.actions["refresh"]
        for name, text, step, keys in (
            ("next_page", _tr("&Next page"), 1, ["Ctrl+PgDown", "Ctrl+Tab"]),
            ("previous_page", _tr("P&revious page"), -1,
             ["Ctrl+PgUp", "Ctrl+Shift+Tab", "Ctrl+Shift+Backtab"]),
        ):
            view.insertAction(before, _new_action(window, name, text,
                                                  lambda _=False, s=step: step_page(window, s),
                                                  keys))
        view.insertSeparator(before)

    help_menu = _menu_holding(window, "shortcuts")
    if help_menu is not None:
        first = help_menu.actions()[0]
        help_menu.insertAction(first, _new_action(
            window, "guide", _tr("&Guide to coffee chats"), lambda: show_guide(window), ["F1"]))
        help_menu.insertAction(first, _new_action(
            window, "welcome", _tr("&Welcome screen…"), lambda: show_welcome(window)))
        help_menu.insertSeparator(first)


# --- what the actions do ----------------------------------------------------------------------

def step_page(window: QMainWindow, step: int) -> None:
    keys = [spec.key for spec in PAGES]
    current = window.current_key()
    index = keys.index(current) if current in keys else 0
    window.show_page(keys[(index + step) % len(keys)])


def chat_to_print(window: QMainWindow) -> int | None:
    """The chat selected on the current page, else the next upcoming one, else None."""
    page = window.stack.currentWidget()
    for name in ("selected_chat_id", "current_chat_id"):
        getter = getattr(page, name, None)
        if callable(getter) and getter() is not None:
            return getter()
    selected = getattr(page, "_selected", None)  # the Chats page's selection, until it has
    chat = selected() if callable(selected) else None  # a public getter
    if chat is not None and getattr(chat, "id", None) is not None:
        return chat.id
    from desktop.services import today

    for item in today.upcoming_chats(window.store):
        if item.chat_id is not None:
            return item.chat_id
    return None


def print_sheet(window: QMainWindow) -> None:
    chat_id = chat_to_print(window)
    if chat_id is None:
        dialogs.info(window, _tr("Select a chat on the Chats page, or plan one, to print its "
                                 "question sheet."), _tr("Print question sheet"))
        return
    from desktop.ui.sheet_preview import show_sheet_preview

    show_sheet_preview(window, window.store, chat_id)


def show_preferences(window: QMainWindow) -> None:
    from desktop.ui.preferences_dialog import show_preferences as show

    show(window)


def show_guide(window: QMainWindow, section: str = "") -> None:
    from desktop.ui.help_guide import show_guide as show

    show(window, section)


def show_welcome(window: QMainWindow) -> None:
    from desktop.ui.welcome import show_welcome as show

    show(window)


# --- Help → Keyboard shortcuts -----------------------------------------------------------------

def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(action: QAction) -> list[str]:
    texts = [k.toString(QKeySequence.SequenceFormat.NativeText)
             for k in action.shortcuts() if not k.isEmpty()]
    # Shift+Tab arrives as Backtab on some systems: bound both ways, listed once.
    return [t for t in texts if "Backtab" not in t]


def shortcut_rows(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(action, keys)]) for every menu action with a shortcut, menu order."""
    sections = []
    seen: set[int] = set()

    def walk(menu: QMenu, title: str) -> None:
        rows = []
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{title} → {_plain(action.menu().title())}")
                continue
            keys = _keys(action)
            if keys and not action.isSeparator():
                seen.add(id(action))
                rows.append((_plain(action.text()), ", ".join(keys)))
        if rows:
            sections.append((title, rows))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.menu().title()))
    loose = [(_plain(a.text()), ", ".join(_keys(a)))
             for a in QWidget.actions(window) if _keys(a) and id(a) not in seen]
    if loose:
        sections.append((_tr("Other"), loose))
    return sections


def show_dialog(window: QMainWindow) -> ShortcutsDialog:
    """Opens the list without blocking (it can stay open beside the window)."""
    from desktop.ui.shortcuts_dialog import ShortcutsDialog

    for old in window.findChildren(ShortcutsDialog):
        old.close()
        old.deleteLater()
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def __getattr__(name: str):
    # The dialog lives in its own module: its Qt types are made when it first opens, not
    # at start-up, where `install` runs.
    if name == "ShortcutsDialog":
        from desktop.ui.shortcuts_dialog import ShortcutsDialog

        return ShortcutsDialog
    raise AttributeError(name)
