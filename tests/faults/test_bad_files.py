"""The corpus of malformed import files (tests/data/bad): each gets its message, a non-zero
exit, and leaves the database byte-for-byte as it was."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from desktop.__main__ import main
from desktop.domain import records as r
from desktop.services import contacts, open_store
from tests.faults.conftest import fingerprint

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
EXPECTED = json.loads((BAD / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    """One database with people in it, closed: every bad file is tried against it."""
    path = tmp_path_factory.mktemp("bad") / "chats.sqlite"
    with open_store(path) as store:
        contacts.save(store, r.Contact(first_name="Ann", last_name="Lee", company="Globex",
                                       emails=(r.Labelled("ann@globex.example"),)))
        contacts.save(store, r.Contact(first_name="Łukasz", last_name="Żółć"))
    return path


def test_the_corpus_is_complete():
    files = {p.name for p in BAD.iterdir()} - {"expected.json", "README.md"}
    assert files == set(EXPECTED)
    assert len(files) >= 40


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_is_refused_with_its_message(database, name):
    case = EXPECTED[name]
    before = fingerprint(database)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["import", str(BAD / name), "--db", str(database), *case.get("args", [])])
    printed = err.getvalue() + out.getvalue()
    assert code == case["exit"], printed
    for fragment in case["message"]:
        assert fragment in printed
    assert "Traceback" not in printed
    if code == 2:
        assert err.getvalue().count("\n") == 1, "a refusal is one line"
    assert fingerprint(database) == before
