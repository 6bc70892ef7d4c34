"""The JSON format through the store: round trip, merging by uid, and documents refused whole."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from desktop.domain import records as r
from desktop.domain.document import SECTION_NAMES, subset
from desktop.domain.enums import ChatStatus, FollowUpKind, InsightKind, NoteKind, Source
from desktop.errors import UserError
from desktop.io import json_format
from desktop.io.json_format import DocumentError
from desktop.services import chats, contacts, demo, open_store, transfer


def _without_stamp(document) -> dict:
    data = json_format.to_json_object(document)
    data.pop("exported_at")
    return data


@pytest.fixture
def demo_store(tmp_path):
    store = open_store(tmp_path / "demo.sqlite")
    demo.fill(store)
    yield store
    store.close()


def test_export_import_export_gives_the_same_document(demo_store, tmp_path):
    demo_store.db.execute_sql("UPDATE question SET favourite = 1 WHERE key LIKE '%advice.01'")
    demo_store.db.execute_sql(
        "UPDATE question SET text = 'My own wording?', edited = 1 WHERE key LIKE '%skills.02'")
    demo_store.db.execute_sql(
        "INSERT INTO question (uid, text, category, created_at) VALUES"
        " ('q-mine', 'What would you automate first?', 'skills', '2024-01-02 03:04:05')")
    demo_store.db.execute_sql(
        "INSERT INTO insight_group (kind, key, merged_into, done, updated_at) VALUES"
        " ('skill', 'sql', NULL, 1, '2024-02-03 04:05:06'),"
        " ('skill', 'storytelling', 'sql', 0, '2024-02-03 04:05:06')")
    demo_store.db.execute_sql(
        "INSERT INTO keep_in_touch_snooze (contact_id, until) VALUES (3, '2031-01-01')")
    first = transfer.export_document(demo_store)
    assert all(first.records(name) for name in SECTION_NAMES)  # nothing left untested
    text = json_format.dumps(first)

    with open_store(tmp_path / "empty.sqlite") as empty:
        summary = transfer.import_document(empty, json_format.loads(text))
        second = transfer.export_document(empty)

    assert summary.added["contacts"] == 28 and summary.added["chats"] == 14
    assert summary.added["job_leads"] == 1 and summary.added["career_paths"] == 3
    assert _without_stamp(second) == _without_stamp(first)
    # And the text itself is stable (key order, indentation), apart from the stamp line.
    strip = lambda t: [ln for ln in t.splitlines() if '"exported_at"' not in ln]  # noqa: E731
    assert strip(json_format.dumps(second)) == strip(text)


def test_the_document_names_its_format_and_keeps_every_script(demo_store):
    data = json.loads(json_format.dumps(transfer.export_document(demo_store)))
    assert (data["format"], data["version"]) == ("coffee-chats", 1)
    datetime.fromisoformat(data["exported_at"])
    names = {c["first_name"] + " " + c["last_name"] for c in data["contacts"]}
    assert {"Łukasz Wiśniewski", "Lan Nguyễn", "王芳 ", "김서연 "} <= names
    builtin = [q for q in data["questions"] if q["key"]]
    assert builtin and all(q["builtin"] for q in builtin)
    chat = data["chats"][0]
    assert chat["contact"] in {c["uid"] for c in data["contacts"]}
    assert all(q["question"] in {x["uid"] for x in data["questions"]}
               for q in chat["questions"] if q["question"])


def test_importing_twice_adds_nothing_the_second_time(demo_store, tmp_path):
    document = transfer.export_document(demo_store)
    with open_store(tmp_path / "b.sqlite") as other:
        transfer.import_document(other, document)
        again = transfer.import_document(other, document)
        assert again.total_added == 0
        assert again.existing["contacts"] == 28
        assert other.db.execute_sql("SELECT count(*) FROM contact").fetchone()[0] == 28


def test_merging_keeps_what_the_database_has_and_adds_the_rest(store, tmp_path):
    mine = contacts.save(store, r.Contact(first_name="Ada", company="Acme", tags=("mentor",)))
    document = transfer.export_document(store)
    # The other side changed Ada and added Grace at a company spelled differently.
    contacts.save(store, r.Contact(first_name="Ada", last_name="Lovelace", company="Acme",
                                   id=mine.id))
    with open_store(tmp_path / "other.sqlite") as other:
        transfer.import_document(other, document)
        grace = contacts.save(other, r.Contact(first_name="Grace", company="ACME",
                                               source=Source.EVENT, tags=("Mentor", "navy")))
        chats.create(other, grace.id, status=ChatStatus.IDEA, goal="Ask about compilers")
        theirs = transfer.export_document(other)
        ada_there = contacts.get(other, mine.id)
    assert ada_there.last_name == ""
    summary = transfer.import_document(store, theirs)
    assert summary.added["contacts"] == 1 and summary.existing["contacts"] == 1
    assert summary.added["chats"] == 1
    rows = {row.name: row for row in contacts.list_rows(store)}
    assert rows["Ada Lovelace"].company == "Acme"  # the database's own change was kept
    assert rows["Grace"].company == "Acme"  # ACME is the company we already had
    assert rows["Grace"].tags == ("mentor", "navy")
    assert store.db.execute_sql("SELECT count(*) FROM company").fetchone()[0] == 1


def test_a_dry_run_reports_and_writes_nothing(demo_store, tmp_path):
    document = transfer.export_document(demo_store)
    path = tmp_path / "target.sqlite"
    open_store(path).close()
    before = path.read_bytes()
    with open_store(path) as target:
        summary = transfer.import_document(target, document, dry_run=True)
        assert summary.added["contacts"] == 28
        assert target.db.execute_sql("SELECT count(*) FROM contact").fetchone()[0] == 0
    assert path.read_bytes() == before


def test_the_chats_part_imports_on_its_own(demo_store, tmp_path):
    part = subset(transfer.export_document(demo_store), "chats")
    reread = json_format.loads(json_format.dumps(part))  # references all resolve
    with open_store(tmp_path / "c.sqlite") as other:
        summary = transfer.import_document(other, reread)
        assert summary.added["chats"] == 14
        lukasz = other.db.execute_sql(
            "SELECT count(*) FROM contact WHERE first_name = 'Agnieszka'").fetchone()[0]
        assert lukasz == 0  # not in any chat, not referring anyone who is


def _doc(**sections) -> dict:
    return {"format": "coffee-chats", "version": 1, **sections}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"hello": 1}, "not a Coffee Chats export"),
        ([1, 2], "not a Coffee Chats export"),
        (_doc(version=2), "newer Coffee Chats (format version 2)"),
        (_doc(version="1"), '"version" should be a whole number'),
        (_doc(contacts={}), "contacts: should be a list"),
        (_doc(contacts=[{"first_name": "A"}]), "contacts[0].uid: is required"),
        (_doc(contacts=[{"uid": "a", "source": "fax"}]), "contacts[0].source: 'fax' is not one"),
        (_doc(contacts=[{"uid": "a", "connected_on": "17/05/2024"}]),
         "contacts[0].connected_on: should be a date"),
        (_doc(contacts=[{"uid": "a"}, {"uid": "a"}]), "contacts[1].uid: repeats contacts[0]"),
        (_doc(contacts=[{"uid": "a", "referred_by": "zz"}]),
         "contacts[0].referred_by: refers to 'zz'"),
        (_doc(chats=[{"uid": "c", "contact": "nobody"}]), "chats[0].contact: refers to"),
        (_doc(contacts=[{"uid": "a"}], chats=[{"uid": "c", "contact": "a", "minutes": "30"}]),
         "chats[0].minutes: should be a whole number"),
        (_doc(companies=[{"uid": "x", "name": "Acme"}, {"uid": "y", "name": "ACME"}]),
         "companies[1].name: repeats companies[0]"),
        (_doc(contacts=[{"uid": "a", "archived": "yes"}]), "should be true or false"),
        (_doc(contacts=[{"uid": "a", "emails": [7]}]), "contacts[0].emails[0]"),
        (_doc(settings={"a": 1}), "settings: should be an object of strings"),
    ],
)
def test_malformed_documents_are_refused_with_where_and_why(data, message):
    with pytest.raises(DocumentError) as caught:
        json_format.from_json_object(data)
    assert message in str(caught.value)
    assert "Nothing was imported" in str(caught.value)


def test_text_that_is_not_json_or_not_utf8_is_refused():
    with pytest.raises(DocumentError, match="not valid JSON \\(line 1"):
        json_format.loads('{"format": ')
    with pytest.raises(DocumentError, match="not UTF-8"):
        json_format.loads(b'{"format": "\xff"}')


def test_many_problems_are_summed_up_not_all_listed():
    data = _doc(contacts=[{"uid": str(i), "source": "fax"} for i in range(12)])
    with pytest.raises(DocumentError, match="and 7 more problems") as caught:
        json_format.from_json_object(data)
    assert len(caught.value.problems) == 12


def test_a_hand_written_minimal_document_imports_with_defaults(store):
    data = _doc(
        contacts=[{"uid": "p1", "first_name": "Zoë", "emails": ["zoe@example.org"]}],
        chats=[{"uid": "c1", "contact": "p1", "scheduled_at": "2030-01-02T10:00:00Z",
                "questions": [{"text": "Why?"}]}],
        notes=[{"uid": "n1", "chat": "c1", "at": "2030-01-02T10:05:00", "text": "hi",
                "kind": "quote"}],
        insights=[{"uid": "i1", "text": "Learn SQL", "kind": "skill"}],
        follow_ups=[{"uid": "f1", "contact": "p1", "due": "2030-01-09", "kind": "check_in"}],
    )
    summary = transfer.import_document(store, json_format.from_json_object(data))
    assert summary.total_added == 5
    zoe = contacts.get(store, 1)
    assert zoe.emails == (r.Labelled("zoe@example.org", ""),) and zoe.source is Source.OTHER
    detail = chats.detail(store, 1)
    assert detail.chat.status is ChatStatus.IDEA and detail.chat.minutes == 30
    assert detail.chat.scheduled_at.tzinfo is None  # a UTC time became local time
    assert detail.questions[0].text == "Why?"
    assert detail.notes[0].kind is NoteKind.QUOTE
    assert chats.follow_ups_for_contact(store, 1)[0].kind is FollowUpKind.CHECK_IN
    assert chats.follow_ups_for_contact(store, 1)[0].due == date(2030, 1, 9)
    kinds = [k for (k,) in store.db.execute_sql("SELECT kind FROM insight")]
    assert kinds == [InsightKind.SKILL.value]


def test_built_in_questions_match_by_key_and_keep_the_users_wording(store, tmp_path):
    store.db.execute_sql("UPDATE question SET text = 'Mine!', edited = 1 WHERE id = 1")
    document = transfer.export_document(store)
    with open_store(tmp_path / "other.sqlite") as other:
        other.db.execute_sql("UPDATE question SET text = 'Theirs!', edited = 1 WHERE id = 2")
        transfer.import_document(other, document)
        texts = dict(other.db.execute_sql("SELECT id, text FROM question WHERE id IN (1, 2)"))
        total = other.db.execute_sql("SELECT count(*) FROM question").fetchone()[0]
    assert texts == {1: "Mine!", 2: "Theirs!"}  # edited wording wins over the stock text
    assert total == len(document.records("questions"))  # matched, never duplicated


def test_the_format_describes_every_section_of_a_document():
    from desktop.domain.document import SECTION_NAMES
    from desktop.io.json_schema import SECTIONS

    assert tuple(SECTIONS) == SECTION_NAMES


def test_empty_keys_mean_none_and_huge_numbers_are_refused(store):
    data = _doc(questions=[{"uid": "a", "key": "", "text": "One?"},
                           {"uid": "b", "key": "", "text": "Two?"}])
    summary = transfer.import_document(store, json_format.from_json_object(data))
    assert summary.added["questions"] == 2
    with pytest.raises(DocumentError, match="minutes: should be between 0 and"):
        json_format.from_json_object(_doc(contacts=[{"uid": "p"}], chats=[
            {"uid": "c", "contact": "p", "minutes": 10**30}]))


def test_a_clash_the_rules_did_not_foresee_rolls_back_with_a_message(store):
    contacts.save(store, r.Contact(first_name="Ada"))
    store.db.execute_sql("CREATE UNIQUE INDEX test_role ON contact(role)")  # a rule we lack
    data = _doc(contacts=[{"uid": "p1", "role": ""}, {"uid": "p2", "role": "x"}])
    with pytest.raises(UserError, match="clashes with this database"):
        transfer.import_document(store, json_format.from_json_object(data))
    assert store.db.execute_sql("SELECT count(*) FROM contact").fetchone()[0] == 1


def test_a_lead_from_an_insight_that_already_has_one_is_that_lead(demo_store, tmp_path):
    document = transfer.export_document(demo_store)
    lead = dict(document.records("job_leads")[0], uid="another-uid-for-the-same-lead")
    again = type(document)({**document.sections, "job_leads": (lead,)}, {})
    summary = transfer.import_document(demo_store, again)
    assert summary.added["job_leads"] == 0 and summary.existing["job_leads"] == 1
