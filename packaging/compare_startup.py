"""Start-up of the frozen bundle against the unfrozen app (not a test; prints figures).

    python packaging/compare_startup.py --bundle dist/coffee-chats/coffee-chats [--runs 7]

Both run `--smoke-test` (start, open the database, first paint with data, exit) on the
same demo database with N synthetic contacts, alternating, after one warm-up each; and
`--version` (the command line without Qt). Data, settings and caches live in a temporary
folder. Prints the medians.
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

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command} failed ({done.returncode}):\n{done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the frozen executable")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--contacts", type=int, default=2000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="coffee-startup-") as tmp:
        home = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home),
                   XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_CACHE_HOME=str(home / "cache"), COFFEE_CHATS_NO_WELCOME="1",
                   PYTHONPYCACHEPREFIX=str(home / "pycache"),
                   PYTHONPATH=str(ROOT))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        db = home / "startup.sqlite"
        subprocess.run([str(args.bundle), "demo", "--db", str(db), "--contacts",
                        str(args.contacts)], env=env, check=True, capture_output=True)
        commands = {
            "frozen": [str(args.bundle)],
            "source": [sys.executable, "-m", "desktop"],
        }
        results: dict[str, dict[str, list[float]]] = {}
        for what, extra in (("--smoke-test", ["--smoke-test", "--db", str(db)]),
                            ("--version", ["--version"])):
            times: dict[str, list[float]] = {name: [] for name in commands}
            for command in commands.values():
                timed(command + extra, env)  # warm-up: OS cache, byte-code cache
            for n in range(args.runs):
                order = list(commands.items())
                for name, command in order if n % 2 == 0 else reversed(order):
                    times[name].append(timed(command + extra, env))
            results[what] = times
        for what, times in results.items():
            medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
            print(f"{what:13} frozen {medians['frozen']:6.0f} ms   "
                  f"source {medians['source']:6.0f} ms   "
                  f"(median of {args.runs}, {args.contacts:,} synthetic contacts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
