"""The first-run welcome: when it appears (and never otherwise), and what each choice does."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop import paths
from desktop.__main__ import main
from desktop.domain import records as r
from desktop.services import contacts, open_store
from desktop.services import preferences as prefs
from desktop.ui import welcome
from desktop.ui.welcome import DEMO, EMPTY, IMPORT, WelcomeDialog


def _args(**values) -> argparse.Namespace:
    base = {"db": None, "demo": False, "smoke_test": False, "command": None}
    base.update(values)
    return argparse.Namespace(**base)


@pytest.fixture
def welcome_allowed(monkeypatch, qapp):
    monkeypatch.delenv(welcome.NO_WELCOME_ENV, raising=False)
    yield
    # main() ran the application's event loop and something quit it afterwards: Qt keeps a
    # "quit now" flag that makes every later QEventLoop (qtbot.wait, waitUntil) return at
    # once, so tests run after these ones timed out. Running exec() once more clears it.
    QTimer.singleShot(0, qapp.quit)
    qapp.exec()


def test_tests_never_see_it_unless_they_ask():
    assert not welcome.eligible(_args())


def test_only_a_plain_start_is_eligible(welcome_allowed, tmp_path):
    assert welcome.eligible(_args())
    assert not welcome.eligible(_args(db=tmp_path / "x.sqlite"))
    assert not welcome.eligible(_args(demo=True))
    assert not welcome.eligible(_args(smoke_test=True))


def test_wanted_on_a_new_default_database_only(tmp_path):
    with open_store(paths.default_database()) as store:
        assert welcome.wanted(store)
        prefs.set_welcome_done(store)
        assert not welcome.wanted(store)
    with open_store(tmp_path / "other.sqlite") as store:
        assert not welcome.wanted(store)


def test_not_wanted_once_there_is_data():
    with open_store(paths.default_database()) as store:
        contacts.save(store, r.Contact(first_name="Ana"))
        assert not welcome.wanted(store)


def test_it_appears_on_the_first_plain_start(welcome_allowed, qapp, monkeypatch):
    asked = []

    def answer(window):
        asked.append(window.store.path)
        QTimer.singleShot(0, QApplication.instance().quit)
        return EMPTY

    monkeypatch.setattr(welcome, "ask", answer)
    # Never hang on a failure; stopped afterwards, or its quit() 15 s later would end the
    # event loops of whatever tests run then (their waits time out).
    guard = QTimer(singleShot=True, interval=15_000)
    guard.timeout.connect(QApplication.instance().quit)
    guard.start()
    try:
        assert main([]) == 0
    finally:
        guard.stop()
    assert asked == [paths.default_database()]
    with open_store(paths.default_database()) as store:
        assert prefs.welcome_done(store)


@pytest.mark.parametrize("extra", [["--smoke-test"], ["--demo", "--smoke-test"],
                                   ["--db", "DB", "--smoke-test"]])
def test_it_never_appears_with_db_demo_or_smoke_test(welcome_allowed, qapp, monkeypatch,
                                                     tmp_path, extra):
    monkeypatch.setattr(welcome, "ask", lambda window: pytest.fail("the welcome appeared"))
    args = [str(tmp_path / "x.sqlite") if a == "DB" else a for a in extra]
    assert main(args) == 0


def test_it_never_appears_with_db_on_a_real_start(welcome_allowed, qapp, monkeypatch, db_path):
    monkeypatch.setattr(welcome, "ask", lambda window: pytest.fail("the welcome appeared"))
    QTimer.singleShot(300, QApplication.instance().quit)
    assert main(["--db", str(db_path)]) == 0


def test_the_dialog_tells_how_to_get_the_linkedin_file_and_where_data_lives(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    steps = " ".join(label.text() for label in
                     dialog.findChild(QWidget, "linkedinSteps").findChildren(QLabel))
    for words in ("Settings &amp; Privacy", "Data privacy", "Get a copy of your data",
                  "Connections", "Connections.csv"):
        assert words in steps
    assert str(paths.data_dir()) in dialog.findChild(QLabel, "dataFolder").text()
    assert dialog.import_button.isDefault()


@pytest.mark.parametrize("button, choice", [("import_button", IMPORT), ("demo_button", DEMO),
                                            ("empty_button", EMPTY)])
def test_each_button_gives_its_choice(qtbot, button, choice):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
    assert dialog.choice == choice and not dialog.isVisible()


def test_start_empty_marks_the_welcome_done(window, monkeypatch):
    monkeypatch.setattr(welcome, "ask", lambda w: EMPTY)
    assert welcome.show_welcome(window) == EMPTY
    assert prefs.welcome_done(window.store)


def test_import_goes_back_to_the_choices_when_cancelled(window, monkeypatch):
    answers = [IMPORT, IMPORT]
    imports = [False, True]
    monkeypatch.setattr(welcome, "ask", lambda w: answers.pop(0))
    window.set_feature("import", lambda w: imports.pop(0))
    assert welcome.show_welcome(window) == IMPORT
    assert answers == [] and imports == []
    assert prefs.welcome_done(window.store)


def test_the_demo_opens_a_throwaway_and_leaves_the_own_database_unmarked(window, monkeypatch):
    own = window.store.path
    monkeypatch.setattr(welcome, "ask", lambda w: DEMO)
    assert welcome.show_welcome(window) == DEMO
    assert window.store.path != own
    assert window.demo_path == window.store.path
    assert not prefs.is_empty(window.store)
    with open_store(own) as store:
        assert not prefs.welcome_done(store)


def test_help_menu_shows_it(window, monkeypatch):
    shown = []
    monkeypatch.setattr(welcome, "ask", lambda w: shown.append(w))
    window.actions["welcome"].trigger()
    assert shown == [window]
