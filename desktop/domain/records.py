"""Frozen records that services hand to the UI, the command line, reports and io.

Ids are None for records not stored yet. Datetimes are naive local time, as the user sees
them; calendar export converts to UTC at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

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


@dataclass(frozen=True, slots=True)
class Labelled:
    """One e-mail address or phone number with its label ("work", "mobile", ...)."""

    value: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Company:
    name: str
    industry: str = ""
    website: str = ""
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    first_name: str = ""
    last_name: str = ""
    role: str = ""
    company: str = ""  # the company's name; "" for none
    company_id: int | None = None
    location: str = ""
    emails: tuple[Labelled, ...] = ()
    phones: tuple[Labelled, ...] = ()
    linkedin_url: str = ""
    source: Source = Source.OTHER
    referred_by_id: int | None = None
    tags: tuple[str, ...] = ()
    research: str = ""
    cadence_days: int | None = None
    archived: bool = False
    connected_on: date | None = None
    created_at: datetime | None = None
    id: int | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p).strip()

    @property
    def display_name(self) -> str:
        return self.full_name or self.company or "(no name)"

    @property
    def primary_email(self) -> str:
        return self.emails[0].value if self.emails else ""


@dataclass(frozen=True, slots=True)
class ContactRow:
    """One line of the contacts table: what the list shows, cheap to load by the thousand."""

    id: int
    name: str
    company: str
    role: str
    source: Source
    last_contact: date | None
    next_keep_in_touch: date | None
    tags: tuple[str, ...]
    emails: tuple[str, ...] = ()
    archived: bool = False


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    category: QuestionCategory = QuestionCategory.ADVICE
    builtin: bool = False
    favourite: bool = False
    archived: bool = False
    key: str | None = None  # stable key of a built-in question
    id: int | None = None
    edited: bool = False  # a built-in whose wording the user changed: upgrades keep it


@dataclass(frozen=True, slots=True)
class ChatQuestion:
    text: str
    position: int = 0
    asked: bool = False
    answer: str = ""
    question_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    kind: NoteKind = NoteKind.NOTE
    at: datetime | None = None
    offset_seconds: int | None = None
    chat_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Insight:
    text: str
    kind: InsightKind = InsightKind.ADVICE
    chat_id: int | None = None
    done: bool = False
    created_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    contact_id: int
    kind: FollowUpKind
    due: date
    text: str = ""
    done_at: datetime | None = None
    chat_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Interaction:
    contact_id: int
    kind: InteractionKind
    at: datetime
    text: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Chat:
    contact_id: int
    status: ChatStatus = ChatStatus.IDEA
    contact_name: str = ""
    scheduled_at: datetime | None = None
    minutes: int = 30
    time_zone: str = ""  # IANA name of the other person's zone, "" when same as mine
    medium: Medium = Medium.VIDEO
    place: str = ""
    goal: str = ""
    pitch: str = ""
    research: str = ""
    takeaways: str = ""
    request_text: str = ""
    thank_you_text: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    thank_you_due: datetime | None = None
    thank_you_sent_at: datetime | None = None
    created_at: datetime | None = None
    id: int | None = None
    uid: str = ""  # stable across exports: the calendar event's UID comes from it
    sequence: int = 0  # bumped when time, length or place change (iCalendar SEQUENCE)


@dataclass(frozen=True, slots=True)
class ChatDetail:
    """A chat with everything that hangs off it, for the wizard and the sheet."""

    chat: Chat
    contact: Contact
    company: Company | None = None
    questions: tuple[ChatQuestion, ...] = ()
    notes: tuple[Note, ...] = ()
    insights: tuple[Insight, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()


@dataclass(frozen=True, slots=True)
class Profile:
    """The user: their name, signature, default pitch, career goals."""

    name: str = ""
    email: str = ""
    signature: str = ""
    pitch: str = ""
    goals: str = ""


@dataclass(frozen=True, slots=True)
class Counts:
    contacts: int = 0
    companies: int = 0
    chats: int = 0
    questions: int = 0
    notes: int = 0
    insights: int = 0
    follow_ups: int = 0
    by_status: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: what it is, what to show, and what to open."""

    kind: str  # "contact", "company", "note" or "chat"
    id: int
    title: str
    snippet: str = ""
    contact_id: int | None = None
    chat_id: int | None = None


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two contacts that look like one person, and the key they share."""

    first_id: int
    second_id: int
    reason: str  # "email", "linkedin" or "name"
    key: str
    first_name: str = ""
    second_name: str = ""


@dataclass(frozen=True, slots=True)
class CompanyDuplicate:
    """Companies whose names reduce to the same key ("Google" and "Google LLC")."""

    key: str
    companies: tuple[Company, ...]
    contact_counts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DeletionImpact:
    """What goes with contacts when they are deleted, for the confirmation message."""

    contacts: int = 0
    chats: int = 0
    notes: int = 0
    follow_ups: int = 0
    interactions: int = 0
    referrals: int = 0  # other contacts who lose their "referred by" link


@dataclass(frozen=True, slots=True)
class Preferences:
    """App-wide defaults the user sets in Preferences (kept in the database's settings)."""

    paper_size: str = ""  # "letter", "a4", or "" for the locale's usual size
    chat_minutes: int = 30  # a new chat's agreed length
    thank_you_hours: int = 24  # a thank-you is due this long after a chat ends
    cadence_days: int = 0  # the default keep-in-touch cadence; 0 = none
