"""The demo database: realistic sample data, always current, and bulk data for benchmarks.

`fill(store)` writes 28 people at 12 invented companies and 14 chats that cover every
status, with planned questions, live notes of every kind, insights of every kind,
takeaways and follow-ups due today, overdue and later. Every date is relative to now, so
the demo looks the same whatever day it is opened. Chat 1 is a scheduled chat two days
ahead with ten questions. `add_synthetic(store, n)` adds n generated contacts (and n/20
chats with notes) with bulk inserts, fast enough for 10,000 in a second or two.
Everything is seeded: the same call gives the same data.
"""

from __future__ import annotations

import atexit
import os
import random
import shutil
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from desktop.db import Store
from desktop.db import models as m
from desktop.domain.enums import (
    ChatStatus,
    FollowUpKind,
    InsightKind,
    InteractionKind,
    Medium,
    NoteKind,
)
from desktop.domain.rules import email_key, fold, linkedin_key
from desktop.errors import UserError
from desktop.services import demo_data as data
from desktop.services.demo_chats import CHATS

SEED = 20240517
PROFILE_PREFIX = "profile."
THROWAWAY_PREFIX = "coffee-chats-demo-"


class _Uids:
    """Deterministic uids, so two demo databases made the same way hold the same records."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def __call__(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def ensure_empty(store: Store) -> None:
    count = store.sql("SELECT count(*) FROM contact").fetchone()[0]
    if count:
        raise UserError(
            f"{store.path} already holds {count} contact{'s' if count != 1 else ''}; the demo "
            "data only goes into an empty database. Choose a new file with --db PATH."
        )


def fill(store: Store, now: datetime | None = None) -> dict[str, int]:
    """Writes the demo data into an empty database in one transaction; returns counts."""
    now = now or _now()
    ensure_empty(store)
    uid = _Uids(SEED)
    with store.atomic():
        company_ids = [
            m.Company.create(uid=uid(), name=name, name_key=fold(name), industry=industry,
                             website=website, notes=notes, created_at=now - timedelta(days=200),
                             updated_at=now - timedelta(days=30)).id
            for name, industry, website, notes in data.COMPANIES
        ]
        contact_ids = _contacts(uid, company_ids, now)
        counts = _chats(uid, contact_ids, now)
        _interactions(uid, contact_ids, now)
        _career_paths(uid, contact_ids, now)
        for name, value in data.PROFILE.items():
            m.Setting.insert(key=PROFILE_PREFIX + name, value=value).on_conflict_replace().execute()
    return {"companies": len(company_ids), "contacts": len(contact_ids), **counts}


def _contacts(uid: _Uids, company_ids: list[int], now: datetime) -> dict[str, int]:
    for name, days in data.TAG_CADENCES.items():
        m.Tag.create(name=name, name_key=fold(name), cadence_days=days)
    tag_ids: dict[str, int] = {}
    ids: dict[str, int] = {}
    for n, (key, first, last, role, company, location, source, tags, cadence, referred_by,
            emails, phones) in enumerate(data.CONTACTS):
        slug = "-".join(fold(f"{first} {last}").split()) if first.isascii() else key
        url = f"https://www.linkedin.com/in/{slug}-demo" if source == "linkedin" or n % 3 else ""
        row = m.Contact.create(
            uid=uid(), first_name=first, last_name=last, role=role,
            company=company_ids[company] if company is not None else None, location=location,
            linkedin_url=url, linkedin_key=linkedin_key(url), source=source,
            referred_by=ids.get(referred_by) if referred_by else None,
            research=_research(role, company), cadence_days=cadence,
            connected_on=(now - timedelta(days=40 + 23 * n)).date(),
            created_at=now - timedelta(days=180 - n), updated_at=now - timedelta(days=n),
        )
        ids[key] = row.id
        for pos, (value, label) in enumerate(emails):
            m.ContactEmail.create(contact=row.id, position=pos, label=label, value=value,
                                  value_key=email_key(value))
        for pos, (value, label) in enumerate(phones):
            m.ContactPhone.create(contact=row.id, position=pos, label=label, value=value)
        for tag in tags:
            if tag not in tag_ids:
                found = m.Tag.get_or_none(m.Tag.name_key == fold(tag))
                tag_ids[tag] = found.id if found else m.Tag.create(
                    name=tag, name_key=fold(tag)).id
            m.ContactTag.insert(contact=row.id, tag=tag_ids[tag]).execute()
    return ids


def _research(role: str, company: int | None) -> str:
    if company is None:
        return f"{role}; works for several clients. Writes a monthly newsletter on research ops."
    name = data.COMPANIES[company][0]
    return f"{role} at {name} for about three years; before that at a consultancy."


def _question_texts() -> dict[str, tuple[int, str]]:
    return {q.key: (q.id, q.text) for q in m.Question.select().where(m.Question.key.is_null(False))}


def _start(spec: dict, now: datetime, today: datetime) -> datetime | None:
    if spec["status"] == ChatStatus.IN_PROGRESS.value:
        # Started a quarter of an hour ago, so the live timer shows a chat under way.
        return now - timedelta(minutes=15)
    if "ago_hours" in spec:
        return now - timedelta(hours=spec["ago_hours"])
    if "day" in spec:
        return today + timedelta(days=spec["day"], hours=spec.get("hour", 10))
    return None


def _chats(uid: _Uids, contacts: dict[str, int], now: datetime) -> dict[str, int]:
    bank = _question_texts()
    counts = {"chats": 0, "notes": 0, "insights": 0, "follow_ups": 0, "questions": 0}
    today = now.replace(hour=0, minute=0)
    for spec in CHATS:
        status = ChatStatus(spec["status"])
        start = _start(spec, now, today)
        held = status in (ChatStatus.HELD, ChatStatus.WRAPPED_UP, ChatStatus.THANKED)
        ended = start + timedelta(minutes=spec.get("minutes", 30)) if start and held else None
        started = start if (held or status is ChatStatus.IN_PROGRESS) else None
        chat = m.Chat.create(
            uid=uid(), contact=contacts[spec["contact"]], status=status.value,
            scheduled_at=start, minutes=spec.get("minutes", 30), time_zone=spec.get("tz", ""),
            medium=Medium(spec.get("medium", "video")).value, place=spec.get("place", ""),
            goal=spec.get("goal", ""), pitch=spec.get("pitch", data.PROFILE["pitch"]),
            research=spec.get("research", ""), takeaways=spec.get("takeaways", ""),
            request_text=spec.get("request", ""), thank_you_text=spec.get("thank_you", ""),
            started_at=started, ended_at=ended,
            thank_you_due=ended + timedelta(hours=24) if ended else None,
            thank_you_sent_at=ended + timedelta(hours=20)
            if ended and status is ChatStatus.THANKED else None,
            created_at=(start or now) - timedelta(days=10), updated_at=ended or now,
        )
        counts["chats"] += 1
        _chat_parts(uid, spec, chat.id, contacts[spec["contact"]], started or start or now,
                    ended or now, today, bank, counts)
    return counts


def _chat_parts(uid: _Uids, spec: dict, chat_id: int, contact_id: int, base: datetime,
                made: datetime, today: datetime, bank: dict[str, tuple[int, str]],
                counts: dict[str, int]) -> None:
    """A chat's planned questions, notes, insights and follow-ups."""
    asked_upto = spec.get("asked", 0)
    for pos, item in enumerate(spec.get("questions", ())):
        key, fallback = item if isinstance(item, tuple) else (None, item)
        # The bank's own wording when it has the question, so the two stay linked.
        qid, text = bank.get(key, (None, fallback)) if key else (None, fallback)
        m.ChatQuestion.create(chat=chat_id, question=qid, position=pos, text=text,
                              asked=pos < asked_upto, answer=spec.get("answers", {}).get(pos, ""))
        counts["questions"] += 1
    for minute, kind, text in spec.get("notes", ()):
        m.Note.create(uid=uid(), chat=chat_id, at=base + timedelta(minutes=minute),
                      offset_seconds=minute * 60, text=text, kind=NoteKind(kind).value)
        counts["notes"] += 1
    for kind, text in spec.get("insights", ()):
        m.Insight.create(uid=uid(), chat=chat_id, kind=InsightKind(kind).value, text=text,
                         created_at=made)
        counts["insights"] += 1
    for kind, due_in, text, done in spec.get("follow_ups", ()):
        due = (today + timedelta(days=due_in)).date()
        done_at = datetime.combine(due, datetime.min.time()).replace(hour=9) if done else None
        m.FollowUp.create(uid=uid(), contact=contact_id, chat=chat_id,
                          kind=FollowUpKind(kind).value, text=text, due=due, done_at=done_at,
                          created_at=made)
        counts["follow_ups"] += 1


