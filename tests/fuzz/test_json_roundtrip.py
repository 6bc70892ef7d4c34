"""The JSON export/import round trip on generated data: nothing lost, nothing changed.

Documents are generated from the format's own description (`json_schema.SECTIONS`): every
section and field, any Unicode text, dates across the whole calendar, references between
records (a contact may be referred by one listed after it). Two properties:
- the file: `loads(dumps(document))` gives the same document back;
- the store: a document imported into an empty database and exported again holds every
  record it held, field for field (the export may hold more: the built-in questions).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.document import Document
from desktop.domain.rules import fold
from desktop.io import json_format
from desktop.io.json_format import MAX_INT
from desktop.io.json_schema import CHAT_QUESTION_FIELDS, SECTIONS, Field
from desktop.services import open_store, transfer
from tests.fuzz.conftest import fuzz

CONTACT_FIELDS = ["first_name", "last_name", "role", "company", "location", "emails",
                  "phones", "linkedin_url", "research", "tags"]
texts = st.text(max_size=20)
names = st.text(min_size=1, max_size=20).filter(lambda s: s.strip())


# Stamps the store always has (an import without them stamps the record with its own time).
STAMPS = {"created_at", "updated_at"}


def _value(draw, fld: Field, pool: dict[str, list[str]], tags: list[str]):
    if fld.name in STAMPS:
        return draw(st.datetimes())
    if fld.nullable and fld.kind != "ref" and draw(st.integers(0, 4)) == 0:
        return None
    kind = fld.kind
    if kind == "ref":
        choices = pool.get(fld.ref or "", [])
        if not choices or (not fld.required and draw(st.booleans())):
            return None
        return draw(st.sampled_from(choices))
    if kind == "text":
        value = draw(names if fld.required else texts)
        return None if fld.nullable and not value else value  # "" and null mean the same
    if kind == "int":
        return draw(st.integers(0, MAX_INT))
    if kind == "bool":
        return draw(st.booleans())
    if kind == "enum":
        return draw(st.sampled_from(list(fld.enum)))
    if kind == "date":
        return draw(st.dates())
    if kind == "datetime":
        return draw(st.datetimes())
    if kind == "names":
        if fld.name == "edited_fields":
            return tuple(sorted(draw(st.sets(st.sampled_from(CONTACT_FIELDS), max_size=3))))
        return tuple(draw(st.lists(st.sampled_from(tags), unique_by=fold, max_size=3))
                     if tags else ())
    if kind == "labelled":
        return tuple(draw(st.lists(st.tuples(names, texts), max_size=3)))
    if kind == "chat_questions":
        return tuple(
            {f.name: _value(draw, f, pool, tags) for f in CHAT_QUESTION_FIELDS}
            for _ in range(draw(st.integers(0, 3))))
    raise AssertionError(kind)


@st.composite
def documents(draw) -> Document:
    pool: dict[str, list[str]] = {}
    sections = {}
    used_insights: set = set()
    for name, fields in SECTIONS.items():
        required_refs = [f.ref for f in fields if f.kind == "ref" and f.required]
        most = 0 if any(not pool.get(ref) for ref in required_refs) else 4
        uids = [f"{name}-{i}" for i in range(draw(st.integers(0, most)))]
        # Contacts may refer to any contact, later ones included (not to themselves).
        pool[name] = list(uids)
        seen_names: set[str] = set()
        records = []
        for uid in uids:
            record = {f.name: _value(draw, f, pool, [t["name"] for t in sections.get("tags", ())])
                      for f in fields}
            if "uid" in record:
                record["uid"] = uid
            if name == "contacts" and record["referred_by"] == uid:
                record["referred_by"] = None
            if name == "job_leads" and record["insight"] in used_insights:
                record["insight"] = None  # the store tracks one lead per insight
            used_insights.add(record.get("insight"))
            if name == "questions":
                record.update(key=None, builtin=False)  # the built-in ones come from the app
            identity = {"tags": "name", "companies": "name", "career_paths": "name",
                        "insight_groups": "key"}.get(name)
            if identity:
                folded = fold(record[identity]) + (
                    record["kind"].value if name == "insight_groups" else "")
                if folded in seen_names:
                    continue  # names are unique in a database: a real export never repeats
                seen_names.add(folded)
            records.append(record)
        sections[name] = tuple(records)
        pool[name] = [r["uid"] for r in records if "uid" in r]
    settings = draw(st.dictionaries(st.text(min_size=1, max_size=10).map(lambda k: f"x.{k}"),
                                    texts, max_size=3))
    return Document(sections, settings, None, "0.1.0")


@fuzz(60)
@given(documents())
def test_the_file_round_trip_gives_the_document_back(document):
    back = json_format.loads(json_format.dumps(document))
    assert back.sections == document.sections
    assert back.settings == document.settings


def _unordered_tags(record: dict) -> dict:
    """A contact's tags are a set: the store lists them by name, not as first typed."""
    if "tags" in record:
        return {**record, "tags": sorted(record["tags"])}
    return record


def _by_identity(section: str, records) -> dict:
    if section == "tags":
        return {fold(r["name"]): r for r in records}
    if section == "insight_groups":
        return {(r["kind"], r["key"]): r for r in records}
    return {r["uid"]: r for r in records}


@fuzz(25)
@given(documents())
def test_the_store_round_trip_keeps_every_record_as_it_was(document):
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "t.sqlite") as store:
        transfer.import_document(store, document)
        back = transfer.export_document(store)
    for section, records in document.sections.items():
        exported = _by_identity(section, back.records(section))
        for record in records:
            key = _by_identity(section, [record]).popitem()[0]
            assert key in exported, (section, record)
            assert _unordered_tags(exported[key]) == _unordered_tags(record), section
    for key, value in document.settings.items():
        assert back.settings.get(key) == value
