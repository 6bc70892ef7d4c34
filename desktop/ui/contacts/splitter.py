"""The splitter between the contacts table and the detail panel: the panel starts at a set
width (the table takes the rest, and any room the window gains), and the handle stays where
the user left it, across runs (QSettings, `contacts/splitter`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSplitter

from desktop.ui import settings

SAVE_DELAY_MS = 400  # a drag moves the handle many times: write once it rests


class RememberedSplitter(QSplitter):
    def __init__(self, key: str, side_width: int, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.key, self.side_width = key, side_width
        self._placed = False
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self.splitterMoved.connect(lambda *_: self._save_timer.start())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Placed once the real width is known (sizes set earlier are scaled in proportion).
        if not self._placed:
            self._placed = True
            self.place()

    def hideEvent(self, event) -> None:
        if self._save_timer.isActive():
            self._save_timer.stop()
            self.save()
        super().hideEvent(event)

    def place(self) -> None:
        """Where the user left the handle, else the last pane at `side_width`."""
        state = settings().value(self.key)
        if state is not None and self.restoreState(state):
            return
        total = sum(self.sizes()) or self.width()
        side = min(self.side_width, total // 2)
        self.setSizes([total - side, side])

    def save(self) -> None:
        settings().setValue(self.key, self.saveState())
