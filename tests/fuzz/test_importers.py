"""Every importer on arbitrary and on damaged input: rows, or a clear UserError; never a crash.

Three layers of the same property:
- the readers alone (decode, detect, each CSV kind, vCard, the JSON document) on random
  bytes and on token soup shaped like the formats (headers, quotes, folds, encodings);
- the whole `coffee-chats import` on mutated copies of the real sample files and of a
  valid JSON document: exit 0 with the database intact, or 1/2 with it byte-for-byte as
  before, and never an exception.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.__main__ import main
from desktop.errors import UserError
from desktop.io import detect, json_format
from desktop.io.text import decode
from desktop.services import open_store
from tests.faults.conftest import fingerprint
from tests.fuzz.conftest import fuzz

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
SAMPLES = {path.name: path.read_bytes() for path in sorted(DATA.iterdir()) if path.is_file()}
FORMATS = ("auto", "linkedin", "google", "outlook", "vcard")

VALID_JSON = {
    "format": "coffee-chats", "version": 1, "exported_at": "2024-05-01T10:00:00",
    "app_version": "0.1.0", "settings": {"profile.name": "Jo"},
    "tags": [{"name": "mentor", "cadence_days": 30}],
    "companies": [{"uid": "c1", "name": "Globex", "industry": "Energy",
                   "created_at": "2024-01-01T09:00:00"}],
    "contacts": [
        {"uid": "p1", "first_name": "Ann", "last_name": "Lee", "company": "c1",
         "emails": [{"value": "ann@globex.example", "label": "work"}], "tags": ["mentor"],
         "source": "event", "cadence_days": 60, "connected_on": "2023-03-01"},
        {"uid": "p2", "first_name": "Bo", "referred_by": "p1", "phones": ["+48 600 100 200"]},
    ],
    "career_paths": [{"uid": "k1", "name": "Product design", "position": 1}],
    "chats": [{"uid": "h1", "contact": "p1", "status": "held", "minutes": 45,
               "scheduled_at": "2024-04-01T10:00:00+02:00", "career_path": "k1",
               "questions": [{"text": "How did you start?", "asked": True, "answer": "Luck"}]}],
    "notes": [{"uid": "n1", "chat": "h1", "at": "2024-04-01T10:05:00", "offset_seconds": 300,
               "text": "Hiring in Lisbon", "kind": "lead"}],
    "insights": [{"uid": "i1", "chat": "h1", "kind": "skill", "text": "Learn SQL"}],
    "job_leads": [{"uid": "j1", "company": "Globex", "role": "Designer", "contact": "p1",
                   "chat": "h1", "insight": "i1", "status": "new"}],
    "follow_ups": [{"uid": "f1", "contact": "p1", "chat": "h1", "kind": "thank_you",
                    "due": "2024-04-02", "done_at": "2024-04-01T20:00:00Z"}],
    "interactions": [{"uid": "x1", "contact": "p2", "kind": "call", "at": "2024-03-01T12:00:00"}],
    "insight_groups": [{"kind": "skill", "key": "learn sql", "done": True}],
}
SAMPLES["valid.json"] = json.dumps(VALID_JSON).encode()

# Pieces of the formats, so random input gets past the first checks and into the parsers.
TOKENS = [
    "\r\n", "\n", "\r", ",", ";", "\t", '"', '""', "=", ":", "\\n", "\\,", " ", "\ufeff",
    "Notes:\r\n", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n",
    "First Name,Middle Name,Last Name,E-mail 1 - Value,E-mail 1 - Type,Organization Name,"
    "Labels\r\n",
    "Name,Given Name,Family Name,E-mail 1 - Value,Phone 1 - Value,Group Membership\r\n",
    "First Name,Last Name,E-mail Address,Job Title,Company,Mobile Phone,Categories\r\n",
    "BEGIN:VCARD\r\n", "END:VCARD\r\n", "VERSION:2.1\r\n", "VERSION:3.0\r\n", "VERSION:4.0\r\n",
    "FN:", "N:", "EMAIL;TYPE=work:", "TEL;CELL:", "ORG:", "TITLE:", "NOTE:", "URL:",
    "item1.EMAIL:", "item1.X-ABLabel:", "_$!<Mobile>!$_", "CATEGORIES:", "BDAY:",
    ";ENCODING=QUOTED-PRINTABLE", ";CHARSET=UTF-8", ";CHARSET=x-unknown", "=C5=81", "=\r\n",
    "=ZZ", ";ENCODING=b:", ";ENCODING=BASE64:", "QUJD", "!!!", "\r\n ", "\r\n\t",
    "Ann", "Żółć", "王小明", "a@b.c", "https://www.linkedin.com/in/x", "7 Feb 2022",
    "2022-02-07", "31 Feb 2022", "Doe, Jane", "=SUM(A1)", "\x00", "\x1a", "\u2028",
    '{"format": "coffee-chats", "version": 1, "contacts": [', "]}", "{", "}", "[", "]",
]
format_soup = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)),
                       max_size=60).map("".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])


@st.composite
def soup_bytes(draw) -> bytes:
    return draw(format_soup).encode(draw(encodings), errors="replace")


def _read_everything(data: bytes) -> None:
    """Each reader accepts the bytes (rows or rejected rows) or refuses with a UserError."""
    try:
        document = json_format.loads(data)
    except UserError:
        pass
    else:
        assert document.records("contacts") is not None
    try:
        text = decode(data, "fuzz.csv")
    except UserError:
        return
    for fmt in FORMATS:
        try:
            parsed = detect.parse_text(text, fmt, "fuzz.csv")
        except UserError as exc:
            assert str(exc).strip(), "a refusal must say why"
            continue
        for item in parsed.contacts:
            contact = item.contact if hasattr(item, "contact") else item
            assert contact.first_name or contact.last_name or contact.company
        for rejected in parsed.rejected:
            assert rejected.reason


@fuzz(150)
@given(st.binary(max_size=3000))
def test_the_readers_on_random_bytes(data):
    _read_everything(data)


@fuzz(150)
@given(soup_bytes())
def test_the_readers_on_text_shaped_like_the_formats(data):
    _read_everything(data)


# --- the whole command on damaged copies of real files ----------------------------------


@st.composite
def mutated_sample(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SAMPLES)))
    data = bytearray(SAMPLES[name])
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]))
        at = draw(st.integers(0, len(data)))
        if kind == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            piece = draw(st.one_of(st.binary(min_size=1, max_size=8),
                                   st.sampled_from(TOKENS).map(str.encode)))
            data[at:at] = piece
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
        elif kind == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 200))]
    return name, bytes(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False)
    | st.text(max_size=12) | st.sampled_from([
        "", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "0001-01-01",
        "2024-02-30", "p1", "c1", "h1", "held", "skill", "24:00", "2024-05-01T10:00:00Z",
    ]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


@st.composite
def mutated_json(draw) -> tuple[str, bytes]:
    document = json.loads(json.dumps(VALID_JSON))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(document))[1:]))
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(json_values)
    return "mutated.json", json.dumps(document).encode()


@pytest.fixture
def target(tmp_path):
    db = tmp_path / "fuzz.sqlite"
    open_store(db).close()
    return db


def _import(source: Path, db: Path) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(["import", str(source), "--db", str(db)])


def _check_import(tmp_path: Path, db: Path, name: str, data: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    before = fingerprint(db)
    code = _import(source, db)
    assert code in (0, 1, 2)
    if code:
        assert fingerprint(db) == before, "a refused import changed the database"
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


@fuzz(60)
@given(mutated_sample())
def test_importing_a_damaged_sample_file(tmp_path, target, case):
    _check_import(tmp_path, target, *case)


@fuzz(60)
@given(mutated_json())
def test_importing_a_damaged_json_document(tmp_path, target, case):
    _check_import(tmp_path, target, *case)
