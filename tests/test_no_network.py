"""No network: the app starts, imports, prints a sheet and exports with every connection refused.

Python's socket connections fail (and are recorded) for the whole test; every step must
still succeed, and nothing may even have tried to connect.
"""

from __future__ import annotations

import socket
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.__main__ import main

SAMPLE = Path(__file__).resolve().parent / "data" / "import" / "linkedin_preamble2.csv"


@pytest.fixture
def no_network(monkeypatch) -> list:
    tried: list = []

    def refuse(*args, **kwargs):
        tried.append(args[1:] if args and isinstance(args[0], socket.socket) else args)
        raise OSError(101, "Network is unreachable (the test forbids connections)")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return tried


def test_start_import_sheet_and_export_without_a_network(qapp, tmp_path, no_network, capsys):
    db = tmp_path / "chats.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    assert main(["--smoke-test", "--db", str(db)]) == 0
    assert main(["import", str(SAMPLE), "--db", str(db)]) == 0
    with closing(sqlite3.connect(db)) as conn:
        chat_id = conn.execute("SELECT id FROM chat ORDER BY id LIMIT 1").fetchone()[0]
    assert main(["sheet", str(chat_id), "--out", str(tmp_path / "sheet.pdf"),
                 "--db", str(db)]) == 0
    for what, fmt, name in (("all", "json", "all.json"), ("contacts", "vcard", "all.vcf"),
                            ("contacts", "csv", "all.csv"), ("chats", "ics", "chats.ics")):
        assert main(["export", what, "--format", fmt, "--out", str(tmp_path / name),
                     "--db", str(db)]) == 0
        assert (tmp_path / name).stat().st_size > 0
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert no_network == [], "something tried to open a network connection"
