"""`coffee-chats --smoke-test`: the user's start-up path, exiting 0 after the first paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from desktop.__main__ import main
from desktop.services import open_store
from tests.ui.conftest import seed


def test_smoke_test_on_a_new_database(qapp, db_path):
    assert main(["--smoke-test", "--db", str(db_path)]) == 0
    assert db_path.exists()


def test_smoke_test_with_data(qapp, db_path):
    with open_store(db_path) as store:
        seed(store)
    assert main(["--db", str(db_path), "--smoke-test"]) == 0


def test_smoke_test_refuses_a_garbage_file_and_leaves_it(qapp, tmp_path, capsys):
    garbage = tmp_path / "notes.sqlite"
    content = b"These are my notes, not a database.\n" * 100
    garbage.write_bytes(content)
    assert main(["--smoke-test", "--db", str(garbage)]) != 0
    assert garbage.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "notes.sqlite"]
    assert "not a Coffee Chats database" in capsys.readouterr().err


def test_smoke_test_fails_on_an_error_during_start_up(qapp, db_path, monkeypatch, capsys):
    from desktop.ui import main_window

    def broken(self, store, parent=None):
        raise RuntimeError("broken window")

    monkeypatch.setattr(main_window.MainWindow, "__init__", broken)
    assert main(["--smoke-test", "--db", str(db_path)]) == 1
    assert "broken window" in capsys.readouterr().err


def test_smoke_test_fails_on_an_error_in_the_event_loop(qapp, db_path, monkeypatch, capsys):
    from desktop import app

    def broken(self):
        raise RuntimeError("broken after paint")

    monkeypatch.setattr(app.Startup, "after_first_paint", broken)
    assert main(["--smoke-test", "--db", str(db_path)]) == 1
    assert "broken after paint" in capsys.readouterr().err


HEAVY = ("reportlab", "vobject", "icalendar", "desktop.io", "desktop.reports",
         # Not needed for the first paint (bench/startup.py): loaded when an action runs.
         "desktop.domain.records", "desktop.domain.drafts", "desktop.services.chat_flow",
         "PySide6.QtNetwork",  # the single-instance guard: not for --smoke-test
         "logging.handlers",  # desktop/logs.py rotates its file itself
         # Today's first figures and rows are plain SQL: the store makes its peewee side
         # (about 25 ms of imports) when a service first needs it, after the first paint.
         "peewee", "desktop.db.models", "desktop.db.peewee_db")
PROBE = f"""
import json, sys
HEAVY = {HEAVY!r}
from desktop import app
from desktop.__main__ import main
seen = []
after_first_paint = app.Startup.after_first_paint
def noting(self):
    seen.extend(m for m in sys.modules if m.startswith(HEAVY))
    after_first_paint(self)
app.Startup.after_first_paint = noting
code = main(["--smoke-test", "--db", sys.argv[1]])
print(json.dumps({{"code": code, "heavy": sorted(seen)}}))
"""


def test_start_up_does_not_import_heavy_modules(db_path):
    """What is loaded when the first paint is done (the smoke test's exit follows it)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", PROBE, str(db_path)], env=env,
                          capture_output=True, text=True, timeout=60)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "heavy": []}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_looks_start(qapp, db_path, scheme):
    from desktop.ui import settings

    settings().setValue("view/theme", scheme)
    assert main(["--smoke-test", "--db", str(db_path)]) == 0


def test_smoke_test_on_the_demo_data(qapp):
    assert main(["--demo", "--smoke-test"]) == 0


def test_the_demo_says_it_is_a_throwaway(qtbot, tmp_path):
    from desktop.services import demo
    from desktop.ui.main_window import MainWindow

    path = tmp_path / "demo.sqlite"
    demo.create_demo(path)
    window = MainWindow(open_store(path))
    qtbot.addWidget(window)
    window.demo_path = path
    window.show_store_path()
    assert "throwaway" in window.statusBar().currentMessage()
    window.store.close()


def test_a_refused_database_gets_a_message_box(qapp, tmp_path, monkeypatch):
    from desktop.ui import dialogs

    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"\x00" * 4096)
    shown = []
    monkeypatch.setattr(dialogs, "error", lambda parent, text, *a, **k: shown.append(text))
    assert main(["--db", str(garbage)]) == 2
    assert len(shown) == 1 and str(garbage) in shown[0]
    assert garbage.read_bytes() == b"\x00" * 4096


def _event_loop_runs(ms: int = 80) -> bool:
    import time

    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    started = time.perf_counter()
    loop.exec()
    return (time.perf_counter() - started) * 1000 >= ms * 0.8


def test_a_failed_start_leaves_the_process_able_to_run_event_loops(qapp, db_path, monkeypatch):
    """An exit() before exec() would make every later event loop return at once."""
    from desktop.ui import main_window

    def broken(self, store, parent=None):
        raise RuntimeError("broken window")

    monkeypatch.setattr(main_window.MainWindow, "__init__", broken)
    assert main(["--smoke-test", "--db", str(db_path)]) == 1
    assert _event_loop_runs()


def test_a_smoke_test_without_a_first_paint_ends_with_code_3_even_with_stderr_closed(
        qapp, db_path, monkeypatch):
    import io

    from desktop import app

    monkeypatch.setattr(app, "SMOKE_TEST_TIMEOUT_MS", 300)
    monkeypatch.setattr(app.Startup, "after_first_paint", lambda self: None)  # never exits
    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr(sys, "stderr", closed)  # as when the reader of a pipe went away
    assert main(["--smoke-test", "--db", str(db_path)]) == 3
