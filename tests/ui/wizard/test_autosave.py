"""The autosaver: one write per key, at most one delay late, and failed writes retried."""

from __future__ import annotations

from desktop.errors import UserError
from desktop.ui.wizard.autosave import AutoSaver


def test_latest_write_per_key_wins_and_runs_after_the_delay(qtbot):
    saver = AutoSaver(delay_ms=50)
    done = []
    with qtbot.waitSignal(saver.saved, timeout=10_000):  # generous: a loaded machine is slow
        saver.schedule("goal", lambda: done.append("a"))
        saver.schedule("goal", lambda: done.append("b"))
        saver.schedule("place", lambda: done.append("p"))
        assert done == [] and saver.pending()  # nothing written until the pause
    assert sorted(done) == ["b", "p"] and not saver.pending()


def test_a_failed_write_is_kept_for_the_next_flush(qtbot):
    saver = AutoSaver(delay_ms=10_000)
    failures, done = [], []
    saver.failed.connect(failures.append)
    disk_full = [True]

    def write():
        if disk_full[0]:
            raise UserError("The disk is full.")
        done.append("saved")

    saver.schedule("answer", write)
    saver.flush()
    assert saver.pending() and str(failures[0]) == "The disk is full."
    disk_full[0] = False
    saver.flush()
    assert not saver.pending() and done == ["saved"]


def test_a_bug_is_reported_not_retried(qtbot):
    saver = AutoSaver()
    failures = []
    saver.failed.connect(failures.append)
    saver.schedule("x", lambda: 1 / 0)
    saver.flush()
    assert isinstance(failures[0], ZeroDivisionError) and not saver.pending()
