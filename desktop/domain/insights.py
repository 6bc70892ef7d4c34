"""Insights across chats: normalising what people said, grouping alike things, and records.

Pure functions and frozen records for the Insights page. "Alike" is deliberately simple and
predictable: case, accents, punctuation, filler words and plural endings are ignored, and the
remaining words compared as a set ("Learn SQL", "sql!" and "Strong SQL skills" match). What
this misses the user merges by hand; a merge is stored as a key pointing at another key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache

from desktop.domain.enums import InsightKind
from desktop.domain.rules import fold

# Words that say how something was said rather than what: dropped before comparing.
_FILLER = frozenset(
    """
    a an the and or of to for in on at by with from about into as is are be been being it its
    this that these those your you yours i me my we our they them their he she his her
    learn learning learned get getting know knowing build building improve improving develop
    developing practice practise practising practicing work working on use using
    strong stronger good better great solid really very more most much lot lots some any
    skill skills ability experience important essential key crucial should must need needs
    needed have has having do does doing can could would will also just how what why
    """.split()
)
# Keeps "c++" and "c#" whole.
_WORD = re.compile(r"[^\W_]+[+#]*")


def _singular(word: str) -> str:
    # Enough English to make "models"/"model", "analyses"/"analysis" and "approaches"/
    # "approach" meet; no stemming beyond that, because "design"/"designer" are different
    # things to a career changer.
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("yses"):
        return word[:-2] + "is"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The key that alike texts share: content words, singular, sorted, space-joined.

    Text made only of filler words keeps its words (so "Work hard" does not vanish).
    """
    words = _WORD.findall(fold(text))
    content = sorted({_singular(w) for w in words if w not in _FILLER})
    if not content:
        content = sorted({_singular(w) for w in words})
    return " ".join(content)


def resolve(key: str, merges: dict[str, str]) -> str:
    """Follows merge links from `key` to the group it ended up in (cycle-safe)."""
    seen = {key}
    while key in merges:
        key = merges[key]
        if key in seen:
            break
        seen.add(key)
    return key


# --- records ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Mention:
    """One insight as said in one chat, by one person."""

    insight_id: int
    text: str
    chat_id: int | None
    contact_id: int | None
    contact_name: str = ""
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class InsightGroup:
    """Alike insights of one kind; `people` is how many different contacts said it and
    `names` who they are, in the order they first said it."""

    kind: InsightKind
    key: str
    title: str
    people: int
    mentions: tuple[Mention, ...]
    done: bool = False
    names: tuple[str, ...] = ()


def _names(mentions: Iterable[Mention]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for m in mentions:
        if m.contact_name:
            seen.setdefault(m.contact_name, None)
    return tuple(seen)


def group_mentions(
    kind: InsightKind,
    mentions: Iterable[Mention],
    merges: dict[str, str] | None = None,
    done_keys: set[str] | None = None,
) -> list[InsightGroup]:
    """Groups one kind's mentions by normalised text, ranked by people, then mentions.

    The title is the wording used most often (ties: the earliest), as the user wrote it.
    """
    merges = merges or {}
    done_keys = done_keys or set()
    buckets: dict[str, list[Mention]] = {}
    for mention in mentions:
        key = resolve(normalise(mention.text), merges)
        buckets.setdefault(key, []).append(mention)
    groups = []
    for key, items in buckets.items():
        people = len({m.contact_id for m in items if m.contact_id is not None})
        wording: dict[str, int] = {}
        for m in items:
            text = " ".join(m.text.split())
            wording[text] = wording.get(text, 0) + 1
        title = max(wording, key=lambda t: wording[t])  # max keeps the first of equal counts
        groups.append(InsightGroup(kind, key, title, people, tuple(items), key in done_keys,
                                   _names(items)))
    groups.sort(key=lambda g: (-g.people, -len(g.mentions), fold(g.title)))
    return groups


class LeadStatus(StrEnum):
    NEW = "new"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True, slots=True)
class JobLead:
    """An unadvertised role someone mentioned. Without an id it is a job-lead insight that
    nobody has tracked yet; saving it makes it a stored lead."""

    company: str
    role: str
    contact_id: int | None = None
    contact_name: str = ""
    chat_id: int | None = None
    insight_id: int | None = None
    career_path_id: int | None = None
    status: LeadStatus = LeadStatus.NEW
    notes: str = ""
    created_at: datetime | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class CareerPath:
    name: str
    note: str = ""
    position: int = 0
    chats: int = 0
    id: int | None = None


@dataclass(frozen=True, slots=True)
class PathChat:
    chat_id: int
    contact_id: int
    contact_name: str
    status: str
    when: datetime | None = None


@dataclass(frozen=True, slots=True)
class CareerPathView:
    """A path with its evidence: the chats linked to it, what they taught, leads, my note."""

    path: CareerPath
    chats: tuple[PathChat, ...] = ()
    insights: tuple[Mention, ...] = ()
    leads: tuple[JobLead, ...] = ()


@dataclass(frozen=True, slots=True)
class ReferralNode:
    """A contact on a referred-by link; `children` are the people they introduced, and
    `descendants` how many people came through them in all."""

    contact_id: int
    name: str
    company: str = ""
    chats_held: int = 0
    children: tuple[ReferralNode, ...] = ()
    descendants: int = 0

    @property
    def size(self) -> int:
        return 1 + self.descendants


@dataclass(frozen=True, slots=True)
class Funnel:
    requested: int = 0
    held: int = 0
    thanked: int = 0
    referral_given: int = 0

    def steps(self) -> tuple[tuple[str, int], ...]:
        return (("requested", self.requested), ("held", self.held),
                ("thanked", self.thanked), ("referral_given", self.referral_given))


@dataclass(frozen=True, slots=True)
class Figures:
    per_month: tuple[tuple[date, int], ...] = ()  # first day of month, chats held
    funnel: Funnel = field(default_factory=Funnel)
    thanked_on_time: int = 0
    thanked_late: int = 0

    @property
    def on_time_share(self) -> float | None:
        total = self.thanked_on_time + self.thanked_late
        return self.thanked_on_time / total if total else None


@dataclass(frozen=True, slots=True)
class InsightsOverview:
    """Everything the Insights page shows, built in one go."""

    groups: dict[InsightKind, tuple[InsightGroup, ...]]
    leads: tuple[JobLead, ...]
    paths: tuple[CareerPath, ...]
    referral_roots: tuple[ReferralNode, ...]
    figures: Figures
