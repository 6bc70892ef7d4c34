"""File → Back up… and File → Restore backup…: the window's side of the backup service.

Back up writes a checked copy where the user says. Restore lists the backups in the data
folder (automatic ones and copies the user saved there), or takes any file, asks before
replacing, closes the database, lets the service check and swap the file (the current one
is kept aside), and opens it again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from desktop import paths
from desktop.errors import UserError
from desktop.services import backup as backup_service
from desktop.ui import dialogs, theme
from desktop.ui.formatting import datetime_text

FILTERS = "Coffee Chats backups (*.sqlite *.db);;All files (*)"


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("backup", text, None, n)


def back_up(window) -> Path | None:
    """Asks where, then writes a checked copy of the open database there."""
    suggested = paths.backup_dir() / f"{window.store.path.stem}-copy-{date.today()}.sqlite"
    target = dialogs.save_file(window, _tr("Back up to"), _tr(FILTERS), suggested)
    if target is None:
        return None
    try:
        made = backup_service.copy_database(window.store.path, target)
    except UserError as exc:
        dialogs.error(window, str(exc), _tr("Backup failed"))
        return None
    window.statusBar().showMessage(_tr("Backed up to %1").replace("%1", str(made)), 10_000)
    return made


class RestoreDialog(QDialog):
    """Pick one of the backups in the data folder, or another file."""

    def __init__(self, backups: list, parent=None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(_tr("Restore a backup"))
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 20)
        layout.setSpacing(12)
        layout.addWidget(theme.set_role(QLabel(_tr(
            "Pick the copy to go back to. Your current database is kept aside first, "
            "so nothing is lost.")), "quiet"))
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(_tr("Backups"))
        for item in backups:
            contacts = (_tr("%n contacts", item.contacts) if item.contacts is not None
                        else _tr("cannot be read"))
            kind = _tr("automatic") if item.automatic else _tr("saved by you")
            row = QListWidgetItem(f"{datetime_text(item.taken_at)}  ·  {contacts}  ·  {kind}\n"
                                  f"{item.path}")
            row.setData(Qt.ItemDataRole.UserRole, item.path)
            row.setFlags(row.flags() if item.contacts is not None
                         else row.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(row)
        if not backups:
            self.list.addItem(_tr("No backups in %1 yet.").replace("%1", str(paths.backup_dir())))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.setMinimumSize(560, 260)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept_selected())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        other = QPushButton(_tr("Choose another file…"))
        other.setObjectName("chooseFile")
        other.clicked.connect(self._choose_file)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button = buttons.addButton(_tr("Restore"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        theme.set_role(self.restore_button, "primary")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.chosen = Path(item.data(Qt.ItemDataRole.UserRole))
            self.accept()

    def _choose_file(self) -> None:
        path = dialogs.open_file(self, _tr("Restore from"), _tr(FILTERS), paths.backup_dir())
        if path is not None:
            self.chosen = path
            self.accept()


def choose_backup(window) -> Path | None:
    dialog = RestoreDialog(backup_service.list_backups(paths.backup_dir()), window)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None


def restore(window) -> bool:
    chosen = choose_backup(window)
    return chosen is not None and restore_from(window, chosen)


def restore_from(window, backup_file: Path) -> bool:
    """Asks, then replaces the open database with `backup_file` and shows it."""
    question = _tr("Replace the database\n%1\nwith the backup\n%2?\n\n"
                   "The current database is kept beside it first.")
    question = question.replace("%1", str(window.store.path)).replace("%2", str(backup_file))
    if not dialogs.ask_yes_no(window, question, _tr("Restore backup"), yes=_tr("Restore")):
        return False
    try:
        kept = window.with_store_closed(
            lambda db_path: backup_service.restore(db_path, backup_file))
    except UserError as exc:
        dialogs.error(window, str(exc), _tr("Cannot restore this backup"))
        return False
    message = _tr("Restored. The previous database was kept as %1").replace("%1", str(kept)) \
        if kept else _tr("Restored.")
    window.statusBar().showMessage(message, 15_000)
    return True
