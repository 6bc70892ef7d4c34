"""How long the interview wizard takes to open, on the demo data with many contacts.

Run: python bench/wizard_open.py [N_CONTACTS]  (offscreen; builds a throwaway database).
Prints the median of 5 openings of a scheduled chat (Prep) and a held chat (Wrap-up), and
of one autosave flush after typing into the goal.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    contacts = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    folder = Path(tempfile.mkdtemp())
    db = folder / "bench.sqlite"
    subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(db),
                    "--contacts", str(contacts)], check=True, capture_output=True)
    from PySide6.QtWidgets import QApplication

    from desktop.domain.enums import ChatStatus
    from desktop.services import chats, open_store
    from desktop.ui.wizard.chat_wizard import ChatWizard

    app = QApplication([])
    store = open_store(db)
    all_chats = chats.list_chats(store)
    scheduled = next(c for c in all_chats if c.status is ChatStatus.SCHEDULED)
    held = next(c for c in all_chats if c.status is ChatStatus.HELD)
    for name, chat in (("prep (scheduled)", scheduled), ("wrap-up (held)", held)):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            wizard = ChatWizard(store, chat.id)
            wizard.show()
            app.processEvents()
            times.append(time.perf_counter() - start)
            wizard.close()
            wizard.deleteLater()
            app.processEvents()
        print(f"open {name}: median {statistics.median(times) * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}) "
              f"with {contacts} extra contacts")
    wizard = ChatWizard(store, scheduled.id)
    wizard.prep.goal_edit.setText("x")
    wizard.prep._save_field("goal", "benchmark goal")
    start = time.perf_counter()
    wizard.flush()
    print(f"one autosave flush: {(time.perf_counter() - start) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
