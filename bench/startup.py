"""Start-up benchmark (not a test): `coffee-chats --smoke-test` against a bare PySide6 window.

Makes a database with 10,000 synthetic contacts and 500 chats (plus the demo data), then
times whole processes, alternating: the app's smoke test on that database, and a bare
script that shows an empty QMainWindow and exits after its first paint. Prints each run,
the medians and their ratio. Goal: ratio ≤ 1.25.

    python bench/startup.py [--runs 7] [--contacts 10000] [--platform offscreen|xcb]

The data, settings and backup folders point into a temporary folder; one warm-up run of
each is not counted (it fills the OS cache, writes the byte-code cache as a pip install
would, and makes the day's automatic backup).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The end of every timed window script: show `window`, and quit once its first paint is done.
SHOW_UNTIL_FIRST_PAINT = r"""
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1180, 740)
""" + SHOW_UNTIL_FIRST_PAINT


def make_database(path: Path, contacts: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from desktop.services import demo, open_store

    started = time.perf_counter()
    if hasattr(demo, "create_demo"):
        demo.create_demo(path, synthetic=contacts)
    else:
        with open_store(path) as store:
            demo.fill(store)
            demo.add_synthetic(store, contacts)
    with open_store(path) as store:
        people, chats = store.db.execute_sql(
            "SELECT (SELECT count(*) FROM contact), (SELECT count(*) FROM chat)").fetchone()
    print(f"database: {people:,} contacts, {chats:,} chats, "
          f"{path.stat().st_size / 1e6:.1f} MB, made in {time.perf_counter() - started:.1f} s")


def timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[:3]}… failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="coffee-bench-") as tmp:
        home = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform,
                   XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_CACHE_HOME=str(home / "cache"), COFFEE_CHATS_NO_WELCOME="1",
                   # As installed by pip: byte-code compiled once, not on every start.
                   PYTHONPYCACHEPREFIX=str(home / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = home / "bench.sqlite"
        make_database(db, args.contacts)
        app = [sys.executable, "-m", "desktop", "--smoke-test", "--db", str(db)]
        bare = [sys.executable, "-c", BARE]
        timed(app, env)  # warm-up: caches, and the day's automatic backup
        timed(bare, env)
        app_times, bare_times = [], []
        for n in range(args.runs):
            # Alternate which goes first, so drift in the machine's load hits both alike.
            order = [(app, app_times), (bare, bare_times)]
            for command, times in order if n % 2 == 0 else reversed(order):
                times.append(timed(command, env))
            print(f"run {n + 1}: app {app_times[-1] * 1000:6.0f} ms   "
                  f"bare {bare_times[-1] * 1000:6.0f} ms")
        app_median = statistics.median(app_times)
        bare_median = statistics.median(bare_times)
        ratio = app_median / bare_median
        print(f"median: app {app_median * 1000:.0f} ms, bare {bare_median * 1000:.0f} ms, "
              f"ratio {ratio:.2f} (goal ≤ 1.25) on {args.platform}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
