"""The shape of the Coffee Chats JSON format, version 1: its sections and their fields.

`SECTIONS` is the format's description for the code (docs/json-format.md is the one for
people): the sections in the order they are written and imported, each a tuple of
`Field`s. `desktop.io.json_format` reads and writes documents with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from desktop.domain.document import SECTION_NAMES, Document, Record
from desktop.domain.enums import (
    ChatStatus,
    FollowUpKind,
    InsightKind,
    InteractionKind,
    Medium,
    NoteKind,
    QuestionCategory,
    Source,
)
from desktop.domain.insights import LeadStatus
from desktop.errors import UserError

__all__ = ["Document", "Record", "SECTIONS", "SECTION_NAMES", "Field", "DocumentError"]

FORMAT_NAME = "coffee-chats"
FORMAT_VERSION = 1
MAX_PROBLEMS_SHOWN = 5


class DocumentError(UserError):
    """The document is not a Coffee Chats JSON document, or is malformed; nothing was read."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        shown = "; ".join(problems[:MAX_PROBLEMS_SHOWN])
        more = len(problems) - MAX_PROBLEMS_SHOWN
        suffix = f"; and {more} more problem{'s' if more > 1 else ''}" if more > 0 else ""
        super().__init__(
            f"The JSON document cannot be imported: {shown}{suffix}. Nothing was imported."
        )


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record: its JSON name, its kind and what a missing value means.

    kinds: text, int, bool, date, datetime, enum (with `enum`), ref (with `ref`, a section
    name), names (a list of strings), labelled (a list of {"value", "label"}),
    chat_questions (a list of planned questions).
    """

    name: str
    kind: str = "text"
    nullable: bool = False
    required: bool = False
    enum: type[Enum] | None = None
    ref: str | None = None
    default: Any = None

    def missing(self) -> Any:
        if self.nullable:
            return None
        return {"text": "", "int": 0, "bool": False, "names": (), "labelled": (),
                "chat_questions": ()}.get(self.kind) if self.default is None else self.default


def _f(name: str, kind: str = "text", **kw: Any) -> Field:
    return Field(name, kind, **kw)


UID = _f("uid", required=True)
EXPORTED_AT = _f("exported_at", "datetime", nullable=True)
STAMP = _f("created_at", "datetime", nullable=True)

# The sections in the order they are written and imported: what a record refers to comes
# before it. Tags are identified by name, insight groups by kind and key, the rest by uid.
SECTIONS: dict[str, tuple[Field, ...]] = {
    "tags": (_f("name", required=True), _f("cadence_days", "int", nullable=True)),
    "companies": (
        UID, _f("name", required=True), _f("industry"), _f("website"), _f("notes"),
        STAMP, _f("updated_at", "datetime", nullable=True),
    ),
    "contacts": (
        UID, _f("first_name"), _f("last_name"), _f("role"),
        _f("company", "ref", nullable=True, ref="companies"), _f("location"),
        _f("emails", "labelled"), _f("phones", "labelled"), _f("linkedin_url"),
        _f("source", "enum", enum=Source, default=Source.OTHER),
        _f("referred_by", "ref", nullable=True, ref="contacts"),
        _f("tags", "names"), _f("research"), _f("cadence_days", "int", nullable=True),
        _f("archived", "bool"), _f("connected_on", "date", nullable=True),
        _f("edited_fields", "names"), STAMP, _f("updated_at", "datetime", nullable=True),
        _f("snoozed_until", "date", nullable=True),
    ),
    "questions": (
        UID, _f("key", nullable=True), _f("text", required=True),
        _f("category", "enum", enum=QuestionCategory, default=QuestionCategory.ADVICE),
        _f("builtin", "bool"), _f("favourite", "bool"), _f("archived", "bool"),
        _f("edited", "bool"), _f("position", "int"), STAMP,
    ),
    "career_paths": (
        UID, _f("name", required=True), _f("note"), _f("position", "int"),
        _f("archived", "bool"), STAMP, _f("updated_at", "datetime", nullable=True),
    ),
    "chats": (
        UID, _f("contact", "ref", required=True, ref="contacts"),
        _f("status", "enum", enum=ChatStatus, default=ChatStatus.IDEA),
        _f("scheduled_at", "datetime", nullable=True), _f("minutes", "int", default=30),
        _f("time_zone"), _f("medium", "enum", enum=Medium, default=Medium.VIDEO),
        _f("place"), _f("goal"), _f("pitch"), _f("research"), _f("takeaways"),
        _f("request_text"), _f("thank_you_text"),
        _f("started_at", "datetime", nullable=True), _f("ended_at", "datetime", nullable=True),
        _f("thank_you_due", "datetime", nullable=True),
        _f("thank_you_sent_at", "datetime", nullable=True),
        _f("questions", "chat_questions"), _f("sequence", "int"),
        STAMP, _f("updated_at", "datetime", nullable=True),
        _f("career_path", "ref", nullable=True, ref="career_paths"),
    ),
    "notes": (
        UID, _f("chat", "ref", required=True, ref="chats"),
        _f("at", "datetime", required=True), _f("offset_seconds", "int", nullable=True),
        _f("text", required=True), _f("kind", "enum", enum=NoteKind, default=NoteKind.NOTE),
    ),
    "insights": (
        UID, _f("chat", "ref", nullable=True, ref="chats"),
        _f("kind", "enum", enum=InsightKind, default=InsightKind.ADVICE),
        _f("text", required=True), _f("done", "bool"), STAMP,
    ),
    "job_leads": (
        UID, _f("company"), _f("role"), _f("contact", "ref", nullable=True, ref="contacts"),
        _f("chat", "ref", nullable=True, ref="chats"),
        _f("insight", "ref", nullable=True, ref="insights"),
        _f("career_path", "ref", nullable=True, ref="career_paths"),
        _f("status", "enum", enum=LeadStatus, default=LeadStatus.NEW), _f("notes"),
        STAMP, _f("updated_at", "datetime", nullable=True),
    ),
    "follow_ups": (
        UID, _f("contact", "ref", required=True, ref="contacts"),
        _f("chat", "ref", nullable=True, ref="chats"),
        _f("kind", "enum", enum=FollowUpKind, default=FollowUpKind.CHECK_IN),
        _f("text"), _f("due", "date", required=True),
        _f("done_at", "datetime", nullable=True), STAMP,
    ),
    "interactions": (
        UID, _f("contact", "ref", required=True, ref="contacts"),
        _f("kind", "enum", enum=InteractionKind, default=InteractionKind.MESSAGE),
        _f("at", "datetime", required=True), _f("text"),
    ),
    # What the user did to a group of alike insights (merged it, ticked it off); a group
    # is identified by its kind and key, which the Insights page computes from the texts.
    "insight_groups": (
        _f("kind", "enum", enum=InsightKind, default=InsightKind.ADVICE),
        _f("key", required=True), _f("merged_into", nullable=True), _f("done", "bool"),
        _f("updated_at", "datetime", nullable=True),
    ),
}

CHAT_QUESTION_FIELDS: tuple[Field, ...] = (
    _f("text", required=True), _f("question", "ref", nullable=True, ref="questions"),
    _f("asked", "bool"), _f("answer"),
)
