"""The second-instance guard: one window per database, and a killed process never blocks."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtNetwork import QLocalServer

from desktop.ui import single_instance
from desktop.ui.single_instance import InstanceGuard

# A first instance in its own process: claims the name, says so, then waits for events.
CHILD = r"""
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from desktop.ui.single_instance import InstanceGuard

app = QCoreApplication([])
guard = InstanceGuard(sys.argv[1])
print("claimed" if guard.claim() else "other", flush=True)
guard.activated.connect(lambda: (print("activated", flush=True), app.quit()))
QTimer.singleShot(20_000, app.quit)
app.exec()
"""


def _args(**values) -> argparse.Namespace:
    base = {"db": None, "demo": False, "smoke_test": False, "command": None}
    base.update(values)
    return argparse.Namespace(**base)


def _child(db_path: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "claimed"
    return child


def test_a_second_guard_on_the_same_database_wakes_the_first(qtbot, db_path):
    first = InstanceGuard(db_path)
    assert first.claim() and first.listening
    second = InstanceGuard(db_path)
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert second.claim() is False
    assert not second.listening
    first.release()


def test_different_databases_do_not_interfere(qtbot, tmp_path):
    one, two = InstanceGuard(tmp_path / "a.sqlite"), InstanceGuard(tmp_path / "b.sqlite")
    assert one.claim() and two.claim()
    assert one.name != two.name
    one.release()
    two.release()


def test_the_name_follows_the_file_not_the_spelling(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert single_instance.server_name(Path("x.sqlite")) == \
        single_instance.server_name(tmp_path / "sub" / ".." / "x.sqlite")


def test_a_first_instance_in_another_process_is_brought_forward(qapp, db_path):
    child = _child(db_path)
    try:
        assert InstanceGuard(db_path).claim() is False
        out, _ = child.communicate(timeout=15)
        assert "activated" in out
    finally:
        child.kill()
        child.communicate()


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes vanish with the process")
def test_a_socket_left_by_a_killed_process_does_not_block(qapp, db_path):
    child = _child(db_path)
    name = single_instance.server_name(db_path)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate()
    probe = QLocalServer()
    assert not probe.listen(name), "the killed process should have left its socket file"
    guard = InstanceGuard(db_path)
    assert guard.claim() is True
    assert guard.listening
    guard.release()


def test_smoke_test_and_demo_are_not_guarded(qapp, db_path):
    first = InstanceGuard(db_path)
    assert first.claim()
    for args in (_args(db=db_path, smoke_test=True), _args(demo=True)):
        guard = single_instance.start(args)
        assert guard is not None and not guard.listening
    first.release()


def test_the_default_database_is_guarded(qapp):
    guard = single_instance.start(_args())
    try:
        assert guard is not None and guard.listening
        assert guard.db_path.name == "coffee-chats.sqlite"
    finally:
        guard.release()


def test_a_second_launch_exits_at_once_and_raises_the_first(qtbot, db_path):
    from desktop.__main__ import main

    first = InstanceGuard(db_path)
    assert first.claim()
    # If the guard failed, the window would stay open: close it after a while.
    QTimer.singleShot(10_000, lambda: __import__("PySide6.QtWidgets").QtWidgets
                      .QApplication.instance().quit())
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert main(["--db", str(db_path)]) == 0
    first.release()


def test_the_window_comes_forward_and_the_guard_follows_its_database(qtbot, window, tmp_path):
    guard = InstanceGuard(window.store.path)
    assert guard.claim()
    guard.attach(window)
    window.showMinimized()
    guard.activated.emit()
    assert not window.isMinimized()
    assert window.isVisible()

    other = tmp_path / "other.sqlite"
    assert window.open_database(other)
    assert guard.name == single_instance.server_name(other) and guard.listening
    assert InstanceGuard(tmp_path / "chats.sqlite").claim(), "the old name was given back"
