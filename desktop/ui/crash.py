"""The global exception hook: a bug is logged and shown as a crash report with the log path.

Two kinds of failure (see desktop/errors.py): a `UserError` that escapes to the event loop
gets a calm message and no report; anything else is a bug. In a non-interactive run
(`--smoke-test`) no dialog opens: the traceback goes to stderr and the app exits non-zero.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import QApplication

from desktop.errors import UserError
from desktop.ui import dialogs

log = logging.getLogger("desktop.crash")


def _tr(text: str) -> str:
    return QCoreApplication.translate("crash", text)


class CrashHandler:
    """Installed as sys.excepthook (and threading.excepthook) while the window runs."""

    def __init__(self, *, interactive: bool = True,
                 log_path: Callable[[], Path | None] = lambda: None):
        self.interactive = interactive
        self.log_path = log_path
        self.failures = 0
        self._showing = False
        self._previous: tuple | None = None

    def install(self) -> CrashHandler:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        # Dialogs belong to the GUI thread: hand the report over to it.
        exc_info = (args.exc_type, args.exc_value, args.exc_traceback)
        QTimer.singleShot(0, QApplication.instance(), lambda: self.handle(*exc_info))

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            _exit(130)
            return
        if issubclass(exc_type, UserError):
            log.warning("%s", exc)
            if not self.interactive:
                print(f"coffee-chats: {exc}", file=sys.stderr)
                self.failures += 1
                _exit(2)
            elif not self._showing:
                self._show(lambda: dialogs.warn(QApplication.activeWindow(), str(exc)))
            return
        self.failures += 1
        log.error("Unexpected error", exc_info=(exc_type, exc, tb))
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if not self.interactive:
            print(details, file=sys.stderr, end="")
            _exit(1)
            return
        if self._showing:
            return  # one report at a time; the rest is in the log
        summary = _tr("Coffee Chats hit a bug: %s") % (str(exc) or exc_type.__name__)
        self._show(lambda: dialogs.crash_report(
            QApplication.activeWindow(), summary, details, self._safe_log_path()))

    def _show(self, show: Callable[[], None]) -> None:
        self._showing = True
        try:
            show()
        except Exception:  # the report itself failed: keep it in the log at least
            log.exception("Could not show the error dialog")
        finally:
            self._showing = False

    def _safe_log_path(self) -> Path | None:
        try:
            return self.log_path()
        except Exception:
            return None


def _exit(code: int) -> None:
    """Ends the running event loop with `code`; does nothing when none runs yet.

    Called before exec(), QApplication.exit() would make the next event loop of the process
    return at once (the caller of run() handles a failure during start-up itself).
    """
    if QThread.currentThread().loopLevel() > 0:
        QApplication.exit(code)
