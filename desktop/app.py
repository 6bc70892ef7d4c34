"""The window's start-up: QApplication, theme, database, main window, then deferred work.

`run(args)` is what `coffee-chats` (no subcommand) runs, and `--smoke-test` runs the very
same path: it only differs in exiting 0 once the first paint is done and the event loop is
idle, and in printing errors instead of showing dialogs.

Start-up stays light on purpose (bench/startup.py measures it): only Qt, the store and the
first page are imported; other pages are built when first shown, and whatever can wait
(the automatic backup) starts after the first paint.
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__, logs, paths
from desktop.errors import UserError

log = logging.getLogger(__name__)

SMOKE_TEST_TIMEOUT_MS = 30_000


class FirstPaint(QObject):
    """Calls `then()` once, from the event loop, after the window's first paint event."""

    def __init__(self, window, then):
        super().__init__(window)
        self._then = then
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            watched.removeEventFilter(self)
            # A zero timer fires once the events queued behind this paint are handled.
            QTimer.singleShot(0, self._then)
        return False


def _application() -> tuple[QApplication, bool]:
    app = QApplication.instance()
    if app is not None:
        return app, False
    from desktop.ui import theme

    return theme.new_application(sys.argv[:1]), True


def _open_store(args):
    from desktop.services import open_store

    if args.demo:
        try:
            from desktop.services import demo
        except ImportError as exc:
            raise UserError("Demo data is not available in this version.") from exc
        return open_store(demo.throwaway_database())
    path = Path(args.db).expanduser() if args.db else paths.default_database()
    return open_store(path)


def _recover(args, refused: UserError):
    """A damaged database: offer the newest good backup in its place (the damaged file is
    kept aside). The store opened on the restored file; False when the user was asked and
    said no (or was told why it failed); None to refuse as before (no good backup)."""
    from desktop.errors import DatabaseDamaged

    if not isinstance(refused, DatabaseDamaged) or args.demo:
        return None
    from desktop.ui import restore_dialog

    path = Path(args.db).expanduser() if args.db else paths.default_database()
    restored = restore_dialog.offer_newest_backup(None, path, str(refused))
    if not restored:
        return restored
    try:
        return _open_store(args)
    except UserError as exc:
        log.warning("The restored database was refused too: %s", exc)
        return None


class Startup:
    """One run of the window: holds what must be cleaned up when the event loop ends."""

    def __init__(self, args):
        self.args = args
        self.smoke = bool(getattr(args, "smoke_test", False))
        self.threads: list[threading.Thread] = []
        self.window = None
        self.started = time.perf_counter()

    def after_first_paint(self) -> None:
        log.info("First paint after %.0f ms", (time.perf_counter() - self.started) * 1000)
        # __main__ turned collection off for the start-up. What start-up made stays: freeze it,
        # so the first collections do not walk all of it (a few hundred start-up objects in
        # cycles stay uncollected; `run` unfreezes them for a test's QApplication).
        gc.freeze()
        gc.enable()
        if not self.args.demo:
            self._in_background("automatic backup", self._automatic_backup)
        if self.smoke:
            # exit(0), not quit(): quit() first closes every window, and in a process that
            # goes on (the tests) it left later worker threads stalled.
            QTimer.singleShot(0, lambda: QApplication.exit(0))
        else:
            # The bundled Hangul/CJK fallback font (~7 ms to read) waits for the first paint;
            # what is on screen is then laid out again. A smoke run ends here and skips it.
            QTimer.singleShot(0, self._register_fonts)

    def _register_fonts(self) -> None:
        from desktop.ui import fonts

        fonts.register_bundled(QApplication.instance())

    def _in_background(self, name: str, work) -> None:
        thread = threading.Thread(target=work, name=name, daemon=True)
        thread.start()
        self.threads.append(thread)

    def _automatic_backup(self) -> None:
        """Runs in a thread. A failure is logged and shown in the status bar, never a crash:
        the user is mid-way through something else, and their data is not at risk."""
        from desktop.services import backup

        try:
            made = backup.automatic_backup(self.window.store.path, paths.backup_dir())
        except UserError as exc:
            log.warning("Automatic backup failed: %s", exc)
            self._tell(QApplication.translate("app", "The automatic backup failed: %1")
                       .replace("%1", str(exc)))
            return
        except Exception:
            log.exception("Automatic backup failed")
            self._tell(QApplication.translate(
                "app", "The automatic backup failed; the log file has the details."))
            return
        if made is not None:
            log.info("Automatic backup written")

    def _tell(self, message: str) -> None:
        window = self.window
        # Widgets belong to the GUI thread: the timer runs the call there.
        QTimer.singleShot(0, window, lambda: window.statusBar().showMessage(message, 15_000))

    def join(self, timeout: float = 30.0) -> None:
        for thread in self.threads:
            thread.join(timeout)