def _career_paths(uid: _Uids, contacts: dict[str, int], now: datetime) -> None:
    """Paths the user is weighing, the chats that informed each, and one tracked job lead."""
    path_ids = {}
    for position, (name, note, keys) in enumerate(data.CAREER_PATHS):
        path_ids[name] = m.CareerPath.create(
            uid=uid(), name=name, name_key=fold(name), note=note, position=position,
            created_at=now - timedelta(days=90), updated_at=now - timedelta(days=2)).id
        for key in keys:
            for chat in m.Chat.select(m.Chat.id).where(m.Chat.contact == contacts[key]):
                m.ChatCareerPath.create(chat=chat.id, career_path=path_ids[name])
    company, role, key, path = data.TRACKED_LEAD
    insight = (m.Insight.select().join(m.Chat)
               .where((m.Chat.contact == contacts[key])
                      & (m.Insight.kind == InsightKind.JOB_LEAD.value)).get())
    m.JobLead.create(uid=uid(), company=company, role=role, contact=contacts[key],
                     chat=insight.chat_id, insight=insight.id, career_path=path_ids[path],
                     status="new", notes="Ask Sofía who the hiring manager is.",
                     created_at=now - timedelta(hours=5), updated_at=now - timedelta(hours=5))


def _interactions(uid: _Uids, contacts: dict[str, int], now: datetime) -> None:
    # Contacts met without a chat: some recent, some long ago (due a keep-in-touch).
    for key, kind, days_ago, text in [
        ("zofia", InteractionKind.MET, 75, "Alumni meetup: talked about data-engineering teams."),
        ("lukasz", InteractionKind.EMAIL, 8, "Sent him the article on engineering ladders."),
        ("rachel", InteractionKind.CALL, 20, "Quick call about freelance research rates."),
        ("mateo", InteractionKind.MESSAGE, 50, "Congratulated him on the new policy paper."),
        ("chinedu", InteractionKind.EMAIL, 12, "Confirmed the café and time."),
        ("kwame", InteractionKind.MET, 140, "Climate careers evening; swapped cards."),
    ]:
        m.Interaction.create(uid=uid(), contact=contacts[key], kind=kind.value,
                             at=now - timedelta(days=days_ago), text=text)


