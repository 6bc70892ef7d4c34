"""Run by test_crash.py in a child process: the wizard on a chat, typing until killed.

Usage: python crash_child.py DB CHAT_ID. Prints "ready", then one line per action with the
monotonic time it finished: "note N T" after a note's Enter, "answer N T" after the N-th
character of an answer. The parent kills it with SIGKILL mid-stream.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from desktop.services import open_store  # noqa: E402
from desktop.ui.wizard.chat_wizard import ChatWizard  # noqa: E402


def main() -> None:
    app = QApplication(sys.argv[:1])
    store = open_store(sys.argv[1])
    wizard = ChatWizard(store, int(sys.argv[2]))
    wizard.show()
    quick = wizard.findChild(QLineEdit, "quickNoteEdit")
    answer = wizard.findChild(QLineEdit, "answerEdit")
    state = {"step": 0, "chars": 0}

    def step() -> None:
        state["step"] += 1
        n = state["step"]
        QTest.keyClicks(quick, f"note {n}")
        QTest.keyClick(quick, Qt.Key.Key_Return)
        print(f"note {n} {time.monotonic()}", flush=True)
        QTest.keyClicks(answer, "a")
        state["chars"] += 1
        print(f"answer {state['chars']} {time.monotonic()}", flush=True)

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(100)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
