"""Duplicates, merges, deletes and bulk edits, and their undo."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop.domain import records as r
from desktop.domain.enums import FollowUpKind, InteractionKind, Source
from desktop.errors import UserError
from desktop.services import chats, merge, search, undo
from desktop.services import contacts as cs


def _add(store, **values):
    return cs.save(store, r.Contact(**values))


def _count(store, sql, *params):
    return store.db.execute_sql(sql, params).fetchone()[0]


def _dump(store):
    """Everything the undo should restore, as comparable rows (ids of id-less children dropped)."""
    search.sync(store)
    out = {}
    for table in ("contact", "company", "chat", "note", "follow_up", "interaction", "tag"):
        out[table] = sorted(store.db.execute_sql(f"SELECT * FROM {table}").fetchall())
    out["contact_email"] = sorted(
        store.db.execute_sql(
            "SELECT contact_id, position, label, value, value_key FROM contact_email"
        ).fetchall()
    )
    out["contact_phone"] = sorted(
        store.db.execute_sql(
            "SELECT contact_id, position, label, value FROM contact_phone"
        ).fetchall()
    )
    out["contact_tag"] = sorted(store.db.execute_sql("SELECT * FROM contact_tag").fetchall())
    out["search"] = sorted(
        store.db.execute_sql("SELECT rowid, name, body FROM search_index").fetchall()
    )
    return out


@pytest.fixture
def pair(store):
    """Two records of one person, each with a chat, a note, follow-ups and a referral."""
    ann = _add(
        store,
        first_name="Ann",
        last_name="Lee",
        company="Globex",
        emails=(r.Labelled("ann@globex.com", "work"),),
        tags=("mentor",),
        linkedin_url="https://www.linkedin.com/in/annlee/",
    )
    dup = _add(
        store,
        first_name="ann",
        last_name="LEE",
        company="Globex LLC",
        role="CTO",
        emails=(r.Labelled("ANN@globex.com", "work"), r.Labelled("ann@home.net", "home")),
        phones=(r.Labelled("+1 555 0100", "mobile"),),
        tags=("fintech", "Mentor"),
        source=Source.EVENT,
        linkedin_url="http://linkedin.com/in/AnnLee",
    )
    chat = chats.create(store, dup.id, goal="Ask about the CTO path")
    chats.add_note(store, chat.id, "Talked about hiring in Lisbon")
    chats.add_follow_up(store, dup.id, FollowUpKind.CHECK_IN, date(2025, 1, 5))
    store.db.execute_sql(
        "INSERT INTO interaction (uid, contact_id, kind, at) VALUES ('i1', ?, ?, ?)",
        (dup.id, InteractionKind.EMAIL.value, datetime(2024, 5, 1)),
    )
    bob = _add(store, first_name="Bob", last_name="Ray", referred_by_id=dup.id)
    return ann, dup, bob, chat


def test_duplicates_found_by_email_linkedin_and_name(store, pair):
    ann, dup, bob, _ = pair
    found = merge.find_duplicates(store)
    assert [(p.first_id, p.second_id) for p in found] == [(ann.id, dup.id)]
    assert found[0].reason in merge.REASONS
    _add(store, first_name="Cleo", last_name="Park", company="Initech")
    cleo2 = _add(store, first_name="Cléo", last_name="park", company="Initech Inc.")
    pairs = {(p.second_id, p.reason) for p in merge.find_duplicates(store)}
    assert (cleo2.id, "name") in pairs
    carl = _add(store, first_name="Carl", linkedin_url="linkedin.com/in/carl")
    carl2 = _add(store, first_name="Karl", linkedin_url="https://LinkedIn.com/in/carl/")
    assert {(carl.id, carl2.id, "linkedin")} <= {
        (p.first_id, p.second_id, p.reason) for p in merge.find_duplicates(store)
    }
    merge.dismiss_pair(store, carl2.id, carl.id)
    assert carl2.id not in {p.second_id for p in merge.find_duplicates(store)}


def test_company_duplicates(store, pair):
    groups = merge.find_company_duplicates(store)
    assert [sorted(c.name for c in g.companies) for g in groups] == [["Globex", "Globex LLC"]]


def test_merge_moves_everything_to_the_kept_contact(store, pair):
    ann, dup, bob, chat = pair
    merged = merge.merge_contacts(store, ann.id, dup.id)
    assert [e.value for e in merged.emails] == ["ann@globex.com", "ann@home.net"]
    assert [p.value for p in merged.phones] == ["+1 555 0100"]
    assert sorted(merged.tags) == ["fintech", "mentor"]
    assert merged.role == "CTO" and merged.source == Source.EVENT
    assert merged.company == "Globex"
    assert chats.get(store, chat.id).contact_id == ann.id
    assert len(chats.notes_for_contact(store, ann.id)) == 1
    assert len(chats.follow_ups_for_contact(store, ann.id)) == 1
    assert _count(store, "SELECT count(*) FROM interaction WHERE contact_id = ?", ann.id) == 1
    assert cs.get(store, bob.id).referred_by_id == ann.id
    assert _count(store, "SELECT count(*) FROM contact WHERE id = ?", dup.id) == 0
    assert merge.find_duplicates(store) == []
    assert [h.contact_id for h in search.search(store, "lisbon")] == [ann.id]


def test_merge_takes_the_chosen_values(store, pair):
    ann, dup, _, _ = pair
    chosen = cs.with_changes(
        merge.proposal(ann, dup),
        first_name="Annie",
        company="Globex LLC",
        tags=("fintech",),
        referred_by_id=dup.id,
    )
    merged = merge.merge_contacts(store, ann.id, dup.id, chosen)
    assert (merged.first_name, merged.company, merged.tags) == ("Annie", "Globex LLC", ("fintech",))
    assert merged.referred_by_id is None  # it would point at the folded contact


def test_undo_merge_restores_both_contacts_exactly(store, pair):
    ann, dup, _, _ = pair
    before = _dump(store)
    history = undo.UndoHistory()
    merge.merge_contacts(store, ann.id, dup.id, history=history)
    assert history.next_label.startswith("Merge")
    assert _dump(store) != before
    history.undo(store)
    assert _dump(store) == before
    assert not history.can_undo


def test_undo_delete_restores_chats_notes_follow_ups_and_referrals(store, pair):
    ann, dup, bob, chat = pair
    impact = merge.deletion_impact(store, [dup.id])
    assert impact == r.DeletionImpact(
        contacts=1, chats=1, notes=1, follow_ups=1, interactions=1, referrals=1
    )
    before = _dump(store)
    history = undo.UndoHistory()
    merge.delete_contacts(store, [dup.id, ann.id], history=history)
    assert cs.get(store, bob.id).referred_by_id is None
    assert search.search(store, "lisbon") == []
    history.undo(store)
    assert _dump(store) == before
    assert [h.chat_id for h in search.search(store, "lisbon")] == [chat.id]


def test_undo_refused_when_a_new_contact_took_the_freed_id(store):
    last = _add(store, first_name="Zed")
    history = undo.UndoHistory()
    merge.delete_contacts(store, [last.id], history=history)
    newcomer = _add(store, first_name="Yan")
    assert newcomer.id == last.id  # SQLite reuses the largest id
    with pytest.raises(UserError):
        history.undo(store)
    assert cs.get(store, newcomer.id).first_name == "Yan"


def test_company_merge_and_undo(store, pair):
    ann, dup, _, _ = pair
    companies = {c.name: c for c in cs.companies(store)}
    cs.save_company(
        store,
        r.Company(
            name="Globex LLC",
            id=companies["Globex LLC"].id,
            notes="Hiring in Lisbon",
            industry="Energy",
        ),
    )
    cs.save_company(
        store, r.Company(name="Globex", id=companies["Globex"].id, notes="Met at a fair")
    )
    before = _dump(store)
    history = undo.UndoHistory()
    # Renaming "Globex" to "Globex LLC" merges them, under the name typed.
    kept = merge.rename_company(store, companies["Globex"].id, "Globex LLC", history)
    assert kept.id == companies["Globex LLC"].id
    assert [c.name for c in cs.companies(store)] == ["Globex LLC"]
    assert kept.notes == "Hiring in Lisbon\n\nMet at a fair" and kept.industry == "Energy"
    assert cs.get(store, ann.id).company == "Globex LLC"
    kept = merge.merge_companies(store, kept.id, [], name="Globex", history=history)
    assert cs.get(store, dup.id).company == "Globex"
    history.undo(store)
    history.undo(store)
    assert _dump(store) == before


def test_bulk_tag_archive_cadence_and_undo(store, pair):
    ann, dup, bob, _ = pair
    before = _dump(store)
    history = undo.UndoHistory(limit=2)
    ids = [ann.id, bob.id]
    merge.add_tag(store, ids, " alumni  ", history)
    assert all("alumni" in cs.get(store, i).tags for i in ids)
    merge.set_cadence(store, ids, 30, history)
    merge.set_archived(store, ids, True, history)
    assert [cs.get(store, i).archived for i in ids] == [True, True]
    assert cs.get(store, bob.id).cadence_days == 30
    assert len(history) == 2  # the oldest fell off
    history.undo(store)
    history.undo(store)
    assert not history.can_undo
    assert all("alumni" in cs.get(store, i).tags for i in ids)
    assert cs.get(store, bob.id).cadence_days is None
    with pytest.raises(UserError):
        merge.set_cadence(store, ids, -1)
    with pytest.raises(UserError):
        merge.add_tag(store, ids, "  ")
    assert _dump(store) != before


def test_merge_refuses_itself(store, pair):
    with pytest.raises(UserError):
        merge.merge_contacts(store, pair[0].id, pair[0].id)


def test_bulk_edits_take_more_ids_than_sqlite_has_variables(store, pair):
    ann, dup, bob, _ = pair
    ids = [ann.id, bob.id, *range(10_000, 50_000)]  # 40,002 ids: most name nobody
    assert merge.deletion_impact(store, ids).contacts == 2
    history = undo.UndoHistory()
    merge.add_tag(store, ids, "many", history)
    assert "many" in cs.get(store, bob.id).tags
    history.undo(store)
    assert "many" not in cs.get(store, bob.id).tags
    assert len(cs.rows_for(store, ids)) == 2
