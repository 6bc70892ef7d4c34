"""A store opened before peewee is loaded (every start of the window): plain SQL on its own
connection first, then the models bound to the store opened last, on that same connection.

Runs in a fresh interpreter: this test process has loaded peewee long ago."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing

PROBE = """
import json, sys
from desktop.db import open_database

first = open_database(sys.argv[1])
first.sql("INSERT INTO setting (key, value) VALUES ('who', 'first')")
first.close()
second = open_database(sys.argv[2])
second.sql("INSERT INTO setting (key, value) VALUES ('who', 'second')")
plain = second._conn
loaded_early = "peewee" in sys.modules
from desktop.db import models as m
m.Setting.update(value="second, then the models").where(m.Setting.key == "who").execute()
print(json.dumps({
    "peewee_before_the_models": loaded_early,
    "closed_store_bound": first._db is not None,
    "same_connection": second.db.connection() is plain,
    "seen_by_sql": second.sql("SELECT value FROM setting WHERE key = 'who'").fetchone()[0],
}))
second.close()
"""


def test_the_models_bind_to_the_newest_store_on_its_own_connection(tmp_path):
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    done = subprocess.run([sys.executable, "-c", PROBE, str(first), str(second)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "peewee_before_the_models": False,
        "closed_store_bound": False,
        "same_connection": True,
        "seen_by_sql": "second, then the models",
    }
    with closing(sqlite3.connect(first)) as conn:  # the first file: its own row, untouched
        assert conn.execute("SELECT value FROM setting WHERE key = 'who'").fetchone() == (
            "first",)
