"""Benchmark: the contacts table at 50,000 contacts — filter keystrokes, sorts, memory.

Run: `python bench/contacts_filter.py [N]` (default 50,000). Builds a database with raw
`executemany` (bench/contacts_data.py), loads it with `services.contacts.list_rows`, shows a
real QTableView offscreen with the contacts model, then times

- each keystroke of a few typed words (model filter + reset + `processEvents` repaint),
- a sort on every column, ascending then descending (same timing boundary),

and prints medians and the peak resident memory (getrusage maxrss) after loading.
Goals (issue 3): keystroke median ≤ 30 ms, sort ≤ 50 ms.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from contacts_data import make_database  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.services import contacts, open_store  # noqa: E402
from desktop.ui.contacts import table_model as tm  # noqa: E402
from desktop.ui.contacts.table_view import ContactsTableView  # noqa: E402

TYPED = ["ann", "kowalski", "globex labs", "mentor", "zo", "product manager", "@example"]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def main(count: int = 50_000) -> None:
    path = Path(f"/tmp/bench-contacts-{count}.sqlite")
    began = time.perf_counter()
    make_database(path, count)
    print(f"data: {count} contacts written in {time.perf_counter() - began:.2f} s")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    app = QApplication.instance() or QApplication(sys.argv)
    store = open_store(path)
    began = time.perf_counter()
    rows = contacts.list_rows(store, include_archived=True)
    loaded = time.perf_counter()
    model = tm.ContactsTableModel()
    model.set_rows(rows)
    modelled = time.perf_counter()
    view = ContactsTableView()
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    shown = time.perf_counter()
    print(
        f"load: list_rows {_ms(loaded - began)} ms, model {_ms(modelled - loaded)} ms, "
        f"first paint {_ms(shown - modelled)} ms ({model.rowCount()} rows shown)"
    )

    keystrokes = []
    for word in TYPED:
        for n in range(1, len(word) + 1):
            start = time.perf_counter()
            model.set_filter(word[:n])
            app.processEvents()
            keystrokes.append(time.perf_counter() - start)
        for n in range(len(word) - 1, -1, -1):  # backspace back to empty
            start = time.perf_counter()
            model.set_filter(word[:n])
            app.processEvents()
            keystrokes.append(time.perf_counter() - start)
    print(
        f"filter: {len(keystrokes)} keystrokes, median {_ms(statistics.median(keystrokes))} ms,"
        f" p90 {_ms(sorted(keystrokes)[int(len(keystrokes) * 0.9)])} ms,"
        f" max {_ms(max(keystrokes))} ms"
    )

    sorts = []
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            start = time.perf_counter()
            header.setSortIndicator(column, order)  # what a click on the header does
            app.processEvents()
            sorts.append(time.perf_counter() - start)
    print(
        f"sort: {len(sorts)} sorts, median {_ms(statistics.median(sorts))} ms, "
        f"max {_ms(max(sorts))} ms"
    )

    model.set_filter("")
    app.processEvents()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"memory (this process): peak RSS {rss / 1024:.0f} MB "
        f"(before Qt and the rows: {rss_before / 1024:.0f} MB)"
    )
    store.close()
    print(f"memory (the app, a fresh process): {app_memory(path)}")


APP_PROBE = """
import os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
from desktop.services import open_store
from desktop.ui import theme
from desktop.ui.main_window import MainWindow
app = QApplication([])
theme.apply(app, "light")
began = time.perf_counter()
window = MainWindow(open_store(sys.argv[1]))
window.resize(1366, 768)
window.show()
page = window.show_page("contacts")
app.processEvents()
took = time.perf_counter() - began
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"peak RSS {rss:.0f} MB with the main window on the Contacts page, "
      f"{page.model.total()} contacts loaded in {took:.2f} s")
"""


def app_memory(path: Path) -> str:
    """The main window on the Contacts page, in its own process: peak RSS and load time."""
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", APP_PROBE, str(path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        check=False,
    )
    return done.stdout.strip() or done.stderr.strip()[-400:]


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
