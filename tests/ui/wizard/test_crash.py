"""Killed mid-chat: every note typed more than a second before the kill is in the database.

"Before the kill" is measured from the child's last sign of life (the last line it printed,
read after the kill too), not only from the moment the parent sent the signal: on a loaded
machine the child can sit stalled (no CPU, a slow disk) for a while before the signal lands,
and what it could not run in that time says nothing about the autosave.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.domain import records as r
from desktop.domain.enums import ChatStatus
from desktop.services import chat_flow, chats, contacts, open_store

CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[3]


def test_sigkill_loses_nothing_older_than_a_second(db_path, tmp_path):
    with open_store(db_path) as store:
        who = contacts.save(store, r.Contact(first_name="Kai", last_name="Tanaka"))
        chat = chats.create(store, who.id, status=ChatStatus.SCHEDULED)
        chats.plan_questions(store, chat.id, [r.ChatQuestion("First?"), r.ChatQuestion("Next?")])
        chat_flow.start(store, chat.id)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, str(CHILD), str(db_path), str(chat.id)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env, cwd=tmp_path)
    notes: list[tuple[str, float]] = []
    answers: list[tuple[int, float]] = []

    def read(line: str) -> None:
        parts = line.split()
        if len(parts) != 3:  # a line cut short by the kill
            return
        what, n, at = parts
        if what == "note":
            notes.append((f"note {n}", float(at)))
        else:
            answers.append((int(n), float(at)))

    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        deadline = time.monotonic() + 30
        while len(notes) < 18 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            read(line)
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=10)
        for line in child.stdout.read().splitlines():  # printed before the signal landed
            read(line)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert len(notes) >= 15, "the child typed too little to tell"

    # The child's event loop ran until its last line (time.monotonic is one clock for both
    # processes); a timer due a second before that had its turn.
    last_alive = min(killed_at, max(at for _text, at in notes + answers))
    with open_store(db_path) as store:
        saved = {n.text for n in chats.notes(store, chat.id)}
        answer = chats.questions(store, chat.id)[0].answer
    older = [text for text, at in notes if at < last_alive - 1.0]
    assert older and all(text in saved for text in older)
    typed_before = max(n for n, at in answers if at < last_alive - 1.0)
    assert len(answer) >= typed_before