def run(args) -> int:
    """Opens the window on the chosen database; returns the process exit code."""
    from desktop.ui import APPLICATION, ORGANIZATION, dialogs, icons, settings, theme
    from desktop.ui.crash import CrashHandler

    startup = Startup(args)
    log_path = logs.setup()
    app, created = _application()
    # Only a test's QApplication needs its look back (asking for the style costs start-up
    # time: theme.new_application says why).
    saved_look = None if created else (app.style().name(), app.palette(), app.styleSheet())
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    crash = CrashHandler(interactive=not startup.smoke, log_path=lambda: log_path).install()
    previous_sigint = signal.getsignal(signal.SIGINT)
    stop_following = None
    try:
        from desktop.ui import single_instance, translations, welcome

        guard = single_instance.start(args)
        if guard is None:  # this database is open in another window, now brought forward
            return 0
        from desktop.ui.main_window import MainWindow, theme_choice

        translations.install(app)  # the user's language, when translated
        theme.apply(app, theme_choice())
        app.setWindowIcon(icons.app_icon())
        stop_following = theme.follow_system(app, theme_choice)
        try:
            store = _open_store(args)
        except UserError as exc:
            log.warning("Database refused: %s", exc)
            store = None if startup.smoke else _recover(args, exc)
            if store is False:  # offered a backup: the user said no, or was told why not
                return 2
            if store is None:
                if startup.smoke:
                    print(f"coffee-chats: {exc}", file=sys.stderr)
                else:
                    dialogs.error(None, str(exc),
                                  app.translate("app", "Cannot open the database"))
                return 2
        window = startup.window = MainWindow(store)
        window.log_file = log_path
        guard.attach(window)  # a second launch on this database brings this window forward
        if args.demo:
            window.demo_path = store.path
            window.show_store_path()
        if startup.smoke:
            # Parented to the window so it dies with it: a stray exit() later would end
            # whatever event loop runs then (a test's, in the same process).
            deadline = QTimer(window, singleShot=True, interval=SMOKE_TEST_TIMEOUT_MS)
            deadline.timeout.connect(lambda: _timed_out(app))
            deadline.start()
        else:
            # Python only sees Ctrl+C between Qt events: wake it up now and then.
            signal.signal(signal.SIGINT, lambda *_: app.quit())
            waker = QTimer(window, interval=500)
            waker.timeout.connect(lambda: None)
            waker.start()
        FirstPaint(window, startup.after_first_paint)
        welcome.schedule(window, args)  # first run on the default database only
        window.show()
        code = app.exec()
        window.save_geometry()
        if crash.failures and not code:
            code = 1
        return code
    except Exception as exc:
        # A bug during start-up: same report as a bug later, then a non-zero exit.
        crash.handle(type(exc), exc, exc.__traceback__)
        return 1
    finally:
        signal.signal(signal.SIGINT, previous_sigint)
        if stop_following is not None:
            stop_following()
        startup.join()
        if startup.window is not None:
            startup.window.hide()
            startup.window.store.close()
            startup.window.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        crash.uninstall()
        if not created:  # a test's QApplication: leave it as we found it
            # The collector gets back what start-up froze. (A process of our own is ending:
            # walking all of that again would only slow the exit.)
            gc.unfreeze()
            style, palette, sheet = saved_look
            app.setStyleSheet(sheet)
            app.setPalette(palette)
            if style:  # empty when a stylesheet was set before: then there is none to restore
                app.setStyle(style)
                app.setProperty("coffeeFusion", None)
        settings().sync()
        logs.shutdown()


def _timed_out(app: QApplication) -> None:
    app.exit(3)  # first: a closed stderr (a pipe whose reader left) must not keep it running
    try:
        print(f"coffee-chats: no first paint within {SMOKE_TEST_TIMEOUT_MS // 1000} s",
              file=sys.stderr)
    except (OSError, ValueError):
        pass
