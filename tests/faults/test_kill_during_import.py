"""SIGKILL while `coffee-chats import` commits: the database opens, passes integrity_check, and
holds all of the import or none of it.

Each trial copies a small database, starts the real command on a 6,000-row LinkedIn file in
a child process, and kills it at a random moment: before it writes, while its transaction
pours pages into the -wal file (the kill lands when the file passes a random size), or in
the few milliseconds after (the commit's sync, the checkpoint on close). The whole import
takes ~0.3 s here and its writing ~30 ms, so the parent watches the -wal size without
sleeping.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.services import contacts, open_store
from tests.faults.conftest import linkedin_csv

ROOT = Path(__file__).resolve().parents[2]
ROWS = 6000
SEED = int(os.environ.get("COFFEE_CHATS_KILL_SEED", "8"))


def _wal_size(db: Path) -> int:
    try:
        return db.with_name(db.name + "-wal").stat().st_size
    except OSError:
        return -1


def _trial(seed_db: Path, source: Path, db: Path, env: dict, kill) -> dict:
    shutil.copyfile(seed_db, db)
    child = subprocess.Popen([sys.executable, "-m", "desktop", "import", str(source),
                              "--db", str(db)], env=env, cwd=db.parent,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    killed_at_wal = None
    try:
        killed_at_wal = kill(child, db)
    finally:
        stderr = child.communicate(timeout=30)[1]
    with open_store(db) as store:
        check = store.db.execute_sql("PRAGMA integrity_check").fetchone()[0]
        broken_links = store.db.execute_sql("PRAGMA foreign_key_check").fetchall()
        people = len(contacts.list_rows(store))
    return {"code": child.returncode, "wal": killed_at_wal, "check": check,
            "links": broken_links, "contacts": people, "stderr": stderr}


def _kill_at_time(delay: float):
    def kill(child, db):
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        return _wal_size(db)
    return kill


def _kill_at_wal_size(threshold: int, extra: float = 0.0):
    def kill(child, db):
        deadline = time.monotonic() + 20
        while child.poll() is None and time.monotonic() < deadline:
            size = _wal_size(db)
            if size >= threshold:
                if extra:
                    time.sleep(extra)
                child.send_signal(signal.SIGKILL)
                return size
        return None
    return kill


def test_a_killed_import_leaves_all_or_nothing(filled, tmp_path):
    source = tmp_path / "Connections.csv"
    source.write_text(linkedin_csv(ROWS), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rng = random.Random(SEED)
    kills = [_kill_at_time(rng.uniform(0.0, 0.15))]
    kills += [_kill_at_wal_size(rng.randint(1, 2_000_000)) for _ in range(4)]
    kills += [_kill_at_wal_size(2_000_000, extra=rng.uniform(0.0, 0.01))]
    results = []
    for n, kill in enumerate(kills):
        result = _trial(filled, source, tmp_path / f"trial-{n}.sqlite", env, kill)
        results.append(result)
        assert result["check"] == "ok", result
        assert result["links"] == [], result
        assert result["contacts"] in (2, 2 + ROWS), result  # all or none, never a part
        assert result["code"] in (0, -signal.SIGKILL), result
    mid_write = [r for r in results if r["code"] == -signal.SIGKILL and (r["wal"] or 0) > 0]
    assert mid_write, f"no kill landed while the import was writing: {results}"
