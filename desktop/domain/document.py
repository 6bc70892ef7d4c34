"""A whole database as plain records, section by section: what export and import carry.

The store side (`desktop.services.transfer`) fills and reads a `Document`; the file side
(`desktop.io.json_format`) writes and parses one. A record is a dict keyed by field name
with values of their Python types (`str`, `int`, `bool`, `date`, `datetime`, the domain's
enums); a reference to another record is that record's `uid`, or None. The fields of each
section are listed in `desktop.io.json_schema` and docs/json-format.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.rules import fold

# The sections in the order they are written and imported: what a record refers to
# comes before it.
SECTION_NAMES: tuple[str, ...] = (
    "tags", "companies", "contacts", "questions", "career_paths", "chats", "notes",
    "insights", "job_leads", "follow_ups", "interactions", "insight_groups",
)

Record = dict[str, Any]


@dataclass(frozen=True)
class Document:
    """Every record of a database (or a part of it), plus the free-form settings."""

    sections: dict[str, tuple[Record, ...]] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    exported_at: datetime | None = None
    app_version: str = ""

    def records(self, section: str) -> tuple[Record, ...]:
        return self.sections.get(section, ())

    def counts(self) -> dict[str, int]:
        return {name: len(self.records(name)) for name in SECTION_NAMES}


def subset(document: Document, what: str) -> Document:
    """The part of a document that `export contacts` or `export chats` writes.

    "contacts": tags, companies and contacts. "chats": the chats with their questions,
    notes, insights, job leads and follow-ups, plus every record they refer to (contacts
    and the people who referred them, companies, tags, bank questions, career paths), so
    the result imports on its own.
    """
    if what == "all":
        return document
    by_uid = {"contacts": {r["uid"]: r for r in document.records("contacts")}}
    if what == "contacts":
        keep = {"tags": document.records("tags"), "companies": document.records("companies"),
                "contacts": document.records("contacts")}
        return Document(keep, {}, document.exported_at, document.app_version)
    if what != "chats":
        raise ValueError(what)
    chats = document.records("chats")
    chat_uids = {c["uid"] for c in chats}
    insights = tuple(i for i in document.records("insights") if i["chat"] in chat_uids)
    insight_uids = {i["uid"] for i in insights}
    leads = tuple(j for j in document.records("job_leads")
                  if j["chat"] in chat_uids and (j["insight"] in insight_uids or not j["insight"]))
    follow_ups = tuple(f for f in document.records("follow_ups") if f["chat"] in chat_uids)
    people: set[str] = set()
    pending = [x["contact"] for x in (*chats, *follow_ups, *leads)]
    while pending:  # the contacts, and whoever referred them, all the way up
        uid = pending.pop()
        if uid and uid not in people:
            people.add(uid)
            pending.append(by_uid["contacts"][uid]["referred_by"])
    contacts = tuple(c for c in document.records("contacts") if c["uid"] in people)
    company_uids = {c["company"] for c in contacts}
    tag_keys = {fold(t) for c in contacts for t in c["tags"]}
    question_uids = {q["question"] for c in chats for q in c["questions"]}
    path_uids = {x["career_path"] for x in (*chats, *leads)}
    keep = {
        "tags": tuple(t for t in document.records("tags") if fold(t["name"]) in tag_keys),
        "companies": tuple(c for c in document.records("companies")
                           if c["uid"] in company_uids),
        "contacts": contacts,
        "questions": tuple(q for q in document.records("questions")
                           if q["uid"] in question_uids),
        "career_paths": tuple(p for p in document.records("career_paths")
                              if p["uid"] in path_uids),
        "chats": chats,
        "notes": tuple(n for n in document.records("notes") if n["chat"] in chat_uids),
        "insights": insights,
        "job_leads": leads,
        "follow_ups": follow_ups,
    }
    return Document(keep, {}, document.exported_at, document.app_version)
