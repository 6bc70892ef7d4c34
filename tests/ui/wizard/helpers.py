"""Small helpers for driving the wizard by its object names."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget, QWidget, QWizard


def open_wizard(qtbot, store, **kwargs):
    from desktop.ui.wizard.chat_wizard import ChatWizard

    wizard = ChatWizard(store, **kwargs)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def find(wizard, name: str, kind: type = QWidget):
    widget = wizard.findChild(kind, name)
    assert widget is not None, f"no {kind.__name__} named {name}"
    return widget


def click(qtbot, wizard, name: str) -> None:
    from PySide6.QtWidgets import QAbstractButton

    button = find(wizard, name, QAbstractButton)
    assert button.isEnabled(), f"{name} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def next_page(qtbot, wizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def double_click_row(qtbot, view: QListWidget, row: int) -> None:
    item = view.item(row)
    view.scrollToItem(item)
    pos: QPoint = view.visualItemRect(item).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
