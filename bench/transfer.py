"""Benchmark: demo data with N synthetic contacts, JSON export and import, backup and restore.

Usage: python bench/transfer.py [N]   (default 10,000 contacts, N/20 chats)

Prints the wall time of each step, best of three runs, so later changes can be compared.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from desktop.io import json_format
from desktop.services import backup, demo, open_store, transfer


def _best(step, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return min(times)


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        counter = iter(range(1000))

        def make_demo() -> None:
            demo.create_demo(root / f"demo-{next(counter)}.sqlite", n)

        print(f"demo + {n:,} synthetic contacts: {_best(make_demo):.2f} s")
        source = root / "demo-0.sqlite"
        out = root / "all.json"

        def export() -> None:
            with open_store(source) as store:
                json_format.write_file(transfer.export_document(store), out)

        took = _best(export)
        print(f"export all as JSON ({out.stat().st_size / 1e6:.1f} MB): {took:.2f} s")

        def read() -> None:
            json_format.read_file(out)

        print(f"read and validate the JSON: {_best(read):.2f} s")
        document = json_format.read_file(out)

        def load() -> None:
            with open_store(root / f"import-{next(counter)}.sqlite") as store:
                transfer.import_document(store, document)

        print(f"import into an empty database: {_best(load):.2f} s")

        def copy() -> None:
            backup.copy_database(source, root / "backup.sqlite")

        print(f"backup (checked copy, {source.stat().st_size / 1e6:.1f} MB): "
              f"{_best(copy):.2f} s")

        def put_back() -> None:
            backup.restore(root / "restored.sqlite", root / "backup.sqlite")

        print(f"restore (checked, old file kept aside): {_best(put_back):.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
