"""Switching the main window to another database file: open, restore, and closing what
works on the old one first (models are bound to the file opened last)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.services import open_store
from desktop.ui import dialogs


def _tr(text: str) -> str:
    # The strings belong to the main window's translation context.
    return QCoreApplication.translate("MainWindow", text)


class StoreSwitching:
    """Mixed into MainWindow: needs its `store`, `_pages`, `_stale`, `stack`, `show_page`,
    `current_key`, `show_store_path`, `refresh_badges` and `store_changed`."""

    def choose_database(self) -> None:
        path = dialogs.open_file(
            self, _tr("Open database"),
            _tr("Coffee Chats databases (*.sqlite *.db);;All files (*)"),
            self.store.path.parent)
        if path is not None:
            self.open_database(path)

    def open_database(self, path) -> bool:
        """Switches to the database at `path`; on refusal says why and keeps the current one."""
        from desktop.errors import UserError

        self.close_store_windows()
        try:
            store = open_store(path)
        except UserError as exc:
            dialogs.error(self, str(exc), _tr("Cannot open this database"))
            return False
        self.set_store(store)
        return True

    def set_store(self, store) -> None:
        """Closes the current store and shows `store`; every page is rebuilt when next shown."""
        key = self.current_key()
        self._drop_pages()
        old, self.store = self.store, store
        if old is not store:
            old.close()
        self._show_store(key)

    def with_store_closed(self, work: Callable):
        """Closes the database, runs `work(path)`, then opens the same path again.

        For restoring a backup: the file may only be replaced while no connection is open.
        The database is reopened whatever `work` did, and `work`'s result returned.
        """
        key = self.current_key()
        path = self.store.path
        self.close_store_windows()
        self._drop_pages()
        self.store.close()
        try:
            return work(path)
        finally:
            self.store = open_store(path)
            self._show_store(key)

    def close_store_windows(self) -> None:
        """Closes the windows working on the current database (the interview wizard writes
        what is pending as it closes) before another file is opened: models are bound to
        the file opened last, so a late write would land in the wrong database."""
        for child in self.findChildren(QWidget):
            if child.isWindow() and child.isVisible() and child is not self:
                child.close()

    def _drop_pages(self) -> None:
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.hide()
            page.deleteLater()
        self._pages.clear()
        self._stale.clear()

    def _show_store(self, key: str) -> None:
        self.show_store_path()
        self.show_page(key)
        self.refresh_badges()
        self.store_changed.emit(self.store)

