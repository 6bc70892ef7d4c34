"""What the start-up goal is measured against, and the least a start page can cost.

bench/startup.py compares `coffee-chats --smoke-test` with a bare QMainWindow. This script
puts two hand-written windows between them, in one file each, with none of the app's code:

- "namespace + data": the bare window, plus Qt's `Qt` namespace (any widget code that
  aligns text or names a key uses it; PySide6 makes its ~100 Python enums at once), one
  SQLite read of the people count, and a label showing it;
- "start page": the same, plus a navigation list, a header with a search field, four menus
  of shortcuts, a status bar, and 27 rows (two painted lines of text and two buttons each,
  as Today shows) under a small stylesheet.

Each is timed as a whole process, alternating with the bare window; medians and ratios are
printed. The "start page" ratio is about the least any app with that first screen can reach
on this stack, however its own code is written.

    python bench/startup_floor.py [--runs 9] [--contacts 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import BARE, SHOW_UNTIL_FIRST_PAINT, make_database, timed  # noqa: E402

WINDOW = r"""
import sqlite3, sys
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QMainWindow, QPushButton, QScrollArea, QToolBar, QVBoxLayout, QWidget)

full = sys.argv[2] == "page"
app = QApplication([sys.argv[0], "-style", "Fusion"])
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
people = conn.execute("SELECT count(*) FROM contact WHERE archived = 0").fetchone()[0]
window = QMainWindow()
window.resize(1180, 740)
body = QWidget()
column = QVBoxLayout(body)
column.addWidget(QLabel(f"{people:,} people"), 0, Qt.AlignmentFlag.AlignLeft)


class Row(QWidget):
    def __init__(self, name, context):
        super().__init__()
        self.lines = (name, context)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 9, 0, 9)
        layout.addStretch(1)
        for text in ("Done", "Draft thank-you"):
            layout.addWidget(QPushButton(text))

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.drawText(0, 18, self.lines[0])
        painter.drawText(0, 36, self.lines[1])


central = QWidget()
across = QHBoxLayout(central)
if full:
    app.setStyleSheet("QPushButton { border: 1px solid #ccc; border-radius: 6px; "
                      "padding: 5px 14px; } QListWidget::item { padding: 9px; }")
    pages = QListWidget()
    pages.setFixedWidth(190)
    pages.addItems(["Today", "Contacts", "Chats", "Questions", "Insights"])
    across.addWidget(pages)
    for name, role in conn.execute(
            "SELECT first_name || ' ' || last_name, coalesce(role, '') FROM contact LIMIT 27"):
        column.addWidget(Row(name, role))
    header = QToolBar()
    header.addWidget(QLineEdit(placeholderText="Search"))
    window.addToolBar(header)
    for title in ("&File", "&Edit", "&View", "&Help"):
        menu = window.menuBar().addMenu(title)
        for n in range(9):
            action = QAction(f"Item {n}", window)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{n}"))
            menu.addAction(action)
    window.statusBar().showMessage(sys.argv[1])
scroll = QScrollArea()
scroll.setWidgetResizable(True)
scroll.setWidget(body)
across.addWidget(scroll, 1)
window.setCentralWidget(central)

""" + SHOW_UNTIL_FIRST_PAINT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--contacts", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coffee-floor-") as tmp:
        db = Path(tmp) / "bench.sqlite"
        make_database(db, args.contacts)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {
            "bare window": [sys.executable, "-c", BARE],
            "namespace + data": [sys.executable, "-c", WINDOW, str(db), "label"],
            "start page": [sys.executable, "-c", WINDOW, str(db), "page"],
        }
        for command in commands.values():  # warm-up: byte-code and the OS cache
            timed(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for n in range(args.runs):
            order = list(commands.items())
            for name, command in order if n % 2 == 0 else reversed(order):
                times[name].append(timed(command, env))
        bare = statistics.median(times.pop("bare window"))
        for name, taken in times.items():
            median = statistics.median(taken)
            print(f"{name}: {median * 1000:.0f} ms, bare {bare * 1000:.0f} ms, "
                  f"ratio {median / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
