"""The log file: a small rotating file in the data folder, set up once by the cli and the app.

What goes in: start-up, versions, timings, record ids, error types and tracebacks of bugs.
What never goes in: names, e-mails, note or question text, file contents — the log may be
attached to a bug report, and a user's contacts are not ours to share.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop import __version__, paths

LOG_NAME = "coffee-chats.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

_handler: logging.Handler | None = None


class RotatingFile(logging.FileHandler):
    """The rotation of logging.handlers.RotatingFileHandler (by size, `backupCount` old files
    `.1`, `.2`, ...) without importing logging.handlers: its sockets, pickle and queues cost
    every start-up a few milliseconds (bench/startup.py) for a file the app writes to."""

    def __init__(self, path: Path, *, maxBytes: int, backupCount: int):  # noqa: N803
        super().__init__(path, encoding="utf-8", delay=True)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, 2)
        if self.stream.tell() + len(f"{self.format(record)}\n") < self.maxBytes:
            return False
        return os.path.isfile(self.baseFilename)  # never "rotate" a device such as /dev/null

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]  # reopened by emit
        for n in range(self.backupCount - 1, 0, -1):
            older = f"{self.baseFilename}.{n}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{n + 1}")
        if self.backupCount > 0:
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        else:
            os.truncate(self.baseFilename, 0)
        _create_private(Path(self.baseFilename))


def _create_private(path: Path) -> None:
    # Created 0600 like the database: ids and paths are still the user's business.
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


def log_file() -> Path:
    return paths.log_dir() / LOG_NAME


def setup(level: int = logging.INFO, *, directory: Path | None = None) -> Path | None:
    """Sends the `desktop` loggers to the rotating file; returns its path, None if unwritable.

    Calling it again replaces the earlier handler (tests point it at a new folder). A log
    folder that cannot be made is not worth failing the app for: logging then stays off.
    """
    global _handler
    target = (directory or paths.log_dir()) / LOG_NAME
    logger = logging.getLogger("desktop")
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _create_private(target)
        handler = RotatingFile(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    # Our records stay in our file; they must not also reach the root logger's stderr.
    logger.propagate = False
    _handler = handler
    logger.info("Coffee Chats %s, pid %d", __version__, os.getpid())
    return target


def shutdown() -> None:
    """Closes the file (tests call it so tmp folders can be removed)."""
    global _handler
    if _handler is not None:
        logging.getLogger("desktop").removeHandler(_handler)
        _handler.close()
        _handler = None
