"""The search index stays in step with the data, and no typed text makes a search raise."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import records as r
from desktop.services import chats, search
from desktop.services import contacts as cs


def _titles(store, text):
    return [(h.kind, h.title) for h in search.search(store, text)]


@pytest.fixture
def zoe(store):
    return cs.save(
        store,
        r.Contact(
            first_name="Zoë",
            last_name="Ngô",
            company="Globex LLC",
            role="Product manager",
            emails=(r.Labelled("zoe@example.com", "work"),),
            tags=("mentor",),
            research="Wrote a book about pricing",
        ),
    )


def test_contact_found_by_name_prefix_company_email_and_tag(store, zoe):
    assert ("contact", "Zoë Ngô") in _titles(store, "zo")
    assert ("contact", "Zoë Ngô") in _titles(store, "ngo")  # diacritics folded
    assert ("contact", "Zoë Ngô") in _titles(store, "globex")
    assert ("contact", "Zoë Ngô") in _titles(store, "zoe@example")
    assert ("contact", "Zoë Ngô") in _titles(store, "mentor")
    assert ("contact", "Zoë Ngô") in _titles(store, "pricing")
    assert ("company", "Globex LLC") in _titles(store, "globex")


def test_index_follows_updates_and_deletes(store, zoe):
    cs.save(store, cs.with_changes(zoe, last_name="Tran", tags=("alumni",)))
    assert _titles(store, "ngo") == []
    assert ("contact", "Zoë Tran") in _titles(store, "alumni")
    assert ("contact", "Zoë Tran") not in _titles(store, "mentor")
    cs.save_company(store, r.Company(name="Initech", id=zoe.company_id, notes="great culture"))
    assert ("contact", "Zoë Tran") in _titles(store, "initech")
    assert ("company", "Initech") in _titles(store, "culture")
    assert not any(kind == "company" for kind, _ in _titles(store, "globex"))
    cs.delete(store, zoe.id)
    assert _titles(store, "zoe") == []


def test_notes_and_chats_found_and_lead_to_the_contact(store, zoe):
    chat = chats.create(store, zoe.id, goal="Learn how pricing teams work")
    note = chats.add_note(store, chat.id, "Mentioned an opening in Kraków next spring")
    hits = search.search(store, "krakow")
    assert [(h.kind, h.id, h.contact_id, h.chat_id) for h in hits] == [
        ("note", note.id, zoe.id, chat.id)
    ]
    assert "Kraków" in hits[0].snippet
    chat_hits = [h for h in search.search(store, "pricing teams") if h.kind == "chat"]
    assert chat_hits and chat_hits[0].chat_id == chat.id and chat_hits[0].contact_id == zoe.id
    chats.update(store, chat.id, goal="Something else")
    assert not [h for h in search.search(store, "pricing teams") if h.kind == "chat"]
    cs.delete(store, zoe.id)  # cascades to the chat and its notes
    assert search.search(store, "krakow") == []


def test_raw_bulk_insert_is_indexed(store):
    now = "2024-01-01 10:00:00"
    store.db.execute_sql("BEGIN")
    store.db.cursor().executemany(
        "INSERT INTO contact (uid, first_name, last_name, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [(f"u{i}", f"Bulk{i}", "Person", now, now) for i in range(200)],
    )
    store.db.cursor().executemany(
        "INSERT INTO contact_email (contact_id, value, value_key) "
        "SELECT id, ?, ? FROM contact WHERE uid = ?",
        [(f"b{i}@corp.test", f"b{i}@corp.test", f"u{i}") for i in range(200)],
    )
    store.db.execute_sql("COMMIT")
    assert _titles(store, "bulk17")[0] == ("contact", "Bulk17 Person")
    assert _titles(store, "b42@corp") == [("contact", "Bulk42 Person")]


def test_rebuild_gives_the_same_answers(store, zoe):
    before = search.search(store, "zoe")
    search.rebuild(store)
    assert search.search(store, "zoe") == before


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        "'",
        "*",
        "zo*",
        "(",
        ")",
        "(zoe",
        'zoe"',
        "AND",
        "OR zoe",
        "NOT",
        "NEAR(a b)",
        "zoe -ngo",
        "^zoe",
        "name:zoe",
        "{name}: zoe",
        "a + b",
        "--",
        "\\",
        "%",
        "_",
        "🙂",
        " ",
        "",
        "zoë ngô",
        "ngô)",
        'he said "hi',
        "* * *",
    ],
)
def test_fts_syntax_in_user_text_never_raises(store, zoe, text):
    search.search(store, text)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=30))
def test_any_text_never_raises(store, text):
    search.search(store, text)


def test_match_expression_quotes_every_word():
    assert search.match_expression("a\x00b") == '"a"* "b"*'
    assert search.match_expression('ann "x" (y') == '"ann"* """x"""* "(y"*'
    assert search.match_expression("( ) *") == ""


def test_changes_queue_and_search_catches_up(store, zoe):
    search.sync(store)
    assert search.pending(store) == 0
    # A repeated change to one document, under an outer conflict clause, queues it once.
    store.db.execute_sql(
        "INSERT OR REPLACE INTO contact_phone (contact_id, value) VALUES (?, '1')", (zoe.id,)
    )
    store.db.execute_sql(
        "INSERT OR ABORT INTO contact_email (contact_id, value, value_key) "
        "VALUES (?, 'second@x.org', 'second@x.org')",
        (zoe.id,),
    )
    store.db.execute_sql("UPDATE OR FAIL contact SET role = 'Lead' WHERE id = ?", (zoe.id,))
    assert search.pending(store) == 1
    assert search.search(store, "second@x.org")[0].contact_id == zoe.id
    assert search.pending(store) == 0


def test_names_then_people_then_notes(store, zoe):
    chat = chats.create(store, zoe.id, goal="Talk")
    chats.add_note(store, chat.id, "Globex is hiring in Lisbon")
    cs.save(store, r.Contact(first_name="Globex", last_name="Fan"))
    kinds = [(h.kind, h.title) for h in search.search(store, "globex")]
    assert kinds[:2] == [("contact", "Globex Fan"), ("company", "Globex LLC")] or kinds[:2] == [
        ("company", "Globex LLC"),
        ("contact", "Globex Fan"),
    ]
    assert kinds[2:] == [("contact", "Zoë Ngô"), ("note", kinds[3][1])]
    # The kind words are not searchable text.
    assert search.search(store, "note") == []
    assert len(search.search(store, "globex", limit=2)) == 2
