"""Bulk synthetic data for the contacts benchmarks, written with raw `executemany` (fast).

`make_database(path, contacts=N, notes=M)` builds a migrated database and fills it with N
contacts (names from several languages, companies, e-mails, tags, cadences), one held chat
for every fifth contact and M notes spread over those chats. The search index is filled by
its triggers, as it is for an import.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.services import open_store  # noqa: E402

FIRST = (
    "Ann Bob Carla Dmitri Émilie Farah Gosia Hiro Ines Jamal Kasia Lars Mei Nguyễn Olu "
    "Priya Quentin Rosa Sven Tomasz Uma Văn Wojciech Xiu Yara Zoë Łucja Minh Seo-yeon "
    "Ji-ho"
).split()
LAST = (
    "Lee Ray Smith Kowalski Tran Müller García Rossi Nowak Dubois Kim Park Wang Zhang "
    "Nguyen Silva Okafor Patel Jensen Novak Lindqvist Ivanova Brown Wójcik Pham"
).split()
COMPANIES = [
    f"{w} {s}"
    for w in (
        "Globex Initech Umbrella Hooli Stark Wayne Acme Vandelay "
        "Soylent Tyrell Cyberdyne Aperture Wonka Oscorp Gringotts "
        "Pied Piper Dunder Massive Nakatomi Monarch"
    ).split()
    for s in ("", "Labs", "Health", "Capital", "Energy", "LLC", "Studio", "Group", "Bank", "Foods")
]
ROLES = (
    "Product manager",
    "Software engineer",
    "Designer",
    "Data scientist",
    "CTO",
    "Analyst",
    "Recruiter",
    "Founder",
    "Consultant",
    "Teacher",
    "Nurse",
    "Architect",
)
TAGS = (
    "mentor",
    "alumni",
    "fintech",
    "health",
    "design",
    "climate",
    "hiring",
    "warm intro",
    "conference",
    "ex-colleague",
)
WORDS = (
    "pricing team hiring remote growth career switch bootcamp mentor portfolio interview "
    "leadership budget startup roadmap python research users market fintech design "
    "climate policy salary visa relocation Berlin Lisbon Kraków Hanoi Seoul"
).split()


def _now() -> str:
    return datetime(2025, 1, 1, 9, 0).isoformat(sep=" ")


def make_database(path: Path, contacts: int = 50_000, notes: int = 0, seed: int = 7) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    open_store(path).close()  # the real migrations
    rnd = random.Random(seed)
    now = _now()
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO company (id, uid, name, name_key, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (n + 1, f"co{n}", name.strip(), name.strip().casefold(), now, now)
                for n, name in enumerate(COMPANIES)
            ],
        )
        conn.executemany(
            "INSERT INTO tag (id, name, name_key) VALUES (?, ?, ?)",
            [(n + 1, t, t) for n, t in enumerate(TAGS)],
        )
        people, mails, links = [], [], []
        for cid in range(1, contacts + 1):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            people.append(
                (
                    cid,
                    f"c{cid}",
                    first,
                    last,
                    rnd.choice(ROLES),
                    rnd.randint(1, len(COMPANIES)),
                    rnd.choice(("linkedin", "event", "alumni", "other")),
                    rnd.choice((None, None, 30, 90, 180)),
                    int(rnd.random() < 0.03),
                    now,
                    now,
                )
            )
            if rnd.random() < 0.4:
                value = f"{first}.{last}{cid}@example.com".lower()
                mails.append((cid, value, value))
            for tag in rnd.sample(range(1, len(TAGS) + 1), rnd.choice((0, 0, 1, 2))):
                links.append((cid, tag))
        conn.executemany(
            "INSERT INTO contact (id, uid, first_name, last_name, role, company_id, source, "
            "cadence_days, archived, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            people,
        )
        conn.executemany(
            "INSERT INTO contact_email (contact_id, value, value_key) VALUES (?, ?, ?)", mails
        )
        conn.executemany("INSERT INTO contact_tag (contact_id, tag_id) VALUES (?, ?)", links)
        chats = []
        start = datetime(2023, 1, 1, 10, 0)
        for n, cid in enumerate(range(1, contacts + 1, 5), start=1):
            when = start + timedelta(hours=rnd.randint(0, 24 * 700))
            chats.append(
                (
                    n,
                    f"ch{n}",
                    cid,
                    "held",
                    when.isoformat(sep=" "),
                    " ".join(rnd.sample(WORDS, 5)),
                    " ".join(rnd.sample(WORDS, 8)),
                    now,
                    now,
                )
            )
        conn.executemany(
            "INSERT INTO chat (id, uid, contact_id, status, scheduled_at, goal, takeaways, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
            chats,
        )
        if chats:
            conn.executemany(
                "INSERT INTO note (uid, chat_id, at, text) VALUES (?, ?, ?, ?)",
                [
                    (f"n{n}", rnd.randint(1, len(chats)), now, " ".join(rnd.sample(WORDS, 12)))
                    for n in range(notes)
                ],
            )
        conn.execute("COMMIT")
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench-contacts.sqlite")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
    began = time.perf_counter()
    make_database(target, count, notes=count * 2)
    print(f"{count} contacts written to {target} in {time.perf_counter() - began:.2f} s")
