"""What the main window calls to open the wizard, and the profile dialog.

Each function takes the window first (the main window's feature contract). A chat that is
already open in a wizard is brought forward instead of being opened twice; the wizard is a
child of the window, so `findChildren` finds it without any registry of our own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.errors import UserError
from desktop.ui import dialogs
from desktop.ui.wizard.chat_wizard import ChatWizard


def _refresh_window(window: QWidget) -> None:
    refresh = getattr(window, "refresh", None)
    if callable(refresh):
        refresh()


def _show(window: QWidget, wizard: ChatWizard) -> ChatWizard:
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    wizard.finished.connect(lambda _result: _refresh_window(window))
    badges = getattr(window, "refresh_badges", None)
    if callable(badges):  # cheap counts; the pages reload when the wizard closes
        wizard.context.changed.connect(badges)
    wizard.show()
    wizard.raise_()
    wizard.activateWindow()
    return wizard


def open_wizards(window: QWidget) -> list[ChatWizard]:
    return [w for w in window.findChildren(ChatWizard) if w.isVisible()]


def open_chat(window: QWidget, chat_id: int) -> ChatWizard | None:
    """The wizard on this chat, at its stage; the open one when there is one."""
    for wizard in open_wizards(window):
        if wizard.chat_id == chat_id:
            wizard.raise_()
            wizard.activateWindow()
            return wizard
    try:
        wizard = ChatWizard(window.store, chat_id, parent=window)
    except UserError as exc:  # deleted meanwhile, or a stale link
        dialogs.warn(window, str(exc))
        return None
    return _show(window, wizard)


def plan_chat(window: QWidget, contact_id: int) -> ChatWizard:
    """A new idea chat with this contact, opened on Prep."""
    wizard = _show(window, ChatWizard(window.store, contact_id=contact_id, parent=window))
    _refresh_window(window)
    return wizard


def new_chat(window: QWidget) -> ChatWizard:
    """A wizard with no chat yet: picking or creating the contact makes the chat."""
    wizard = _show(window, ChatWizard(window.store, parent=window))
    wizard.prep.picker.edit.setFocus()
    return wizard


def edit_profile(window: QWidget) -> bool:
    from desktop.ui.profile_dialog import ProfileDialog

    return bool(ProfileDialog(window.store, window).exec())