# --- synthetic bulk data ---------------------------------------------------------------


def add_synthetic(store: Store, n: int, *, seed: int = SEED, now: datetime | None = None) -> int:
    """Adds `n` generated contacts (and n/20 chats with notes) in one transaction; fast."""
    if n <= 0:
        return 0
    now = now or _now()
    rng = random.Random(seed + n)
    uid = _Uids(seed + 1)
    stamp = str(now)
    cursor = store.db.cursor()
    with store.atomic():
        companies = sorted({f"{rng.choice(data.SYNTH_COMPANY_A)}{rng.choice(data.SYNTH_COMPANY_B)}"
                            f" {rng.choice(data.SYNTH_COMPANY_C)}"
                            for _ in range(max(8, n // 15))})
        existing = {k for (k,) in store.sql("SELECT name_key FROM company")}
        cursor.executemany(
            "INSERT INTO company (uid, name, name_key, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [(uid(), c, fold(c), stamp, stamp) for c in companies if fold(c) not in existing])
        company_ids = [i for (i,) in store.sql("SELECT id FROM company")]
        first_id = (store.sql("SELECT max(id) FROM contact").fetchone()[0] or 0) + 1
        rows, emails = [], []
        folded = {name: fold(name) for name in (*data.SYNTH_FIRST, *data.SYNTH_LAST)}
        for i in range(n):
            first, last = rng.choice(data.SYNTH_FIRST), rng.choice(data.SYNTH_LAST)
            rows.append((
                first_id + i, uid(), first, last, rng.choice(data.SYNTH_ROLES),
                rng.choice(company_ids), rng.choice(data.SYNTH_CITIES),
                rng.choice(["linkedin", "linkedin", "event", "alumni", "referral", "other"]),
                rng.choice([None, None, None, 30, 60, 90]),
                str((now - timedelta(days=rng.randint(1, 2000))).date()), stamp, stamp,
            ))
            emails.append((first_id + i, 0, "work",
                           f"{folded[first]}.{folded[last]}.{first_id + i}@synthetic.example"))
        cursor.executemany(
            "INSERT INTO contact (id, uid, first_name, last_name, role, company_id, location,"
            " source, cadence_days, connected_on, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        cursor.executemany(
            "INSERT INTO contact_email (contact_id, position, label, value, value_key)"
            " VALUES (?, ?, ?, ?, ?)", [(*e, e[3]) for e in emails])
        tag_ids = _synthetic_tags(store, cursor)
        cursor.executemany(
            "INSERT OR IGNORE INTO contact_tag (contact_id, tag_id) VALUES (?, ?)",
            [(first_id + i, rng.choice(tag_ids)) for i in range(n) if rng.random() < 0.4])
        _synthetic_chats(store, cursor, rng, uid, first_id, n, now)
    return n


def _synthetic_tags(store: Store, cursor) -> list[int]:
    cursor.executemany("INSERT OR IGNORE INTO tag (name, name_key) VALUES (?, ?)",
                       [(t, fold(t)) for t in data.SYNTH_TAGS])
    keys = [fold(t) for t in data.SYNTH_TAGS]
    marks = ", ".join("?" * len(keys))
    return [i for (i,) in store.sql(
        f"SELECT id FROM tag WHERE name_key IN ({marks})", keys)]


def _synthetic_chats(store: Store, cursor, rng: random.Random, uid: _Uids, first_id: int,
                     n: int, now: datetime) -> None:
    statuses = [s.value for s in ChatStatus]
    first_chat = (store.sql("SELECT max(id) FROM chat").fetchone()[0] or 0) + 1
    chats, notes, questions = [], [], []
    for j in range(n // 20):
        cid = first_chat + j
        status = rng.choice(statuses)
        start = now + timedelta(days=rng.randint(-400, 30), hours=rng.randint(8, 17))
        held = status in ("held", "wrapped_up", "thanked")
        end = start + timedelta(minutes=30) if held else None
        chats.append((cid, uid(), first_id + rng.randrange(n), status, str(start), 30,
                      str(end) if end else None, str(end) if end else None, str(start),
                      str(now)))
        for q in range(3):
            questions.append((cid, q, data.SHORT_QUESTIONS[q][1], int(held)))
        if held:
            for k in range(3):
                notes.append((uid(), cid, str(start + timedelta(minutes=5 * (k + 1))),
                               300 * (k + 1), rng.choice(data.SYNTH_NOTES),
                               rng.choice([k.value for k in NoteKind])))
    cursor.executemany(
        "INSERT INTO chat (id, uid, contact_id, status, scheduled_at, minutes, started_at,"
        " ended_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chats)
    cursor.executemany(
        "INSERT INTO chat_question (chat_id, position, text, asked) VALUES (?, ?, ?, ?)",
        questions)
    cursor.executemany(
        "INSERT INTO note (uid, chat_id, at, offset_seconds, text, kind)"
        " VALUES (?, ?, ?, ?, ?, ?)", notes)


# --- entry points ----------------------------------------------------------------------


def create_demo(path: Path, synthetic: int = 0) -> dict[str, int]:
    """`coffee-chats demo --db PATH`: the demo data (and `synthetic` contacts) in PATH."""
    from desktop.services import open_store

    with open_store(path) as store:
        counts = fill(store)
        if synthetic:
            counts["synthetic"] = add_synthetic(store, synthetic)
    return counts


def throwaway_database(*, cleanup: bool = True) -> Path:
    """A new demo database in a temporary folder (for `coffee-chats --demo`).

    With `cleanup`, the folder is removed when the process exits: nothing typed into the
    demo survives, which is the point of a throwaway. A run that was killed cannot clean
    up, so demo folders older than a day are removed here.
    """
    _remove_stale_throwaways()
    folder = Path(tempfile.mkdtemp(prefix=THROWAWAY_PREFIX))
    if cleanup:
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "demo.sqlite"
    create_demo(path)
    return path


def _remove_stale_throwaways(max_age_s: float = 86_400) -> None:
    cutoff = time.time() - max_age_s
    uid = os.getuid() if hasattr(os, "getuid") else None  # Windows: temp is per user
    for folder in Path(tempfile.gettempdir()).glob(THROWAWAY_PREFIX + "*"):
        try:
            info = folder.stat()
        except OSError:
            continue  # gone already
        if folder.is_dir() and info.st_mtime < cutoff and uid in (None, info.st_uid):
            shutil.rmtree(folder, ignore_errors=True)
