"""Saving as the user types: edits are gathered for a moment, then written in one go.

Every editor of the wizard hands `AutoSaver.schedule` a key and a function that writes its
current value. The latest function per key wins, and all run together once the user has
paused for `DELAY_MS` (under a second, so a crash loses at most the last second of typing)
or at once on `flush()`, which the wizard calls on every page change and on close.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.errors import UserError

DELAY_MS = 600


class AutoSaver(QObject):
    """Debounced writes keyed by what they save; `flush()` writes whatever is pending."""

    saved = Signal()
    failed = Signal(object)  # the exception a write raised

    def __init__(self, parent: QObject | None = None, delay_ms: int = DELAY_MS):
        super().__init__(parent)
        self._pending: dict[str, Callable[[], object]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    def schedule(self, key: str, write: Callable[[], object]) -> None:
        self._pending[key] = write
        # Restarting on each keystroke would let a fast typist postpone saving forever:
        # the first edit of a burst starts the clock and later ones ride along.
        if not self._timer.isActive():
            self._timer.start()

    def pending(self) -> bool:
        return bool(self._pending)

    def discard(self, prefix: str = "") -> None:
        """Forgets pending writes whose key starts with `prefix` (all by default)."""
        for key in [k for k in self._pending if k.startswith(prefix)]:
            del self._pending[key]

    def flush(self) -> None:
        """Runs every pending write. One that fails with a UserError (disk full, file
        locked) stays pending, so the next edit or flush tries it again."""
        self._timer.stop()
        batch, self._pending = self._pending, {}
        errors = []
        for key, write in batch.items():
            try:
                write()
            except UserError as exc:
                self._pending.setdefault(key, write)  # unless a newer edit replaced it
                errors.append(exc)
            except Exception as exc:  # noqa: BLE001 - a bug: reported below, the rest saved
                errors.append(exc)
        if errors:
            self.failed.emit(errors[0])
        else:
            self.saved.emit()
