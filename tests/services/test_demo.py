"""The demo database: its shape, its dates relative to now, and the bulk synthetic data."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.domain.enums import ChatStatus, InsightKind, NoteKind, Source
from desktop.errors import UserError
from desktop.services import chats, contacts, demo, open_store, overview, transfer


@pytest.fixture
def demo_store(store):
    demo.fill(store)
    return store


def _one(store, sql: str, *params):
    return store.db.execute_sql(sql, params).fetchone()[0]


def _column(store, sql: str, *params) -> list:
    return [row[0] for row in store.db.execute_sql(sql, params)]


def test_people_companies_and_their_links(demo_store):
    counts = overview.counts(demo_store)
    assert counts.contacts >= 25 and counts.companies >= 8
    assert _one(demo_store, "SELECT count(*) FROM contact WHERE referred_by_id IS NOT NULL") >= 5
    assert _one(demo_store, "SELECT count(DISTINCT tag_id) FROM contact_tag") >= 6
    assert set(_column(demo_store, "SELECT DISTINCT source FROM contact")) == {
        s.value for s in Source}
    assert set(_column(demo_store, "SELECT DISTINCT label FROM contact_email")) >= {
        "work", "personal"}
    assert set(_column(demo_store, "SELECT DISTINCT label FROM contact_phone")) >= {
        "mobile", "work"}
    assert _one(demo_store, "SELECT count(*) FROM contact WHERE cadence_days IS NOT NULL") >= 5
    assert _one(demo_store, "SELECT count(*) FROM interaction") >= 4


def test_names_from_several_scripts(demo_store):
    names = {row.name for row in contacts.list_rows(demo_store)}
    assert {"Łukasz Wiśniewski", "Lan Nguyễn", "王芳", "陳志明", "김서연"} <= names
    assert any("O'Connor" in n for n in names)


def test_drafts_greet_people_by_the_name_they_go_by(demo_store):
    """The first name field holds what a greeting uses: "Hi Lan," (not her family name)."""
    from desktop.domain import drafts
    from desktop.domain.records import Profile

    people = {c.full_name: c for c in (contacts.get(demo_store, row.id)
                                       for row in contacts.list_rows(demo_store))}
    profile = Profile(name="Sam")
    for name, greeting in (("Lan Nguyễn", "Hi Lan,"), ("Đức Trần", "Hi Đức,"),
                           ("Łukasz Wiśniewski", "Hi Łukasz,")):
        for draft in (drafts.thank_you(profile, people[name]),
                      drafts.request_message(profile, people[name])):
            assert draft.body.startswith(greeting), (name, draft.body[:40])


def test_chats_cover_every_status_kind_and_moment(demo_store):
    counts = overview.counts(demo_store)
    assert counts.chats >= 8
    assert set(counts.by_status) == {s.value for s in ChatStatus}
    assert set(_column(demo_store, "SELECT DISTINCT kind FROM note")) == {
        k.value for k in NoteKind}
    assert set(_column(demo_store, "SELECT DISTINCT kind FROM insight")) == {
        k.value for k in InsightKind}
    assert _one(demo_store, "SELECT count(*) FROM chat WHERE takeaways != ''") >= 4
    assert _one(demo_store, "SELECT count(*) FROM chat WHERE research != ''") >= 1
    assert _one(demo_store, "SELECT count(*) FROM chat WHERE pitch != ''") >= 8
    assert _one(demo_store, "SELECT count(*) FROM setting WHERE key = 'profile.goals'") == 1


def test_chat_one_is_scheduled_in_the_next_days_with_questions_from_the_bank(demo_store):
    detail = chats.detail(demo_store, 1)
    assert detail.chat.status is ChatStatus.SCHEDULED
    assert datetime.now() < detail.chat.scheduled_at < datetime.now() + timedelta(days=7)
    assert len(detail.questions) >= 8
    assert detail.chat.goal and detail.chat.research and detail.chat.pitch
    bank = dict(demo_store.db.execute_sql("SELECT id, text FROM question WHERE builtin = 1"))
    linked = [q for q in detail.questions if q.question_id is not None]
    assert len(linked) >= 8 and all(bank[q.question_id] == q.text for q in linked)


def test_follow_ups_due_today_overdue_and_later(demo_store):
    today = date.today()
    due = [date.fromisoformat(d) for d in _column(
        demo_store, "SELECT due FROM follow_up WHERE done_at IS NULL")]
    assert any(d == today for d in due)
    assert any(d < today for d in due)
    assert any(d > today for d in due)
    assert _one(demo_store, "SELECT count(*) FROM follow_up WHERE done_at IS NOT NULL") >= 1


def test_thank_yous_and_keep_in_touch_fall_due(demo_store):
    now = datetime.now()
    held = [c for c in chats.list_chats(demo_store) if c.status is ChatStatus.HELD]
    assert any(c.thank_you_due and c.thank_you_due > now for c in held)  # hours left
    assert any(c.thank_you_due and c.thank_you_due < now for c in held)  # late
    rows = contacts.list_rows(demo_store)
    assert any(r.next_keep_in_touch and r.next_keep_in_touch <= date.today() for r in rows)
    assert any(r.next_keep_in_touch and r.next_keep_in_touch > date.today() for r in rows)


def test_the_demo_is_deterministic(tmp_path):
    fixed = datetime(2025, 3, 3, 9, 0)
    exports = []
    for name in ("a", "b"):
        with open_store(tmp_path / f"{name}.sqlite") as store:
            demo.fill(store, now=fixed)
            demo.add_synthetic(store, 200, now=fixed)
            document = transfer.export_document(store)
        # Built-in questions are seeded with their own random uids: compare without them.
        sections = {k: v for k, v in document.sections.items() if k != "questions"}
        sections["chats"] = tuple(
            {**c, "questions": tuple({**q, "question": None} for q in c["questions"])}
            for c in sections["chats"])
        exports.append(sections)
    assert exports[0] == exports[1]


def test_a_database_with_contacts_is_refused(demo_store):
    with pytest.raises(UserError, match="already holds 28 contacts"):
        demo.fill(demo_store)


def test_synthetic_contacts_and_chats_in_proportion(demo_store):
    demo.add_synthetic(demo_store, 1000)
    assert _one(demo_store, "SELECT count(*) FROM contact") == 1028
    assert _one(demo_store, "SELECT count(*) FROM chat") == 14 + 50
    assert _one(demo_store, "SELECT count(*) FROM note") > 13
    rows = contacts.list_rows(demo_store)
    assert len(rows) == 1028 and all(r.emails for r in rows)
    # The synthetic records are ordinary ones: they survive a JSON round trip.
    assert len(transfer.export_document(demo_store).records("contacts")) == 1028


def test_throwaway_database_is_a_fresh_demo_each_time():
    first = demo.throwaway_database()
    second = demo.throwaway_database()
    assert first != second and first.exists() and second.exists()
    with open_store(first) as store:
        assert chats.get(store, 1).status is ChatStatus.SCHEDULED


def test_throwaways_left_by_a_killed_run_are_removed_a_day_later(tmp_path, monkeypatch):
    import os
    import tempfile
    import time

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    old, recent = tmp_path / "coffee-chats-demo-old", tmp_path / "coffee-chats-demo-new"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "demo.sqlite").write_bytes(b"")
    two_days_ago = time.time() - 2 * 86_400
    os.utime(old, (two_days_ago, two_days_ago))
    unrelated = tmp_path / "something-else"
    unrelated.mkdir()
    os.utime(unrelated, (two_days_ago, two_days_ago))
    made = demo.throwaway_database()
    assert made.parent.parent == tmp_path
    assert not old.exists() and recent.exists() and unrelated.exists()
