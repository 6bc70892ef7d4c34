"""Helpers for the fault tests: databases with data, byte-for-byte fingerprints, big files.

The seam for "disk full" is SQLite's own limit: `PRAGMA max_page_count` on a connection
makes the next write that needs a new page fail with SQLITE_FULL, exactly as a full disk
does. `full_disk(monkeypatch)` puts that limit into every connection `open_database` makes
from then on (the command line opens its own); `fill_to_the_brim(store)` sets it on one.
"""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.domain import records as r
from desktop.services import contacts, open_store

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's SHA-256 and the names beside it: byte-for-byte, and nothing added."""
    path = Path(path)
    return (hashlib.sha256(path.read_bytes()).hexdigest(),
            sorted(p.name for p in path.parent.iterdir()))


def content(path: Path) -> list[str]:
    """The database as SQL text: the same data, whatever the pages look like."""
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def count(path: Path, table: str = "contact") -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def linkedin_csv(rows: int, start: int = 0) -> str:
    lines = [LINKEDIN_HEADER]
    for i in range(start, start + rows):
        email = f"person{i}@example.org" if i % 3 == 0 else ""
        lines.append(f"Person{i},Tester{i},https://www.linkedin.com/in/person-{i},{email},"
                     f"Company {i % 97},Role {i % 13},{1 + i % 28} Mar 2023\r\n")
    return "".join(lines)


def fill_to_the_brim(store) -> None:
    """No room left on this connection: no new page, and the free pages filled up, so a
    write of a few kilobytes fails (a small one may still fit in a page's free bytes)."""
    from desktop.errors import DiskFull

    pages = store.db.execute_sql("PRAGMA page_count").fetchone()[0]
    store.db.execute_sql(f"PRAGMA max_page_count = {pages}")
    n = 0
    for size in (4000, 300):
        while True:
            n += 1
            try:
                store.db.execute_sql("INSERT INTO setting(key, value) VALUES (?, ?)",
                                     (f"filler-{n}", "f" * size))
            except DiskFull:
                break


def full_disk(monkeypatch, path: Path) -> None:
    """Every connection opened from now on may not grow `path` by one page."""
    from desktop.db import connection

    with closing(sqlite3.connect(path)) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    monkeypatch.setattr(connection, "PRAGMAS", {**connection.PRAGMAS, "max_page_count": pages})


@pytest.fixture
def filled(db_path):
    """A closed database (no -wal beside it) holding two contacts."""
    with open_store(db_path) as store:
        contacts.save(store, r.Contact(first_name="Łukasz", last_name="Wiśniewski",
                                       company="Allegro"))
        contacts.save(store, r.Contact(first_name="Amara", last_name="Okafor"))
    return db_path


@pytest.fixture
def stocked(store):
    """The `store` fixture's open database with two contacts. Models are bound to the store
    opened last, so a test with an open store must not open another one beside it."""
    contacts.save(store, r.Contact(first_name="Łukasz", last_name="Wiśniewski",
                                   company="Allegro"))
    contacts.save(store, r.Contact(first_name="Amara", last_name="Okafor"))
    return store
