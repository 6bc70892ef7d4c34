"""Databases that cannot be used: each gets a clear message, and none is ever written.

Every case goes through `coffee-chats import` (a command that would write) and compares
the file byte for byte before and after. Read-only files and folders are tried by a child
process running as an unprivileged user, because root ignores permissions.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

import pytest

from desktop import paths
from desktop.__main__ import main
from desktop.db.migrations import SCHEMA_VERSION
from desktop.domain import records as r
from desktop.errors import DatabaseRefused, StorageFailed
from desktop.services import backup, contacts, open_store
from tests.faults.conftest import content, fingerprint, integrity, linkedin_csv

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("unprivileged_child.py")


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "Connections.csv"
    path.write_text(linkedin_csv(20), encoding="utf-8")
    return path


def _import(source: Path, db: Path, capsys) -> tuple[int, str]:
    code = main(["import", str(source), "--db", str(db)])
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one line
    return code, err


def _damage(path: Path) -> None:
    with open_store(path) as store:
        for i in range(300):
            store.db.execute_sql("INSERT INTO setting(key, value) VALUES (?, ?)",
                                 (f"k{i}", "x" * 500))
    data = bytearray(path.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    open_store(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")


def _foreign(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
        conn.commit()


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_bytes(b"My thesis, chapter 3.\n" * 300), "not a Coffee Chats database"),
    (lambda p: p.write_bytes(os.urandom(8192)), "not a Coffee Chats database"),
    (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 80), "cannot be read"),
    (_newer, "newer Coffee Chats"),
    (_foreign, "another program"),
    (_damage, "damaged"),
], ids=["text", "random", "cut-header", "newer", "foreign", "damaged"])
def test_a_database_that_cannot_be_used_is_never_written(tmp_path, source, capsys, make,
                                                         message):
    db = tmp_path / "chats.sqlite"
    make(db)
    before = fingerprint(db)
    code, err = _import(source, db, capsys)
    assert code == 2 and message in err
    assert fingerprint(db) == before


def test_a_damaged_database_names_the_newest_good_backup(tmp_path, source, capsys):
    db = tmp_path / "chats.sqlite"
    with open_store(db) as store:
        contacts.save(store, r.Contact(first_name="Kept", last_name="Safe"))
    made = backup.automatic_backup(db, paths.backup_dir())
    _damage(db)
    before = fingerprint(db)
    code, err = _import(source, db, capsys)
    assert code == 2 and "damaged" in err and f"coffee-chats restore {made}" in err
    assert fingerprint(db) == before
    assert main(["restore", str(made), "--db", str(db)]) == 0
    assert integrity(db) == "ok"
    with open_store(db) as store:
        assert [row.name for row in contacts.list_rows(store)] == ["Kept Safe"]
    kept = list(tmp_path.glob("chats.before-restore-*.sqlite"))
    assert len(kept) == 1 and fingerprint(kept[0])[0] == before[0]  # the damaged file, as it was


# --- locked by another process ---------------------------------------------------------

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT INTO setting(key, value) VALUES ('other', 'program')")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
conn.close()
"""


@pytest.fixture
def short_busy_wait(monkeypatch):
    """Waits 0.3 s for a lock instead of 5 s, so the test is quick."""
    from desktop.db import connection

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(connection, "PRAGMAS", {**connection.PRAGMAS, "busy_timeout": 300})


@pytest.mark.parametrize("mode", ["writing", "exclusive"])
def test_a_database_locked_by_another_process(filled, source, capsys, short_busy_wait, mode):
    before = content(filled)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(filled), mode],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        code, err = _import(source, filled, capsys)
        assert code == 2 and "locked by another program" in err
        if mode == "writing":  # readers still read: the first save is what fails
            with open_store(filled) as store:
                assert len(contacts.list_rows(store)) == 2
                with pytest.raises(StorageFailed, match="locked by another program"):
                    contacts.save(store, r.Contact(first_name="Blocked"))
        else:  # not even readable: refused at open
            with pytest.raises(DatabaseRefused, match="locked by another program"):
                open_store(filled)
    finally:
        holder.communicate("", timeout=10)
    assert holder.returncode == 0
    assert content(filled) == before and integrity(filled) == "ok"


# --- read-only file or folder ----------------------------------------------------------


def _unprivileged_user() -> tuple[int, int]:
    if os.geteuid() != 0:
        return os.getuid(), os.getgid()  # permissions already apply to us
    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("running as root and there is no 'nobody' user to drop to: a read-only "
                    "file cannot be tested (root ignores permissions)")
    return nobody.pw_uid, nobody.pw_gid


def test_a_read_only_file_or_folder_is_refused_untouched():
    uid, gid = _unprivileged_user()
    # Under /tmp itself: the pytest folders are private to root, the other user must reach it.
    top = Path(tempfile.mkdtemp(prefix="coffee-chats-ro-",
                                dir="/tmp" if os.path.isdir("/tmp") else None))
    try:
        top.chmod(0o755)
        source = top / "Connections.csv"
        source.write_text(linkedin_csv(20), encoding="utf-8")
        writable_dir, readonly_dir = top / "writable", top / "readonly"
        for folder in (writable_dir, readonly_dir):
            folder.mkdir()
            open_store(folder / "chats.sqlite").close()
        readonly_file = writable_dir / "chats.sqlite"
        in_readonly_dir = readonly_dir / "chats.sqlite"
        readonly_file.chmod(0o444)
        in_readonly_dir.chmod(0o644)
        for path in (writable_dir, readonly_file, in_readonly_dir, source):
            os.chown(path, uid, gid)  # the other user owns them, as a user owns their files
        readonly_dir.chmod(0o555)
        before = {p: fingerprint(p) for p in (readonly_file, in_readonly_dir)}
        env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(top), XDG_DATA_HOME=str(top))
        done = subprocess.run(
            [sys.executable, str(CHILD), str(uid), str(gid), str(source),
             str(readonly_file), str(in_readonly_dir)],
            capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        seen = json.loads(done.stdout)
        file_case, folder_case = seen[str(readonly_file)], seen[str(in_readonly_dir)]
        assert "is read-only" in file_case["open"] and "left untouched" in file_case["open"]
        assert f"The folder {readonly_dir} is read-only" in folder_case["open"]
        for case in (file_case, folder_case):
            code, err = case["import"]
            assert code == 2 and "read-only" in err and err.count("\n") == 1
        assert {p: fingerprint(p) for p in before} == before
    finally:
        for path in top.rglob("*"):
            if path.is_dir():
                path.chmod(0o755)
        shutil.rmtree(top, ignore_errors=True)
