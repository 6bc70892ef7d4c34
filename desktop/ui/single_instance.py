"""One window per database: a second launch on the same file brings the first window forward.

The first instance listens on a local socket (QLocalServer) whose name is derived from the
user and the database's resolved path, so two different databases can be open side by side
and two users never see each other. A later launch connects to that name first: when
something answers, it sends "activate" and exits; the first window comes to the front.

A killed process leaves its socket file behind (on Unix). Connecting to it fails at once
("connection refused"), and then `QLocalServer.removeServer` clears it before listening, so
a crash never blocks the next start. If listening still fails, the app starts anyway without
the guard: the guard is a courtesy, SQLite (WAL, busy timeout) keeps the data safe even with
two windows on one file.

Not guarded: `--demo` (a fresh throw-away file each time) and `--smoke-test`, which must
really start while the app is open on the same file (packaging and benchmarks run it); it
neither asks the running window to come forward nor takes over the name.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop import paths

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

# QtNetwork, hashlib and getpass are imported by the code that uses them: a start without a
# guard (--smoke-test, --demo: bench/startup.py) does without them.
log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
WRITE_TIMEOUT_MS = 1000
READ_TIMEOUT_MS = 300
ACTIVATE = b"activate\n"


def server_name(db_path: Path) -> str:
    """A short, stable name for this user and this database file."""
    import getpass
    import hashlib

    resolved = str(Path(db_path).expanduser().resolve())
    if sys.platform in ("win32", "darwin"):
        resolved = resolved.casefold()  # case-insensitive file systems: one file, one name
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (rare containers)
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    digest = hashlib.sha256(f"{user}\0{resolved}".encode()).hexdigest()[:24]
    return f"coffee-chats-{digest}"


def database_of(args) -> Path | None:
    """The file a window start on `args` opens; None when it needs no guard."""
    if getattr(args, "smoke_test", False) or getattr(args, "demo", False):
        return None
    return Path(args.db).expanduser() if getattr(args, "db", None) else paths.default_database()


def ask_first_instance(name: str) -> bool:
    """True when an instance listens on `name` and was asked to come forward."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    socket.waitForBytesWritten(WRITE_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceGuard(QObject):
    """Holds the name for one database while its window is open; emits `activated`."""

    activated = Signal()

    def __init__(self, db_path: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path = db_path
        self.name = server_name(db_path) if db_path is not None else ""
        self.server: QLocalServer | None = None

    @property
    def listening(self) -> bool:
        return self.server is not None and self.server.isListening()

    def claim(self) -> bool:
        """False when another instance has this database (it was told to come forward);
        True otherwise — listening on the name when possible."""
        if not self.name:
            return True
        if ask_first_instance(self.name):
            log.info("The database is open in another window; asked it to come forward")
            return False
        self._listen()
        return True

    def _listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        # Only this user may connect (on Unix the socket file is made 0700-like).
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Nobody answered, so what is there is left over from a killed process.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("Single-instance guard not active: %s", server.errorString())
                server.deleteLater()
                return
        server.newConnection.connect(self._connected)
        self.server = server

    def _connected(self) -> None:
        # Read each message here rather than in slots bound to the socket: the client
        # writes right after connecting, so it is there (or arrives within a moment).
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket.bytesAvailable() or socket.waitForReadyRead(READ_TIMEOUT_MS):
                message = bytes(socket.readAll().data())
            else:
                message = b""
            socket.abort()
            socket.deleteLater()
            if message.startswith(ACTIVATE.strip()):
                self.activated.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()  # also removes the socket file
            self.server.deleteLater()
            self.server = None

    def move_to(self, db_path: Path) -> None:
        """The window switched to another database (File → Open database…)."""
        self.release()
        self.db_path = Path(db_path)
        self.name = server_name(self.db_path)
        if ask_first_instance(self.name):
            # Open twice on purpose by the user: keep going without the guard.
            log.info("%s is also open in another window", db_path)
            return
        self._listen()

    def attach(self, window: QWidget) -> None:
        """Brings `window` forward on `activated`; follows its database; dies with it."""
        self.setParent(window)
        self.activated.connect(lambda: bring_forward(window))
        store_changed = getattr(window, "store_changed", None)
        if store_changed is not None and self.name:
            store_changed.connect(lambda store: self.move_to(store.path))


def start(args) -> InstanceGuard | None:
    """For app.run: None when another window has this database (this process should exit
    0); otherwise a guard to `attach` to the new window."""
    guard = InstanceGuard(database_of(args))
    if not guard.claim():
        guard.deleteLater()
        return None
    return guard


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    # Where the window manager refuses to hand over focus, the task bar entry blinks.
    QApplication.alert(window)
