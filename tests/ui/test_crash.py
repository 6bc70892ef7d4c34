"""The exception hook: a bug is logged and reported with the log path; a UserError is calm."""

from __future__ import annotations

import sys

from desktop import logs
from desktop.errors import UserError
from desktop.ui import dialogs
from desktop.ui.crash import CrashHandler


def _raise(exc):
    try:
        raise exc
    except Exception:
        return sys.exc_info()


def test_a_bug_is_logged_and_reported(qapp, tmp_path, monkeypatch):
    log_path = logs.setup(directory=tmp_path / "logs")
    reports = []
    monkeypatch.setattr(dialogs, "crash_report",
                        lambda parent, text, details, path: reports.append((text, details, path)))
    handler = CrashHandler(interactive=True, log_path=lambda: log_path).install()
    try:
        sys.excepthook(*_raise(ZeroDivisionError("division by zero in a slot")))
    finally:
        handler.uninstall()
        logs.shutdown()
    assert handler.failures == 1
    text, details, path = reports[0]
    assert "division by zero in a slot" in text
    assert "ZeroDivisionError" in details
    assert path == log_path
    logged = log_path.read_text(encoding="utf-8")
    assert "Unexpected error" in logged and "ZeroDivisionError" in logged


def test_a_user_error_gets_a_calm_message(qapp, monkeypatch):
    calm, reports = [], []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text, *a, **k: calm.append(text))
    monkeypatch.setattr(dialogs, "crash_report", lambda *a: reports.append(a))
    handler = CrashHandler(interactive=True)
    handler.handle(*_raise(UserError("That file is locked.")))
    assert calm == ["That file is locked."]
    assert reports == [] and handler.failures == 0


def test_the_hook_is_installed_and_removed(qapp):
    before = sys.excepthook
    handler = CrashHandler(interactive=False).install()
    assert sys.excepthook == handler.handle
    handler.uninstall()
    assert sys.excepthook is before


def test_a_failing_report_is_still_logged(qapp, monkeypatch, tmp_path):
    def broken(*_args):
        raise RuntimeError("no display")

    log_path = logs.setup(directory=tmp_path / "logs")
    monkeypatch.setattr(dialogs, "crash_report", broken)
    handler = CrashHandler(interactive=True)
    try:
        handler.handle(*_raise(KeyError("x")))
    finally:
        logs.shutdown()
    logged = log_path.read_text(encoding="utf-8")
    assert "KeyError" in logged and "Could not show the error dialog" in logged
