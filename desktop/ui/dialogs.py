"""Every message box and file picker of the app, in one module so tests patch one place.

Each function blocks until the user answers and returns plain Python values (a bool, a
Path or None). Titles default to the application's display name.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

# QMessageBox and QFileDialog are imported when a dialog opens: making their Python types
# (and their many enums) costs a few milliseconds that start-up does not need.


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def _box(parent, icon: str, title, text, details="") -> QMessageBox:
    """A message box with QMessageBox.Icon `icon` ("Information", "Warning", ...)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon[icon], title or QApplication.applicationDisplayName(), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    if details:
        box.setDetailedText(details)
    return box


def info(parent: QWidget | None, text: str, title: str = "") -> None:
    _box(parent, "Information", title, text).exec()


def warn(parent: QWidget | None, text: str, title: str = "", details: str = "") -> None:
    _box(parent, "Warning", title, text, details).exec()


def error(parent: QWidget | None, text: str, title: str = "", details: str = "") -> None:
    _box(parent, "Critical", title, text, details).exec()


def ask_yes_no(parent: QWidget | None, text: str, title: str = "", *,
               yes: str = "", no: str = "", default_yes: bool = False) -> bool:
    """True when the user picks yes. `yes`/`no` relabel the buttons ("Restore", "Keep")."""
    from PySide6.QtWidgets import QMessageBox

    box = _box(parent, "Question", title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if yes:
        box.button(QMessageBox.StandardButton.Yes).setText(yes)
    if no:
        box.button(QMessageBox.StandardButton.No).setText(no)
    box.setDefaultButton(
        QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    )
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_save_discard_cancel(parent: QWidget | None, text: str, title: str = "") -> str:
    """For unsaved edits: "save", "discard" or "cancel" (Escape and closing mean cancel)."""
    from PySide6.QtWidgets import QMessageBox

    box = _box(parent, "Question", title, text)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    box.exec()
    answer = box.standardButton(box.clickedButton()) if box.clickedButton() else None
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def crash_report(parent: QWidget | None, text: str, details: str, log_path: Path | None) -> None:
    """The dialog for a bug: what happened, where the log is, the traceback under Details."""
    where = (_tr("The details were written to the log file:\n%s") % log_path) if log_path \
        else _tr("The details could not be written to a log file.")
    box = _box(parent, "Critical", _tr("Something went wrong"),
               f"{text}\n\n{where}", details)
    box.setInformativeText(_tr("Your data is saved after every change. If this keeps "
                               "happening, please report it with the log file."))
    box.exec()


def open_file(parent: QWidget | None, title: str, filters: str = "",
              directory: str | Path = "") -> Path | None:
    """`filters` like "Databases (*.sqlite *.db);;All files (*)". None when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getOpenFileName(parent, title, str(directory), filters)
    return Path(name) if name else None


def save_file(parent: QWidget | None, title: str, filters: str = "",
              suggested: str | Path = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


def choose_directory(parent: QWidget | None, title: str,
                     directory: str | Path = "") -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    name = QFileDialog.getExistingDirectory(parent, title, str(directory))
    return Path(name) if name else None
